/** Serves the built web app (survey-web/dist) on the API's port, with SPA fallback for its front doors. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const FRONT_DOORS = ['/s/', '/k', '/o/', '/e', '/admin', '/supervision', '/setup'];

export default fp(
  async (app: FastifyInstance, opts: { root: string }) => {
    if (!existsSync(path.join(opts.root, 'index.html'))) {
      app.log.warn({ root: opts.root }, 'web app not built; run `pnpm build`');
      return;
    }
    await app.register(fastifyStatic, { root: opts.root, prefix: '/', wildcard: false, index: 'index.html' });
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      const url = req.url.split('?')[0] ?? '/';
      if (url === '/' || FRONT_DOORS.some((p) => url.startsWith(p))) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      const file = path.join(opts.root, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
      if (existsSync(file)) return reply.sendFile(path.relative(opts.root, file));
      return reply.callNotFound();
    });
  },
  { name: 'web' },
);
