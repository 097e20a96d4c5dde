/** One campaign: its state and window (close early / reopen), then only its own kind's panels. */
import type { Campaign } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, useT } from '@/lib/i18n';
import { getCampaign } from '../api/admin-api';
import { kindText, statusText, windowText } from './campaign-labels';
import { LifecyclePanel } from './lifecycle-panel';
import { PersonalDataPanel } from './personal-data-panel';
import { SipasPanels } from './sipas-panels';
import { StaffPanels } from './staff-panels';

export function CampaignPage({ id }: { id: string }) {
  const t = useT();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    getCampaign(id).then(
      (c) => {
        setCampaign(c);
        setError(null);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [id]);
  useEffect(load, [load]);

  return (
    <main className="page admin">
      <p>
        <a href="/admin">← {t('Các đợt khảo sát', 'Campaigns')}</a>
      </p>
      <h1>{campaign?.name ?? t('Đợt khảo sát', 'Campaign')}</h1>
      {error ? (
        <p role="alert" className="admin-error">
          {error}
        </p>
      ) : null}
      {campaign ? (
        <>
          <p className="admin-facts">
            <span>{kindText(campaign.kind)}</span> ·{' '}
            <span>
              {t('Năm', 'Year')} {campaign.year}
            </span>{' '}
            · <span>{windowText(campaign)}</span> · <strong data-testid="campaign-status">{statusText(campaign.status)}</strong>
          </p>
          <LifecyclePanel campaign={campaign} onChanged={setCampaign} />
          {campaign.kind === 'staff' ? <StaffPanels campaign={campaign} /> : <SipasPanels campaign={campaign} />}
          <PersonalDataPanel campaign={campaign} />
        </>
      ) : null}
    </main>
  );
}
