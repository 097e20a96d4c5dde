/** Enumerator browser tests: filling in the open interview the way an interviewer taps it. */
import type { Page } from 'playwright-core';

/**
 * Answers every question shown (the current section): a rating of 4, a number 1, the first option;
 * free text is left empty. Counted on every turn: the first option of the result time ("Trễ hẹn")
 * brings up the two late-only questions, which are answered too.
 */
export async function answerShown(page: Page): Promise<number> {
  const questions = page.locator('.sf-question');
  let i = 0;
  for (; i < (await questions.count()); i++) {
    const q = questions.nth(i);
    const likert = q.getByText('4 · Hài lòng', { exact: true });
    if (await likert.count()) await likert.click();
    else if (await q.locator('input[type=number]').count()) await q.locator('input[type=number]').fill('1');
    else if (await q.locator('textarea').count())
      continue; // free text is optional
    else await q.locator('.sf-option').first().click();
  }
  return i;
}

/** Answers every section of the open interview, moving on with "Phần tiếp theo"; returns how many questions it saw. */
export async function answerAll(page: Page): Promise<number> {
  let total = 0;
  for (;;) {
    total += await answerShown(page);
    const next = page.getByRole('button', { name: 'Phần tiếp theo →' });
    if ((await next.count()) === 0) return total;
    await next.click();
  }
}
