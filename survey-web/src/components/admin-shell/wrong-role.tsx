import type { SessionUser } from '@hailong/contracts';
import { useT } from '@/lib/i18n';

/** A signed-in user on a page that is not theirs: told where their work is, never left loading. */
export function WrongRole({ user }: { user: SessionUser }) {
  const t = useT();
  const where: Record<SessionUser['role'], { href: string; vi: string; en: string }> = {
    enumerator: { href: '/e', vi: 'Ứng dụng điều tra viên', en: 'The enumerator app' },
    supervisor: { href: '/supervision', vi: 'Trang giám sát', en: 'The supervision page' },
    observer: { href: '/supervision', vi: 'Trang giám sát', en: 'The supervision page' },
    admin: { href: '/admin', vi: 'Trang quản trị', en: 'The administration' },
    focal_point: { href: '/unit', vi: 'Trang đơn vị của bạn', en: 'Your unit’s page' },
  };
  const go = where[user.role];
  return (
    <main className="page admin">
      <h1>{t('Trang này không dành cho tài khoản của bạn', 'This page is not for your account')}</h1>
      <p role="alert">
        {t(
          `Tài khoản ${user.email} không dùng trang này. Công việc của bạn ở: `,
          `The account ${user.email} does not use this page. Your work is at: `,
        )}
        <a href={go.href}>
          {t(go.vi, go.en)} ({go.href})
        </a>
      </p>
    </main>
  );
}
