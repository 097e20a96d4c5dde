/** A text field of a submitted form ('' when missing or a file); trimmed unless `trim` is false. */
export function formText(f: FormData, name: string, trim = true): string {
  const v = f.get(name);
  if (typeof v !== 'string') return '';
  return trim ? v.trim() : v;
}
