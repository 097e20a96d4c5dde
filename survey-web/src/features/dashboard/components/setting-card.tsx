/** The frame of a campaign setting panel: its title, "Đang tải…" until loaded, the form, then the saved or error line. */
import type { ReactNode } from 'react';
import { StatusMessage, type ActionMessage } from '@/components/status-message';
import { useT } from '@/lib/i18n';

export function SettingCard({
  id,
  title,
  loading,
  message,
  children,
}: {
  id: string;
  title: string;
  loading: boolean;
  message: ActionMessage | null;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className="admin-card" aria-labelledby={id} aria-busy={loading}>
      <h2 id={id}>{title}</h2>
      {loading ? <p>{t('Đang tải…', 'Loading…')}</p> : null}
      {children}
      <StatusMessage message={message} />
    </section>
  );
}
