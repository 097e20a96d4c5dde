/**
 * Back-checks (phúc tra): draw a share of each enumerator's forms (default 5%), list them per
 * enumerator, and record the outcome. A back-check belongs to one supervisor (the one who drew it,
 * or who takes it here): only they (and admins) get the re-contact details — place, the
 * enumerator's note and email, the procedure named — and record its outcome. Observers see
 * outcomes only (the API leaves the rest out for them).
 */
import { placeText, type BackCheck } from '@hailong/contracts';
import { useState, type FormEvent } from 'react';
import { errorText } from '@/lib/api-client';
import { claimBackCheck, drawBackChecks, recordOutcome, type Outcome } from '../api/supervision-api';
import { minutes, OUTCOME_TEXT, when } from './labels';
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
      setError(errorText(err));
    }
  };
  return (
    <form className="sv-outcome" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>Kết quả phúc tra / Outcome</legend>
        {(['confirmed', 'not_reached', 'contradicted'] as const).map((o) => (
          <label key={o}><input type="radio" name="outcome" value={o} required defaultChecked={bc.outcome === o} /> {OUTCOME_TEXT[o]}</label>
        ))}
      </fieldset>
      <label>Ghi chú / Note<input name="note" maxLength={1000} defaultValue={bc.note ?? ''} /></label>
      <button type="submit">Lưu kết quả / Save</button>
      {error ? <p role="alert" className="sv-error">{error}</p> : null}
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
      onDone(r.drawn > 0 ? `Đã rút thêm ${r.drawn} phiếu; tổng ${r.total} phiếu phúc tra. (Drew ${r.drawn}.)` : `Không rút thêm phiếu nào; tổng ${r.total} phiếu phúc tra. (Nothing new to draw.)`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="sv-draw" onSubmit={(e) => void submit(e)}>
      <label>Tỷ lệ phúc tra (%) / Share<input type="number" min={1} max={100} step={1} value={share} required onChange={(e) => setShare(e.target.value)} /></label>
      <button type="submit" className="sv-primary">Rút phiếu phúc tra / Draw back-checks</button>
      {error ? <p role="alert" className="sv-error">{error}</p> : null}
    </form>
  );
}

/** What the assigned supervisor needs to find the respondent again. */
function Contact({ bc }: { bc: BackCheck }) {
  if (!bc.contact) return null;
  const c = bc.contact;
  return (
    <div className="sv-contact" aria-label="Thông tin liên hệ lại / Re-contact details" role="group">
      <p>Địa bàn: <b>{placeText(c.place) ?? bc.unitName}</b></p>
      <p>Ghi chú của điều tra viên (để liên hệ lại): <b>{bc.interviewNote ?? '—'}</b></p>
      <p>Thủ tục người dân đã làm: {c.procedure ?? '—'}</p>
      <p>Liên hệ điều tra viên {bc.enumeratorName}: <a href={`mailto:${c.enumeratorEmail}`}>{c.enumeratorEmail}</a></p>
    </div>
  );
}

function Assignee({ bc, userId, canDecide, onChanged }: { bc: BackCheck; userId: string; canDecide: boolean; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  if (bc.assignedTo === undefined) return null; // observers
  if (bc.assignedTo) return <p>Giám sát viên phụ trách: <b>{bc.assignedTo.id === userId ? 'bạn' : bc.assignedTo.fullName}</b></p>;
  const claim = () => claimBackCheck(bc.id).then(onChanged, (err: unknown) => setError(errorText(err)));
  return (
    <p>
      Chưa có giám sát viên phụ trách.{' '}
      {canDecide && !bc.contact ? <button type="button" onClick={() => void claim()}>Nhận phúc tra phiếu này / Take it</button> : null}
      {error ? <span role="alert" className="sv-error"> {error}</span> : null}
    </p>
  );
}

export function BackChecksPanel({ campaignId, userId, items, canDecide, onChanged }: { campaignId: string; userId: string; items: BackCheck[]; canDecide: boolean; onChanged: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const byEnumerator = new Map<string, BackCheck[]>();
  for (const b of items) byEnumerator.set(b.enumeratorId, [...(byEnumerator.get(b.enumeratorId) ?? []), b]);
  const done = items.filter((b) => b.outcome !== 'pending').length;
  return (
    <section className="sv-card" aria-labelledby="sv-back-checks">
      <h2 id="sv-back-checks">Phúc tra <span lang="en">/ Back-checks</span> ({done}/{items.length} đã có kết quả)</h2>
      <p className="sv-muted">Mỗi điều tra viên được rút ngẫu nhiên một tỷ lệ phiếu (mặc định 5%) để giám sát viên liên hệ lại người được phỏng vấn. Rút lại chỉ bổ sung cho đủ tỷ lệ.</p>
      {canDecide ? <DrawForm campaignId={campaignId} onDone={(t) => { setMessage(t); onChanged(); }} /> : null}
      {message ? <p role="status" className="sv-ok">{message}</p> : null}
      {items.length === 0 ? <p className="sv-empty">Chưa rút phiếu phúc tra nào. <span lang="en">(No back-checks drawn yet.)</span></p> : null}
      {[...byEnumerator.values()].map((list) => (
        <div key={list[0]?.enumeratorId} className="sv-group">
          <h3>{list[0]?.enumeratorName} ({list.length} phiếu)</h3>
          <ul className="sv-list">
            {list.map((b) => (
              <li key={b.id} data-back-check={b.id}>
                <p><b>{b.unitCode}</b> · {b.unitName}{b.localityName ? ` · ${b.localityName}` : ''} · {b.formCode}</p>
                <p className="sv-muted">Phỏng vấn lúc {when(b.startedAt)} ({minutes(b.startedAt, b.completedAt)}) · mã phiếu <code>{b.clientId.slice(0, 8)}</code></p>
                <Assignee bc={b} userId={userId} canDecide={canDecide} onChanged={onChanged} />
                <Contact bc={b} />
                <p>Kết quả: <b className={`sv-outcome-${b.outcome}`}>{OUTCOME_TEXT[b.outcome]}</b>{b.checkedAt ? ` · ${when(b.checkedAt)}` : ''}{b.note ? ` — ${b.note}` : ''}</p>
                {canDecide && b.contact ? <OutcomeForm key={`${b.id}-${b.outcome}`} bc={b} onDone={onChanged} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
