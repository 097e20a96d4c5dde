/**
 * What a front door of the web app makes the browser download before it can show its first question:
 * the scripts its HTML entry loads (`<script src>` and `modulepreload` links), the chunks it fetches
 * with `import()` before that question (`firstQuestionChunks`), and everything they import
 * statically (chunks loaded with `import()` later, e.g. the form validator or the poster's QR code,
 * are not counted), gzipped, measured on the built survey-web/dist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const webDistDir = fileURLToPath(new URL('../../survey-web/dist/', import.meta.url));
export const webAssetsDir = webDistDir + 'assets/';

/** The HTML entries of the three respondent apps (vite.respondent.config.ts). */
export const frontDoors = { kiosk: 'kiosk.html', online: 'online.html', enumerator: 'enumerator.html' } as const;

/**
 * Chunks (file name prefixes) an entry loads with `import()` before its first question: the
 * enumerator app's interview screen, fetched once the assignment list is painted (docs/0038).
 */
export const firstQuestionChunks: Record<string, string[]> = { 'enumerator.html': ['interview-screen-'] };

export interface InitialJs {
  files: { name: string; gzipBytes: number }[];
  kb: number;
}

/** Null when the web app is not built (or has no such entry). */
export function initialJs(entry: string, dist = webDistDir): InitialJs | null {
  const html = dist + entry;
  const dir = dist + 'assets/';
  if (!existsSync(html) || !existsSync(dir)) return null;
  const all = readdirSync(dir);
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || !all.includes(f)) return;
    seen.add(f);
    const src = readFileSync(dir + f, 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) if (m[1]) visit(m[1]);
  };
  const page = readFileSync(html, 'utf8');
  const loaded = [
    ...page.matchAll(/<script[^>]*\ssrc="\/assets\/([^"]+\.js)"/g),
    ...page.matchAll(/<link[^>]*rel="modulepreload"[^>]*\shref="\/assets\/([^"]+\.js)"/g),
  ];
  for (const m of loaded) if (m[1]) visit(m[1]);
  const lazy = firstQuestionChunks[entry] ?? [];
  for (const f of all) if (f.endsWith('.js') && lazy.some((p) => f.startsWith(p))) visit(f);
  if (seen.size === 0) return null;
  const files = [...seen].map((name) => ({ name, gzipBytes: gzipSync(readFileSync(dir + name)).length }));
  return { files, kb: files.reduce((a, f) => a + f.gzipBytes, 0) / 1024 };
}
