/**
 * /admin and /admin/campaigns/<id> — the Sở Nội vụ dashboard: campaigns of both kinds, and one
 * campaign's page with only its kind's panels.
 */
import { AdminShell } from '@/components/admin-shell/admin-shell';
import { navigate } from '@/app/app';
import { CampaignList } from './campaign-list';
import { CampaignPage } from './campaign-page';
import '../dashboard.css';

export default function AdminPage({ params }: { params: Record<string, string> }) {
  return (
    <AdminShell>
      {params.campaignId ? (
        <CampaignPage key={params.campaignId} id={params.campaignId} />
      ) : (
        <CampaignList open={(id) => navigate(`/admin/campaigns/${id}`)} />
      )}
    </AdminShell>
  );
}
