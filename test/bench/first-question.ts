/**
 * Issue 16 benchmark: how long a respondent waits for the first question of /k (counter kiosk),
 * /o/<unit> (online form) and /e (enumerator app) on a throttled mid-range tablet — Chromium with a
 * 4× CPU slowdown (CDP `Emulation.setCPUThrottlingRate`) and fast 3G (`Network.emulateNetworkConditions`:
 * 1.6 Mbps down, 750 kbps up, 150 ms round trip) — over cold loads (new browser context: empty HTTP
 * cache, no service worker), against the built web app served by the API as in production. Also the
 * JavaScript each app loads before its first question (gzipped, test/support/bundle-size.ts) and what
 * went over the wire. Targets: first question < 1.5 s; JS < 60 KB (kiosk), < 100 KB (online form,
 * enumerator). Updates its section of BENCHMARKS.md.
 *
 * "First question visible" is timed in the page (performance.now() from navigation start, taken after
 * the frame that shows it). The kiosk and the enumerator app open on a screen with one button (start
 * a rating / start an interview); their figure is that screen's time plus the time from the tap to
 * the question, leaving out the harness's own reaction time.
 */
import os from 'node:os';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { frontDoors, initialJs } from '../support/bundle-size.ts';
import { launchBrowser, PHONE, TABLET_LANDSCAPE } from '../support/browser.ts';
import setup from '../support/global-setup.ts';
import { fileURLToPath } from 'node:url';
import { buildTestApp, type TestApp } from '../support/build-app.ts';
import { benchCommand, benchEngine, engineLabel, recordTargets, today, writeBenchSection } from './lib-benchmarks-md.ts';

const LOADS = 5;
const CPU_SLOWDOWN = 4;
const FAST_3G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const TARGET_MS = 1500;
const JS_TARGET_KB = { kiosk: 60, online: 100, enumerator: 100 } as const;
const ENUMERATOR = { email: 'ngoc@buudien.vn', password: 'Dtv-Pass-2026!' };
/** The enumerator's assignments at 1× and 10× (the list the app shows before the first question). */
const ASSIGNMENTS = 2;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface Door {
  app: keyof typeof frontDoors;
  /** e.g. "10×": a bigger case of the same app. */
  size?: string;
  path: string;
  device: BrowserContextOptions;
  /** Selector of the one button shown before the question (kiosk, enumerator), if any. */
  tap?: string;
  question: string;
  state?: StorageState;
}

interface Load {
  ms: number;
  /** Same-origin JavaScript received (bytes on the wire) before the question showed. */
  jsWireBytes: number;
}

/**
 * Runs in the page before its scripts: notes when each watched selector is first on screen, and
 * answers `window.__hlWhen(key)` with a promise of that time. The harness awaits that promise
 * instead of polling the page: polling every 50 ms took 120–350 ms of the main thread at 4× CPU,
 * time no tablet spends.
 */
function watchScript(selectors: Record<string, string>): string {
  return `(() => {
    const marks = {};
    const waiters = {};
    window.__hlMarks = marks;
    const settle = (k, t) => {
      marks[k] = t;
      for (const resolve of waiters[k] || []) resolve(t);
      delete waiters[k];
    };
    window.__hlWhen = (k) => {
      const m = marks[k];
      return m !== undefined && m >= 0 ? Promise.resolve(m) : new Promise((resolve) => (waiters[k] ||= []).push(resolve));
    };
    const sel = ${JSON.stringify(selectors)};
    const check = () => {
      for (const [k, s] of Object.entries(sel)) {
        if (marks[k] === undefined && document.querySelector(s)) {
          marks[k] = -1;
          requestAnimationFrame(() => setTimeout(() => settle(k, performance.now()), 0));
        }
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    document.addEventListener('click', () => { if (marks.tap === undefined) marks.tap = performance.now(); }, true);
  })();`;
}

/** When the watched selector `key` was first on screen (ms from navigation start). */
async function mark(page: Page, key: string, timeout = 60_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${key} not on screen within ${timeout} ms`)), timeout);
  });
  try {
    const shown = page.evaluate<number>(`window.__hlWhen(${JSON.stringify(key)})`);
    shown.catch(() => undefined); // left pending when late; the page's close rejects it
    return await Promise.race([shown, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Taps the start button and waits for the question; a tap that hit a list being redrawn is repeated. */
async function tapToQuestion(page: Page, selector: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    await page.locator(selector).first().click();
    try {
      const shown = await mark(page, 'question', 15_000);
      return shown - (await page.evaluate<number>('window.__hlMarks.tap'));
    } catch (e) {
      if (attempt === 3) throw e;
      await page.evaluate('delete window.__hlMarks.tap');
    }
  }
}

async function coldLoad(browser: Browser, base: string, door: Door, throttled = true): Promise<Load> {
  const context = await browser.newContext({ ...door.device, ...(door.state ? { storageState: door.state } : {}) });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchScript({ ...(door.tap ? { ready: door.tap } : {}), question: door.question }));
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }
    await page.goto(`${base}${door.path}`, { waitUntil: 'commit' });
    let ms: number;
    if (door.tap) {
      const ready = await mark(page, 'ready');
      ms = ready + (await tapToQuestion(page, door.tap));
    } else ms = await mark(page, 'question');
    const jsWireBytes = await page.evaluate<number>(
      `performance.getEntriesByType('resource')
        .filter((e) => e.name.startsWith(location.origin) && e.name.endsWith('.js') && e.responseEnd < ${ms})
        .reduce((n, e) => n + e.transferSize, 0)`,
    );
    return { ms, jsWireBytes };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function post(sys: TestApp, cookie: string, url: string, payload: object): Promise<Record<string, unknown>> {
  const res = await sys.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

async function signIn(browser: Browser, base: string, who: { email: string; password: string }): Promise<StorageState> {
  const phone = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  const e = await phone.newPage();
  await e.goto(`${base}/e`);
  await e.getByLabel('Email').fill(who.email);
  await e.getByLabel(/Mật khẩu/).fill(who.password);
  await e.getByRole('button', { name: /Đăng nhập/ }).click();
  await e.locator('.e-start').first().waitFor();
  const state = await phone.storageState();
  await phone.close();
  return state;
}

/**
 * A SIPAS campaign, a paired kiosk, and two enumerators, one with 2 assignments and one with 20 (10×);
 * returns the devices' saved state.
 */
async function prepare(
  sys: TestApp,
  base: string,
  browser: Browser,
): Promise<{ kiosk: StorageState; enumerator: StorageState; enumerator10: StorageState }> {
  const cookie = sys.adminCookie;
  const campaign = await post(sys, cookie, '/api/v1/campaigns', {
    kind: 'sipas',
    name: 'SIPAS 2021',
    year: 2021,
    opensAt: '2020-01-01T00:00:00Z',
    closesAt: '2099-01-01T00:00:00Z',
  });
  const commune = await post(sys, cookie, '/api/v1/localities', { level: 'commune', unitCode: 'ST34', name: 'Xã Mỹ Hương' });
  const people = [
    { ...ENUMERATOR, fullName: 'Lâm Thị Ngọc', hamlets: ASSIGNMENTS },
    { email: 'an@buudien.vn', password: ENUMERATOR.password, fullName: 'Trần Văn An', hamlets: ASSIGNMENTS * 10 },
  ];
  for (const p of people) {
    const enumerator = await post(sys, cookie, '/api/v1/enumerators', {
      fullName: p.fullName,
      email: p.email,
      organisation: 'Bưu điện huyện Mỹ Tú',
      password: p.password,
    });
    for (let h = 1; h <= p.hamlets; h++) {
      const loc = await post(sys, cookie, '/api/v1/localities', {
        level: 'hamlet',
        parentId: commune.id,
        name: `Ấp ${p.fullName.split(' ').pop() ?? ''} ${h}`,
      });
      await post(sys, cookie, `/api/v1/campaigns/${String(campaign.id)}/assignments`, {
        enumeratorId: enumerator.id,
        unitCode: 'ST34',
        quota: 27,
        localityId: loc.id,
      });
    }
  }
  const k = await post(sys, cookie, '/api/v1/kiosks', { unitCode: 'ST34', counterName: 'Quầy 1' });
  // Pair the tablet once (unthrottled); each measured load starts from its saved pairing.
  const tablet = await browser.newContext({ ...TABLET_LANDSCAPE, serviceWorkers: 'block' });
  const page = await tablet.newPage();
  await page.goto(`${base}/k?code=${String(k.pairingCode)}`);
  await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).waitFor();
  const kiosk = await tablet.storageState();
  await tablet.close();
  return {
    kiosk,
    enumerator: await signIn(browser, base, ENUMERATOR),
    enumerator10: await signIn(browser, base, { email: 'an@buudien.vn', password: ENUMERATOR.password }),
  };
}

async function main() {
  const js = Object.fromEntries(Object.entries(frontDoors).map(([app, entry]) => [app, initialJs(entry)]));
  if (Object.values(js).some((v) => v === null)) throw new Error('survey-web/dist is missing: run `pnpm build` first');
  await setup();
  const loadBefore = os.loadavg()[0] ?? 0;
  const sys = await buildTestApp(
    { webDist: fileURLToPath(new URL('../../survey-web/dist', import.meta.url)) },
    { engine: benchEngine },
  );
  const base = (await sys.app.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
  const browser = await launchBrowser();
  try {
    const state = await prepare(sys, base, browser);
    const doors: Door[] = [
      {
        app: 'kiosk',
        path: '/k',
        device: TABLET_LANDSCAPE,
        tap: '.k-start .k-primary',
        question: '.k-question',
        state: state.kiosk,
      },
      { app: 'online', path: '/o/ST34', device: PHONE, question: '.sf-question' },
      { app: 'enumerator', path: '/e', device: PHONE, tap: '.e-start', question: '.sf-question', state: state.enumerator },
      {
        app: 'enumerator',
        size: `10×: ${ASSIGNMENTS * 10} assignments instead of ${ASSIGNMENTS}`,
        path: '/e',
        device: PHONE,
        tap: '.e-start',
        question: '.sf-question',
        state: state.enumerator10,
      },
    ];
    const lines: string[] = [];
    const medians: number[] = [];
    const shortLines: string[] = [];
    for (const door of doors) {
      await coldLoad(browser, base, door).catch(() => undefined); // warm-up (server, disk cache), not counted
      // Each throttled load is followed by the same load unthrottled, so a change in the machine's own
      // load shows in both: the unthrottled figure says how much of the throttled one is this machine.
      const loads: Load[] = [];
      const bare: number[] = [];
      try {
        for (let i = 0; i < LOADS; i++) {
          loads.push(await coldLoad(browser, base, door));
          bare.push((await coldLoad(browser, base, door, false)).ms);
        }
      } catch (e) {
        const line = `${door.path} (${door.app}${door.size ? `, ${door.size}` : ''}): NOT measured — ${(e as Error).message.split('\n')[0]}`;
        console.log(line);
        lines.push(line);
        medians.push(NaN);
        continue;
      }
      const ms = median(loads.map((l) => l.ms));
      const kb = js[door.app]?.kb ?? NaN;
      const wireKb = median(loads.map((l) => l.jsWireBytes)) / 1024;
      const jsTarget = JS_TARGET_KB[door.app];
      const line =
        `${door.path} (${door.app}${door.size ? `, ${door.size}` : ''}): first question ${Math.round(ms)} ms median (loads ${loads.map((l) => Math.round(l.ms)).join(', ')}; ` +
        `target < ${TARGET_MS} ms: ${ms < TARGET_MS ? 'met' : 'NOT met'}); initial JS ${kb.toFixed(1)} KB gzipped ` +
        `(target < ${jsTarget} KB: ${kb < jsTarget ? 'met' : 'NOT met'}), ${wireKb.toFixed(1)} KB of JS on the wire; ` +
        `unthrottled on this machine ${Math.round(median(bare))} ms median`;
      console.log(line);
      lines.push(line);
      medians.push(ms);
      shortLines.push(`${door.path}${door.size ? ' 10×' : ''} ${Math.round(ms)} ms`);
    }
    const [e1, e10] = medians.slice(-2);
    if (e1 && e10) lines.push(`enumerator 10× / 1× (first question, medians): ${(e10 / e1).toFixed(2)}`);
    lines.push(
      `load average (1 min) at the start / end of the run: ${loadBefore.toFixed(1)} / ${(os.loadavg()[0] ?? 0).toFixed(1)} on ${os.cpus().length} cores (the 4× slowdown comes on top of the machine's own load)`,
    );
    writeBenchSection({
      key: 'first-question',
      title: 'Issue 16 — first question on a throttled tablet',
      how: `\`${benchCommand('first-question')}\` after \`pnpm build\` (the built web app served by the API with its compressed copies, ${engineLabel()}, real Redis on 127.0.0.1; headless Chromium via playwright-core, ${CPU_SLOWDOWN}× CPU slowdown and fast 3G — 1.6 Mbps down, 750 kbps up, 150 ms RTT — through CDP; ${LOADS} cold loads per app after one warm-up, new browser context each (empty cache, no service worker), median reported; the kiosk paired and the enumerator signed in beforehand (with 2 assignments, and at 10× with 20); kiosk and enumerator figures are their start screen plus tap → question; ${today()}):`,
      lines,
    });
    const jsOk = (Object.keys(JS_TARGET_KB) as (keyof typeof JS_TARGET_KB)[]).every(
      (app) => (js[app]?.kb ?? Infinity) < JS_TARGET_KB[app],
    );
    recordTargets('first-question', [
      {
        target: 'first-question',
        figure: `medians ${shortLines.join(', ')} (unthrottled figures in its section)`,
        met: medians.every((m) => m < TARGET_MS),
        ...(e1 && e10 ? { ratio10x: e10 / e1 } : {}),
      },
      {
        target: 'respondent-js',
        figure: `kiosk ${js.kiosk?.kb.toFixed(1)} KB, online form ${js.online?.kb.toFixed(1)} KB, enumerator ${js.enumerator?.kb.toFixed(1)} KB gzipped`,
        met: jsOk,
      },
    ]);
  } finally {
    await browser.close();
    await sys.close();
  }
}

await main();
