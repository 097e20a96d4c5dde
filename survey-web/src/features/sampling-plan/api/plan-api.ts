/** Requests of the sampling-plan page (types from @hailong/contracts). */
import type { Locality, PlanImportResult, SamplingPlan } from '@hailong/contracts';
import { api, XLSX_TYPE } from '@/lib/api-client';

export const getPlan = (id: string) => api<SamplingPlan>(`/api/v1/campaigns/${id}/sampling-plan`);
export const templateUrl = '/api/v1/sampling-plan-template.xlsx';
export const putTargets = (id: string, margin: number, targets: { unitCode: string; target?: number; dossiers?: number }[]) =>
  api<{ total: number }>(`/api/v1/campaigns/${id}/targets`, { method: 'PUT', body: { margin, targets } });
export const setHamletQuota = (id: string, localityId: number, quota: number) =>
  api<{ quota: number }>(`/api/v1/campaigns/${id}/sampling-plan/hamlets/${localityId}`, { method: 'PUT', body: { quota } });
export const removeHamlet = (id: string, localityId: number) =>
  api<null>(`/api/v1/campaigns/${id}/sampling-plan/hamlets/${localityId}`, { method: 'DELETE' });
export const createLocality = (
  body:
    | { level: 'commune'; unitCode: string; name: string }
    | { level: 'hamlet'; parentId: number; name: string }
    | { level: 'hamlet'; unitCode: string; name: string },
) => api<Locality>('/api/v1/localities', { body });
export const renameLocality = (id: number, name: string) =>
  api<Locality>(`/api/v1/localities/${id}`, { method: 'PUT', body: { name } });
export const deleteLocality = (id: number) => api<null>(`/api/v1/localities/${id}`, { method: 'DELETE' });

/** Uploads the workbook bytes as-is; `dryRun` only checks and reports. */
export const importPlan = async (id: string, file: File, dryRun: boolean, margin: number) =>
  api<PlanImportResult>(`/api/v1/campaigns/${id}/sampling-plan.xlsx?dryRun=${dryRun ? 1 : 0}&margin=${margin}`, {
    upload: { data: await file.arrayBuffer(), contentType: XLSX_TYPE },
  });
