/**
 * Assignments per enumerator: unit (and optional commune/hamlet), quota, collected and a progress
 * bar; create one, edit its quota inline, delete it while nothing has been collected.
 */
import type { CampaignAssignment, FieldAccount } from '@hailong/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { createAssignment, deleteAssignment, listLocalities, updateQuota, type Unit } from '../api/fieldwork-api';
import { ProgressBar } from './progress-bar';
import { formText } from './form-text';

type Notice = { ok: boolean; text: string } | null;

function CreateAssignment({
  campaignId,
  enumerators,
  units,
  onDone,
}: {
  campaignId: string;
  enumerators: FieldAccount[];
  units: Unit[];
  onDone: (n: Notice) => void;
}) {
  const [unitCode, setUnitCode] = useState('');
  const [loaded, setLoaded] = useState<{ unitCode: string; localities: Array<{ id: number; name: string; level: string }> }>({
    unitCode: '',
    localities: [],
  });
  const localities = loaded.unitCode === unitCode ? loaded.localities : [];
  useEffect(() => {
    if (unitCode) void listLocalities(unitCode).then((list) => setLoaded({ unitCode, localities: list }));
  }, [unitCode]);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const locality = Number(f.get('localityId') ?? 0);
    try {
      await createAssignment(campaignId, {
        enumeratorId: formText(f, 'enumeratorId'),
        unitCode,
        quota: Number(f.get('quota') ?? 0),
        ...(locality > 0 ? { localityId: locality } : {}),
      });
      onDone({ ok: true, text: tr('Đã giao địa bàn.', 'Assignment created.') });
    } catch (err) {
      onDone({ ok: false, text: errorMessage(err) });
    }
  };
  if (enumerators.length === 0)
    return (
      <p className="fw-empty">
        {tr('Hãy tạo hoặc nhập tài khoản điều tra viên trước khi giao địa bàn.', 'Create enumerators first.')}
      </p>
    );
  return (
    <form className="fw-form fw-inline" onSubmit={(e) => void submit(e)} aria-labelledby="fw-new-assignment">
      <h3 id="fw-new-assignment">{tr('Giao địa bàn', 'New assignment')}</h3>
      <label>
        {tr('Điều tra viên', 'Enumerator')}
        <select name="enumeratorId" required defaultValue="">
          <option value="" disabled>
            {tr('— Chọn —', '— Choose —')}
          </option>
          {enumerators.map((e) => (
            <option key={e.id} value={e.id}>
              {e.fullName} ({e.organisation ?? e.email})
            </option>
          ))}
        </select>
      </label>
      <label>
        {tr('Đơn vị', 'Unit')}
        <select name="unitCode" required value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
          <option value="" disabled>
            {tr('— Chọn —', '— Choose —')}
          </option>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.code} · {u.name}
            </option>
          ))}
        </select>
      </label>
      {localities.length > 0 ? (
        <label>
          {tr('Xã/ấp (không bắt buộc)', 'Locality (optional)')}
          <select name="localityId" defaultValue="0">
            <option value="0">{tr('— Cả đơn vị', 'Whole unit —')}</option>
            {localities.map((l) => (
              <option key={l.id} value={l.id}>
                {l.level === 'hamlet' ? '· ' : ''}
                {l.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {tr('Chỉ tiêu (phiếu)', 'Quota (forms)')}
        <input name="quota" type="number" min={0} max={100000} required defaultValue={27} />
      </label>
      <button type="submit" className="fw-primary">
        {tr('Giao', 'Assign')}
      </button>
    </form>
  );
}

function AssignmentRow({ a, onDone }: { a: CampaignAssignment; onDone: (n: Notice) => void }) {
  const [quota, setQuota] = useState(String(a.quota));
  const save = async () => {
    try {
      await updateQuota(a.id, Number(quota));
      onDone({ ok: true, text: tr(`Đã đổi chỉ tiêu ${a.unitCode} thành ${quota}.`, `Quota of ${a.unitCode} set to ${quota}.`) });
    } catch (err) {
      onDone({ ok: false, text: errorMessage(err) });
    }
  };
  const remove = async () => {
    const warning = tr(
      `Xóa phân công ${a.unitCode} của ${a.enumeratorName}?\n\n` +
        'Phiếu điều tra viên đã phỏng vấn nhưng chưa đồng bộ (khi mất sóng) sẽ bị từ chối; điều tra viên phải chuyển chúng sang phân công khác trên điện thoại. ' +
        'Hãy hỏi điều tra viên trước khi xóa.',
      `Delete the assignment of ${a.unitCode} to ${a.enumeratorName}?\n\n` +
        'Interviews still on the phone (not yet synced) will be refused and must be moved to another assignment on the phone. Ask the enumerator first.',
    );
    if (!window.confirm(warning)) return;
    try {
      await deleteAssignment(a.id);
      onDone({ ok: true, text: tr('Đã xóa phân công.', 'Assignment deleted.') });
    } catch (err) {
      onDone({ ok: false, text: errorMessage(err) });
    }
  };
  const where = `${a.unitCode}${a.localityName ? ` · ${a.localityName}` : ''}`;
  return (
    <tr data-assignment={a.unitCode}>
      <td>
        {a.unitCode} · {a.unitName}
      </td>
      <td>{a.localityName ?? '—'}</td>
      <td>
        <input
          className="fw-quota"
          type="number"
          min={0}
          max={100000}
          value={quota}
          aria-label={`Chỉ tiêu ${where}`}
          onChange={(e) => setQuota(e.target.value)}
        />
        <button type="button" disabled={quota === String(a.quota) || quota === ''} onClick={() => void save()}>
          {tr('Lưu', 'Save')}
        </button>
      </td>
      <td>
        {a.collected} <span className="fw-muted">({a.valid} hợp lệ)</span>
      </td>
      <td>
        <ProgressBar value={a.collected} max={a.quota} label={`Tiến độ ${where}`} />
      </td>
      <td>
        <button
          type="button"
          disabled={a.collected > 0}
          title={a.collected > 0 ? 'Đã có phiếu, không thể xóa' : undefined}
          onClick={() => void remove()}
        >
          Xóa<span className="fw-sr"> {where}</span>
        </button>
      </td>
    </tr>
  );
}

export function AssignmentsPanel(props: {
  campaignId: string;
  assignments: CampaignAssignment[];
  enumerators: FieldAccount[];
  units: Unit[];
  onChanged: () => void;
}) {
  const [notice, setNotice] = useState<Notice>(null);
  const done = (n: Notice) => {
    setNotice(n);
    if (n?.ok) props.onChanged();
  };
  const byEnumerator = new Map<string, CampaignAssignment[]>();
  for (const a of props.assignments) byEnumerator.set(a.enumeratorId, [...(byEnumerator.get(a.enumeratorId) ?? []), a]);
  return (
    <section className="fw-card" aria-labelledby="fw-assignments">
      <h2 id="fw-assignments">{tr('Phân công và chỉ tiêu', 'Assignments and quotas')}</h2>
      <CreateAssignment campaignId={props.campaignId} enumerators={props.enumerators} units={props.units} onDone={done} />
      {notice ? (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'fw-ok' : 'fw-error'}>
          {notice.text}
        </p>
      ) : null}
      {props.assignments.length === 0 ? <p className="fw-empty">{tr('Chưa giao địa bàn nào.', 'No assignments yet.')}</p> : null}
      {[...byEnumerator.values()].map((list) => (
        <table className="fw-table" key={list[0]?.enumeratorId} data-enumerator={list[0]?.enumeratorName}>
          <caption>
            {list[0]?.enumeratorName} — {list[0]?.organisation ?? ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              <th scope="col">Xã/ấp</th>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col">Đã thu</th>
              <th scope="col">Tiến độ</th>
              <th scope="col">
                <span className="fw-sr">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <AssignmentRow key={`${a.id}-${a.quota}`} a={a} onDone={done} />
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
