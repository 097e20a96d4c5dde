/** A staff campaign's template per respondent group (GET/PUT /campaigns/:id/staff-templates). */
import type { CampaignStaffTemplates, StaffTemplates } from '@hailong/contracts';
import { api } from '@/lib/api-client';

export const getStaffTemplates = (id: string) => api<CampaignStaffTemplates>(`/api/v1/campaigns/${id}/staff-templates`);
export const saveStaffTemplates = (id: string, body: StaffTemplates) =>
  api<CampaignStaffTemplates>(`/api/v1/campaigns/${id}/staff-templates`, { method: 'PUT', body });
