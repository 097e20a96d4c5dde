/**
 * A figure of the PAR table that says where it came from: the explanation opens on hover, on
 * keyboard focus and on tap (a button toggles it, Escape closes it), and is the figure's
 * accessible description, so a screen reader reads it too.
 */
import { useId, useState, type ReactNode } from 'react';

export function Figure({ value, why, className }: { value: ReactNode; why: ReactNode; className?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className={`par-fig${open ? ' par-fig-open' : ''}${className ? ` ${className}` : ''}`}>
      <button
        type="button"
        aria-describedby={id}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
        onBlur={() => setOpen(false)}
      >
        {value}
      </button>
      <span role="tooltip" id={id} className="par-why">
        {why}
      </span>
    </span>
  );
}
