/**
 * Supervision (/supervision/:campaignId): progress per enumerator and unit, and the review queue
 * with valid/invalid decisions. Observers (MTTQ, Hội CCB) get the same pages read-only: the API
 * leaves answers out for them and refuses decisions (shown inline).
 */
import type { Progress, ReviewItem } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '@/lib/api-client';
import './supervision.css';

export default function SupervisionPage({ params }: { params: Record<string, string> }) {
  const id = params.campaignId ?? '';
  const [progress, setProgress] = useState<Progress | null>(null);
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setProgress(await api<Progress>(`/api/v1/campaigns/${id}/progress`));
      setItems((await api<{ items: ReviewItem[] }>(`/api/v1/campaigns/${id}/review-queue`)).items);
    } catch (err) {
      setError(errorText(err));
    }
  }, [id]);
  useEffect(() => void load(), [load]);
  const decide = async (responseId: string, state: 'valid' | 'invalid') => {
    const reason = window.prompt('Lý do / Reason') ?? '';
    if (!reason.trim()) return;
    try {
      await api(`/api/v1/responses/${responseId}/decision`, { body: { state, reason } });
      await load();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <main className="e-page">
      <h1>Giám sát điều tra / Fieldwork supervision</h1>
      {error && <p role="alert" className="e-error">{error}</p>}
      {progress && (
        <table className="e-table">
          <thead><tr><th>Điều tra viên</th><th>Đơn vị</th><th>Thu</th><th>Hợp lệ</th><th>Không hợp lệ</th><th>Chờ duyệt</th><th>Chỉ tiêu</th></tr></thead>
          <tbody>
            {progress.byEnumerator.map((r) => (
              <tr key={r.enumeratorId}><td>{r.fullName}</td><td>{r.organisation}</td><td>{r.collected}</td><td>{r.valid}</td><td>{r.invalid}</td><td>{r.pending}</td><td>{r.quota}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Phiếu cần xem xét / Review queue ({items.length})</h2>
      <ul className="e-list">
        {items.map((i) => (
          <li key={i.id}>
            <p><b>{i.unitCode}</b> · {i.formCode} · {i.enumeratorName} · {i.reviewState}</p>
            <p>Cờ / Flags: {i.flags.join(', ') || '—'}</p>
            {i.note && <p>Ghi chú: {i.note}</p>}
            <button type="button" onClick={() => void decide(i.id, 'valid')}>Hợp lệ / Valid</button>
            <button type="button" onClick={() => void decide(i.id, 'invalid')}>Không hợp lệ / Invalid</button>
          </li>
        ))}
      </ul>
    </main>
  );
}
