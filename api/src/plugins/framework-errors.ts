/**
 * Errors Fastify and Node's HTTP parser answer before any route runs: a bad URL encoding, a path
 * parameter over `maxParamLength` (414), headers over Node's limit (431), a request that arrives too
 * slowly (408), bytes that are not HTTP. Their default bodies echo the URL; these answer with the
 * catalogue's code and fixed message instead.
 */
import { errorCatalogue, type ErrorCode } from '@hailong/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from '../errors.ts';
import { fromFastify } from './error-handler.ts';

/** Fastify's `frameworkErrors` option: router-level errors (bad URL, too long a parameter). */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const mapped = fromFastify(err) ?? { code: 'MALFORMED_REQUEST' as const };
  void reply.status(errorCatalogue[mapped.code].status).send(errorBody(mapped.code, mapped.details));
}

function clientErrorCode(code: string | undefined): ErrorCode {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'REQUEST_TIMEOUT';
    case 'HPE_HEADER_OVERFLOW':
      return 'HEADERS_TOO_LARGE';
    case 'HPE_URI_TOO_LONG':
      return 'URI_TOO_LONG';
    default:
      return 'MALFORMED_REQUEST';
  }
}

/** Fastify's `clientErrorHandler` option: what Node's HTTP parser refused, answered on the raw socket. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code = clientErrorCode(err.code);
  const status = errorCatalogue[code].status;
  const body = JSON.stringify(errorBody(code));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
