/**
 * Serves the built web app (survey-web/dist) on the API's port. Each front door gets its HTML entry:
 * the respondent apps their own small pages (built on Preact, survey-web/vite.respondent.config.ts),
 * every other page the staff console (index.html), which routes on the client.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Path prefix → HTML entry; the first match wins. */
const FRONT_DOORS: [RegExp, string][] = [
  [/^\/k(\/|$)/, 'kiosk.html'],
  [/^\/o\//, 'online.html'],
  [/^\/e(\/|$)/, 'enumerator.html'],
  [/^\/$|^\/(s\/|admin|supervision|setup|unit(\/|$))/, 'index.html'],
];

export default fp(
  async (app: FastifyInstance, opts: { root: string }) => {
    if (!existsSync(path.join(opts.root, 'index.html'))) {
      app.log.warn({ root: opts.root }, 'web app not built; run `pnpm build`');
      return;
    }
    // The build writes .br/.gz beside each script, style sheet and page (survey-web/vite.shared.ts).
    await app.register(fastifyStatic, {
      root: opts.root,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
      preCompressed: true,
    });
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      const url = req.url.split('?')[0] ?? '/';
      const entry = FRONT_DOORS.find(([re]) => re.test(url))?.[1];
      if (entry) return reply.header('cache-control', 'no-cache').sendFile(entry);
      const file = path.join(opts.root, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
      if (existsSync(file)) return reply.sendFile(path.relative(opts.root, file));
      return reply.callNotFound();
    });
  },
  { name: 'web' },
);
