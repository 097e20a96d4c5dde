/**
 * What a front door of the web app makes the browser download before it can show anything: the
 * entry chunk plus the page's lazy chunk and everything both import statically (chunks loaded with
 * `import()` later, e.g. on submit, are not counted), gzipped, measured on the built survey-web/dist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const webAssetsDir = fileURLToPath(new URL('../../survey-web/dist/assets/', import.meta.url));

/** The page chunks of the three respondent apps, by the file name of the page component. */
export const frontDoors = { kiosk: 'kiosk-page', online: 'online-page', enumerator: 'enumerator-page' } as const;

export interface InitialJs {
  files: { name: string; gzipBytes: number }[];
  kb: number;
}

/** Null when the web app is not built (or has no chunk of that page). */
export function initialJs(page: string, dir = webAssetsDir): InitialJs | null {
  if (!existsSync(dir)) return null;
  const all = readdirSync(dir);
  const entry = all.find((f) => /^index-[\w-]+\.js$/.test(f));
  const chunk = all.find((f) => new RegExp(`^${page}-[\\w-]+\\.js$`).test(f));
  if (!entry || !chunk) return null;
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || !all.includes(f)) return;
    seen.add(f);
    const src = readFileSync(dir + f, 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) if (m[1]) visit(m[1]);
  };
  visit(entry);
  visit(chunk);
  const files = [...seen].map((name) => ({ name, gzipBytes: gzipSync(readFileSync(dir + name)).length }));
  return { files, kb: files.reduce((a, f) => a + f.gzipBytes, 0) / 1024 };
}
