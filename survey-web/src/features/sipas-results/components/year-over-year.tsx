/**
 * SIPAS of the campaign's year beside the previous year's, through the unit lineage: a merged unit
 * shows its predecessors combined (weighted by respondents), a split unit its predecessor's figure
 * "trước khi tách", and a new unit no comparison at all.
 */
import type { SipasComparison } from '@hailong/contracts';
import { useEffect, useState } from 'react';
import { errorMessage, fmtNum, tr } from '@/lib/i18n';
import { getComparison } from '../api/results-api';
import { pctText } from './format';

const change = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${fmtNum(v)}`);

export function YearOverYear({ year }: { year: number }) {
  const [data, setData] = useState<SipasComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getComparison(year).then(setData, (e: unknown) => setError(errorMessage(e)));
  }, [year]);
  if (error)
    return (
      <p role="alert" className="rs-error">
        {error}
      </p>
    );
  if (!data)
    return (
      <p className="loading" role="status">
        {tr('Đang tải…', 'Loading…')}
      </p>
    );
  return (
    <div className="rs-scroll">
      <table className="rs-table" data-testid="rs-year-over-year">
        <caption>
          {tr(
            `SIPAS năm ${data.year} so với năm ${data.previousYear} (%)`,
            `SIPAS ${data.year} against ${data.previousYear} (%)`,
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tr('Đơn vị', 'Unit')}</th>
            <th scope="col">{data.year}</th>
            <th scope="col">{data.previousYear}</th>
            <th scope="col">{tr('Chênh lệch', 'Change')}</th>
            <th scope="col">{tr('Ghi chú', 'Note')}</th>
          </tr>
        </thead>
        <tbody>
          {data.units.map((u) => (
            <tr key={u.unitCode}>
              <th scope="row">
                {u.unitName} <small>({u.unitCode})</small>
              </th>
              <td>{pctText(u.sipasPercent)}</td>
              <td>
                {u.previous.basis === 'none' ? '—' : pctText(u.previous.sipasPercent)}
                {u.previous.basis === 'merged' || u.previous.basis === 'split' ? ' *' : ''}
              </td>
              <td>{change(u.changePoints)}</td>
              <td>
                {u.previous.note ? tr(u.previous.note, u.previous.noteEn ?? u.previous.note) : null}
                {u.previous.basis === 'merged' || u.previous.basis === 'split' ? (
                  <small>
                    {' '}
                    —{' '}
                    {u.previous.from
                      .map(
                        (f) =>
                          `${f.unitCode} ${f.unitName}: ${pctText(f.sipasPercent)} (${f.validForms} ${tr('phiếu', 'forms')})`,
                      )
                      .join('; ')}
                  </small>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
