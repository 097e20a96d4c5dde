/**
 * Back-checks (phúc tra): draw a share of each enumerator's forms (default 5%), list them per
 * enumerator, and record the outcome. A back-check belongs to one supervisor (the one who drew it,
 * or who takes it here): only they (and admins) get the re-contact details — place, the
 * enumerator's note and email, the procedure named — and record its outcome. Observers see
 * outcomes only (the API leaves the rest out for them).
 */
import { placeText, type BackCheck } from '@hailong/contracts';
import { useState, type FormEvent } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { claimBackCheck, drawBackChecks, recordOutcome, type Outcome } from '../api/supervision-api';
import { minutes, outcomeText, when } from './labels';
import { formText } from './form-text';

function OutcomeForm({ bc, onDone }: { bc: BackCheck; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await recordOutcome(bc.id, formText(f, 'outcome') as Outcome, formText(f, 'note'));
      setError(null);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="sv-outcome" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{tr('Kết quả phúc tra', 'Back-check outcome')}</legend>
        {(['confirmed', 'not_reached', 'contradicted'] as const).map((o) => (
          <label key={o}>
            <input type="radio" name="outcome" value={o} required defaultChecked={bc.outcome === o} /> {outcomeText(o)}
          </label>
        ))}
      </fieldset>
      <label>
        {tr('Ghi chú', 'Note')}
        <input name="note" maxLength={1000} defaultValue={bc.note ?? ''} />
      </label>
      <button type="submit">{tr('Lưu kết quả', 'Save the outcome')}</button>
      {error ? (
        <p role="alert" className="sv-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function DrawForm({ campaignId, onDone }: { campaignId: string; onDone: (text: string) => void }) {
  const [share, setShare] = useState('5');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    try {
      const r = await drawBackChecks(campaignId, Number(share) / 100);
      setError(null);
      onDone(
        r.drawn > 0
          ? tr(
              `Đã rút thêm ${r.drawn} phiếu; tổng ${r.total} phiếu phúc tra.`,
              `Drew ${r.drawn} more forms; ${r.total} back-checks in all.`,
            )
          : tr(
              `Không rút thêm phiếu nào; tổng ${r.total} phiếu phúc tra.`,
              `Nothing new to draw; ${r.total} back-checks in all.`,
            ),
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="sv-draw" onSubmit={(e) => void submit(e)}>
      <label>
        {tr('Tỷ lệ phúc tra (%)', 'Share to back-check (%)')}
        <input type="number" min={1} max={100} step={1} value={share} required onChange={(e) => setShare(e.target.value)} />
      </label>
      <button type="submit" className="sv-primary">
        {tr('Rút phiếu phúc tra', 'Draw back-checks')}
      </button>
      {error ? (
        <p role="alert" className="sv-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/** What the assigned supervisor needs to find the respondent again. */
function Contact({ bc }: { bc: BackCheck }) {
  if (!bc.contact) return null;
  const c = bc.contact;
  return (
    <div className="sv-contact" aria-label={tr('Thông tin liên hệ lại', 'Re-contact details')} role="group">
      <p>
        {tr('Địa bàn', 'Place')}: <b>{placeText(c.place) ?? bc.unitName}</b>
      </p>
      <p>
        {tr('Ghi chú của điều tra viên (để liên hệ lại)', 'Enumerator’s note (to re-contact)')}: <b>{bc.interviewNote ?? '—'}</b>
      </p>
      <p>
        {tr('Thủ tục người dân đã làm', 'Procedure the citizen used')}: {c.procedure ?? '—'}
      </p>
      <p>
        {tr('Liên hệ điều tra viên', 'Contact the enumerator')} {bc.enumeratorName}:{' '}
        <a href={`mailto:${c.enumeratorEmail}`}>{c.enumeratorEmail}</a>
      </p>
    </div>
  );
}

function Assignee({
  bc,
  userId,
  canDecide,
  onChanged,
}: {
  bc: BackCheck;
  userId: string;
  canDecide: boolean;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  if (bc.assignedTo === undefined) return null; // observers
  if (bc.assignedTo)
    return (
      <p>
        {tr('Giám sát viên phụ trách', 'Supervisor in charge')}:{' '}
        <b>{bc.assignedTo.id === userId ? tr('bạn', 'you') : bc.assignedTo.fullName}</b>
      </p>
    );
  const claim = () => claimBackCheck(bc.id).then(onChanged, (err: unknown) => setError(errorMessage(err)));
  return (
    <p>
      {tr('Chưa có giám sát viên phụ trách.', 'No supervisor in charge yet.')}{' '}
      {canDecide && !bc.contact ? (
        <button type="button" onClick={() => void claim()}>
          {tr('Nhận phúc tra phiếu này', 'Take this back-check')}
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="sv-error">
          {' '}
          {error}
        </span>
      ) : null}
    </p>
  );
}

export function BackChecksPanel({
  campaignId,
  userId,
  items,
  canDecide,
  onChanged,
}: {
  campaignId: string;
  userId: string;
  items: BackCheck[];
  canDecide: boolean;
  onChanged: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const byEnumerator = new Map<string, BackCheck[]>();
  for (const b of items) byEnumerator.set(b.enumeratorId, [...(byEnumerator.get(b.enumeratorId) ?? []), b]);
  const done = items.filter((b) => b.outcome !== 'pending').length;
  return (
    <section className="sv-card" aria-labelledby="sv-back-checks">
      <h2 id="sv-back-checks">
        {tr('Phúc tra', 'Back-checks')} ({done}/{items.length} {tr('đã có kết quả', 'with an outcome')})
      </h2>
      <p className="sv-muted">
        {tr(
          'Mỗi điều tra viên được rút ngẫu nhiên một tỷ lệ phiếu (mặc định 5%) để giám sát viên liên hệ lại người được phỏng vấn. Rút lại chỉ bổ sung cho đủ tỷ lệ.',
          'A share of each enumerator’s forms (5% by default) is drawn at random for a supervisor to re-contact the respondent. Drawing again only tops up to the share.',
        )}
      </p>
      {canDecide ? (
        <DrawForm
          campaignId={campaignId}
          onDone={(t) => {
            setMessage(t);
            onChanged();
          }}
        />
      ) : null}
      {message ? (
        <p role="status" className="sv-ok">
          {message}
        </p>
      ) : null}
      {items.length === 0 ? <p className="sv-empty">{tr('Chưa rút phiếu phúc tra nào.', 'No back-checks drawn yet.')}</p> : null}
      {[...byEnumerator.values()].map((list) => (
        <div key={list[0]?.enumeratorId} className="sv-group">
          <h3>
            {list[0]?.enumeratorName} ({list.length} {tr('phiếu', 'forms')})
          </h3>
          <ul className="sv-list">
            {list.map((b) => (
              <li key={b.id} data-back-check={b.id}>
                <p>
                  <b>{b.unitCode}</b> · {b.unitName}
                  {b.localityName ? ` · ${b.localityName}` : ''} · {b.formCode}
                </p>
                <p className="sv-muted">
                  {tr('Phỏng vấn lúc', 'Interviewed at')} {when(b.startedAt)} ({minutes(b.startedAt, b.completedAt)}) ·{' '}
                  {tr('mã phiếu', 'form id')} <code>{b.clientId.slice(0, 8)}</code>
                </p>
                <Assignee bc={b} userId={userId} canDecide={canDecide} onChanged={onChanged} />
                <Contact bc={b} />
                <p>
                  {tr('Kết quả', 'Outcome')}: <b className={`sv-outcome-${b.outcome}`}>{outcomeText(b.outcome)}</b>
                  {b.checkedAt ? ` · ${when(b.checkedAt)}` : ''}
                  {b.note ? ` — ${b.note}` : ''}
                </p>
                {canDecide && b.contact ? <OutcomeForm key={`${b.id}-${b.outcome}`} bc={b} onDone={onChanged} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
