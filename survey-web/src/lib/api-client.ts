/**
 * fetch wrapper for the API. Errors are values, not toasts: each caller shows its own inline,
 * retryable error state (kiosks and enumerators must never lose what was typed).
 */
import type { ErrorBody } from '@hailong/contracts';
import { errorMessage, retryOrPark } from '@hailong/contracts/errors';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: unknown,
    /** How many problems there were when `details` lists only the first 200. */
    readonly detailsTotal?: number,
  ) {
    super(messageEn);
    this.name = 'ApiError';
  }
}

/** A request that never reached the server (offline, DNS, timeout): safe to retry later. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** A file sent as-is (CSV text or XLSX bytes) instead of a JSON body. */
export interface Upload {
  data: string | ArrayBuffer;
  contentType: string;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  upload?: Upload;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A chosen CSV or XLSX file as an upload (by its extension). */
export async function uploadOf(file: File): Promise<Upload> {
  return file.name.toLowerCase().endsWith('.xlsx')
    ? { data: await file.arrayBuffer(), contentType: XLSX_TYPE }
    : { data: await file.text(), contentType: 'text/csv' };
}

function requestInit(opts: RequestOptions): Pick<RequestInit, 'method' | 'headers' | 'body'> {
  const hasBody = opts.body !== undefined || opts.upload !== undefined;
  const contentType = opts.upload?.contentType ?? (opts.body === undefined ? undefined : 'application/json');
  return {
    method: opts.method ?? (hasBody ? 'POST' : 'GET'),
    headers: { ...(contentType ? { 'content-type': contentType } : {}), ...opts.headers },
    body: opts.upload?.data ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  };
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), opts.timeoutMs ?? (opts.upload ? 120_000 : 15_000));
  let res: Response;
  try {
    res = await fetch(path, {
      ...requestInit(opts),
      credentials: 'same-origin',
      signal: ctrl.signal,
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    if (res.ok)
      throw new ApiError(
        res.status,
        `HTTP_${res.status}`,
        'Máy chủ trả lời không đúng định dạng',
        'The server answered in an unexpected format',
        undefined,
      );
    data = undefined; // a proxy's error page: decided by its status
  }
  if (!res.ok) {
    const e = (data as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(
      res.status,
      e?.code ?? `HTTP_${res.status}`,
      e?.message ?? 'Đã có lỗi xảy ra',
      e?.messageEn ?? 'Something went wrong',
      e?.details,
      e?.detailsTotal,
    );
  }
  return data as T;
}

/** Vietnamese first, English second, for inline error messages. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return `${err.messageVi} (${err.messageEn})`;
  if (err instanceof NetworkError) return 'Không có kết nối mạng. Vui lòng thử lại. (No connection — please try again.)';
  return 'Đã có lỗi xảy ra. (Something went wrong.)';
}

/** Why a send failed: the server's code and message, or NETWORK when no answer came (status null). */
export interface FailureReason {
  code: string;
  status: number | null;
  vi: string;
  en: string;
  /** When it happened (ISO 8601, device clock). */
  at: string;
}

/** What became of one queued item's send (offline-outbox.ts). */
export type Sent = { outcome: 'done' } | { outcome: 'retry' | 'park'; reason: FailureReason };

export function failureReason(err: unknown): FailureReason {
  const at = new Date().toISOString();
  if (err instanceof ApiError) {
    const m = errorMessage(err.code) ?? { vi: err.messageVi, en: err.messageEn };
    return { code: err.code, status: err.status, vi: m.vi, en: m.en, at };
  }
  return { code: 'NETWORK', status: null, vi: 'Không có kết nối mạng', en: 'No connection', at };
}

/** A failed send as retry or park, decided by the error catalogue (`retryOrPark`), never by a local list. */
export function sentOf(err: unknown): Sent {
  const reason = failureReason(err);
  const action = err instanceof ApiError ? retryOrPark({ status: err.status, code: err.code }) : retryOrPark('network');
  return { outcome: action, reason };
}
