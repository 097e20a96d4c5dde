/**
 * /admin/units — the unit registry over time: the units of any day under the names they had then,
 * importing a reorganisation (dry run first, every bad cell listed, all or nothing), a unit's
 * lineage, and the tablets and open assignments still on units that have ended, to move.
 */
import type { OrphanedWork, UnitsList } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { errorMessage, tr } from '@/lib/i18n';
import { orphanedWork, unitKinds, unitsOn } from '../api/units-api';
import { EventsImport } from './events-import';
import { LineagePanel } from './lineage-panel';
import { AdminShell } from '@/components/admin-shell/admin-shell';
import '@/app/admin.css';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

function OrphansPanel({ work }: { work: OrphanedWork }) {
  if (work.kiosks.length === 0 && work.assignments.length === 0)
    return (
      <p>
        {tr(
          'Không có thiết bị hay phân công nào còn gắn với đơn vị đã kết thúc.',
          'No tablet or assignment is left on a unit that has ended.',
        )}
      </p>
    );
  return (
    <ul data-testid="units-orphans">
      {work.kiosks.map((k) => (
        <li key={k.id}>
          {tr('Máy tại quầy', 'Counter kiosk')} “{k.counterName}” {tr('của', 'of')} {k.unitCode} {k.unitName} →{' '}
          {tr('chuyển sang', 'move to')}: {k.successors.join(', ') || '—'}
        </li>
      ))}
      {work.assignments.map((a) => (
        <li key={a.id}>
          {tr('Phân công đang mở tại', 'Open assignment at')} {a.unitCode} {a.unitName} → {tr('chuyển sang', 'move to')}:{' '}
          {a.successors.join(', ') || '—'}
        </li>
      ))}
    </ul>
  );
}

export default function UnitsPage() {
  return (
    <AdminShell>
      <Units />
    </AdminShell>
  );
}

function Units() {
  const [asOf, setAsOf] = useState(today);
  const [list, setList] = useState<UnitsList | null>(null);
  const [kinds, setKinds] = useState<Map<string, string>>(new Map());
  const [work, setWork] = useState<OrphanedWork | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [requested, setRequested] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const [l, w] = await Promise.all([unitsOn(asOf), orphanedWork(asOf)]);
      setList(l);
      setWork(w);
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [asOf]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- an asynchronous load: its state changes come after the await
    void refresh();
  }, [refresh]);
  useEffect(() => {
    unitKinds().then(
      (k) => setKinds(new Map(k.kinds.map((x) => [x.code, x.name]))),
      () => undefined,
    );
  }, []);

  if (error instanceof ApiError && error.status === 401) {
    return (
      <main className="page admin">
        <p role="alert">
          <a href="/admin">{tr('Vui lòng đăng nhập quản trị trước.', 'Please sign in first.')}</a>
        </p>
      </main>
    );
  }
  return (
    <main className="page admin">
      <h1>{tr('Danh mục đơn vị theo thời gian', 'Unit registry over time')}</h1>
      {error ? <p role="alert">{errorMessage(error)}</p> : null}
      <EventsImport onImported={() => void refresh()} />
      <LineagePanel code={code} onCode={setCode} requested={requested} />
      <section className="admin-card" aria-labelledby="units-list-title">
        <h2 id="units-list-title">{tr('Đơn vị có hiệu lực vào ngày', 'Units in force on a day')}</h2>
        <label>
          {tr('Ngày', 'Day')} <input type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </label>
        {list ? (
          <table className="admin-table" data-testid="units-table">
            <caption>{tr(`${list.units.length} đơn vị ngày ${list.asOf}`, `${list.units.length} units on ${list.asOf}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('Mã', 'Code')}</th>
                <th scope="col">{tr('Tên ngày đó', 'Name that day')}</th>
                <th scope="col">{tr('Loại', 'Kind')}</th>
                <th scope="col">{tr('Cấp trên', 'Parent')}</th>
                <th scope="col">{tr('Hiệu lực', 'Valid')}</th>
              </tr>
            </thead>
            <tbody>
              {list.units.map((u) => (
                <tr key={u.code}>
                  <td>
                    <button
                      type="button"
                      className="admin-link"
                      onClick={() => {
                        setCode(u.code);
                        setRequested((n) => n + 1);
                      }}
                      aria-label={tr(`Chọn ${u.code} để xem lịch sử`, `Pick ${u.code} to see its lineage`)}
                    >
                      {u.code}
                    </button>
                  </td>
                  <td>{u.name}</td>
                  <td>{kinds.get(u.group) ?? u.group}</td>
                  <td>{u.parentCode ?? '—'}</td>
                  <td>
                    {u.validFrom}
                    {u.validTo ? ` → ${u.validTo}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p role="status">{tr('Đang tải…', 'Loading…')}</p>
        )}
      </section>
      <section className="admin-card" aria-labelledby="units-orphans-title">
        <h2 id="units-orphans-title">{tr('Cần chuyển sang đơn vị mới', 'Work on ended units')}</h2>
        {work ? <OrphansPanel work={work} /> : null}
      </section>
    </main>
  );
}
