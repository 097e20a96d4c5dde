import type { ResponseRates } from '@hailong/contracts';
import { useState } from 'react';

type Row = ResponseRates['byUnit'][number];
type Key = 'unitCode' | 'unitName' | 'invited' | 'delivered' | 'bounced' | 'failed' | 'opened' | 'started' | 'completed' | 'rate';

const COLUMNS: { key: Key; label: string }[] = [
  { key: 'unitCode', label: 'Mã' },
  { key: 'unitName', label: 'Đơn vị' },
  { key: 'invited', label: 'Đã mời' },
  { key: 'delivered', label: 'Đã gửi tới' },
  { key: 'bounced', label: 'Thư lỗi' },
  { key: 'failed', label: 'Gửi không được' },
  { key: 'opened', label: 'Đã mở' },
  { key: 'started', label: 'Đang trả lời' },
  { key: 'completed', label: 'Đã trả lời' },
  { key: 'rate', label: 'Tỷ lệ (%)' },
];

/** Per-unit response rates; click a header to sort; units below the target are highlighted. */
export function RatesTable({ rows, target }: { rows: Row[]; target: number }) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'rate', dir: 1 });
  const sorted = [...rows].sort((a, b) => {
    const va = a[sort.key];
    const vb = b[sort.key];
    return (typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'vi')) * sort.dir;
  });
  return (
    <table className="admin-table">
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c.key} aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
              <button type="button" onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (s.dir === 1 ? -1 : 1) : 1 }))}>{c.label}</button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.unitCode} className={r.rate < target ? 'admin-below' : undefined}>
            {COLUMNS.map((c) => (
              <td key={c.key}>{c.key === 'rate' ? r.rate.toFixed(2) : r[c.key]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
