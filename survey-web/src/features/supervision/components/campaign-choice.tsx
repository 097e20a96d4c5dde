/** /supervision without a campaign: the SIPAS campaigns this account may watch, to pick one. */
import type { Campaign } from '@hailong/contracts';
import { useEffect, useState } from 'react';
import { api } from '@/lib/api-client';
import { errorMessage, useT } from '@/lib/i18n';

export function CampaignChoice() {
  const t = useT();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ campaigns: Campaign[] }>('/api/v1/campaigns').then(
      (r) => setCampaigns(r.campaigns.filter((c) => c.kind === 'sipas')),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  return (
    <main className="page sv">
      <h1>{t('Giám sát điều tra', 'Fieldwork supervision')}</h1>
      {error ? (
        <p role="alert" className="sv-error">
          {error}
        </p>
      ) : null}
      {campaigns === null && !error ? <p role="status">{t('Đang tải…', 'Loading…')}</p> : null}
      {campaigns?.length === 0 ? <p>{t('Chưa có đợt khảo sát SIPAS nào.', 'No SIPAS campaign yet.')}</p> : null}
      <ul className="links">
        {campaigns?.map((c) => (
          <li key={c.id}>
            <a href={`/supervision/${c.id}`}>
              {c.name} ({c.year})
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
