/** The respondent's personal link: request functions over the shared API client and contracts. */
import type { OptOutResult, SurveyLink } from '@hailong/contracts';
import { api } from '@/lib/api-client';

const base = (token: string) => `/api/v1/s/${encodeURIComponent(token)}`;

export const getSurveyLink = (token: string) => api<SurveyLink>(base(token));

export const saveDraft = (token: string, answers: Record<string, unknown>) =>
  api<{ savedAt: string }>(`${base(token)}/draft`, { method: 'PUT', body: { answers } });

export const submitSurvey = (token: string, answers: Record<string, unknown>) =>
  api<{ completedAt: string }>(`${base(token)}/submit`, { method: 'POST', body: { answers } });

/** Stops invitation and reminder mails for this respondent (idempotent). */
export const optOut = (token: string) => api<OptOutResult>(`${base(token)}/opt-out`, { method: 'POST' });
