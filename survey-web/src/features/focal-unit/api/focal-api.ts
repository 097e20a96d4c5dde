/** The focal point's own unit: rates by template, non-respondents, resend (server derives the unit from the session). */
import type { FocalResendResult, FocalUnit, NonRespondentList } from '@hailong/contracts';
import { api } from '@/lib/api-client';

export const getFocalUnit = () => api<FocalUnit>('/api/v1/focal/unit');
export const getNonRespondents = (campaignId: string) =>
  api<NonRespondentList>(`/api/v1/focal/campaigns/${campaignId}/non-respondents`);
export const resendInvitation = (campaignId: string, respondentId: string) =>
  api<FocalResendResult>(`/api/v1/focal/campaigns/${campaignId}/respondents/${respondentId}/resend`, {
    method: 'POST',
    body: {},
  });
