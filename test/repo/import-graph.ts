/**
 * The runtime import graph of the workspace's source: relative imports and `@hailong/*` package
 * imports (a package import points at the file its `exports["."]` names, a sub-path import such as
 * `@hailong/forms/labels` at the file its `exports["./labels"]` names). Type-only imports are left
 * out: they vanish at compile time and cannot form a cycle at run time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const PACKAGE_DIRS = [
  'api',
  'worker',
  'server',
  'db',
  'survey-web',
  'packages/contracts',
  'packages/forms',
  'packages/runtime',
  'packages/scoring',
];

export interface PackageInfo {
  dir: string;
  name: string;
  exports: Record<string, string>;
  entry: string;
}

export function readPackages(): Map<string, PackageInfo> {
  const out = new Map<string, PackageInfo>();
  for (const dir of PACKAGE_DIRS) {
    const json = JSON.parse(readFileSync(path.join(REPO, dir, 'package.json'), 'utf8')) as {
      name: string;
      exports?: Record<string, string>;
    };
    const exports = json.exports ?? {};
    out.set(json.name, { dir, name: json.name, exports, entry: path.join(REPO, dir, exports['.'] ?? 'src/index.ts') });
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Specifiers a file imports at run time. */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    if (m[2]) continue; // import type / export type
    const spec = m[3] ?? m[4];
    if (spec) out.push(spec);
  }
  return out;
}

/** file → files it imports (only files inside the workspace's src folders). */
export function importGraph(packages: Map<string, PackageInfo>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const pkg of packages.values()) {
    for (const file of sourceFiles(path.join(REPO, pkg.dir, 'src'))) {
      const edges: string[] = [];
      for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) edges.push(path.resolve(path.dirname(file), spec));
        const target = packages.get(spec);
        if (target) edges.push(target.entry);
        const sub = /^(@hailong\/[^/]+)\/(.+)$/.exec(spec);
        const owner = sub?.[1] ? packages.get(sub[1]) : undefined;
        const subFile = owner?.exports[`./${sub?.[2] ?? ''}`];
        if (owner && subFile) edges.push(path.join(REPO, owner.dir, subFile));
      }
      graph.set(file, edges);
    }
  }
  return graph;
}

/** Every cycle (strongly connected component of more than one file, or a file importing itself). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) !== idx.get(v)) return;
    const scc: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      on.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.map((f) => path.relative(REPO, f)).sort());
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}
