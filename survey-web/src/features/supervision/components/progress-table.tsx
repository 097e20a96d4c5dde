import type { Progress } from '@hailong/contracts';
import { tr } from '@/lib/i18n';

/** Progress per enumerator: collected, valid, invalid, pending review, quota. */
export function ProgressTable({ progress }: { progress: Progress | null }) {
  return (
    <section className="sv-card" aria-labelledby="sv-progress">
      <h2 id="sv-progress">{tr('Tiến độ theo điều tra viên', 'Progress')}</h2>
      {progress === null ? <p role="status">{tr('Đang tải…', 'Loading…')}</p> : null}
      {progress && progress.byEnumerator.length === 0 ? (
        <p className="sv-empty">{tr('Chưa có điều tra viên nào được giao địa bàn.', 'No assignments yet.')}</p>
      ) : null}
      {progress && progress.byEnumerator.length > 0 ? (
        <table className="sv-table">
          <thead>
            <tr>
              <th scope="col">{tr('Điều tra viên', 'Enumerator')}</th>
              <th scope="col">{tr('Tổ chức', 'Organisation')}</th>
              <th scope="col">{tr('Đã thu', 'Collected')}</th>
              <th scope="col">{tr('Hợp lệ', 'Valid')}</th>
              <th scope="col">{tr('Không hợp lệ', 'Invalid')}</th>
              <th scope="col">{tr('Chờ duyệt', 'Pending')}</th>
              <th scope="col">{tr('Chỉ tiêu', 'Quota')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.byEnumerator.map((r) => (
              <tr key={r.enumeratorId}>
                <td>{r.fullName}</td>
                <td>{r.organisation ?? '—'}</td>
                <td>{r.collected}</td>
                <td>{r.valid}</td>
                <td>{r.invalid}</td>
                <td>{r.pending}</td>
                <td>{r.quota}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
