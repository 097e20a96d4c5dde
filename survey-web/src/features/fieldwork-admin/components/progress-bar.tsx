/** Collected against quota as a bar with its numbers (the bar alone is not the only cue). */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : value > 0 ? 100 : 0;
  return (
    <span className="fw-progress">
      <progress value={Math.min(value, max)} max={Math.max(max, 1)} aria-label={label} />
      <span>
        {value}/{max} ({pct}%){value > max ? ' · vượt chỉ tiêu' : ''}
      </span>
    </span>
  );
}
