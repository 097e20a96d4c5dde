import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, readPackages, REPO, runtimeImports } from './import-graph.ts';

const packages = readPackages();

describe('workspace structure', () => {
  it('has no circular imports in any package source', () => {
    expect(cycles(importGraph(packages))).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const a = path.join(REPO, 'a.ts');
    const b = path.join(REPO, 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
    expect(runtimeImports("import type { X } from './x.ts';\nimport { y } from './y.ts';\nexport * from './z.ts';")).toEqual(['./y.ts', './z.ts']);
  });

  it('keeps the deployables apart: api and worker never import each other', () => {
    const deps = (dir: string) => {
      const json = JSON.parse(readFileSync(path.join(REPO, dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      return Object.keys(json.dependencies ?? {});
    };
    expect(deps('api')).not.toContain('@hailong/worker');
    expect(deps('worker')).not.toContain('@hailong/api');
    for (const [file, edges] of importGraph(packages)) {
      const rel = path.relative(REPO, file);
      const other = rel.startsWith('api/') ? 'worker/' : rel.startsWith('worker/') ? 'api/' : null;
      if (!other) continue;
      expect(edges.map((e) => path.relative(REPO, e)).filter((e) => e.startsWith(other)), rel).toEqual([]);
    }
  });

  it('packages export named entry points only (no "./*" wildcard)', () => {
    for (const pkg of packages.values()) {
      expect(Object.keys(pkg.exports).filter((k) => k.includes('*')), pkg.name).toEqual([]);
    }
  });
});
