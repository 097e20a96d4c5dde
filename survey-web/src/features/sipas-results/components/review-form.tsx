/** Accept (Chấp nhận) or reject (Loại) one suspect response: the reason is typed inline first. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { reviewResponse } from '../api/results-api';

type State = 'valid' | 'invalid';
const REASON: Record<State, [vi: string, en: string]> = {
  valid: ['Lý do chấp nhận', 'Reason to accept'],
  invalid: ['Lý do loại', 'Reason to reject'],
};
const CONFIRM: Record<State, [vi: string, en: string]> = {
  valid: ['Xác nhận chấp nhận', 'Confirm accept'],
  invalid: ['Xác nhận loại', 'Confirm reject'],
};

export function ReviewForm({ responseId, onReviewed }: { responseId: string; onReviewed: () => void }) {
  const [state, setState] = useState<State | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  // The reason field opens on the reviewer's click: move focus there (keyboard and screen-reader users land in it).
  useEffect(() => {
    if (state) reasonRef.current?.focus();
  }, [state]);
  const inputId = useId();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!state || reason.trim() === '') return setError(tr('Vui lòng ghi lý do.', 'Please type a reason.'));
    setBusy(true);
    try {
      await reviewResponse(responseId, state, reason.trim());
      onReviewed();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  if (!state) {
    return (
      <div className="rs-actions">
        <button type="button" className="rs-accept" onClick={() => setState('valid')}>
          {tr('Chấp nhận', 'Accept')}
        </button>
        <button type="button" className="rs-reject" onClick={() => setState('invalid')}>
          {tr('Loại', 'Reject')}
        </button>
      </div>
    );
  }
  return (
    <form className="rs-review" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId}>{tr(...REASON[state])}</label>
      <input id={inputId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required ref={reasonRef} />
      <button type="submit" disabled={busy} className={state === 'valid' ? 'rs-accept' : 'rs-reject'}>
        {tr(...CONFIRM[state])}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setState(null);
          setError(null);
        }}
      >
        {tr('Huỷ', 'Cancel')}
      </button>
      {error ? (
        <p role="alert" className="rs-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
