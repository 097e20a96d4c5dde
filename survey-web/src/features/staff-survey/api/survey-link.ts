/** The respondent's personal link: request functions over the shared API client and contracts. */
import type { OptOutResult, SurveyAnswersInput, SurveyLink } from '@hailong/contracts';
import { api } from '@/lib/api-client';

const base = (token: string) => `/api/v1/s/${encodeURIComponent(token)}`;

export const getSurveyLink = (token: string) => api<SurveyLink>(base(token));

/** `{ answers }` for one rated unit, `{ unitAnswers }` (unit code → answers) for several. */
export const saveDraft = (token: string, body: SurveyAnswersInput) =>
  api<{ savedAt: string }>(`${base(token)}/draft`, { method: 'PUT', body });

export const submitSurvey = (token: string, body: SurveyAnswersInput) =>
  api<{ completedAt: string }>(`${base(token)}/submit`, { method: 'POST', body });

/** Stops invitation and reminder mails for this respondent (idempotent). */
export const optOut = (token: string) => api<OptOutResult>(`${base(token)}/opt-out`, { method: 'POST' });
