/**
 * The production build of the server side: one ESM bundle, server/dist/main.mjs, started with plain
 * `node` (no tsx). Workspace packages (@hailong/*) are compiled into it; third-party packages stay
 * external and are resolved from server/node_modules at run time, so each must be a dependency of
 * this package (checked below). Files found next to the sources through `import.meta.url`
 * (migrations, reference data, the built web app) keep their places: inside the bundle each module's
 * `import.meta.url` still names its source file, relative to the bundle.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const here = import.meta.dirname;
const outfile = path.join(here, 'dist/main.mjs');
const pkg = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Bare specifier → package name (`@scope/name/sub` → `@scope/name`). */
const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const builtins = new Set(builtinModules);

const thirdPartyExternal: Plugin = {
  name: 'third-party-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@hailong/')) return undefined;
      if (args.path.startsWith('node:') || builtins.has(packageOf(args.path))) return { path: args.path, external: true };
      return { path: args.path, external: true };
    });
  },
};

const sourceLocations: Plugin = {
  name: 'source-locations',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url') || args.path.includes('node_modules')) return undefined;
      const fromBundle = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

const result = await build({
  entryPoints: [path.join(here, 'src/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  plugins: [thirdPartyExternal, sourceLocations],
});

const external = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.external && !i.path.startsWith('node:') && !builtins.has(packageOf(i.path)))
    .map((i) => packageOf(i.path)),
);
const missing = [...external].filter((name) => !(name in pkg.dependencies));
if (missing.length > 0) {
  process.stderr.write(
    `server/build.ts: the bundle imports ${missing.join(', ')} at run time; add them to server/package.json "dependencies".\n`,
  );
  process.exit(1);
}
process.stdout.write(`server/dist/main.mjs: ${external.size} runtime packages (${[...external].sort().join(', ')})\n`);
