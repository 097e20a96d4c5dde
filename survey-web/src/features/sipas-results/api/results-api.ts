/** Requests of the SIPAS results page (schemas and types from @hailong/contracts). */
import type {
  SipasComparison,
  CampaignSipas,
  Campaign,
  CampaignResults,
  counterResultSchema,
  dayResultSchema,
  SuspectResponses,
} from '@hailong/contracts';
import type { z } from 'zod';
import { api } from '@/lib/api-client';

export type CounterResult = z.infer<typeof counterResultSchema>;
export type DayResult = z.infer<typeof dayResultSchema>;

export const getCampaign = (id: string) => api<Campaign>(`/api/v1/campaigns/${id}`);
export const getResults = (id: string) => api<CampaignResults>(`/api/v1/campaigns/${id}/results`);
export const getCounters = (id: string) =>
  api<{ counters: CounterResult[]; minCell: number }>(`/api/v1/campaigns/${id}/results/counters`);
export const getDays = (id: string) => api<{ days: DayResult[]; minCell: number }>(`/api/v1/campaigns/${id}/results/days`);

export const SUSPECT_PAGE = 20;
export const getSuspects = (id: string, offset: number) =>
  api<SuspectResponses>(`/api/v1/campaigns/${id}/suspect-responses?limit=${SUSPECT_PAGE}&offset=${offset}`);

export const reviewResponse = (responseId: string, state: 'valid' | 'invalid', reason: string) =>
  api<{ id: string; reviewState: string }>(`/api/v1/responses/${responseId}/review`, { body: { state, reason } });
export const getComparison = (year: number) => api<SipasComparison>(`/api/v1/par/${year}/sipas-comparison`);
export const getSipas = (id: string) => api<CampaignSipas>(`/api/v1/campaigns/${id}/sipas`);
