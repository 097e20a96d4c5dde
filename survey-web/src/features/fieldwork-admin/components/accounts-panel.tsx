/**
 * Field accounts: enumerators (Bưu điện) and supervisors/observers (MTTQ, Hội CCB) with their
 * organisation; create one, or import a CSV/XLSX sheet (all rows or none, errors per row).
 */
import type { FieldAccount, RowError } from '@hailong/contracts';
import { useState, type FormEvent } from 'react';
import { MoreErrors } from '@/components/file-import/more-errors';
import { ApiError } from '@/lib/api-client';
import { errorMessage, tr } from '@/lib/i18n';
import { createAccount, importAccounts, type AccountKind } from '../api/fieldwork-api';

const ROLE_TEXT: Record<FieldAccount['role'], [vi: string, en: string]> = {
  enumerator: ['Điều tra viên', 'Enumerator'],
  supervisor: ['Giám sát viên', 'Supervisor'],
  observer: ['Quan sát viên (chỉ xem)', 'Observer (read only)'],
};
const roleText = (role: FieldAccount['role']) => tr(...ROLE_TEXT[role]);

const text = (f: FormData, name: string) => {
  const v = f.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

function AccountTable({ caption, accounts }: { caption: string; accounts: FieldAccount[] }) {
  if (accounts.length === 0)
    return (
      <p className="fw-empty">
        {caption}: {tr('chưa có tài khoản nào.', 'no accounts yet.')}
      </p>
    );
  return (
    <table className="fw-table">
      <caption>
        {caption} ({accounts.length})
      </caption>
      <thead>
        <tr>
          <th scope="col">Họ và tên</th>
          <th scope="col">Email</th>
          <th scope="col">Vai trò</th>
          <th scope="col">Tổ chức</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={a.id}>
            <td>{a.fullName}</td>
            <td>{a.email}</td>
            <td>{roleText(a.role)}</td>
            <td>{a.organisation ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CreateAccount({ onCreated }: { onCreated: () => void }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const role = text(f, 'role') as FieldAccount['role'];
    const kind: AccountKind = role === 'enumerator' ? 'enumerators' : 'supervisors';
    const body = {
      fullName: text(f, 'fullName'),
      email: text(f, 'email'),
      organisation: text(f, 'organisation'),
      password: text(f, 'password'),
    };
    try {
      await createAccount(kind, role === 'enumerator' ? body : { ...body, role });
      setMessage({ ok: true, text: tr(`Đã tạo tài khoản ${body.email}.`, `Account ${body.email} created.`) });
      form.reset();
      onCreated();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <form className="fw-form fw-grid" onSubmit={(e) => void submit(e)} aria-labelledby="fw-create-account">
      <h3 id="fw-create-account">{tr('Tạo một tài khoản', 'Create one account')}</h3>
      <label>
        {tr('Vai trò', 'Role')}
        <select name="role" defaultValue="enumerator">
          {(Object.keys(ROLE_TEXT) as FieldAccount['role'][]).map((r) => (
            <option key={r} value={r}>
              {roleText(r)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('Họ và tên', 'Full name')}
        <input name="fullName" required maxLength={200} />
      </label>
      <label>
        Email
        <input name="email" type="email" required />
      </label>
      <label>
        {tr('Tổ chức', 'Organisation')}
        <input name="organisation" required placeholder="Bưu điện tỉnh Sóc Trăng" />
      </label>
      <label>
        {tr('Mật khẩu (ít nhất 8 ký tự)', 'Password (at least 8 characters)')}
        <input name="password" type="password" required minLength={8} autoComplete="new-password" />
      </label>
      <button type="submit" className="fw-primary">
        {tr('Tạo tài khoản', 'Create')}
      </button>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'fw-ok' : 'fw-error'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}

function ImportAccounts({ onImported }: { onImported: () => void }) {
  const [kind, setKind] = useState<AccountKind>('enumerators');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [errorsTotal, setErrorsTotal] = useState<number | undefined>(undefined);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    if (!file) return;
    setErrors([]);
    setErrorsTotal(undefined);
    try {
      const r = await importAccounts(kind, file);
      setMessage({ ok: true, text: tr(`Đã nhập ${r.created} tài khoản.`, `${r.created} accounts imported.`) });
      onImported();
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details)) {
        setErrors(err.details as RowError[]);
        setErrorsTotal(err.detailsTotal);
      }
      setMessage({ ok: false, text: errorMessage(err) });
    }
  };
  return (
    <div className="fw-form" role="group" aria-labelledby="fw-import-accounts">
      <h3 id="fw-import-accounts">{tr('Nhập từ tệp CSV/Excel', 'Bulk import from CSV/Excel')}</h3>
      <p>
        Các cột <code>full_name, email, organisation, password</code>, thêm <code>role</code> (supervisor/observer) cho giám sát.
        Nếu có dòng lỗi, không dòng nào được nhập.
      </p>
      <label>
        {tr('Loại tài khoản', 'Account type')}
        <select value={kind} onChange={(e) => setKind(e.target.value as AccountKind)}>
          <option value="enumerators">{tr('Điều tra viên', 'Enumerators')}</option>
          <option value="supervisors">{tr('Giám sát, quan sát', 'Supervisors, observers')}</option>
        </select>
      </label>
      <label>
        {tr('Tệp', 'File')}
        <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="button" className="fw-primary" disabled={!file} onClick={() => void run()}>
        {tr('Nhập tài khoản', 'Import')}
      </button>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'fw-ok' : 'fw-error'}>
          {message.text}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <table className="fw-table fw-errors">
          <caption>
            {tr('Dòng lỗi', 'Rows with errors')} ({errors.length})
          </caption>
          <thead>
            <tr>
              <th scope="col">Dòng</th>
              <th scope="col">Cột</th>
              <th scope="col">Lỗi</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i}>
                <td>{e.row}</td>
                <td>{e.field || '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <MoreErrors shown={errors.length} total={errorsTotal} />
    </div>
  );
}

export function AccountsPanel({
  enumerators,
  supervisors,
  onChanged,
}: {
  enumerators: FieldAccount[];
  supervisors: FieldAccount[];
  onChanged: () => void;
}) {
  return (
    <section className="fw-card" aria-labelledby="fw-accounts">
      <h2 id="fw-accounts">{tr('Tài khoản điều tra viên và giám sát', 'Field accounts')}</h2>
      <AccountTable caption={tr('Điều tra viên', 'Enumerators')} accounts={enumerators} />
      <AccountTable caption={tr('Giám sát và quan sát', 'Supervisors and observers')} accounts={supervisors} />
      <div className="fw-columns">
        <CreateAccount onCreated={onChanged} />
        <ImportAccounts onImported={onChanged} />
      </div>
    </section>
  );
}
