/**
 * The body parsers of a file-import plugin: CSV (strict UTF-8, NFC: csv-body.ts) and XLSX bytes,
 * scoped to the plugin and limited to its import kind's size (`*_IMPORT_MAX_MB`). The route sets the
 * same `bodyLimit`, so an upload announced larger is refused from its Content-Length before a byte
 * is read, with a 413 naming the limit (error-handler.ts).
 */
import type { FastifyInstance } from 'fastify';
import { parseCsvBody } from './csv-body.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function acceptTableBodies(app: FastifyInstance, maxBytes: number, types: { csv: boolean } = { csv: true }): void {
  if (types.csv) app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: maxBytes }, parseCsvBody);
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
}
