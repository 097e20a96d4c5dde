/** Per-unit figures: valid and suspect responses, SIPAS %, counter quick-form satisfaction %. */
import type { UnitResult } from '@hailong/contracts';
import { useState } from 'react';
import { pctText } from './format';
import { WithheldText } from './withheld-text';
import { tr } from '@/lib/i18n';

type Sort = 'unit' | 'sipas-desc' | 'sipas-asc';

function sorted(units: UnitResult[], sort: Sort): UnitResult[] {
  if (sort === 'unit') return units;
  const dir = sort === 'sipas-desc' ? -1 : 1;
  // Units without a SIPAS % always go last, whichever the direction.
  return [...units].sort((a, b) =>
    a.sipasPercent === null ? 1 : b.sipasPercent === null ? -1 : dir * (a.sipasPercent - b.sipasPercent),
  );
}

const NEXT: Record<Sort, Sort> = { unit: 'sipas-desc', 'sipas-desc': 'sipas-asc', 'sipas-asc': 'unit' };
const ARIA: Record<Sort, 'none' | 'descending' | 'ascending'> = {
  unit: 'none',
  'sipas-desc': 'descending',
  'sipas-asc': 'ascending',
};

/** The unit's quick-form rate: "< 5" under the minimum cell, "chưa đủ mẫu" under the minimum sample. */
function QuickRate({ u, minCell }: { u: UnitResult; minCell: number }) {
  if (u.quickForms > 0 && u.quickForms < minCell) return <WithheldText kind="small" minCell={minCell} />;
  return <>{pctText(u.quickRatePercent)}</>;
}

export function UnitsTable({ units, minSample, minCell }: { units: UnitResult[]; minSample: number; minCell: number }) {
  const [sort, setSort] = useState<Sort>('unit');
  if (units.length === 0) return <p className="rs-empty">{tr('Chưa có phiếu nào của đợt này.', 'No responses yet.')}</p>;
  return (
    <div className="rs-scroll">
      <table className="rs-table">
        <caption>
          {tr(
            `Kết quả theo đơn vị: chỉ tính phiếu hợp lệ; dưới ${minSample} phiếu hiển thị “chưa đủ mẫu”.`,
            `Results by unit: valid responses only; below ${minSample} responses “not enough data” is shown.`,
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tr('Đơn vị', 'Unit')}</th>
            <th scope="col" className="rs-num">
              {tr('Hợp lệ', 'Valid')}
            </th>
            <th scope="col" className="rs-num">
              {tr('Nghi ngờ', 'Suspect')}
            </th>
            <th scope="col" className="rs-num" aria-sort={ARIA[sort]}>
              <button type="button" className="rs-sort" onClick={() => setSort(NEXT[sort])}>
                SIPAS % <span aria-hidden="true">{sort === 'sipas-desc' ? '▼' : sort === 'sipas-asc' ? '▲' : '↕'}</span>
                <span className="rs-sr">({tr('sắp xếp', 'sort')})</span>
              </button>
            </th>
            <th scope="col" className="rs-num">
              {tr('Hài lòng tại quầy', 'Quick-form satisfaction')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted(units, sort).map((u) => (
            <tr key={u.unitCode} data-unit={u.unitCode}>
              <th scope="row">
                {u.unitName} <span className="rs-muted">({u.unitCode})</span>
              </th>
              <td className="rs-num" data-col="valid">
                {u.validResponses}
              </td>
              <td className="rs-num" data-col="suspect">
                {u.suspectResponses}
              </td>
              <td className="rs-num" data-col="sipas">
                {pctText(u.sipasPercent)}
              </td>
              <td className="rs-num" data-col="quick">
                <QuickRate u={u} minCell={minCell} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
