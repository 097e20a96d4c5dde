/** Requests of the unit registry screen (types from @hailong/contracts). */
import type { OrphanedWork, UnitEventsResult, UnitLineage, UnitsList } from '@hailong/contracts';
import { api, uploadOf } from '@/lib/api-client';

export const unitsOn = (asOf: string) => api<UnitsList>(`/api/v1/units?asOf=${encodeURIComponent(asOf)}`);
export const lineageOf = (code: string) => api<UnitLineage>(`/api/v1/units/${encodeURIComponent(code)}/lineage`);
export const orphanedWork = (asOf: string) => api<OrphanedWork>(`/api/v1/units/orphaned-work?asOf=${encodeURIComponent(asOf)}`);
export const importEvents = async (file: File, dryRun: boolean) =>
  api<UnitEventsResult>(`/api/v1/units/events?dryRun=${dryRun}`, { upload: await uploadOf(file) });
export const unitKinds = () =>
  api<{ kinds: { code: string; name: string; nameEn: string; tier: string }[] }>('/api/v1/units/kinds');
