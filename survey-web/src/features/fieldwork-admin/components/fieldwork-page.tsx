/**
 * /admin/campaigns/:campaignId/fieldwork — Sở Nội vụ runs a SIPAS campaign's Post Office fieldwork:
 * field accounts, supervising organisations, assignments and quotas, progress, remuneration.
 */
import type { Campaign, CampaignAssignment, FieldAccount, Progress } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { getCampaign, listAccounts, listAssignments, listUnits, progress as loadProgress, type Unit } from '../api/fieldwork-api';
import { AccountsPanel } from './accounts-panel';
import { AssignmentsPanel } from './assignments-panel';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import { ProgressPanel } from './progress-panel';
import { RemunerationPanel } from './remuneration-panel';
import { SupervisorsPanel } from './supervisors-panel';
import '../fieldwork.css';

interface Data {
  campaign: Campaign | null;
  enumerators: FieldAccount[];
  supervisors: FieldAccount[];
  assignments: CampaignAssignment[];
  units: Unit[];
  progress: Progress | null;
}
/** Client-side navigation: the server does not serve /supervision/ as a front door on a full load yet. */
function inApp(path: string): void {
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const EMPTY: Data = { campaign: null, enumerators: [], supervisors: [], assignments: [], units: [], progress: null };

function useFieldwork(id: string, enabled: boolean) {
  const [data, setData] = useState<Data>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const [campaign, en, sup, as, units, progress] = await Promise.all([
        getCampaign(id),
        listAccounts('enumerators'),
        listAccounts('supervisors'),
        listAssignments(id),
        listUnits(),
        loadProgress(id),
      ]);
      setData({
        campaign,
        enumerators: en.accounts,
        supervisors: sup.accounts,
        assignments: as.assignments,
        units: units.units,
        progress,
      });
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an asynchronous load: its state changes come after the await
    if (enabled) void refresh();
  }, [enabled, refresh]);
  return { data, error, refresh };
}

export default function FieldworkPage({ params }: { params: Record<string, string> }) {
  const id = params.campaignId ?? '';
  return (
    <AdminShell>
      <Fieldwork id={id} />
    </AdminShell>
  );
}

function Fieldwork({ id }: { id: string }) {
  const { data, error, refresh } = useFieldwork(id, true);
  return (
    <main className="page fw">
      <p>
        <a href={`/admin/campaigns/${id}`}>{tr('← Về đợt khảo sát', 'Back to the campaign')}</a>
      </p>
      <h1>
        {tr('Điều tra thực địa', 'Fieldwork')}: {data.campaign?.name ?? '…'}
      </h1>
      <nav aria-label={tr('Các phần', 'Sections')} className="fw-nav">
        <a href="#fw-accounts">Tài khoản</a> · <a href="#fw-assignments">Phân công</a> · <a href="#fw-progress">Tiến độ</a> ·{' '}
        <a href="#fw-pay">Thù lao</a> ·{' '}
        <a
          href={`/supervision/${id}`}
          onClick={(e) => {
            e.preventDefault();
            inApp(`/supervision/${id}`);
          }}
        >
          Giám sát, phúc tra
        </a>
      </nav>
      {error ? (
        <p role="alert" className="fw-error">
          {error}{' '}
          <button type="button" onClick={() => void refresh()}>
            {tr('Thử lại', 'Retry')}
          </button>
        </p>
      ) : null}
      <AccountsPanel enumerators={data.enumerators} supervisors={data.supervisors} onChanged={() => void refresh()} />
      <SupervisorsPanel campaignId={id} />
      <AssignmentsPanel
        campaignId={id}
        assignments={data.assignments}
        enumerators={data.enumerators}
        units={data.units}
        onChanged={() => void refresh()}
      />
      <ProgressPanel progress={data.progress} />
      <RemunerationPanel campaignId={id} />
    </main>
  );
}
