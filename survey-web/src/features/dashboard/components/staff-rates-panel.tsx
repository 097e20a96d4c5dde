/** Live response rates of a staff campaign (polled every 10 s while the tab is visible): headline, curve by day, per group and per unit. */
import type { ResponseRates } from '@hailong/contracts';
import { useCallback, useState } from 'react';
import { errorMessage, fmtDateTime, fmtInt, fmtPct, useT } from '@/lib/i18n';
import { useLive } from '@/lib/use-live';
import { ratesCsvUrl, ratesXlsxUrl, responseRates } from '../api/admin-api';
import { DailyCurve } from './daily-curve';
import { groupName } from '@/lib/group-names';
import { RatesTable } from './rates-table';

export const LIVE_MS = 10_000;

export function StaffRatesPanel({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [rates, setRates] = useState<ResponseRates | null>(null);
  const [at, setAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    responseRates(campaignId).then(
      (r) => {
        setRates(r);
        setAt(new Date());
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [campaignId]);
  useLive(load, LIVE_MS);
  if (!rates)
    return error ? (
      <p role="alert" className="admin-error">
        {error}
      </p>
    ) : null;
  const o = rates.overall;
  const target = rates.targetRate;
  return (
    <section className="admin-card" aria-labelledby="rates-title">
      <h2 id="rates-title">
        {t('Tỷ lệ phản hồi', 'Response rate')}: <span data-testid="staff-rate">{fmtPct(o.rate)}</span> ({fmtInt(o.completed)}/
        {fmtInt(o.invited)})
      </h2>
      <p>
        {t('Đã gửi tới', 'Delivered')} {fmtInt(o.delivered)} · {t('thư lỗi', 'bounced')} {fmtInt(o.bounced)} ·{' '}
        {t('gửi không được', 'failed')} {fmtInt(o.failed)} · {t('đã mở', 'opened')} {fmtInt(o.opened)} ·{' '}
        {t('đang trả lời', 'in progress')} {fmtInt(o.started)} · {t('mục tiêu', 'target')} {fmtPct(target, 0)}
      </p>
      <p className="admin-muted" aria-live="off">
        {t('Tự cập nhật mỗi 10 giây', 'Updates every 10 seconds')}
        {at ? ` · ${fmtDateTime(at)}` : ''}
      </p>
      {error ? (
        <p role="alert" className="admin-error">
          {error}
        </p>
      ) : null}
      <p>
        <a href={ratesCsvUrl(campaignId)} download>
          {t('Tải về CSV', 'Download CSV')}
        </a>{' '}
        ·{' '}
        <a href={ratesXlsxUrl(campaignId)} download>
          {t('Tải về Excel', 'Download Excel')}
        </a>
      </p>
      <DailyCurve
        points={rates.byDay.map((d) => ({
          date: d.date,
          value: d.cumulativeRate,
          title: `${d.date}: ${fmtPct(d.cumulativeRate)} (${fmtInt(d.completed)})`,
        }))}
        target={target}
        max={100}
        tick={(v) => fmtPct(v, 0)}
        yLabel={t('Tỷ lệ cộng dồn (%)', 'Cumulative rate (%)')}
        label={t(
          'Tỷ lệ phản hồi cộng dồn theo ngày, đường đứt là mục tiêu',
          'Cumulative response rate by day; the dashed line is the target',
        )}
      />
      <h3>{t('Theo nhóm', 'By group')}</h3>
      <div className="admin-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('Nhóm', 'Group')}</th>
              <th scope="col">{t('Đã mời', 'Invited')}</th>
              <th scope="col">{t('Đã trả lời', 'Answered')}</th>
              <th scope="col">{t('Tỷ lệ', 'Rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rates.byGroup.map((g) => (
              <tr key={g.group} className={g.rate < target ? 'admin-below' : undefined}>
                <th scope="row">{groupName(g.group)}</th>
                <td>{fmtInt(g.invited)}</td>
                <td>{fmtInt(g.completed)}</td>
                <td>
                  {fmtPct(g.rate)}
                  {g.rate < target ? <span className="visually-hidden"> {t('(dưới mục tiêu)', '(below target)')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('Theo đơn vị', 'By unit')}</h3>
      <RatesTable rows={rates.byUnit} target={target} />
    </section>
  );
}
