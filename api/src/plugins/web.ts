/**
 * Serves the built web app (survey-web/dist) on the API's port. Each front door gets its HTML entry:
 * the respondent apps their own small pages (built on Preact, survey-web/vite.respondent.config.ts),
 * every other page the staff console (index.html), which routes on the client. A page with data for
 * its first screen (`pages`, e.g. the online form's unit and form) is sent with that data in it
 * (page-data.ts). Hashed build files (/assets/) never change under their name, so browsers keep them
 * for a year without asking again; pages, service workers and manifests are revalidated.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendBuiltPage, withPageData, type PageData } from './page-data.ts';

/** Path prefix → HTML entry; the first match wins. */
const FRONT_DOORS: [RegExp, string][] = [
  [/^\/k(\/|$)/, 'kiosk.html'],
  [/^\/o\//, 'online.html'],
  [/^\/e(\/|$)/, 'enumerator.html'],
  [/^\/$|^\/(s\/|admin|supervision|setup|unit(\/|$))/, 'index.html'],
];

const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface WebOptions {
  root: string;
  /** Pages sent with the data of their first screen. */
  pages?: PageData[];
}

export default fp(
  async (app: FastifyInstance, opts: WebOptions) => {
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
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache');
      },
    });

    /** The page with its first screen's data, or null to send the page as built. */
    const builtPage = async (url: string, entry: string): Promise<string | null> => {
      for (const page of opts.pages ?? []) {
        const m = page.path.exec(url);
        if (!m) continue;
        try {
          const data = await page.load(m);
          if (data === null || data === undefined) return null;
          return withPageData(await readFile(path.join(opts.root, entry), 'utf8'), data);
        } catch (err) {
          // The page still works without its data: it asks the API, which reports the problem.
          app.log.warn({ err, entry }, 'page sent without its data');
          return null;
        }
      }
      return null;
    };

    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const url = req.url.split('?')[0] ?? '/';
      const entry = FRONT_DOORS.find(([re]) => re.test(url))?.[1];
      if (entry) {
        const html = await builtPage(url, entry);
        return html === null ? reply.sendFile(entry) : sendBuiltPage(req, reply, html);
      }
      const file = path.join(opts.root, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
      if (existsSync(file)) return reply.sendFile(path.relative(opts.root, file));
      return reply.callNotFound();
    });
  },
  { name: 'web' },
);
