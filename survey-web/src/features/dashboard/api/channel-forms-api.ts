/** A SIPAS campaign's form per channel (GET/PUT /campaigns/:id/channel-forms). */
import type { CampaignChannelForms, ChannelForms } from '@hailong/contracts';
import { api } from '@/lib/api-client';

export const getChannelForms = (id: string) => api<CampaignChannelForms>(`/api/v1/campaigns/${id}/channel-forms`);
export const saveChannelForms = (id: string, body: ChannelForms) =>
  api<CampaignChannelForms>(`/api/v1/campaigns/${id}/channel-forms`, { method: 'PUT', body });
