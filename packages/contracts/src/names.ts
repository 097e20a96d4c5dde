/**
 * How a form is named on screen, without zod (`@hailong/contracts/names`), so the enumerator app can
 * list its interviews before the validators load. `forms.ts` re-exports it for the barrel.
 */
import type { PublicForm } from './forms.ts';

/** The form's name on a button: its short title, else its title. */
export function formName(f: Pick<PublicForm, 'title' | 'shortTitle'>): string {
  return (f.shortTitle ?? f.title).vi;
}
