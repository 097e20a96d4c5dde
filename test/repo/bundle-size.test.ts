/**
 * The JavaScript each respondent app makes a tablet or phone download before its first question
 * (the scripts its HTML entry loads and their static imports, gzipped; see test/support/bundle-size.ts),
 * on the built survey-web/dist (`pnpm test` builds it first). The budgets are issue 16's marks: < 60 KB
 * for the kiosk, < 100 KB for the online form and the enumerator app. They hold because the respondent
 * apps are built on Preact (docs/0021-respondent-apps-on-preact.md) and load the form validator (zod)
 * with `import()` once the questions are on screen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frontDoors, initialJs, webAssetsDir } from '../support/bundle-size.ts';

const built = existsSync(webAssetsDir);
if (!built)
  console.warn(
    'bundle-size: survey-web/dist is missing; run `pnpm --filter @hailong/survey-web build` (pnpm test does) to check the bundle budgets',
  );

/** KB gzipped. */
const budgets = { kiosk: 60, online: 100, enumerator: 100 } as const;

describe.skipIf(!built)('what each respondent app loads before its first question', () => {
  for (const app of Object.keys(frontDoors) as (keyof typeof frontDoors)[]) {
    it(`${app}: initial JS within ${budgets[app]} KB gzipped`, () => {
      const js = initialJs(frontDoors[app]);
      expect(js, `no ${frontDoors[app]} chunk in survey-web/dist/assets`).not.toBeNull();
      expect(js?.kb, js?.files.map((f) => `${f.name} ${(f.gzipBytes / 1024).toFixed(1)} KB`).join(', ')).toBeLessThan(
        budgets[app],
      );
    });
  }

  for (const app of Object.keys(frontDoors) as (keyof typeof frontDoors)[]) {
    it(`${app}: no zod, no form validator and no react-dom before the first question`, () => {
      const js = initialJs(frontDoors[app]);
      expect(js).not.toBeNull();
      const heavy = (js?.files ?? [])
        .filter((f) => /ZodError|\$ZodType|__CLIENT_INTERNALS_DO_NOT_USE/.test(readFileSync(webAssetsDir + f.name, 'utf8')))
        .map((f) => f.name);
      expect(heavy).toEqual([]);
    });
  }
});
