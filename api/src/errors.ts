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

/** Error reports list at most this many problems (an 18.7 MB body for a 230,000-row file otherwise). */
export const MAX_ERROR_DETAILS = 200;

export function errorBody(code: ErrorCode, details?: unknown) {
  const e = errorCatalogue[code];
  const capped = Array.isArray(details) && details.length > MAX_ERROR_DETAILS;
  const shown = capped
    ? { details: details.slice(0, MAX_ERROR_DETAILS), detailsTotal: details.length }
    : details === undefined
      ? {}
      : { details };
  return { error: { code, message: e.vi, messageEn: e.en, ...shown } };
}
