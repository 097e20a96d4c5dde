/**
 * Work over many rows (an import of 61,100 respondents) done a few thousand items per turn of the
 * event loop, so kiosk submissions arriving meanwhile are answered between two slices instead of
 * after the whole loop.
 */
export const ITEMS_PER_TURN = 2_000;

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `items.map(fn)`, yielding to the event loop every ITEMS_PER_TURN items. */
export async function mapInTurns<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % ITEMS_PER_TURN === 0) await nextTurn();
    out[i] = fn(items[i] as T, i);
  }
  return out;
}
