/**
 * A respondent page with the data its first screen shows written into it (docs/0028): the page would
 * otherwise load, start its script, and only then ask the API for that data — one more round trip
 * (≥ 150 ms on a 3G tablet) before the first question. The data goes in a
 * `<script type="application/json" id="hl-page-data">` (read by survey-web/src/lib/page-data.ts) as
 * JSON with `<`, `>`, `&` and the line separators escaped, so no value can close the element or start
 * markup. Only what the API already answers to anyone for the same address goes in.
 *
 * The page is built per request, so it is compressed here (brotli or gzip, as the client accepts;
 * the plain pages have compressed copies from the build) and carries an ETag of its content with
 * `no-cache`: a browser revalidates it every time and gets 304 while neither page nor data changed.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Data a front door's page carries for its first screen. */
export interface PageData {
  /** The page's path (without the query); the match is passed to `load`. */
  path: RegExp;
  /** The data, public for this address; null when there is none (the page then asks the API, as before). */
  load: (match: RegExpExecArray) => Promise<unknown>;
}

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON that is safe as the text of a `<script>` element (JSON.parse reads it unchanged). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
}

/** The page with the data element added at the end of its body. */
export function withPageData(html: string, data: unknown): string {
  const element = `<script type="application/json" id="hl-page-data">${jsonForScript(data)}</script>`;
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + element : html.slice(0, at) + element + html.slice(at);
}

/** Content codings the client accepts (q > 0), lower-cased. */
function acceptedEncodings(header: string): Set<string> {
  const out = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) out.add(name);
  }
  return out;
}

function encode(body: Buffer, acceptEncoding: string): { encoding?: 'br' | 'gzip'; body: Buffer } {
  const accepted = acceptedEncodings(acceptEncoding);
  if (accepted.has('br'))
    return { encoding: 'br', body: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) };
  if (accepted.has('gzip')) return { encoding: 'gzip', body: gzipSync(body, { level: 6 }) };
  return { body };
}

/** Sends a page built for this request: compressed when the client accepts it, 304 when it has it already. */
export function sendBuiltPage(req: FastifyRequest, reply: FastifyReply, html: string): FastifyReply {
  const raw = Buffer.from(html);
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`;
  reply.header('cache-control', 'no-cache').header('vary', 'accept-encoding').header('etag', etag);
  const known = req.headers['if-none-match'];
  if (known && known.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  const { encoding, body } = encode(raw, String(req.headers['accept-encoding'] ?? ''));
  if (encoding) reply.header('content-encoding', encoding);
  return reply.type('text/html; charset=utf-8').send(body);
}
