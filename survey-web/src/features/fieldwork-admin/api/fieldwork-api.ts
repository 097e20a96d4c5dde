/** Requests of the admin fieldwork screens (schemas and types from @hailong/contracts). */
import type {
  AccountImportResult, Campaign, CampaignAssignment, FieldAccount, Progress, Remuneration, SessionUser,
} from '@hailong/contracts';
import { api, ApiError, NetworkError } from '@/lib/api-client';

export interface Unit {
  code: string;
  name: string;
  group: string;
}

export const me = () => api<{ user: SessionUser }>('/api/v1/auth/me');
export const login = (email: string, password: string) => api<{ user: SessionUser }>('/api/v1/auth/login', { body: { email, password } });
export const getCampaign = (id: string) => api<Campaign>(`/api/v1/campaigns/${id}`);
export const listUnits = () => api<{ units: Unit[] }>('/api/v1/units');

export type AccountKind = 'enumerators' | 'supervisors';
export const listAccounts = (kind: AccountKind) => api<{ accounts: FieldAccount[] }>(`/api/v1/${kind}`);
export interface AccountInput {
  fullName: string;
  email: string;
  organisation: string;
  password: string;
  role?: 'supervisor' | 'observer';
}
export const createAccount = (kind: AccountKind, body: AccountInput) => api<{ id: string }>(`/api/v1/${kind}`, { body });
export const listCampaignSupervisors = (id: string) => api<{ organisations: Array<{ id: number; name: string }> }>(`/api/v1/campaigns/${id}/supervisors`);
export const addCampaignSupervisor = (id: string, organisation: string) =>
  api<{ organisationId: number }>(`/api/v1/campaigns/${id}/supervisors`, { body: { organisation } });

export const listAssignments = (id: string) => api<{ assignments: CampaignAssignment[] }>(`/api/v1/campaigns/${id}/assignments`);
export const createAssignment = (id: string, body: { enumeratorId: string; unitCode: string; quota: number; localityId?: number }) =>
  api<{ id: string }>(`/api/v1/campaigns/${id}/assignments`, { body });
export const deleteAssignment = (assignmentId: string) => api<null>(`/api/v1/assignments/${assignmentId}`, { method: 'DELETE' });

/** Communes and hamlets of a unit (empty when the unit has none or localities are unavailable). */
export async function listLocalities(unitCode: string): Promise<Array<{ id: number; name: string; level: string }>> {
  try {
    return (await api<{ localities: Array<{ id: number; name: string; level: string }> }>(`/api/v1/localities?unitCode=${encodeURIComponent(unitCode)}`)).localities;
  } catch {
    return [];
  }
}

export const progress = (id: string) => api<Progress>(`/api/v1/campaigns/${id}/progress`);
export const remuneration = (id: string, rate: number) => api<Remuneration>(`/api/v1/campaigns/${id}/remuneration?rate=${rate}`);
export const remunerationXlsxUrl = (id: string, rate: number) => `/api/v1/campaigns/${id}/remuneration?rate=${rate}&format=xlsx`;

type ErrorPayload = { error: { code: string; message: string; messageEn: string; details?: unknown } };

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  const text = await res.text();
  const data = (text ? JSON.parse(text) : undefined) as T | ErrorPayload | undefined;
  if (!res.ok) {
    const e = (data as Partial<ErrorPayload> | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? 'Đã có lỗi xảy ra', e?.messageEn ?? 'Something went wrong', e?.details);
  }
  return data as T;
}

/** PATCH is not among the shared client's methods; same error handling. */
export const updateQuota = (assignmentId: string, quota: number) =>
  send<{ id: string; quota: number; collected: number }>(`/api/v1/assignments/${assignmentId}`, {
    method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ quota }),
  });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Uploads the account sheet as-is (CSV text or XLSX bytes); all rows or none. */
export async function importAccounts(kind: AccountKind, file: File): Promise<AccountImportResult> {
  const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
  return send<AccountImportResult>(`/api/v1/${kind}/import`, {
    method: 'POST', headers: { 'content-type': isXlsx ? XLSX : 'text/csv' }, body: isXlsx ? await file.arrayBuffer() : await file.text(),
  });
}
