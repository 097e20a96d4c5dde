/** Requests of the supervision page (schemas and types from @hailong/contracts). */
import type { BackCheck, Progress, ReviewItem, SessionUser } from '@hailong/contracts';
import { api, ApiError, NetworkError } from '@/lib/api-client';

export type QueueFilter = 'flagged' | 'pending' | 'all';
export type Outcome = 'confirmed' | 'not_reached' | 'contradicted';

export const me = () => api<{ user: SessionUser }>('/api/v1/auth/me');
export const login = (email: string, password: string) => api<{ user: SessionUser }>('/api/v1/auth/login', { body: { email, password } });
export const progress = (id: string) => api<Progress>(`/api/v1/campaigns/${id}/progress`);
export const reviewQueue = (id: string, state: QueueFilter) => api<{ items: ReviewItem[] }>(`/api/v1/campaigns/${id}/review-queue?state=${state}`);
export const decide = (responseId: string, state: 'valid' | 'invalid', reason: string) =>
  api<{ id: string }>(`/api/v1/responses/${responseId}/decision`, { body: { state, reason } });
export const backChecks = (id: string) => api<{ backChecks: BackCheck[] }>(`/api/v1/campaigns/${id}/back-checks`);
export const drawBackChecks = (id: string, share: number) =>
  api<{ drawn: number; total: number; backChecks: BackCheck[] }>(`/api/v1/campaigns/${id}/back-checks/draw`, { body: { share } });

/** PATCH is not among the shared client's methods; same error handling. */
export async function recordOutcome(backCheckId: string, outcome: Outcome, note: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/back-checks/${backCheckId}`, {
      method: 'PATCH', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome, ...(note.trim() ? { note: note.trim() } : {}) }),
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  if (res.ok) return;
  const e = ((await res.json().catch(() => ({}))) as { error?: { code: string; message: string; messageEn: string; details?: unknown } }).error;
  throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? 'Đã có lỗi xảy ra', e?.messageEn ?? 'Something went wrong', e?.details);
}
