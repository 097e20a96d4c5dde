/**
 * The one place that turns errors into `{ error: { code, message, messageEn, details } }`. Only
 * catalogue codes leave (`@hailong/contracts` errors.ts), always with the catalogue's status:
 * AppErrors carry one; Fastify's own errors are mapped (`fromFastify`); anything else is a 500
 * INTERNAL (or 503 with Retry-After for a serialization failure or an unreachable database). Logs
 * carry the error's kind and route, never the query string, the SQL parameters or personal data. Every route also declares the error responses any
 * route can give (`COMMON_ERRORS`), so the OpenAPI document lists them.
 */
import { classifyDbError } from '@hailong/db';
import { errorBodySchema, errorCatalogue } from '@hailong/contracts';
import type { FastifyError, FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, type ErrorCode } from '../errors.ts';
import { loggableError } from '../lib/loggable-error.ts';

/** How long a client should wait before retrying when the database is unreachable (a restart takes seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

interface Mapped {
  code: ErrorCode;
  details?: unknown;
}

/** A request Fastify could not read. The message is fixed: Fastify's own names the bad input. */
const malformed = (what: string): Mapped => ({
  code: 'MALFORMED_REQUEST',
  details: [{ field: what, message: `${what} is malformed` }],
});

/** 413 details naming the route's limit (IMPORT_*_MAX_MB for the file imports), so the user knows what fits. */
export function tooLarge(limitBytes: number | undefined): Mapped {
  if (!limitBytes) return { code: 'PAYLOAD_TOO_LARGE' };
  const inMb = limitBytes >= 1024 * 1024;
  const n = Math.round((limitBytes / (inMb ? 1024 * 1024 : 1024)) * 10) / 10;
  const unit = inMb ? 'MB' : 'KB';
  return {
    code: 'PAYLOAD_TOO_LARGE',
    details: [
      {
        row: 0,
        field: 'file',
        message: `Tệp lớn hơn giới hạn ${n.toLocaleString('vi-VN')} ${unit}; hãy chia thành nhiều tệp nhỏ hơn`,
        messageEn: `The file is larger than the ${n.toLocaleString('en-US')} ${unit} limit; split it into smaller files`,
        limitBytes,
      },
    ],
  };
}

/** Fastify's own errors (schema validation, content-type parser, rate limit, …) as catalogue codes. */
export function fromFastify(err: FastifyError, bodyLimit?: number): Mapped | null {
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      code: 'VALIDATION_FAILED',
      details: err.validation.map((v: { instancePath: string; message?: string }) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (err.validationContext ?? 'body'),
        message: v.message ?? 'invalid',
      })),
    };
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge(bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'VALIDATION_FAILED', details: [{ field: 'body', message: 'body is empty' }] };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return malformed('content-length');
    case 'FST_ERR_BAD_URL':
      return malformed('url');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'URI_TOO_LONG' };
    default:
      break;
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return { code: 'RATE_LIMITED' };
  if (status === 404) return { code: 'NOT_FOUND' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  if (status === 408) return { code: 'REQUEST_TIMEOUT' };
  if (status === 414) return { code: 'URI_TOO_LONG' };
  if (status === 431) return { code: 'HEADERS_TOO_LARGE' };
  // Any other client error Fastify raises (bad JSON, bad header, …): the request is malformed.
  if (status >= 400 && status < 500) return malformed(err instanceof SyntaxError ? 'body' : 'request');
  return null;
}

/** Error responses any route can give (auth, validation, limits, outages); routes add their own. */
const COMMON_ERRORS = [400, 401, 403, 404, 413, 415, 429, 500, 503] as const;

function declareCommonErrors(route: RouteOptions): void {
  const schema = (route.schema ??= {});
  if (schema.hide) return;
  const response = (schema.response ??= {}) as Record<string, unknown>;
  for (const status of COMMON_ERRORS) response[status] ??= errorBodySchema;
}

export default fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', declareCommonErrors);
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (err instanceof AppError) return reply.status(err.status).send(errorBody(err.code, err.details));
      const mapped = fromFastify(err, req.routeOptions.bodyLimit);
      if (mapped) return reply.status(errorCatalogue[mapped.code].status).send(errorBody(mapped.code, mapped.details));
      const db = classifyDbError(err);
      if (db?.kind === 'serialization_failure')
        return reply.status(503).header('retry-after', '1').send(errorBody('SERVICE_UNAVAILABLE'));
      if (db?.kind === 'unavailable') {
        req.log.warn({ route: req.routeOptions.url, error: loggableError(err) }, 'database unavailable');
        return reply
          .status(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          .send(errorBody('DATABASE_UNAVAILABLE'));
      }
      req.log.error({ method: req.method, route: req.routeOptions.url, error: loggableError(err) }, 'unhandled error');
      // 5xx bodies never echo internal messages.
      return reply.status(500).send(errorBody('INTERNAL'));
    });
    app.setNotFoundHandler((_req, reply) => reply.status(404).send(errorBody('NOT_FOUND')));
  },
  { name: 'error-handler' },
);
