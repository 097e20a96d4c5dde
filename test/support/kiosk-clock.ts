/**
 * The counter tablet's clock in browser journeys (Playwright `page.clock`). `clock.runFor(ms)` fires
 * every timer due within ms, also those the page registers meanwhile, without waiting for the
 * network: a run that goes on more than 10 s past a heartbeat or a send fires that request's own
 * timeout before the server's answer arrives. A journey that needs a heartbeat's answer moves the
 * clock just past that heartbeat, and no further (`heartbeat`).
 */
import type { Page } from 'playwright-core';

/** How often the kiosk page reports to the server (survey-web use-kiosk-outbox.ts). */
export const HEARTBEAT_MS = 60_000;

export interface ClockedKiosk {
  page: Page;
  /** The page's clock when the kiosk page had opened: its heartbeat comes every minute from then. */
  mounted: number;
}

/** The page's clock time. */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => Date.now());

/** A kiosk page whose start screen is showing, with its clock time from now on. */
export async function clockedKiosk(page: Page): Promise<ClockedKiosk> {
  await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
  return { page, mounted: await pageNow(page) };
}

/** The tablet's clock time of its next heartbeat. */
export async function nextBeat({ page, mounted }: ClockedKiosk): Promise<number> {
  const now = await pageNow(page);
  return mounted + Math.floor((now - mounted) / HEARTBEAT_MS + 1) * HEARTBEAT_MS;
}

/** Moves the tablet's clock just past its next heartbeat, and no further. */
export async function heartbeat(t: ClockedKiosk): Promise<void> {
  const at = await nextBeat(t);
  await t.page.clock.runFor(at - (await pageNow(t.page)) + 200);
}
