/**
 * /admin/units — the unit registry over time: the units of any day under the names they had then,
 * importing a reorganisation (dry run first, every bad cell listed, all or nothing), a unit's
 * lineage, and the tablets and open assignments still on units that have ended, to move.
 */
import type { OrphanedWork, UnitsList } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, errorText } from '@/lib/api-client';
import { orphanedWork, unitKinds, unitsOn } from '../api/units-api';
import { EventsImport } from './events-import';
import { LineagePanel } from './lineage-panel';
import '@/app/admin.css';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

function OrphansPanel({ work }: { work: OrphanedWork }) {
  if (work.kiosks.length === 0 && work.assignments.length === 0) return <p>Không có thiết bị hay phân công nào còn gắn với đơn vị đã kết thúc.</p>;
  return (
    <ul data-testid="units-orphans">
      {work.kiosks.map((k) => <li key={k.id}>Máy tại quầy “{k.counterName}” của {k.unitCode} {k.unitName} → chuyển sang: {k.successors.join(', ') || '—'}</li>)}
      {work.assignments.map((a) => <li key={a.id}>Phân công đang mở tại {a.unitCode} {a.unitName} → chuyển sang: {a.successors.join(', ') || '—'}</li>)}
    </ul>
  );
}

export default function UnitsPage() {
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
  useEffect(() => { unitKinds().then((k) => setKinds(new Map(k.kinds.map((x) => [x.code, x.name]))), () => undefined); }, []);

  if (error instanceof ApiError && error.status === 401) {
    return <main className="page admin"><p role="alert">Vui lòng <a href="/admin">đăng nhập quản trị</a> trước. <span lang="en">Please log in first.</span></p></main>;
  }
  return (
    <main className="page admin">
      <p><a href="/admin">← Quản trị</a></p>
      <h1>Danh mục đơn vị theo thời gian <span lang="en">Unit registry over time</span></h1>
      {error ? <p role="alert">{errorText(error)}</p> : null}
      <EventsImport onImported={() => void refresh()} />
      <LineagePanel code={code} onCode={setCode} requested={requested} />
      <section className="admin-card" aria-labelledby="units-list-title">
        <h2 id="units-list-title">Đơn vị có hiệu lực vào ngày</h2>
        <label>Ngày <input type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} /></label>
        {list ? (
          <table className="admin-table" data-testid="units-table">
            <caption>{list.units.length} đơn vị ngày {list.asOf}</caption>
            <thead><tr><th scope="col">Mã</th><th scope="col">Tên ngày đó</th><th scope="col">Loại</th><th scope="col">Cấp trên</th><th scope="col">Hiệu lực</th></tr></thead>
            <tbody>
              {list.units.map((u) => (
                <tr key={u.code}>
                  <td><button type="button" className="admin-link" onClick={() => { setCode(u.code); setRequested((n) => n + 1); }} aria-label={`Chọn ${u.code} để xem lịch sử`}>{u.code}</button></td>
                  <td>{u.name}</td>
                  <td>{kinds.get(u.group) ?? u.group}</td>
                  <td>{u.parentCode ?? '—'}</td>
                  <td>{u.validFrom}{u.validTo ? ` → ${u.validTo}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p role="status">Đang tải…</p>}
      </section>
      <section className="admin-card" aria-labelledby="units-orphans-title">
        <h2 id="units-orphans-title">Cần chuyển sang đơn vị mới <span lang="en">Work on ended units</span></h2>
        {work ? <OrphansPanel work={work} /> : null}
      </section>
    </main>
  );
}
