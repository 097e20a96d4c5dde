/**
 * /admin — the staff-survey dashboard of Sở Nội vụ: log in, list and create campaigns, import
 * respondents, send invitations and reminders, watch response rates.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { me } from '@/lib/session';
import { SignInForm } from '@/components/sign-in/sign-in-form';
import { CampaignList } from './campaign-list';
import { CampaignPage } from './campaign-page';
import '@/app/admin.css';
import '../dashboard.css';

function go(path: string): void {
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export default function AdminPage({ params }: { params: Record<string, string> }) {
  const [auth, setAuth] = useState<'checking' | 'in' | 'out'>('checking');
  const check = () => me().then(() => setAuth('in'), (e: unknown) => setAuth(e instanceof ApiError && e.status === 401 ? 'out' : 'in'));
  useEffect(() => void check(), []);
  if (auth === 'checking') return <p className="loading" role="status">Đang tải…</p>;
  if (auth === 'out') return <SignInForm title="Đăng nhập quản trị" titleEn="Admin sign-in" pageClass="admin" onDone={() => void check()} />;
  if (params.campaignId) return <CampaignPage id={params.campaignId} back={() => go('/admin')} />;
  return <CampaignList open={(id) => go(`/admin/campaigns/${id}`)} />;
}
