/** /admin: every campaign of both kinds with its state, window and live headline; and the create form. */
import type { Campaign, CampaignHeadline } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, useT } from '@/lib/i18n';
import { campaignHeadlines, listCampaigns } from '../api/admin-api';
import { headlineText, kindText, statusText, windowText } from './campaign-labels';
import { CreateCampaignForm } from './create-campaign-form';

export function CampaignList({ open }: { open: (id: string) => void }) {
  const t = useT();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [headlines, setHeadlines] = useState<Map<string, CampaignHeadline>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listCampaigns().then(
      (r) => setCampaigns(r.campaigns),
      (e: unknown) => setError(errorMessage(e)),
    );
    campaignHeadlines().then(
      (r) => setHeadlines(new Map(r.headlines.map((h) => [h.campaignId, h]))),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, 10_000);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <main className="page admin">
      <h1>{t('Các đợt khảo sát', 'Campaigns')}</h1>
      {error ? (
        <p className="admin-error" role="alert">
          {error}
        </p>
      ) : null}
      {campaigns === null ? <p role="status">{t('Đang tải…', 'Loading…')}</p> : null}
      {campaigns?.length === 0 ? (
        <p>
          {t('Chưa có đợt khảo sát nào. Tạo đợt đầu tiên ở biểu mẫu bên dưới.', 'No campaigns yet. Create the first one below.')}
        </p>
      ) : null}
      {campaigns && campaigns.length > 0 ? (
        <div className="admin-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{t('Các đợt khảo sát', 'Campaigns')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Tên đợt', 'Name')}</th>
                <th scope="col">{t('Loại', 'Kind')}</th>
                <th scope="col">{t('Năm', 'Year')}</th>
                <th scope="col">{t('Trạng thái', 'State')}</th>
                <th scope="col">{t('Thời gian', 'Window')}</th>
                <th scope="col">{t('Kết quả hiện tại', 'Headline')}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a
                      href={`/admin/campaigns/${c.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        open(c.id);
                      }}
                    >
                      {c.name}
                    </a>
                  </th>
                  <td>{kindText(c.kind)}</td>
                  <td>{c.year}</td>
                  <td>{statusText(c.status)}</td>
                  <td>{windowText(c)}</td>
                  <td data-testid={`headline-${c.id}`}>{headlineText(headlines.get(c.id))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section className="admin-card">
        <CreateCampaignForm onCreated={open} />
      </section>
    </main>
  );
}
