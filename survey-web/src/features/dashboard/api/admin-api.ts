/** Admin requests of the staff-survey dashboard (schemas and types from @hailong/contracts). */
import type { Campaign, ImportResult, ResponseRates, SendResult, SessionUser } from '@hailong/contracts';
import { api, ApiError, NetworkError } from '@/lib/api-client';

export const me = () => api<{ user: SessionUser }>('/api/v1/auth/me');
export const login = (email: string, password: string) => api<{ user: SessionUser }>('/api/v1/auth/login', { body: { email, password } });
export const listCampaigns = () => api<{ campaigns: Campaign[] }>('/api/v1/campaigns');
export const getCampaign = (id: string) => api<Campaign>(`/api/v1/campaigns/${id}`);
export const createCampaign = (body: { kind: 'staff'; name: string; year: number; opensAt: string; closesAt: string; settings?: Record<string, unknown> }) =>
  api<{ id: string }>('/api/v1/campaigns', { body });
export const sendInvitations = (id: string) => api<SendResult>(`/api/v1/campaigns/${id}/invitations/send`, { method: 'POST', body: {} });
export const remindNow = (id: string) => api<SendResult>(`/api/v1/campaigns/${id}/reminders/send`, { method: 'POST', body: {} });
export const responseRates = (id: string) => api<ResponseRates>(`/api/v1/campaigns/${id}/response-rates`);
export const ratesCsvUrl = (id: string) => `/api/v1/campaigns/${id}/response-rates.csv`;
export const ratesXlsxUrl = (id: string) => `/api/v1/campaigns/${id}/response-rates.xlsx`;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads the respondent file as-is (CSV text or XLSX bytes); `dryRun` only previews. */
export async function importRespondents(id: string, file: File, dryRun: boolean): Promise<ImportResult> {
  const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
  let res: Response;
  try {
    res = await fetch(`/api/v1/campaigns/${id}/respondents${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      headers: { 'content-type': isXlsx ? XLSX : 'text/csv' },
      body: isXlsx ? await file.arrayBuffer() : await file.text(),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  const data = (await res.json()) as ImportResult | { error: { code: string; message: string; messageEn: string; details?: unknown } };
  if ('error' in data) throw new ApiError(res.status, data.error.code, data.error.message, data.error.messageEn, data.error.details);
  return data;
}
