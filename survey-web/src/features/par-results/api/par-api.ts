/** Requests of the PAR results page (types from @hailong/contracts). */
import type { ParTableBody, SelfAssessmentImportResult } from '@hailong/contracts';
import { api, uploadOf } from '@/lib/api-client';

export const getParTable = (year: number) => api<ParTableBody>(`/api/v1/par/${year}`);
export const parDownloadUrl = (year: number, format: 'xlsx' | 'csv') => `/api/v1/par/${year}?format=${format}`;
export const templateUrl = (year: number, format: 'xlsx' | 'csv') =>
  `/api/v1/par/${year}/self-assessments/template?format=${format}`;

export const importSelfAssessments = async (year: number, file: File, dryRun: boolean) =>
  api<SelfAssessmentImportResult>(`/api/v1/par/${year}/self-assessments${dryRun ? '?dryRun=true' : ''}`, {
    upload: await uploadOf(file),
  });

/** The parts of the year's method the page explains figures with (SIPAS maximum per group, bands). */
export interface MethodFacts {
  sipasMax: Record<string, number>;
  bands: { band: number; min: number; inclusive: boolean }[];
}

interface MethodBody {
  method: { groups: Record<string, { sipasMax: number } | undefined>; bands: MethodFacts['bands'] };
}

/** The year's method, or null where it cannot be read (the page then explains without its constants). */
export async function getMethodFacts(year: number): Promise<MethodFacts | null> {
  try {
    const m = (await api<MethodBody>(`/api/v1/par/${year}/method`)).method;
    const sipasMax = Object.fromEntries(Object.entries(m.groups).flatMap(([g, v]) => (v ? [[g, v.sipasMax]] : [])));
    return { sipasMax, bands: m.bands };
  } catch {
    return null;
  }
}
