import type { UnitLineage } from '@hailong/contracts';
import { useEffect, useState } from 'react';
import { errorText } from '@/lib/api-client';
import { lineageOf } from '../api/units-api';

const EVENT_NAMES: Record<string, string> = { rename: 'đổi tên', merge: 'hợp nhất', split: 'chia tách', transfer: 'chuyển', dissolve: 'giải thể' };

function Steps({ title, steps }: { title: string; steps: UnitLineage['predecessors'] }) {
  return (
    <>
      <h3>{title}</h3>
      {steps.length === 0 ? <p>Không có.</p> : (
        <ul>{steps.map((s) => <li key={`${s.code}-${s.effectiveDate}`}><strong>{s.code}</strong> {s.name} — {EVENT_NAMES[s.event] ?? s.event} từ {s.effectiveDate} ({s.basis})</li>)}</ul>
      )}
    </>
  );
}

/** A unit's predecessors, successors and names over time. */
/** `requested` changes when a code is picked in the registry table: its lineage is shown at once. */
export function LineagePanel({ code, onCode, requested }: { code: string; onCode: (code: string) => void; requested: number }) {
  const [lineage, setLineage] = useState<UnitLineage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async (c: string) => {
    setError(null);
    try {
      setLineage(await lineageOf(c.trim()));
    } catch (err) {
      setLineage(null);
      setError(errorText(err));
    }
  };
  // Only a new pick from the table triggers this; typing waits for the button.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new pick loads its lineage (the error is cleared at once)
    if (requested > 0) void show(code);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `requested`, not each keystroke in `code`, triggers the load
  }, [requested]);
  return (
    <section className="admin-card" aria-labelledby="units-lineage-title">
      <h2 id="units-lineage-title">Lịch sử đơn vị <span lang="en">Lineage</span></h2>
      <form className="admin-actions" onSubmit={(e) => { e.preventDefault(); void show(code); }}>
        <label>Mã đơn vị <input value={code} onChange={(e) => onCode(e.target.value)} /></label>
        <button type="submit">Xem lịch sử</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {lineage ? (
        <div data-testid="units-lineage">
          <p><strong>{lineage.code}</strong> {lineage.name} · hiệu lực từ {lineage.validFrom}{lineage.validTo ? ` đến ${lineage.validTo}` : ''}</p>
          <Steps title="Hình thành từ (predecessors)" steps={lineage.predecessors} />
          <Steps title="Chuyển thành (successors)" steps={lineage.successors} />
          <h3>Tên qua các thời kỳ</h3>
          <ul>{lineage.history.map((h) => <li key={h.validFrom}>Từ {h.validFrom}: {h.name} ({h.group}){h.parentCode ? `, thuộc ${h.parentCode}` : ''}{h.basis ? ` — ${h.basis}` : ''}</li>)}</ul>
        </div>
      ) : null}
    </section>
  );
}
