/**
 * Which form codes each channel of a SIPAS campaign accepts (docs/0022), read from the campaign row
 * alone: no query, so every submission path can ask.
 */
import { DEFAULT_CHANNEL_FORMS } from '@hailong/forms';
import { channelFormsSchema, type ChannelForms } from '@hailong/contracts';
import { AppError } from '../../errors.ts';
import type { CampaignRow } from './repo.ts';

export type FormChannel = keyof ChannelForms;

/** The campaign's choice, or the defaults; null for a staff campaign. */
export function channelFormsOf(c: Pick<CampaignRow, 'kind' | 'channelForms'>): ChannelForms | null {
  if (c.kind !== 'sipas') return null;
  const chosen = channelFormsSchema.safeParse(c.channelForms);
  return chosen.success ? chosen.data : { ...DEFAULT_CHANNEL_FORMS, field: [...DEFAULT_CHANNEL_FORMS.field] };
}

/** The codes a channel accepts in a campaign (no campaign open → the defaults). */
export function channelFormCodes(c: Pick<CampaignRow, 'kind' | 'channelForms'> | undefined, channel: FormChannel): string[] {
  const forms = (c && channelFormsOf(c)) ?? channelFormsOf({ kind: 'sipas', channelForms: null });
  const chosen = forms?.[channel] ?? [];
  return typeof chosen === 'string' ? [chosen] : chosen;
}

/** Refuses a code the campaign does not offer on this channel (400 FORM_NOT_OFFERED). */
export function requireOffered(c: CampaignRow, channel: FormChannel, code: string): void {
  if (!channelFormCodes(c, channel).includes(code)) throw new AppError('FORM_NOT_OFFERED', { field: 'formCode' });
}
