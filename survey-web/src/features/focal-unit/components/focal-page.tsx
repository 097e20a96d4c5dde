/**
 * /unit — the page of a unit's focal point (đầu mối CCHC): for their own unit only, each staff
 * campaign's response rate by template, the people who have not answered yet and a button to
 * resend one person's invitation. Never answers; nothing of other units; no admin navigation.
 */
import type { FocalCampaign, FocalUnit } from '@hailong/contracts';
import { useEffect, useState } from 'react';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import { groupName } from '@/lib/group-names';
import { errorMessage, fmtDate, fmtInt, fmtPct, useT } from '@/lib/i18n';
import { getFocalUnit } from '../api/focal-api';
import { NonRespondents } from './non-respondents';

export default function FocalPage() {
  return (
    <AdminShell roles={['focal_point']} signIn={{ vi: 'Đăng nhập', en: 'Sign in' }}>
      <UnitView />
    </AdminShell>
  );
}

function UnitView() {
  const t = useT();
  const [data, setData] = useState<FocalUnit | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getFocalUnit().then(setData, (e: unknown) => setError(errorMessage(e)));
  }, []);
  return (
    <main className="page admin">
      <h1>{data ? `${data.unit.name} (${data.unit.code})` : t('Đơn vị của bạn', 'Your unit')}</h1>
      <p>
        {t(
          'Trang của đầu mối CCHC: tỷ lệ trả lời khảo sát cán bộ, công chức của đơn vị và những người chưa trả lời. Câu trả lời được lưu ẩn danh, không ai xem được ai đã trả lời gì.',
          'The focal point’s page: your unit’s staff-survey response rates and who has not answered yet. Answers are stored anonymously; nobody can see who answered what.',
        )}
      </p>
      {error ? (
        <p role="alert" className="admin-error">
          {error}
        </p>
      ) : null}
      {data && data.campaigns.length === 0 ? (
        <p role="status" className="admin-empty">
          {t(
            'Đơn vị chưa tham gia đợt khảo sát cán bộ, công chức nào.',
            'Your unit does not take part in any staff-survey campaign yet.',
          )}
        </p>
      ) : null}
      {data?.campaigns.map((c) => (
        <CampaignSection key={c.id} campaign={c} />
      ))}
    </main>
  );
}

function CampaignSection({ campaign: c }: { campaign: FocalCampaign }) {
  const t = useT();
  const titleId = `campaign-${c.id}`;
  return (
    <section className="admin-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{c.name}</h2>
      <p className="admin-facts">
        {t('Năm', 'Year')} {c.year} · {fmtDate(c.opensAt)} – {fmtDate(c.closedAt ?? c.closesAt)}
      </p>
      <table className="admin-table">
        <caption>{t('Tỷ lệ trả lời theo mẫu phiếu', 'Response rate by template')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Mẫu phiếu', 'Template')}</th>
            <th scope="col">{t('Được mời', 'Invited')}</th>
            <th scope="col">{t('Đã nhận thư', 'Delivered')}</th>
            <th scope="col">{t('Đã trả lời', 'Answered')}</th>
            <th scope="col">{t('Tỷ lệ', 'Rate')}</th>
          </tr>
        </thead>
        <tbody>
          {c.byTemplate.map((r) => (
            <tr key={r.group}>
              <th scope="row">{groupName(r.group)}</th>
              <td>{fmtInt(r.invited)}</td>
              <td>{fmtInt(r.delivered)}</td>
              <td>{fmtInt(r.completed)}</td>
              <td data-testid={`rate-${r.group}`}>{fmtPct(r.rate)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('Cả đơn vị', 'Whole unit')}</th>
            <td>{fmtInt(c.total.invited)}</td>
            <td>{fmtInt(c.total.delivered)}</td>
            <td>{fmtInt(c.total.completed)}</td>
            <td>{fmtPct(c.total.rate)}</td>
          </tr>
        </tfoot>
      </table>
      <NonRespondents campaignId={c.id} />
    </section>
  );
}
