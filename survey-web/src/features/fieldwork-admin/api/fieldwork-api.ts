/** Requests of the admin fieldwork screens (schemas and types from @hailong/contracts). */
import type { AccountImportResult, Campaign, CampaignAssignment, FieldAccount, Progress, Remuneration } from '@hailong/contracts';
import { api, uploadOf } from '@/lib/api-client';

export interface Unit {
  code: string;
  name: string;
  group: string;
}

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
export const listCampaignSupervisors = (id: string) =>
  api<{ organisations: Array<{ id: number; name: string }> }>(`/api/v1/campaigns/${id}/supervisors`);
export const addCampaignSupervisor = (id: string, organisation: string) =>
  api<{ organisationId: number }>(`/api/v1/campaigns/${id}/supervisors`, { body: { organisation } });

export const listAssignments = (id: string) => api<{ assignments: CampaignAssignment[] }>(`/api/v1/campaigns/${id}/assignments`);
export const createAssignment = (
  id: string,
  body: { enumeratorId: string; unitCode: string; quota: number; localityId?: number },
) => api<{ id: string }>(`/api/v1/campaigns/${id}/assignments`, { body });
export const deleteAssignment = (assignmentId: string) => api<null>(`/api/v1/assignments/${assignmentId}`, { method: 'DELETE' });

/** Communes and hamlets of a unit (empty when the unit has none or localities are unavailable). */
export async function listLocalities(unitCode: string): Promise<Array<{ id: number; name: string; level: string }>> {
  try {
    return (
      await api<{ localities: Array<{ id: number; name: string; level: string }> }>(
        `/api/v1/localities?unitCode=${encodeURIComponent(unitCode)}`,
      )
    ).localities;
  } catch {
    return [];
  }
}

export const progress = (id: string) => api<Progress>(`/api/v1/campaigns/${id}/progress`);
export const remuneration = (id: string, rate: number) => api<Remuneration>(`/api/v1/campaigns/${id}/remuneration?rate=${rate}`);
export const remunerationXlsxUrl = (id: string, rate: number) => `/api/v1/campaigns/${id}/remuneration?rate=${rate}&format=xlsx`;

export const updateQuota = (assignmentId: string, quota: number) =>
  api<{ id: string; quota: number; collected: number }>(`/api/v1/assignments/${assignmentId}`, {
    method: 'PATCH',
    body: { quota },
  });

/** Uploads the account sheet as-is (CSV text or XLSX bytes); all rows or none. */
export const importAccounts = async (kind: AccountKind, file: File) =>
  api<AccountImportResult>(`/api/v1/${kind}/import`, { upload: await uploadOf(file) });
