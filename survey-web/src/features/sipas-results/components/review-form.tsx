/** Accept (Chấp nhận) or reject (Loại) one suspect response: the reason is typed inline first. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorText } from '@/lib/api-client';
import { reviewResponse } from '../api/results-api';

type State = 'valid' | 'invalid';
const VERB: Record<State, string> = { valid: 'Chấp nhận', invalid: 'Loại' };
const VERB_EN: Record<State, string> = { valid: 'Accept', invalid: 'Reject' };

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
    if (!state || reason.trim() === '') return setError('Vui lòng ghi lý do. (Please type a reason.)');
    setBusy(true);
    try {
      await reviewResponse(responseId, state, reason.trim());
      onReviewed();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  if (!state) {
    return (
      <div className="rs-actions">
        <button type="button" className="rs-accept" onClick={() => setState('valid')}>Chấp nhận <span lang="en">/ Accept</span></button>
        <button type="button" className="rs-reject" onClick={() => setState('invalid')}>Loại <span lang="en">/ Reject</span></button>
      </div>
    );
  }
  return (
    <form className="rs-review" onSubmit={(e) => void submit(e)}>
      <label htmlFor={inputId}>Lý do {VERB[state].toLowerCase()} <span lang="en">/ Reason</span></label>
      <input id={inputId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} required ref={reasonRef} />
      <button type="submit" disabled={busy} className={state === 'valid' ? 'rs-accept' : 'rs-reject'}>
        Xác nhận {VERB[state].toLowerCase()} <span lang="en">/ Confirm {VERB_EN[state].toLowerCase()}</span>
      </button>
      <button type="button" disabled={busy} onClick={() => { setState(null); setError(null); }}>Huỷ / Cancel</button>
      {error ? <p role="alert" className="rs-error">{error}</p> : null}
    </form>
  );
}
