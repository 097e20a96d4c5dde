/**
 * The respondent apps — the counter kiosk (kiosk.html → /k), the online form (online.html →
 * /o/<unit>, /o/<unit>/poster) and the enumerator app (enumerator.html → /e) — each its own HTML
 * entry, built on Preact through `preact/compat` so what a tablet or phone downloads before its first
 * question stays small (docs/0021-respondent-apps-on-preact.md). The code is the same React code as
 * the console's; only the runtime differs. Runs after vite.config.ts into the same dist/, which that
 * build has emptied and filled with public/.
 *
 * One build per app (`--mode kiosk|online|enumerator`): built together, the bundler may put a module
 * two apps share into one app's entry chunk, and another app's lazy chunk (the form validator) then
 * imports that entry chunk — which starts the wrong app on the page.
 */
import { defineConfig, type Plugin } from 'vite';
import { precompress, shared } from './vite.shared.ts';

/** Front door → HTML entry; the API server (api/src/plugins/web.ts) serves the same mapping. */
const ENTRIES: [RegExp, string][] = [
  [/^\/k(\/|\?|$)/, '/kiosk.html'],
  [/^\/o\//, '/online.html'],
  [/^\/e(\/|\?|$)/, '/enumerator.html'],
];

/** `vite dev` with this config: /k, /o/<unit> and /e open their entry, as in production. */
function frontDoors(): Plugin {
  return {
    name: 'hl-respondent-front-doors',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const hit = ENTRIES.find(([re]) => re.test(req.url ?? ''));
        if (hit && req.headers.accept?.includes('text/html')) req.url = hit[1];
        next();
      });
    },
  };
}

const APPS = ['kiosk', 'online', 'enumerator'];

export default defineConfig(({ mode }) => ({
  plugins: [frontDoors(), precompress()],
  define: shared.define,
  resolve: {
    alias: [
      { find: '@', replacement: shared.alias['@'] },
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    rollupOptions: {
      input: Object.fromEntries(APPS.filter((a) => a === mode || !APPS.includes(mode)).map((a) => [a, `${a}.html`])),
    },
  },
  server: { proxy: shared.proxy, port: 5174 },
}));
