/**
 * The load / choose / save cycle of a console panel that edits one setting of a campaign (its form
 * per channel, its template per respondent group): the current choice is loaded, edited as a draft
 * and saved in one request; the panel shows loading, saving, saved and error states.
 */
import { useEffect, useState } from 'react';
import type { ActionMessage } from '@/components/status-message';
import { errorMessage } from '@/lib/i18n';

/** How a setting is read and written; define it once at module level (the hook reloads when it changes). */
export interface CampaignSetting<Data, Choice> {
  get: (campaignId: string) => Promise<Data>;
  save: (campaignId: string, choice: Choice) => Promise<Data>;
  choiceOf: (data: Data) => Choice;
}

/** Before saving: true to go on, false to stop quietly (the user said no), or a text saying why not. */
export type SaveCheck<Data, Choice> = (data: Data, choice: Choice) => boolean | string;

export function useCampaignSetting<Data, Choice>(campaignId: string, setting: CampaignSetting<Data, Choice>) {
  const [data, setData] = useState<Data | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setting.get(campaignId).then(
      (d) => {
        setData(d);
        setChoice(setting.choiceOf(d));
      },
      (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
    );
  }, [campaignId, setting]);

  /** Saves the draft (after `check`, when given) and says `savedText`, or why it was not saved. */
  const save = async (savedText: string, check?: SaveCheck<Data, Choice>) => {
    if (data === null || choice === null) return;
    const verdict = check ? check(data, choice) : true;
    if (typeof verdict === 'string') return setMessage({ ok: false, text: verdict });
    if (!verdict) return;
    setSaving(true);
    try {
      const saved = await setting.save(campaignId, choice);
      setData(saved);
      setChoice(setting.choiceOf(saved));
      setMessage({ ok: true, text: savedText });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return { data, choice, setChoice, message, saving, loading: data === null && message === null, save };
}
