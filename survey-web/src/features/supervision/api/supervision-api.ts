/** Requests of the supervision page (schemas and types from @hailong/contracts). */
import type { BackCheck, Progress, ReviewItem } from '@hailong/contracts';
import { api } from '@/lib/api-client';

export type QueueFilter = 'flagged' | 'pending' | 'all';
export type Outcome = 'confirmed' | 'not_reached' | 'contradicted';

export const progress = (id: string) => api<Progress>(`/api/v1/campaigns/${id}/progress`);
export const reviewQueue = (id: string, state: QueueFilter) =>
  api<{ items: ReviewItem[] }>(`/api/v1/campaigns/${id}/review-queue?state=${state}`);
export const decide = (responseId: string, state: 'valid' | 'invalid', reason: string) =>
  api<{ id: string }>(`/api/v1/responses/${responseId}/decision`, { body: { state, reason } });
export const backChecks = (id: string) => api<{ backChecks: BackCheck[] }>(`/api/v1/campaigns/${id}/back-checks`);
export const drawBackChecks = (id: string, share: number) =>
  api<{ drawn: number; total: number; backChecks: BackCheck[] }>(`/api/v1/campaigns/${id}/back-checks/draw`, { body: { share } });

export const claimBackCheck = (backCheckId: string) =>
  api<unknown>(`/api/v1/back-checks/${backCheckId}/claim`, { method: 'POST' }).then(() => undefined);

export const recordOutcome = (backCheckId: string, outcome: Outcome, note: string) =>
  api<unknown>(`/api/v1/back-checks/${backCheckId}`, {
    method: 'PATCH',
    body: { outcome, ...(note.trim() ? { note: note.trim() } : {}) },
  }).then(() => undefined);
