/** Admin requests of the staff-survey dashboard (schemas and types from @hailong/contracts). */
import type { Campaign, ImportResult, ResponseRates, SendResult } from '@hailong/contracts';
import { api, uploadOf } from '@/lib/api-client';

export const listCampaigns = () => api<{ campaigns: Campaign[] }>('/api/v1/campaigns');
export const getCampaign = (id: string) => api<Campaign>(`/api/v1/campaigns/${id}`);
export const createCampaign = (body: { kind: 'staff'; name: string; year: number; opensAt: string; closesAt: string; settings?: Record<string, unknown> }) =>
  api<{ id: string }>('/api/v1/campaigns', { body });
export const sendInvitations = (id: string) => api<SendResult>(`/api/v1/campaigns/${id}/invitations/send`, { method: 'POST', body: {} });
export const remindNow = (id: string) => api<SendResult>(`/api/v1/campaigns/${id}/reminders/send`, { method: 'POST', body: {} });
export const responseRates = (id: string) => api<ResponseRates>(`/api/v1/campaigns/${id}/response-rates`);
export const ratesCsvUrl = (id: string) => `/api/v1/campaigns/${id}/response-rates.csv`;
export const ratesXlsxUrl = (id: string) => `/api/v1/campaigns/${id}/response-rates.xlsx`;

/** Uploads the respondent file as-is (CSV text or XLSX bytes); `dryRun` only previews. */
export const importRespondents = async (id: string, file: File, dryRun: boolean) =>
  api<ImportResult>(`/api/v1/campaigns/${id}/respondents${dryRun ? '?dryRun=true' : ''}`, { upload: await uploadOf(file) });
