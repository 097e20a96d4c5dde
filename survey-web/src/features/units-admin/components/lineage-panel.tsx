import type { UnitLineage } from '@hailong/contracts';
import { useEffect, useState } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { eventName } from './event-names';
import { lineageOf } from '../api/units-api';

function Steps({ title, steps }: { title: string; steps: UnitLineage['predecessors'] }) {
  return (
    <>
      <h3>{title}</h3>
      {steps.length === 0 ? (
        <p>{tr('Không có.', 'None.')}</p>
      ) : (
        <ul>
          {steps.map((s) => (
            <li key={`${s.code}-${s.effectiveDate}`}>
              <strong>{s.code}</strong> {s.name} — {eventName(s.event)} {tr('từ', 'from')} {s.effectiveDate} ({s.basis})
            </li>
          ))}
        </ul>
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
      setError(errorMessage(err));
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
      <h2 id="units-lineage-title">{tr('Lịch sử đơn vị', 'Lineage')}</h2>
      <form
        className="admin-actions"
        onSubmit={(e) => {
          e.preventDefault();
          void show(code);
        }}
      >
        <label>
          {tr('Mã đơn vị', 'Unit code')} <input value={code} onChange={(e) => onCode(e.target.value)} />
        </label>
        <button type="submit">{tr('Xem lịch sử', 'Show the lineage')}</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {lineage ? (
        <div data-testid="units-lineage">
          <p>
            <strong>{lineage.code}</strong> {lineage.name} · {tr('hiệu lực từ', 'valid from')} {lineage.validFrom}
            {lineage.validTo ? ` ${tr('đến', 'to')} ${lineage.validTo}` : ''}
          </p>
          <Steps title={tr('Hình thành từ', 'Predecessors')} steps={lineage.predecessors} />
          <Steps title={tr('Chuyển thành', 'Successors')} steps={lineage.successors} />
          <h3>{tr('Tên qua các thời kỳ', 'Names over time')}</h3>
          <ul>
            {lineage.history.map((h) => (
              <li key={h.validFrom}>
                {tr('Từ', 'From')} {h.validFrom}: {h.name} ({h.group})
                {h.parentCode ? `, ${tr('thuộc', 'under')} ${h.parentCode}` : ''}
                {h.basis ? ` — ${h.basis}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
