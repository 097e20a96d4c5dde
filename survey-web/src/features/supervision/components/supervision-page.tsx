/**
 * Supervision (/supervision/:campaignId): progress per enumerator and unit, the review queue with
 * valid/invalid decisions, and back-checks (phúc tra). Observers (MTTQ, Hội CCB) get the same page
 * read-only: the API leaves answers and notes out for them and refuses decisions.
 */
import type { BackCheck, Progress, ReviewItem } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { backChecks, progress as loadProgress, reviewQueue, type QueueFilter } from '../api/supervision-api';
import { BackChecksPanel } from './back-checks-panel';
import { ProgressTable } from './progress-table';
import { ReviewQueue } from './review-queue';
import { AdminShell, useAdminUser } from '@/components/admin-shell/admin-shell';
import { CampaignChoice } from './campaign-choice';
import './supervision.css';

function useSupervision(id: string, enabled: boolean, filter: QueueFilter) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [checks, setChecks] = useState<BackCheck[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [p, q, b] = await Promise.all([loadProgress(id), reviewQueue(id, filter), backChecks(id)]);
      setProgress(p);
      setItems(q.items);
      setChecks(b.backChecks);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [id, filter]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an asynchronous load: its state changes come after the await
    if (enabled) void load();
  }, [enabled, load]);
  return { progress, items, checks, error, load };
}

export default function SupervisionPage({ params }: { params: Record<string, string> }) {
  return (
    <AdminShell roles={['admin', 'supervisor', 'observer']} signIn={{ vi: 'Đăng nhập giám sát', en: 'Supervisor sign-in' }}>
      {params.campaignId ? <Supervision id={params.campaignId} /> : <CampaignChoice />}
    </AdminShell>
  );
}

function Supervision({ id }: { id: string }) {
  const user = useAdminUser();
  const [filter, setFilter] = useState<QueueFilter>('flagged');
  const { progress, items, checks, error, load } = useSupervision(id, true, filter);
  const canDecide = user.role === 'admin' || user.role === 'supervisor';
  return (
    <main className="page sv">
      <h1>{tr('Giám sát điều tra', 'Fieldwork supervision')}</h1>
      <p className="sv-muted">
        {user.fullName} ·{' '}
        {canDecide
          ? tr('Giám sát viên', 'Supervisor')
          : tr('Quan sát viên (chỉ xem, không thấy thông tin cá nhân)', 'Observer (read only, no personal details)')}
      </p>
      {error ? (
        <p role="alert" className="sv-error">
          {error}{' '}
          <button type="button" onClick={() => void load()}>
            {tr('Thử lại', 'Retry')}
          </button>
        </p>
      ) : null}
      <ProgressTable progress={progress} />
      <ReviewQueue items={items} filter={filter} setFilter={setFilter} canDecide={canDecide} onChanged={() => void load()} />
      <BackChecksPanel campaignId={id} userId={user.id} items={checks} canDecide={canDecide} onChanged={() => void load()} />
    </main>
  );
}
