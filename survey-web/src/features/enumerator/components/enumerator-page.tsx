/**
 * The enumerator app (/e): log in and download assignments while online; then pick an assignment,
 * interview (form 01 or 02) on the shared survey renderer, and each saved form goes to the phone's
 * outbox with a client UUID and its start/end time. "Đồng bộ" (also run by itself when the network
 * comes back) uploads the outbox in batches and shows, per form, synced / pending / rejected and why.
 * A rejected form stays on the phone: it can be read, fixed and resent, moved to another assignment
 * of the same campaign and resent, or discarded after a confirmation.
 */
import type { EnumeratorAssignment } from '@hailong/contracts';
import { formName } from '@hailong/contracts/names';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { newClientId } from '@/lib/client-id';
import { fetchAssignments } from '../api/enumerator-api';
import {
  clearRejected,
  discardRejected,
  loadAssignments,
  loadLastSync,
  loadRejected,
  loadSyncedCount,
  loadSyncedLog,
  outbox,
  resendRejected,
  saveAssignments,
  syncOutbox,
  type QueuedInterview,
} from '../hooks/field-store';
import { rejectedForms, type RejectedForm } from '../hooks/rejected-store';
import { AnswersView } from './answers-view';
import { ENUMERATOR_SHELL, registerOfflineShell } from '@/lib/offline-shell';
import { preloadable } from '@/lib/preloadable';
import { useFlushSchedule } from '@/lib/use-outbox';
import { useOnline } from '../hooks/use-online';
import { AssignmentList } from './assignment-list';
import { assignmentLabel } from './place';
import { FormLog } from './form-log';
import { LoginScreen } from './login-screen';
import { summaryText } from './status-text';
import { SyncPanel } from './sync-panel';
import '@/components/survey-form/survey-form.css';
import '../enumerator.css';

/**
 * The interview screen (the survey renderer and react-hook-form, a third of the app's script) is a
 * chunk of its own: the assignment list is on screen without it (docs/0038). Its download starts as
 * soon as the list has been rendered, while the browser lays it out and paints it
 * (`preloadInterview`, called by the entry after the first render; docs/0041), so it is there when
 * the enumerator taps. The offline shell keeps it.
 */
const Interview = preloadable(() => import('./interview-screen').then((m) => m.InterviewScreen), {
  loading: (
    <main className="e-page" lang="vi">
      <p className="e-status" role="status">
        Đang mở phiếu…
      </p>
    </main>
  ),
  failed: ({ onLeave }) => (
    <main className="e-page" lang="vi">
      <p className="e-status" role="alert">
        Không mở được phiếu: máy chưa tải xong phần phỏng vấn khi còn mạng. Hãy mở lại khi có mạng. (The interview screen could
        not be loaded.)
      </p>
      <button type="button" className="e-back" onClick={onLeave}>
        ← Danh sách
      </button>
    </main>
  ),
});
/** Starts fetching the interview screen's chunk (once; a failed fetch is tried again on the next call). */
export const preloadInterview = (): Promise<unknown> => Interview.preload().catch(() => undefined);
/** What the offline shell keeps besides the page's own files: the interview screen and the validator. */
const offlineParts = () => Promise.all([Interview.preload(), import('./interview-screen').then((m) => m.loadValidator())]);

type Screen =
  | { kind: 'list' }
  | { kind: 'login' }
  | { kind: 'interview'; assignment: EnumeratorAssignment; formCode: string; startedAt: string; fixing?: RejectedForm }
  | { kind: 'view'; rejected: RejectedForm };

/** Forms waiting on the phone per assignment id (one pass: the outbox can hold hundreds of forms). */
function countByAssignment(queued: QueuedInterview[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const q of queued) counts[q.assignmentId] = (counts[q.assignmentId] ?? 0) + 1;
  return counts;
}

/** What the phone holds, re-read from storage after every change. */
function useFieldState() {
  const [assignments, setAssignments] = useState(loadAssignments);
  const [queued, setQueued] = useState<QueuedInterview[]>([]);
  const [synced, setSynced] = useState(loadSyncedCount);
  const [syncedLog, setSyncedLog] = useState(loadSyncedLog);
  const [legacyRejected, setLegacyRejected] = useState(loadRejected);
  const [rejected, setRejected] = useState<RejectedForm[]>([]);
  const [lastSync, setLastSync] = useState(loadLastSync);
  const reload = useCallback(async () => {
    setAssignments(loadAssignments());
    setSynced(loadSyncedCount());
    setSyncedLog(loadSyncedLog());
    setLegacyRejected(loadRejected());
    setLastSync(loadLastSync());
    const [queued, rejected] = [await outbox.list(), await rejectedForms.list()];
    setQueued((before) => (before.length + queued.length === 0 ? before : queued));
    setRejected((before) => (before.length + rejected.length === 0 ? before : rejected));
  }, []);
  return { assignments, queued, synced, syncedLog, rejected, legacyRejected, lastSync, reload };
}

export default function EnumeratorPage() {
  const field = useFieldState();
  const { reload } = field;
  const [screen, setScreen] = useState<Screen>({ kind: 'list' });
  const [status, setStatus] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [needsLogin, setNeedsLogin] = useState(false);
  const running = useRef<Promise<{ nextAttemptAt: number | null } | null> | null>(null);

  const sync = useCallback(
    (force = true): Promise<{ nextAttemptAt: number | null } | null> => {
      running.current ??= (async () => {
        setSyncing(true);
        setStatus('Đang đồng bộ… / Syncing…');
        const s = await syncOutbox(force);
        if (!s.stopped) await fetchAssignments().then(saveAssignments, () => undefined); // fresh quotas/counters
        setNeedsLogin(s.stopped === 'session');
        setStatus(summaryText(s));
        await reload();
        return { nextAttemptAt: s.nextAttemptAt };
      })()
        .catch(() => {
          setStatus('Không đồng bộ được; phiếu vẫn lưu trên máy. Hãy thử lại. (Sync failed; forms are kept.)');
          return null;
        })
        .finally(() => {
          running.current = null;
          setSyncing(false);
        });
      return running.current;
    },
    [reload],
  );

  // The schedule every offline front door uses (mount, back online, backoff deadline, every 30 s),
  // whenever forms wait on the phone.
  const scheduled = useCallback(async (force: boolean) => ((await outbox.count()) > 0 ? sync(force) : null), [sync]);
  useFlushSchedule(scheduled);
  const online = useOnline();

  useEffect(() => {
    void preloadInterview();
    registerOfflineShell({ ...ENUMERATOR_SHELL, lazyParts: offlineParts });
    void reload();
  }, [reload]);

  const queuedBy = useMemo(() => countByAssignment(field.queued), [field.queued]);
  const start = useCallback((a: EnumeratorAssignment, formCode: string) => {
    setStatus(null);
    setScreen({ kind: 'interview', assignment: a, formCode, startedAt: new Date().toISOString() });
  }, []);

  if (field.assignments.length === 0 || screen.kind === 'login') {
    const again = screen.kind === 'login';
    return (
      <LoginScreen
        again={again}
        onDone={() => {
          setScreen({ kind: 'list' });
          void reload().then(() => (again ? sync() : undefined));
        }}
      />
    );
  }

  /** A rejected form goes back to the outbox; sent at once when there is a network. */
  const resend = async (r: RejectedForm, change: Parameters<typeof resendRejected>[1], where: string) => {
    await resendRejected(r, change);
    await reload();
    setScreen({ kind: 'list' });
    setStatus(`Đã chuyển phiếu vào hàng chờ gửi (${where}). / Queued for resending.`);
    if (navigator.onLine) void sync();
  };

  if (screen.kind === 'view') {
    const r = screen.rejected;
    const form = field.assignments.flatMap((a) => a.forms).find((f) => f.code === r.form.formCode);
    return <AnswersView rejected={r} form={form} onBack={() => setScreen({ kind: 'list' })} />;
  }

  if (screen.kind === 'interview') {
    const { assignment, formCode, startedAt, fixing } = screen;
    const form = assignment.forms.find((f) => f.code === formCode);
    if (!form) return null;
    if (fixing) {
      const errors = Object.fromEntries((fixing.errors ?? []).map((e) => [e.questionId, e.message.vi]));
      const resume = {
        answers: fixing.form.answers,
        note: fixing.form.note ?? '',
        errors,
        reason: fixing.message ?? 'Câu trả lời chưa hợp lệ',
      };
      const saveFix = (answers: Record<string, unknown>, note: string) =>
        resend(
          fixing,
          { answers: answers as QueuedInterview['answers'], note },
          `${assignmentLabel(assignment)}, ${formName(form)}`,
        );
      return (
        <Interview.Component
          key={fixing.clientId}
          assignment={assignment}
          form={form}
          startedAt={fixing.form.startedAt}
          resume={resume}
          onSave={saveFix}
          onLeave={() => setScreen({ kind: 'list' })}
        />
      );
    }
    const save = async (answers: Record<string, unknown>, note: string) => {
      const text = note.trim();
      await outbox.add({
        clientId: newClientId(),
        assignmentId: assignment.id,
        formCode: form.code,
        answers: answers as QueuedInterview['answers'],
        startedAt,
        completedAt: new Date().toISOString(),
        ...(text ? { note: text } : {}),
      });
      await reload();
      setStatus(
        `Đã lưu phiếu vào máy (${assignmentLabel(assignment)}, ${formName(form)}). Phiếu sẽ được gửi khi đồng bộ. / Saved on this phone.`,
      );
      setScreen({ kind: 'list' });
      window.scrollTo(0, 0);
    };
    return (
      <Interview.Component
        key={startedAt}
        assignment={assignment}
        form={form}
        startedAt={startedAt}
        onSave={save}
        onLeave={() => setScreen({ kind: 'list' })}
      />
    );
  }

  return (
    <main className="e-page" lang="vi">
      <h1>Phiếu khảo sát SIPAS — Điều tra viên</h1>
      <SyncPanel
        online={online}
        synced={field.synced}
        pending={field.queued.length}
        rejected={field.rejected.length + field.legacyRejected.length}
        lastSync={field.lastSync}
        syncing={syncing}
        status={status}
        needsLogin={needsLogin}
        onSync={() => void sync()}
        onLogin={() => setScreen({ kind: 'login' })}
      />
      <AssignmentList assignments={field.assignments} queuedBy={queuedBy} onStart={start} />
      <FormLog
        assignments={field.assignments}
        queued={field.queued}
        synced={field.syncedLog}
        rejected={field.rejected}
        legacyRejected={field.legacyRejected}
        onClearRejected={() => {
          clearRejected();
          void reload();
        }}
        onView={(r) => {
          setScreen({ kind: 'view', rejected: r });
          window.scrollTo(0, 0);
        }}
        onFix={(r) => {
          const a = field.assignments.find((x) => x.id === r.form.assignmentId);
          if (a)
            setScreen({ kind: 'interview', assignment: a, formCode: r.form.formCode, startedAt: r.form.startedAt, fixing: r });
        }}
        onMove={(r, assignmentId) => {
          const a = field.assignments.find((x) => x.id === assignmentId);
          void resend(r, { assignmentId }, a ? assignmentLabel(a) : r.form.formCode);
        }}
        onDiscard={(r) => {
          if (!window.confirm('Xoá phiếu này khỏi máy? Các câu trả lời của cuộc phỏng vấn sẽ mất và không khôi phục được.'))
            return;
          void discardRejected(r.clientId)
            .then(reload)
            .then(() => setStatus('Đã xoá phiếu bị từ chối khỏi máy. / Rejected form discarded.'));
        }}
      />
    </main>
  );
}
