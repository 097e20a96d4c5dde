/** Per-counter (kiosk) and per-day views, each a table with a plain CSS bar per row. */
import type { CounterResult, DayResult } from '../api/results-api';
import { dayText, pctText } from './format';
import { WithheldText } from './withheld-text';
import { tr } from '@/lib/i18n';

/** A decorative bar; the figure next to it is the accessible value. */
function Bar({ value, max }: { value: number | null; max: number }) {
  const width = value === null || max <= 0 ? 0 : Math.min(100, (value / max) * 100);
  return (
    <span className="rs-bar" aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}

/** The rate, or why it is withheld: "< 5" for too few forms, a dash with an explanation for a second withheld group. */
function RateText({ r, minCell }: { r: CounterResult | DayResult; minCell: number }) {
  if (r.suppressed) return <WithheldText kind={r.suppressed} minCell={minCell} />;
  return <>{pctText(r.quickRatePercent)}</>;
}

export function CountersTable({
  counters,
  unitName,
  minCell,
}: {
  counters: CounterResult[];
  unitName: (code: string) => string;
  minCell: number;
}) {
  if (counters.length === 0)
    return <p className="rs-empty">{tr('Chưa có phiếu nào từ máy tại quầy.', 'No kiosk responses yet.')}</p>;
  return (
    <div className="rs-scroll">
      <table className="rs-table">
        <caption>
          {tr(
            'Theo quầy (máy tính bảng): tỷ lệ hài lòng của phiếu nhanh hợp lệ.',
            'Per counter (tablet): satisfaction in valid quick forms.',
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tr('Quầy', 'Counter')}</th>
            <th scope="col">{tr('Đơn vị', 'Unit')}</th>
            <th scope="col" className="rs-num">
              {tr('Hợp lệ', 'Valid')}
            </th>
            <th scope="col" className="rs-num">
              {tr('Nghi ngờ', 'Suspect')}
            </th>
            <th scope="col">{tr('Hài lòng', 'Satisfied')}</th>
          </tr>
        </thead>
        <tbody>
          {counters.map((c) => (
            <tr key={c.deviceId}>
              <th scope="row">{c.counterName || '—'}</th>
              <td>{unitName(c.unitCode)}</td>
              <td className="rs-num">{c.validResponses}</td>
              <td className="rs-num">{c.suspectResponses}</td>
              <td className="rs-barcell">
                <Bar value={c.quickRatePercent} max={100} /> <RateText r={c} minCell={minCell} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DaysTable({
  days,
  unitName,
  minCell,
}: {
  days: DayResult[];
  unitName: (code: string) => string;
  minCell: number;
}) {
  if (days.length === 0) return <p className="rs-empty">{tr('Chưa có phiếu nào theo ngày.', 'No responses by day yet.')}</p>;
  const max = Math.max(...days.map((d) => d.validResponses));
  return (
    <div className="rs-scroll">
      <table className="rs-table">
        <caption>
          {tr(
            'Theo ngày (giờ Việt Nam): số phiếu hợp lệ và tỷ lệ hài lòng.',
            'Per day (Vietnam time): valid responses and satisfaction.',
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tr('Ngày', 'Day')}</th>
            <th scope="col">{tr('Đơn vị', 'Unit')}</th>
            <th scope="col">{tr('Hợp lệ', 'Valid')}</th>
            <th scope="col" className="rs-num">
              {tr('Nghi ngờ', 'Suspect')}
            </th>
            <th scope="col" className="rs-num">
              {tr('Hài lòng', 'Satisfied')}
            </th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={`${d.day}-${d.unitCode}`}>
              <th scope="row">{dayText(d.day)}</th>
              <td>{unitName(d.unitCode)}</td>
              <td className="rs-barcell">
                <Bar value={d.validResponses} max={max} /> {d.validResponses}
              </td>
              <td className="rs-num">{d.suspectResponses}</td>
              <td className="rs-num">
                <RateText r={d} minCell={minCell} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
