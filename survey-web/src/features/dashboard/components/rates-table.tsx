import type { ResponseRates } from '@hailong/contracts';
import { useState } from 'react';
import { fmtInt, fmtNum, useT } from '@/lib/i18n';

type Row = ResponseRates['byUnit'][number];
type Key = 'unitCode' | 'unitName' | 'invited' | 'delivered' | 'bounced' | 'failed' | 'opened' | 'started' | 'completed' | 'rate';

const COLUMNS: { key: Key; vi: string; en: string }[] = [
  { key: 'unitCode', vi: 'Mã', en: 'Code' },
  { key: 'unitName', vi: 'Đơn vị', en: 'Unit' },
  { key: 'invited', vi: 'Đã mời', en: 'Invited' },
  { key: 'delivered', vi: 'Đã gửi tới', en: 'Delivered' },
  { key: 'bounced', vi: 'Thư lỗi', en: 'Bounced' },
  { key: 'failed', vi: 'Gửi không được', en: 'Failed' },
  { key: 'opened', vi: 'Đã mở', en: 'Opened' },
  { key: 'started', vi: 'Đang trả lời', en: 'In progress' },
  { key: 'completed', vi: 'Đã trả lời', en: 'Answered' },
  { key: 'rate', vi: 'Tỷ lệ (%)', en: 'Rate (%)' },
];

/** Per-unit response rates; click a header to sort; only units below the target are highlighted (and say so). */
export function RatesTable({ rows, target }: { rows: Row[]; target: number }) {
  const t = useT();
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'rate', dir: 1 });
  const sorted = [...rows].sort((a, b) => {
    const va = a[sort.key];
    const vb = b[sort.key];
    return (typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'vi')) * sort.dir;
  });
  return (
    <div className="admin-scroll">
      <table className="admin-table" data-testid="rates-by-unit">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <button
                  type="button"
                  onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (s.dir === 1 ? -1 : 1) : 1 }))}
                >
                  {t(c.vi, c.en)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const below = r.rate < target;
            return (
              <tr key={r.unitCode} data-unit={r.unitCode} className={below ? 'admin-below' : undefined}>
                {COLUMNS.map((c) => {
                  const v = r[c.key];
                  if (c.key === 'rate')
                    return (
                      <td key={c.key}>
                        {fmtNum(r.rate)}
                        {below ? <span className="visually-hidden"> {t('(dưới mục tiêu)', '(below target)')}</span> : null}
                      </td>
                    );
                  return <td key={c.key}>{typeof v === 'number' ? fmtInt(v) : v}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
