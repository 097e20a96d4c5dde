/** The staff survey's panels: respondents, focal points, templates by group, mail (preview, confirm, rounds) and live response rates. */
import type { Campaign } from '@hailong/contracts';
import { useState } from 'react';
import { FocalPointsPanel } from './focal-points-panel';
import { ImportPanel } from './import-panel';
import { MailPanel } from './mail-panel';
import { StaffRatesPanel } from './staff-rates-panel';
import { StaffTemplatesPanel } from './staff-templates-panel';

export function StaffPanels({ campaign }: { campaign: Campaign }) {
  const [imported, setImported] = useState(0);
  const id = campaign.id;
  return (
    <>
      <ImportPanel campaignId={id} onImported={() => setImported((n) => n + 1)} />
      <FocalPointsPanel key={`fp-${imported}`} campaignId={id} />
      <StaffTemplatesPanel campaignId={id} />
      <MailPanel key={`mail-${imported}`} campaign={campaign} />
      <StaffRatesPanel campaignId={id} />
    </>
  );
}
