/**
 * Flagged field forms: where and with which form the interview was, what each flag means for this
 * form (with its figures), the answers in words and, for supervisors, a decision (valid or invalid)
 * with a required reason. Observers see states, flags and reasons only.
 */
import { placeText, type ReviewItem } from '@hailong/contracts';
import { useState } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { decide, type QueueFilter } from '../api/supervision-api';
import { flagText, minutes, stateText, when } from './labels';
import { ReviewAnswers } from './review-answers';

function Decision({ item, onDone }: { item: ReviewItem; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async (state: 'valid' | 'invalid') => {
    if (!reason.trim()) return setError(tr('Vui lòng ghi lý do trước khi quyết định.', 'Please give a reason before deciding.'));
    try {
      await decide(item.id, state, reason.trim());
      setReason('');
      setError(null);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <div className="sv-decision">
      <label>
        {tr('Lý do', 'Reason')}
        <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" className="sv-valid" onClick={() => void send('valid')}>
        {tr('Hợp lệ', 'Valid')}
      </button>
      <button type="button" className="sv-invalid" onClick={() => void send('invalid')}>
        {tr('Không hợp lệ', 'Invalid')}
      </button>
      {error ? (
        <p role="alert" className="sv-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ReviewQueue(props: {
  items: ReviewItem[];
  filter: QueueFilter;
  setFilter: (f: QueueFilter) => void;
  canDecide: boolean;
  onChanged: () => void;
}) {
  return (
    <section className="sv-card" aria-labelledby="sv-queue">
      <h2 id="sv-queue">
        {tr('Phiếu cần xem xét', 'Review queue')} ({props.items.length})
      </h2>
      <label className="sv-filter">
        {tr('Hiển thị', 'Show')}
        <select value={props.filter} onChange={(e) => props.setFilter(e.target.value as QueueFilter)}>
          <option value="flagged">{tr('Phiếu có cờ', 'Flagged')}</option>
          <option value="pending">{tr('Chờ duyệt', 'Pending')}</option>
          <option value="all">{tr('Tất cả', 'All')}</option>
        </select>
      </label>
      {props.items.length === 0 ? (
        <p className="sv-empty">{tr('Không có phiếu nào cần xem xét.', 'Nothing to review.')}</p>
      ) : null}
      <ul className="sv-list">
        {props.items.map((i) => (
          <li key={i.id} data-review={i.id} aria-labelledby={`sv-r-${i.id}`}>
            <h3 id={`sv-r-${i.id}`} className="sv-item-title">
              {i.formName ?? i.formCode} · {i.enumeratorName}
            </h3>
            <p>
              <b>{placeText(i.place) ?? i.unitCode}</b> ({i.unitCode}) ·{' '}
              <span className={`sv-state sv-${i.reviewState}`}>{stateText(i.reviewState)}</span>
            </p>
            <p className="sv-muted">
              {tr('Phỏng vấn', 'Interviewed')} {when(i.startedAt)} ({minutes(i.startedAt, i.completedAt)}) ·{' '}
              {tr('nhận', 'received')} {when(i.receivedAt)}
            </p>
            {i.flags.length > 0 ? (
              <ul className="sv-flags" aria-label={tr('Cờ tự động và lý do', 'Automatic flags and why')}>
                {(i.flagNotes ?? i.flags.map((f) => ({ flag: f, ...flagText(f) }))).map((n) => (
                  <li key={n.flag}>{tr(n.vi, n.en)}</li>
                ))}
              </ul>
            ) : (
              <p className="sv-muted">{tr('Không có cờ.', 'No flags.')}</p>
            )}
            {i.answerLines ? <ReviewAnswers id={i.id} lines={i.answerLines} /> : null}
            {i.reviewReason ? (
              <p>
                {tr('Lý do đã ghi', 'Reason given')}: {i.reviewReason}
              </p>
            ) : null}
            {i.note ? (
              <p>
                {tr('Ghi chú của điều tra viên', 'Enumerator’s note')}: {i.note}
              </p>
            ) : null}
            {props.canDecide ? <Decision item={i} onDone={props.onChanged} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
