/**
 * The frame of every Sở Nội vụ page: sign-in when needed, a role check that says where to go
 * instead of loading forever, the navigation, the language switch and sign-out.
 */
import type { SessionUser } from '@hailong/contracts';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '@/lib/api-client';
import { setLang, useLang, useT } from '@/lib/i18n';
import { logout, me } from '@/lib/session';
import { SignInForm } from '@/components/sign-in/sign-in-form';
import { WrongRole } from './wrong-role';
import '@/app/admin.css';
import './admin-shell.css';

type Role = SessionUser['role'];
const UserContext = createContext<SessionUser | null>(null);

/** The signed-in user of the page inside `AdminShell`. */
export function useAdminUser(): SessionUser {
  const u = useContext(UserContext);
  if (!u) throw new Error('useAdminUser outside AdminShell');
  return u;
}

interface NavItem {
  href: string;
  vi: string;
  en: string;
}
const NAV: NavItem[] = [
  { href: '/admin', vi: 'Đợt khảo sát', en: 'Campaigns' },
  { href: '/admin/kiosks', vi: 'Máy tại quầy', en: 'Kiosks' },
  { href: '/admin/units', vi: 'Đơn vị', en: 'Units' },
  { href: '/admin/forms', vi: 'Phiếu khảo sát', en: 'Questionnaires' },
  { href: `/admin/par/${new Date().getFullYear()}`, vi: 'Chỉ số CCHC', en: 'PAR Index' },
  { href: '/admin/users', vi: 'Tài khoản', en: 'Accounts' },
  { href: '/admin/audit', vi: 'Nhật ký', en: 'Audit log' },
];

function Header({ user, onSignedOut }: { user: SessionUser; onSignedOut: () => void }) {
  const t = useT();
  const lang = useLang();
  const here = window.location.pathname.replace(/\/$/, '') || '/admin';
  const signOut = () => void logout().finally(onSignedOut);
  return (
    <header className="shell-header">
      {user.role === 'admin' ? (
        <nav aria-label={t('Quản trị', 'Administration')} className="shell-nav">
          {NAV.map((n) => {
            const current = n.href.startsWith('/admin/par/') ? here.startsWith('/admin/par') : here === n.href;
            return (
              <a key={n.href} href={n.href} aria-current={current ? 'page' : undefined}>
                {t(n.vi, n.en)}
              </a>
            );
          })}
        </nav>
      ) : (
        <span className="shell-brand">{t('Sở Nội vụ · Khảo sát CCHC', 'Department of Home Affairs · PAR surveys')}</span>
      )}
      <div className="shell-user">
        <span>{user.fullName}</span>
        <button type="button" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} lang={lang === 'vi' ? 'en' : 'vi'}>
          {lang === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
        <button type="button" onClick={signOut}>
          {t('Đăng xuất', 'Sign out')}
        </button>
      </div>
    </header>
  );
}

export function AdminShell({
  roles = ['admin'],
  signIn,
  children,
}: {
  roles?: Role[];
  signIn?: { vi: string; en: string };
  children: ReactNode;
}) {
  const [user, setUser] = useState<SessionUser | null | 'checking' | 'error'>('checking');
  const t = useT();
  const lang = useLang();
  // A console page loaded after the switch is marked English from the start (screen readers read it so).
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const check = () =>
    me().then(
      (r) => setUser(r.user),
      (e: unknown) => setUser(e instanceof ApiError && e.status === 401 ? null : 'error'),
    );
  useEffect(() => void check(), []);
  // A focal point signs in at the same form and lands on their unit's page.
  const toUnitPage = typeof user === 'object' && user?.role === 'focal_point' && !roles.includes('focal_point');
  useEffect(() => {
    if (toUnitPage) window.location.replace('/unit');
  }, [toUnitPage]);
  if (user === 'checking' || toUnitPage)
    return (
      <p className="loading" role="status">
        {t('Đang tải…', 'Loading…')}
      </p>
    );
  if (user === 'error') {
    return (
      <main className="page admin">
        <p role="alert">
          {t('Không kết nối được máy chủ.', 'The server cannot be reached.')}{' '}
          <button type="button" onClick={() => void check()}>
            {t('Thử lại', 'Retry')}
          </button>
        </p>
      </main>
    );
  }
  if (user === null)
    return (
      <SignInForm pageClass="admin" onDone={() => void check()} {...(signIn ? { title: signIn.vi, titleEn: signIn.en } : {})} />
    );
  return (
    <UserContext.Provider value={user}>
      <Header user={user} onSignedOut={() => setUser(null)} />
      {/* keyed by language: a switch re-renders every page text (strings are picked at render) */}
      <div key={lang}>{roles.includes(user.role) ? children : <WrongRole user={user} />}</div>
    </UserContext.Provider>
  );
}
