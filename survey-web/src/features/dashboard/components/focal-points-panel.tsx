import { focalPointInputSchema, type FocalPoint, type FocalPointList } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '@/lib/api-client';
import { errorMessage, tr } from '@/lib/i18n';

const listFocalPoints = (campaignId: string) => api<FocalPointList>(`/api/v1/focal-points?campaignId=${campaignId}`);
const saveFocalPoint = (unitCode: string, body: { name: string; email: string }) =>
  api<FocalPoint>(`/api/v1/focal-points/${encodeURIComponent(unitCode)}`, { method: 'PUT', body });
const clearFocalPoint = (unitCode: string) =>
  api<FocalPoint>(`/api/v1/focal-points/${encodeURIComponent(unitCode)}`, { method: 'DELETE' });

type FieldErrors = Partial<Record<'name' | 'email', string>>;

/** Per-field messages of a zod issue list or of a VALIDATION_FAILED body (`details: [{ field, message }]`). */
function fieldErrors(issues: readonly { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) if ((i.field === 'name' || i.field === 'email') && !out[i.field]) out[i.field] = i.message;
  return out;
}

/**
 * Focal points (đầu mối CCHC) of the units in this staff campaign: who receives each unit's digest of
 * the response rate and of the colleagues who have not answered. Edited inline, one row at a time.
 */
export function FocalPointsPanel({ campaignId }: { campaignId: string }) {
  const [rows, setRows] = useState<FocalPoint[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    listFocalPoints(campaignId).then(
      (r) => setRows(r.focalPoints),
      (e: unknown) => setMessage(errorMessage(e)),
    );
  }, [campaignId]);
  useEffect(load, [load]);

  const replace = (row: FocalPoint) =>
    setRows((rs) => rs?.map((r) => (r.unitCode === row.unitCode ? { ...r, name: row.name, email: row.email } : r)) ?? null);

  return (
    <section className="admin-card" aria-labelledby="focal-points-title">
      <h2 id="focal-points-title">{tr('Đầu mối CCHC của các đơn vị', 'Units’ PAR focal points')}</h2>
      <p>
        {tr(
          'Đầu mối nhận thư tổng hợp tỷ lệ phản hồi của đơn vị và danh sách người chưa trả lời, trước đợt nhắc cuối (nếu đợt khảo sát bật chuyển cấp). Đơn vị chưa có đầu mối sẽ không nhận thư này.',
          'A focal point gets the unit’s response rate and the list of people who have not answered before the last reminder (when the campaign escalates). A unit without one gets no such mail.',
        )}
      </p>
      <p>
        <button type="button" onClick={load}>
          {tr('Tải lại danh sách', 'Reload the list')}
        </button>
      </p>
      {message ? <p role="status">{message}</p> : null}
      {rows === null ? (
        <p>{tr('Đang tải…', 'Loading…')}</p>
      ) : rows.length === 0 ? (
        <p>
          {tr(
            'Chưa có đơn vị nào trong đợt khảo sát này. Hãy nhập danh sách người trả lời trước, rồi đặt đầu mối cho từng đơn vị.',
            'No unit in this campaign yet. Import the respondents first, then set each unit’s focal point.',
          )}
        </p>
      ) : (
        <table className="admin-table" aria-labelledby="focal-points-title">
          <thead>
            <tr>
              <th scope="col">{tr('Đơn vị', 'Unit')}</th>
              <th scope="col">{tr('Người trả lời', 'Respondents')}</th>
              <th scope="col">{tr('Họ tên đầu mối', 'Focal point')}</th>
              <th scope="col">Email</th>
              <th scope="col">{tr('Thao tác', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <FocalPointRow
                key={r.unitCode}
                row={r}
                onSaved={(row, text) => {
                  replace(row);
                  setMessage(text);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FocalPointRow({ row, onSaved }: { row: FocalPoint; onSaved: (row: FocalPoint, text: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(row.name ?? '');
  const [email, setEmail] = useState(row.email ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = `${row.unitCode} ${row.unitName}`;

  const start = () => {
    setName(row.name ?? '');
    setEmail(row.email ?? '');
    setErrors({});
    setFailure(null);
    setEditing(true);
  };
  const run = async (fn: () => Promise<FocalPoint>, text: string) => {
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await fn(), text);
      setEditing(false);
    } catch (err) {
      if (err instanceof ApiError && Array.isArray(err.details))
        setErrors(fieldErrors(err.details as { field: string; message: string }[]));
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    const parsed = focalPointInputSchema.safeParse({ name, email: email.trim() });
    if (!parsed.success)
      return setErrors(fieldErrors(parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }))));
    setErrors({});
    void run(() => saveFocalPoint(row.unitCode, parsed.data), tr(`Đã lưu đầu mối của ${unit}.`, `Focal point of ${unit} saved.`));
  };
  const clear = () => {
    if (
      window.confirm(
        tr(
          `Xóa đầu mối của ${unit}? Đơn vị sẽ không nhận thư tổng hợp.`,
          `Remove the focal point of ${unit}? The unit will get no digest.`,
        ),
      )
    )
      void run(() => clearFocalPoint(row.unitCode), tr(`Đã xóa đầu mối của ${unit}.`, `Focal point of ${unit} removed.`));
  };

  if (!editing) {
    return (
      <tr>
        <th scope="row">{unit}</th>
        <td>{row.respondents ?? ''}</td>
        <td>{row.name ?? <em>{tr('Chưa có', 'None')}</em>}</td>
        <td>{row.email ?? <em>{tr('Chưa có', 'None')}</em>}</td>
        <td>
          <div className="admin-actions">
            {/* the accessible name starts with the visible word (WCAG 2.5.3) */}
            <button
              type="button"
              onClick={start}
              aria-label={
                row.email
                  ? tr(`Sửa đầu mối của ${unit}`, `Edit the focal point of ${unit}`)
                  : tr(`Thêm đầu mối của ${unit}`, `Add the focal point of ${unit}`)
              }
            >
              {row.email ? tr('Sửa', 'Edit') : tr('Thêm', 'Add')}
            </button>
            {row.email ? (
              <button
                type="button"
                disabled={busy}
                onClick={clear}
                aria-label={tr(`Xóa đầu mối của ${unit}`, `Remove the focal point of ${unit}`)}
              >
                {tr('Xóa', 'Remove')}
              </button>
            ) : null}
            {failure ? <span role="alert">{failure}</span> : null}
          </div>
        </td>
      </tr>
    );
  }
  const nameId = `fp-name-${row.unitCode}`;
  const emailId = `fp-email-${row.unitCode}`;
  return (
    <tr>
      <th scope="row">{unit}</th>
      <td>{row.respondents ?? ''}</td>
      <td>
        <input
          id={nameId}
          aria-label={tr(`Họ tên đầu mối của ${unit}`, `Focal point name of ${unit}`)}
          value={name}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${nameId}-err` : undefined}
        />
        {errors.name ? (
          <span id={`${nameId}-err`} role="alert">
            {errors.name}
          </span>
        ) : null}
      </td>
      <td>
        <input
          id={emailId}
          aria-label={tr(`Email đầu mối của ${unit}`, `Focal point email of ${unit}`)}
          type="email"
          inputMode="email"
          value={email}
          autoComplete="off"
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${emailId}-err` : undefined}
        />
        {errors.email ? (
          <span id={`${emailId}-err`} role="alert">
            {errors.email}
          </span>
        ) : null}
      </td>
      <td>
        <div className="admin-actions">
          <button
            type="button"
            className="admin-primary"
            disabled={busy}
            onClick={save}
            aria-label={tr(`Lưu đầu mối của ${unit}`, `Save the focal point of ${unit}`)}
          >
            {tr('Lưu', 'Save')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => setEditing(false)}
            aria-label={tr(`Hủy sửa đầu mối của ${unit}`, `Cancel editing the focal point of ${unit}`)}
          >
            {tr('Hủy', 'Cancel')}
          </button>
          {failure ? <span role="alert">{failure}</span> : null}
        </div>
      </td>
    </tr>
  );
}
