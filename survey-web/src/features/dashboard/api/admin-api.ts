/** Admin requests of the campaign dashboard (schemas and types from @hailong/contracts). */
import type {
  Campaign,
  CampaignCreate,
  CampaignHeadline,
  ImportResult,
  MailPreview,
  MailRounds,
  ResponseRates,
  RetentionPreview,
  SendResult,
} from '@hailong/contracts';
import { api, uploadOf } from '@/lib/api-client';

export const listCampaigns = () => api<{ campaigns: Campaign[] }>('/api/v1/campaigns');
export const campaignHeadlines = () => api<{ headlines: CampaignHeadline[] }>('/api/v1/campaigns/headlines');
export const getCampaign = (id: string) => api<Campaign>(`/api/v1/campaigns/${id}`);
export const createCampaign = (body: CampaignCreate) => api<{ id: string }>('/api/v1/campaigns', { body });
export const closeCampaign = (id: string, reason: string) => api<Campaign>(`/api/v1/campaigns/${id}/close`, { body: { reason } });
export const reopenCampaign = (id: string, reason: string, closesAt?: string) =>
  api<Campaign>(`/api/v1/campaigns/${id}/reopen`, { body: { reason, ...(closesAt ? { closesAt } : {}) } });
export const sendInvitations = (id: string) =>
  api<SendResult>(`/api/v1/campaigns/${id}/invitations/send`, { method: 'POST', body: {} });
export const remindNow = (id: string) => api<SendResult>(`/api/v1/campaigns/${id}/reminders/send`, { method: 'POST', body: {} });
export const mailPreview = (id: string, kind: 'invitation' | 'reminder') =>
  api<MailPreview>(`/api/v1/campaigns/${id}/mail/preview?kind=${kind}`);
export const mailRounds = (id: string) => api<MailRounds>(`/api/v1/campaigns/${id}/mail/rounds`);
export const personalData = (id: string) => api<RetentionPreview>(`/api/v1/campaigns/${id}/personal-data`);
export const responseRates = (id: string) => api<ResponseRates>(`/api/v1/campaigns/${id}/response-rates`);
export const ratesCsvUrl = (id: string) => `/api/v1/campaigns/${id}/response-rates.csv`;
export const ratesXlsxUrl = (id: string) => `/api/v1/campaigns/${id}/response-rates.xlsx`;

/** Uploads the respondent file as-is (CSV text or XLSX bytes); `dryRun` only previews. */
export const importRespondents = async (id: string, file: File, dryRun: boolean) =>
  api<ImportResult>(`/api/v1/campaigns/${id}/respondents${dryRun ? '?dryRun=true' : ''}`, { upload: await uploadOf(file) });
