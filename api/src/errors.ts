/**
 * Errors the API throws. The codes, statuses and messages are the closed catalogue in
 * `@hailong/contracts` (shared with the web apps, which decide retry/park from it). Code throws
 * `new AppError('CODE', details)`; the error handler alone turns errors into
 * `{ error: { code, message, messageEn, details } }`.
 */
import { errorCatalogue, type ErrorCode } from '@hailong/contracts';

export { errorCatalogue, type ErrorCode };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown) {
    super(errorCatalogue[code].en);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
  }
}

export function errorBody(code: ErrorCode, details?: unknown) {
  const e = errorCatalogue[code];
  return { error: { code, message: e.vi, messageEn: e.en, ...(details === undefined ? {} : { details }) } };
}
