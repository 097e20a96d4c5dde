/** The one place that turns errors into `{ error: { code, message, messageEn, details } }`. */
import { classifyDbError } from '@hailong/db';
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorBody, type ErrorCode } from '../errors.ts';

function fromFastify(err: FastifyError): { code: ErrorCode; details?: unknown } | null {
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
      return { code: 'VALIDATION_FAILED', details: [{ field: 'body', message: err.message }] };
    default:
      break;
  }
  if (err.statusCode === 400) return { code: 'VALIDATION_FAILED', details: [{ field: 'body', message: err.message }] };
  if (err.statusCode === 429) return { code: 'RATE_LIMITED' };
  if (err.statusCode === 404) return { code: 'NOT_FOUND' };
  return null;
}

export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (err instanceof AppError) return reply.status(err.status).send(errorBody(err.code, err.details));
      const mapped = fromFastify(err);
      if (mapped) {
        const status = { VALIDATION_FAILED: 400, PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, RATE_LIMITED: 429, NOT_FOUND: 404 }[
          mapped.code as string
        ];
        return reply.status(status ?? 400).send(errorBody(mapped.code, mapped.details));
      }
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
