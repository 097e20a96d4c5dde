/** SIPAS forms collected against the sample target, live (every 10 s while the tab is visible): curve by day and units below target. */
import type { SamplingPlan } from '@hailong/contracts';
import { useCallback, useState } from 'react';
import { api } from '@/lib/api-client';
import { errorMessage, fmtDateTime, fmtInt, fmtPct, useT } from '@/lib/i18n';
import { useLive } from '@/lib/use-live';
import { countTick, DailyCurve } from './daily-curve';
import { LIVE_MS } from './staff-rates-panel';

interface Day {
  day: string;
  validResponses: number;
  suspectResponses: number;
  quickForms: number;
}

function cumulative(days: Day[]) {
  const byDay = new Map<string, number>();
  for (const d of days) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.validResponses + d.suspectResponses + d.quickForms);
  let sum = 0;
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, n]) => ({ date, value: (sum += n), title: `${date}: ${fmtInt(sum)}` }));
}

export function SipasLivePanel({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [plan, setPlan] = useState<SamplingPlan | null>(null);
  const [days, setDays] = useState<Day[]>([]);
  const [at, setAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([
      api<SamplingPlan>(`/api/v1/campaigns/${campaignId}/sampling-plan`),
      api<{ days: Day[] }>(`/api/v1/campaigns/${campaignId}/results/days`),
    ]).then(
      ([p, d]) => {
        setPlan(p);
        setDays(d.days);
        setAt(new Date());
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [campaignId]);
  useLive(load, LIVE_MS);
  const total = plan?.totals;
  const units = plan?.units ?? [];
  return (
    <section className="admin-card" aria-labelledby="sipas-live-title">
      <h2 id="sipas-live-title">
        {t('Số phiếu đã thu', 'Forms collected')}:{' '}
        <span data-testid="sipas-collected">{total ? `${fmtInt(total.collected)}/${fmtInt(total.target)}` : '…'}</span>
      </h2>
      <p className="admin-muted">
        {t('Tự cập nhật mỗi 10 giây', 'Updates every 10 seconds')}
        {at ? ` · ${fmtDateTime(at)}` : ''}
      </p>
      {error ? (
        <p role="alert" className="admin-error">
          {error}
        </p>
      ) : null}
      <DailyCurve
        points={cumulative(days)}
        target={total && total.target > 0 ? total.target : null}
        max={total?.target ?? 0}
        tick={countTick}
        yLabel={t('Số phiếu cộng dồn', 'Forms, cumulative')}
        label={t(
          'Số phiếu SIPAS cộng dồn theo ngày, đường đứt là chỉ tiêu',
          'SIPAS forms by day, cumulative; the dashed line is the target',
        )}
      />
      <h3>{t('Theo đơn vị', 'By unit')}</h3>
      <div className="admin-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('Đơn vị', 'Unit')}</th>
              <th scope="col">{t('Chỉ tiêu', 'Target')}</th>
              <th scope="col">{t('Đã thu', 'Collected')}</th>
              <th scope="col">{t('Hợp lệ', 'Valid')}</th>
              <th scope="col">{t('Đạt', 'Reached')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => {
              const below = u.target > 0 && u.collected < u.target;
              return (
                <tr key={u.unitCode} className={below ? 'admin-below' : undefined}>
                  <th scope="row">
                    {u.unitCode} · {u.unitName}
                  </th>
                  <td>{fmtInt(u.target)}</td>
                  <td>{fmtInt(u.collected)}</td>
                  <td>{fmtInt(u.valid)}</td>
                  <td>
                    {u.target > 0 ? fmtPct((100 * u.collected) / u.target) : '—'}
                    {below ? <span className="visually-hidden"> {t('(dưới chỉ tiêu)', '(below target)')}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
