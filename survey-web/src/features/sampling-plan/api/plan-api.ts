/** Requests of the sampling-plan page (types from @hailong/contracts). */
import type { Locality, PlanImportResult, SamplingPlan } from '@hailong/contracts';
import { api, ApiError, NetworkError } from '@/lib/api-client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const getPlan = (id: string) => api<SamplingPlan>(`/api/v1/campaigns/${id}/sampling-plan`);
export const templateUrl = '/api/v1/sampling-plan-template.xlsx';
export const putTargets = (id: string, margin: number, targets: { unitCode: string; target?: number; dossiers?: number }[]) =>
  api<{ total: number }>(`/api/v1/campaigns/${id}/targets`, { method: 'PUT', body: { margin, targets } });
export const setHamletQuota = (id: string, localityId: number, quota: number) =>
  api<{ quota: number }>(`/api/v1/campaigns/${id}/sampling-plan/hamlets/${localityId}`, { method: 'PUT', body: { quota } });
export const removeHamlet = (id: string, localityId: number) =>
  api<null>(`/api/v1/campaigns/${id}/sampling-plan/hamlets/${localityId}`, { method: 'DELETE' });
export const createLocality = (body: { level: 'commune'; unitCode: string; name: string } | { level: 'hamlet'; parentId: number; name: string }) =>
  api<Locality>('/api/v1/localities', { body });
export const renameLocality = (id: number, name: string) => api<Locality>(`/api/v1/localities/${id}`, { method: 'PUT', body: { name } });
export const deleteLocality = (id: number) => api<null>(`/api/v1/localities/${id}`, { method: 'DELETE' });

/** Uploads the workbook bytes as-is; `dryRun` only checks and reports. */
export async function importPlan(id: string, file: File, dryRun: boolean, margin: number): Promise<PlanImportResult> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/campaigns/${id}/sampling-plan.xlsx?dryRun=${dryRun ? 1 : 0}&margin=${margin}`, {
      method: 'POST', headers: { 'content-type': XLSX }, body: await file.arrayBuffer(), credentials: 'same-origin',
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  const data = (await res.json()) as PlanImportResult | { error: { code: string; message: string; messageEn: string; details?: unknown } };
  if ('error' in data) throw new ApiError(res.status, data.error.code, data.error.message, data.error.messageEn, data.error.details);
  return data;
}
