/**
 * /admin/users — accounts of Sở Nội vụ staff, supervisors and observers (MTTQ, Hội CCB) and units'
 * focal points (đầu mối CCHC, bound to one unit): create
 * (the temporary password is shown once), disable, enable, reset. Enumerators are listed too; they
 * are created on a campaign's fieldwork page.
 */
import type { Account, AccountSecret } from '@hailong/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import { api } from '@/lib/api-client';
import { errorMessage, fmtDate, useT } from '@/lib/i18n';
import { CreateAccountForm } from './create-account-form';
import { roleName } from './role-names';

export default function UsersPage() {
  return (
    <AdminShell>
      <Users />
    </AdminShell>
  );
}

function Users() {
  const t = useT();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [secret, setSecret] = useState<(AccountSecret & { email: string }) | null>(null);
  const secretRef = useRef<HTMLDivElement>(null);
  const load = useCallback(() => {
    api<{ accounts: Account[] }>('/api/v1/users').then(
      (r) => setAccounts(r.accounts),
      (e: unknown) => setMessage({ ok: false, text: errorMessage(e) }),
    );
  }, []);
  useEffect(load, [load]);
  const showSecret = (s: AccountSecret, email: string) => {
    setSecret({ ...s, email });
    requestAnimationFrame(() => secretRef.current?.focus());
  };
  const act = async (a: Account, what: 'disable' | 'enable' | 'reset-password') => {
    setMessage(null);
    if (
      what !== 'enable' &&
      !window.confirm(
        what === 'disable'
          ? t(`Khóa tài khoản ${a.email}?`, `Disable ${a.email}?`)
          : t(`Đặt lại mật khẩu của ${a.email}?`, `Reset the password of ${a.email}?`),
      )
    )
      return;
    try {
      const r = await api<AccountSecret | { ok: true }>(`/api/v1/users/${a.id}/${what}`, { method: 'POST', body: {} });
      if ('temporaryPassword' in r) showSecret(r, a.email);
      else
        setMessage({
          ok: true,
          text:
            what === 'disable'
              ? t(`Đã khóa ${a.email}.`, `${a.email} disabled.`)
              : t(`Đã mở khóa ${a.email}.`, `${a.email} enabled.`),
        });
      load();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <main className="page admin">
      <h1>{t('Tài khoản', 'Accounts')}</h1>
      {secret ? (
        <div ref={secretRef} tabIndex={-1} className="mail-preview" role="status">
          <p>
            {t(
              `Mật khẩu tạm thời của ${secret.email} (chỉ hiện một lần, hãy chuyển cho người dùng và đề nghị đổi):`,
              `Temporary password of ${secret.email} (shown once; hand it over):`,
            )}
          </p>
          <p>
            <code data-testid="temporary-password" className="admin-secret">
              {secret.temporaryPassword}
            </code>
          </p>
          <button type="button" onClick={() => setSecret(null)}>
            {t('Đã ghi lại', 'Noted')}
          </button>
        </div>
      ) : null}
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'admin-message' : 'admin-error'}>
          {message.text}
        </p>
      ) : null}
      <div className="admin-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">{t('Họ tên', 'Name')}</th>
              <th scope="col">{t('Vai trò', 'Role')}</th>
              <th scope="col">{t('Tổ chức / đơn vị', 'Organisation / unit')}</th>
              <th scope="col">{t('Trạng thái', 'State')}</th>
              <th scope="col">{t('Thao tác', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts?.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.email}</th>
                <td>{a.fullName}</td>
                <td>{roleName(a.role)}</td>
                <td>{a.organisation ?? (a.unitCode ? `${a.unitCode} · ${a.unitName ?? ''}` : '—')}</td>
                <td>
                  {a.disabledAt
                    ? t(`Đã khóa (${fmtDate(a.disabledAt)})`, `Disabled (${fmtDate(a.disabledAt)})`)
                    : t('Hoạt động', 'Active')}
                </td>
                <td>
                  <div className="admin-actions">
                    {a.disabledAt ? (
                      <button
                        type="button"
                        onClick={() => void act(a, 'enable')}
                        aria-label={t(`Mở khóa ${a.email}`, `Enable ${a.email}`)}
                      >
                        {t('Mở khóa', 'Enable')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        onClick={() => void act(a, 'disable')}
                        aria-label={t(`Khóa ${a.email}`, `Disable ${a.email}`)}
                      >
                        {t('Khóa', 'Disable')}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => void act(a, 'reset-password')}
                      aria-label={t(`Đặt lại mật khẩu ${a.email}`, `Reset the password of ${a.email}`)}
                    >
                      {t('Đặt lại mật khẩu', 'Reset password')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CreateAccountForm
        onCreated={(s, email) => {
          showSecret(s, email);
          load();
        }}
      />
    </main>
  );
}
