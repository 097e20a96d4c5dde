/**
 * The one place that turns errors into `{ error: { code, message, messageEn, details } }`. Only
 * catalogue codes leave (`@hailong/contracts` errors.ts), always with the catalogue's status:
 * AppErrors carry one; Fastify's own errors are mapped (`fromFastify`); anything else is a 500
 * INTERNAL (or 503 for a serialization failure). Every route also declares the error responses any
 * route can give (`COMMON_ERRORS`), so the OpenAPI document lists them.
 */
import { classifyDbError } from '@hailong/db';
import { errorBodySchema, errorCatalogue } from '@hailong/contracts';
import type { FastifyError, FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, type ErrorCode } from '../errors.ts';

interface Mapped {
  code: ErrorCode;
  details?: unknown;
}

const badRequest = (err: FastifyError): Mapped => ({ code: 'VALIDATION_FAILED', details: [{ field: 'body', message: err.message }] });

/** Fastify's own errors (schema validation, content-type parser, rate limit, …) as catalogue codes. */
export function fromFastify(err: FastifyError): Mapped | null {
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
      return { code: 'PAYLOAD_TOO_LARGE' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'UNSUPPORTED_MEDIA_TYPE' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequest(err);
    default:
      break;
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return { code: 'RATE_LIMITED' };
  if (status === 404) return { code: 'NOT_FOUND' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE' };
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' };
  // Any other client error Fastify raises (bad JSON, bad header, …): the request is invalid.
  if (status >= 400 && status < 500) return badRequest(err);
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
      const mapped = fromFastify(err);
      if (mapped) return reply.status(errorCatalogue[mapped.code].status).send(errorBody(mapped.code, mapped.details));
      const db = classifyDbError(err);
      if (db?.kind === 'serialization_failure') return reply.status(503).send(errorBody('SERVICE_UNAVAILABLE'));
      req.log.error({ err }, 'unhandled error');
      // 5xx bodies never echo internal messages.
      return reply.status(500).send(errorBody('INTERNAL'));
    });
    app.setNotFoundHandler((_req, reply) => reply.status(404).send(errorBody('NOT_FOUND')));
  },
  { name: 'error-handler' },
);
