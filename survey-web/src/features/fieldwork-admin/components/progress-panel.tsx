/** Progress per enumerator, organisation, unit and locality: collected, valid, invalid, pending, quota. */
import type { Progress } from '@hailong/contracts';
import { ProgressBar } from './progress-bar';
import { tr } from '@/lib/i18n';

type Counts = { collected: number; valid: number; invalid: number; pending: number; quota: number };

function CountsTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: Array<Counts & { key: string; name: string }>;
}) {
  if (rows.length === 0)
    return (
      <p className="fw-empty">
        {caption}: {tr('chưa có số liệu.', 'nothing yet.')}
      </p>
    );
  return (
    <table className="fw-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">Đã thu</th>
          <th scope="col">Hợp lệ</th>
          <th scope="col">Không hợp lệ</th>
          <th scope="col">Chờ duyệt</th>
          <th scope="col">Chỉ tiêu</th>
          <th scope="col">Hoàn thành</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.name}</td>
            <td>{r.collected}</td>
            <td>{r.valid}</td>
            <td>{r.invalid}</td>
            <td>{r.pending}</td>
            <td>{r.quota}</td>
            <td>
              <ProgressBar value={r.valid} max={r.quota} label={`Hoàn thành ${r.name}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ProgressPanel({ progress }: { progress: Progress | null }) {
  return (
    <section className="fw-card" aria-labelledby="fw-progress">
      <h2 id="fw-progress">{tr('Tiến độ', 'Progress')}</h2>
      <p className="fw-muted">Hoàn thành = phiếu hợp lệ / chỉ tiêu. Phiếu có cờ chờ giám sát viên duyệt.</p>
      {progress === null ? (
        <p role="status">{tr('Đang tải…', 'Loading…')}</p>
      ) : (
        <>
          <CountsTable
            caption={tr('Theo điều tra viên', 'By enumerator')}
            head="Điều tra viên"
            rows={progress.byEnumerator.map((r) => ({
              ...r,
              key: r.enumeratorId,
              name: `${r.fullName}${r.organisation ? ` (${r.organisation})` : ''}`,
            }))}
          />
          <CountsTable
            caption={tr('Theo tổ chức', 'By organisation')}
            head="Tổ chức"
            rows={progress.byOrganisation.map((r) => ({ ...r, key: r.organisation ?? '', name: r.organisation ?? '—' }))}
          />
          <CountsTable
            caption={tr('Theo đơn vị', 'By unit')}
            head="Đơn vị"
            rows={progress.byUnit.map((r) => ({ ...r, key: r.unitCode, name: `${r.unitCode} · ${r.unitName}` }))}
          />
          <CountsTable
            caption={tr('Theo xã/ấp', 'By locality')}
            head="Xã/ấp"
            rows={progress.byLocality.map((r) => ({ ...r, key: String(r.localityId), name: r.localityName }))}
          />
        </>
      )}
    </section>
  );
}
