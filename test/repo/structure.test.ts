import { readdirSync, readFileSync } from 'node:fs';
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
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
    expect(runtimeImports("import type { X } from './x.ts';\nimport { y } from './y.ts';\nexport * from './z.ts';")).toEqual([
      './y.ts',
      './z.ts',
    ]);
  });

  it('keeps the deployables apart: api and worker never import each other', () => {
    const deps = (dir: string) => {
      const json = JSON.parse(readFileSync(path.join(REPO, dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      return Object.keys(json.dependencies ?? {});
    };
    expect(deps('api')).not.toContain('@hailong/worker');
    expect(deps('worker')).not.toContain('@hailong/api');
    for (const [file, edges] of importGraph(packages)) {
      const rel = path.relative(REPO, file);
      const other = rel.startsWith('api/') ? 'worker/' : rel.startsWith('worker/') ? 'api/' : null;
      if (!other) continue;
      expect(
        edges.map((e) => path.relative(REPO, e)).filter((e) => e.startsWith(other)),
        rel,
      ).toEqual([]);
    }
  });

  it('packages export named entry points only (no "./*" wildcard)', () => {
    for (const pkg of packages.values()) {
      expect(
        Object.keys(pkg.exports).filter((k) => k.includes('*')),
        pkg.name,
      ).toEqual([]);
    }
  });

  it('tests read nothing outside the repository (fixtures are copied in)', () => {
    const testFiles = ['api/test', 'worker/test', 'server/test', 'db/test', 'packages', 'test']
      .flatMap((d) =>
        readdirSync(path.join(REPO, d), { recursive: true, withFileTypes: true }).map((e) => path.join(e.parentPath, e.name)),
      )
      .filter((f) => /\/(test|e2e|support|bench|repo)\/.*\.ts$/.test(f) && !f.includes('node_modules'));
    expect(testFiles.length).toBeGreaterThan(50);
    const outside: string[] = [];
    for (const file of testFiles) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/new URL\(\s*'([^']+)',\s*import\.meta\.url\s*\)/g)) {
        const target = path.resolve(path.dirname(file), m[1] ?? '');
        if (!target.startsWith(`${REPO}${path.sep}`) && target !== REPO) outside.push(`${path.relative(REPO, file)}: ${m[1]}`);
      }
      for (const m of source.matchAll(/['"`](\/(?:work|home|root|Users)\/[^'"`]*|[^'"`]*\.\.\/shared\/[^'"`]*)['"`]/g))
        outside.push(`${path.relative(REPO, file)}: ${m[1]}`);
    }
    expect(outside).toEqual([]);
  });
});
