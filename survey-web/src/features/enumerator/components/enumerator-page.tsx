/**
 * The enumerator app (/e): log in and download assignments while online; then pick an assignment,
 * interview (form 01 or 02), and each saved form goes to the phone's outbox with a client UUID and
 * its start/end time. "Đồng bộ" uploads the outbox in batches and shows synced / pending / rejected.
 */
import type { EnumeratorAssignment, SyncResult } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@/lib/api-client';
import { fetchAssignments, login } from '../api/enumerator-api';
import { loadAssignments, loadRejected, loadSyncedCount, outbox, saveAssignments, syncOutbox } from '../hooks/field-store';
import { registerEnumeratorShell } from '../hooks/offline-shell';
import { FieldForm } from './field-form';
import '../enumerator.css';

type Screen = { kind: 'list' } | { kind: 'interview'; assignment: EnumeratorAssignment; formCode: string; startedAt: string };

function LoginScreen({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <form className="e-login" onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      login(f.get('email') as string, f.get('password') as string)
        .then(() => fetchAssignments())
        .then((a) => { saveAssignments(a); onDone(); })
        .catch((err: unknown) => setError(errorText(err)));
    }}>
      <h1>Điều tra viên / Enumerator</h1>
      <label>Email<input name="email" type="email" autoComplete="username" required /></label>
      <label>Mật khẩu / Password<input name="password" type="password" autoComplete="current-password" required /></label>
      {error && <p role="alert" className="e-error">{error}</p>}
      <button type="submit" className="primary">Đăng nhập / Log in</button>
    </form>
  );
}

export default function EnumeratorPage() {
  const [assignments, setAssignments] = useState(loadAssignments);
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const [pending, setPending] = useState(0);
  const [synced, setSynced] = useState(loadSyncedCount);
  const [rejected, setRejected] = useState<SyncResult[]>(loadRejected);
  const [status, setStatus] = useState<string | null>(null);
  const [queuedBy, setQueuedBy] = useState<Record<string, number>>({});

  const refresh = useCallback(async () => {
    const items = await outbox.list();
    setPending(items.length);
    setQueuedBy(items.reduce<Record<string, number>>((m, i) => ({ ...m, [i.assignmentId]: (m[i.assignmentId] ?? 0) + 1 }), {}));
  }, []);
  useEffect(() => { registerEnumeratorShell(); void refresh(); }, [refresh]);

  if (assignments.length === 0) return <LoginScreen onDone={() => setAssignments(loadAssignments())} />;

  const sync = async () => {
    setStatus('Đang đồng bộ… / Syncing…');
    const s = await syncOutbox();
    setSynced(loadSyncedCount());
    setRejected(loadRejected());
    try {
      const fresh = await fetchAssignments();
      saveAssignments(fresh);
      setAssignments(fresh);
    } catch { /* offline: keep the cached assignments */ }
    await refresh();
    setStatus(s.offline
      ? `Mất kết nối, còn ${s.remaining} phiếu chờ / Offline, ${s.remaining} pending`
      : `Đã gửi ${s.stored} phiếu mới, ${s.duplicate} đã có, ${s.rejected.length} bị từ chối / ${s.stored} stored, ${s.duplicate} already stored, ${s.rejected.length} rejected`);
  };

  if (screen.kind === 'interview') {
    const form = screen.assignment.forms.find((f) => f.code === screen.formCode);
    if (!form) return null;
    return (
      <main className="e-page">
        <FieldForm form={form} onCancel={() => setScreen({ kind: 'list' })} onSubmit={(answers, note) => {
          void outbox.add({
            clientId: crypto.randomUUID(), assignmentId: screen.assignment.id, formCode: form.code, answers,
            startedAt: screen.startedAt, completedAt: new Date().toISOString(), ...(note.trim() ? { note: note.trim() } : {}),
          }).then(refresh).then(() => { setStatus('Đã lưu phiếu vào máy / Saved on this phone'); setScreen({ kind: 'list' }); });
        }} />
      </main>
    );
  }

  return (
    <main className="e-page">
      <header className="e-head">
        <h1>Phiếu khảo sát SIPAS</h1>
        <p data-testid="e-counts">Đã đồng bộ / Synced: <b data-testid="e-synced">{synced}</b> · Chờ gửi / Pending: <b data-testid="e-pending">{pending}</b> · Bị từ chối / Rejected: <b data-testid="e-rejected">{rejected.length}</b></p>
        <button type="button" className="primary" onClick={() => void sync()}>Đồng bộ / Sync</button>
        {status && <p role="status" data-testid="e-status">{status}</p>}
      </header>
      <ul className="e-list">
        {assignments.map((a) => {
          const done = a.collected + (queuedBy[a.id] ?? 0);
          return (
            <li key={a.id} data-assignment={a.unitCode}>
              <h2>{a.unitCode} — {a.unitName}</h2>
              <p>{a.campaignName}</p>
              <progress max={Math.max(a.quota, 1)} value={Math.min(done, a.quota)} aria-label={`${done}/${a.quota}`} />
              <p>{done} / {a.quota} phiếu{done > a.quota ? ' (vượt chỉ tiêu / over quota)' : ''}</p>
              {a.forms.map((f) => (
                <button key={f.code} type="button" onClick={() => setScreen({ kind: 'interview', assignment: a, formCode: f.code, startedAt: new Date().toISOString() })}>
                  Phỏng vấn mẫu {f.code}
                </button>
              ))}
            </li>
          );
        })}
      </ul>
      {rejected.length > 0 && (
        <section className="e-rejected">
          <h2>Phiếu bị từ chối / Rejected forms</h2>
          <ul>{rejected.map((r) => <li key={r.clientId}>{r.clientId.slice(0, 8)}: {r.message ?? r.reason}{r.errors?.length ? ` (${r.errors.map((e) => e.questionId).join(', ')})` : ''}</li>)}</ul>
        </section>
      )}
    </main>
  );
}
