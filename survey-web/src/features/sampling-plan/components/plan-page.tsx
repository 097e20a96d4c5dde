/**
 * /admin/campaigns/:campaignId/plan — the SIPAS sampling plan of a campaign: per-unit targets (entered
 * or computed from dossiers N with margin e), totals, the district → commune → hamlet tree with
 * hamlet quotas, XLSX import with a dry-run preview, and the template download.
 */
import type { SamplingPlan } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { errorMessage, tr } from '@/lib/i18n';
import { getPlan } from '../api/plan-api';
import { LocalityTree } from './locality-tree';
import { PlanImport } from './plan-import';
import { TargetsTable } from './targets-table';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import '@/app/admin.css';
import '../sampling-plan.css';

export default function PlanPage({ params }: { params: Record<string, string> }) {
  return (
    <AdminShell>
      <Plan id={params.campaignId ?? ''} />
    </AdminShell>
  );
}

function Plan({ id }: { id: string }) {
  const [plan, setPlan] = useState<SamplingPlan | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [marginPct, setMarginPct] = useState('5');
  const refresh = useCallback(() => {
    getPlan(id).then((p) => {
      setPlan(p);
      setError(null);
    }, setError);
  }, [id]);
  useEffect(refresh, [refresh]);
  const margin = Math.min(Math.max(Number(marginPct) / 100 || 0.05, 0.001), 0.5);
  const changed = (m: string) => {
    setMessage(m);
    refresh();
  };

  if (error instanceof ApiError && error.status === 401) {
    return (
      <main className="page admin">
        <p role="alert">
          <a href="/admin">{tr('Vui lòng đăng nhập để xem kế hoạch chọn mẫu.', 'Please sign in to see the sampling plan.')}</a>
        </p>
      </main>
    );
  }
  return (
    <main className="page admin">
      <p>
        <a href={`/admin/campaigns/${id}`}>{tr('← Về đợt khảo sát', 'Back to the campaign')}</a>
      </p>
      <h1>{tr('Kế hoạch chọn mẫu SIPAS', 'SIPAS sampling plan')}</h1>
      {error ? (
        <p role="alert" className="plan-error">
          {errorMessage(error)}
        </p>
      ) : null}
      {message ? (
        <p role="status" className="admin-message">
          {message}
        </p>
      ) : null}
      {!plan && !error ? (
        <p className="loading" role="status">
          {tr('Đang tải…', 'Loading…')}
        </p>
      ) : null}
      {plan ? (
        <>
          <p className="plan-totals" data-testid="plan-totals">
            {tr('Tổng chỉ tiêu', 'Total target')}: <strong>{plan.totals.target}</strong> {tr('phiếu', 'forms')} ·{' '}
            {plan.units.length} {tr('đơn vị', 'units')} · {tr('đã thu', 'collected')} {plan.totals.collected} ·{' '}
            {tr('hợp lệ', 'valid')} {plan.totals.valid}
          </p>
          <label className="plan-margin">
            {tr('Sai số e (%) khi tính n = N/(1+N·e²)', 'Margin e (%) for n = N/(1+N·e²)')}
            <input type="number" min={0.1} max={50} step={0.1} value={marginPct} onChange={(e) => setMarginPct(e.target.value)} />
          </label>
          <PlanImport campaignId={id} margin={margin} onImported={refresh} />
          <section className="admin-card" aria-labelledby="plan-targets-title">
            <h2 id="plan-targets-title">{tr('Chỉ tiêu theo đơn vị', 'Targets per unit')}</h2>
            <TargetsTable campaignId={id} plan={plan} margin={margin} onSaved={changed} />
          </section>
          <LocalityTree campaignId={id} plan={plan} onChange={changed} />
        </>
      ) : null}
    </main>
  );
}
