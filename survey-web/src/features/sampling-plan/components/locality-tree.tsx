import type { PlanDistrict, SamplingPlan } from '@hailong/contracts';
import { useState } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { createLocality, deleteLocality, removeHamlet, renameLocality, setHamletQuota } from '../api/plan-api';

interface Props {
  campaignId: string;
  plan: SamplingPlan;
  onChange: (message: string) => void;
}
type Hamlet = PlanDistrict['communes'][number]['hamlets'][number];

function AddForm({ label, onAdd }: { label: string; onAdd: (name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  return (
    <form
      className="plan-inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void onAdd(name.trim()).then(() => setName(''));
      }}
    >
      <input value={name} onChange={(e) => setName(e.target.value)} aria-label={label} placeholder={label} />
      <button type="submit">Thêm</button>
    </form>
  );
}

function HamletItem({
  campaignId,
  hamlet,
  act,
}: {
  campaignId: string;
  hamlet: Hamlet;
  act: (fn: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const [quota, setQuota] = useState(String(hamlet.quota ?? 27));
  return (
    <li>
      <span>{hamlet.name}</span>{' '}
      <input
        type="number"
        min={0}
        value={quota}
        onChange={(e) => setQuota(e.target.value)}
        aria-label={`Chỉ tiêu phiếu của ${hamlet.name}`}
      />
      <button
        type="button"
        onClick={() =>
          void act(
            () => setHamletQuota(campaignId, hamlet.id, Number(quota)),
            `Đã đặt chỉ tiêu ${quota} phiếu cho ${hamlet.name}.`,
          )
        }
      >
        {hamlet.quota === null ? tr('Chọn vào mẫu', 'Add to the sample') : tr('Lưu', 'Save')}
      </button>
      {hamlet.quota !== null ? (
        <button
          type="button"
          onClick={() => void act(() => removeHamlet(campaignId, hamlet.id), `Đã bỏ ${hamlet.name} khỏi mẫu.`)}
        >
          Bỏ khỏi mẫu
        </button>
      ) : (
        <small> (chưa chọn vào mẫu)</small>
      )}
      <button
        type="button"
        onClick={() => {
          const n = window.prompt('Tên mới', hamlet.name);
          if (n) void act(() => renameLocality(hamlet.id, n), 'Đã đổi tên.');
        }}
      >
        Đổi tên
      </button>
      <button type="button" onClick={() => void act(() => deleteLocality(hamlet.id), `Đã xóa ${hamlet.name}.`)}>
        Xóa
      </button>
      {hamlet.quota !== null ? (
        <small>
          {' '}
          · {tr('đã thu', 'collected')} {hamlet.collected}/{hamlet.quota}
        </small>
      ) : null}
    </li>
  );
}

type Act = (fn: () => Promise<unknown>, done: string) => Promise<void>;

/** Two-tier: a commune-level unit (xã, phường, đặc khu) with its villages (ấp, khóm, tổ dân phố) directly under it. */
function CommuneUnit({ campaignId, unit, quota, act }: { campaignId: string; unit: PlanDistrict; quota: number; act: Act }) {
  return (
    <details open={unit.hamlets.some((h) => h.quota !== null)}>
      <summary>
        {unit.unitName} ({unit.unitCode}) — {unit.hamlets.length} ấp/khóm/tổ dân phố
      </summary>
      {unit.hamlets.length === 0 ? (
        <p className="plan-empty">{tr('Chưa có ấp, khóm, tổ dân phố nào.', 'No villages yet.')}</p>
      ) : null}
      <ul>
        {unit.hamlets.map((h) => (
          <HamletItem key={`${h.id}-${h.quota}`} campaignId={campaignId} hamlet={h} act={act} />
        ))}
      </ul>
      <AddForm
        label={`Tên ấp/khóm/tổ dân phố mới thuộc ${unit.unitName}`}
        onAdd={(name) =>
          act(async () => {
            const h = await createLocality({ level: 'hamlet', unitCode: unit.unitCode, name });
            await setHamletQuota(campaignId, h.id, quota);
          }, `Đã thêm ${name}.`)
        }
      />
    </details>
  );
}

/** District unit → communes → hamlets, or commune-level unit → villages, with this campaign's quotas (default 27). */
export function LocalityTree({ campaignId, plan, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await fn();
      onChange(done);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const t = plan.localityTotals;
  return (
    <section className="admin-card" aria-labelledby="plan-tree-title">
      <h2 id="plan-tree-title">
        {tr(
          'Địa bàn khảo sát (huyện → xã → ấp, hoặc xã/phường → ấp/khóm/tổ dân phố)',
          'Survey places (district → commune → hamlet, or commune/ward → village)',
        )}
      </h2>
      <p data-testid="plan-locality-totals">
        {tr(
          `${t.communes} xã · ${t.hamlets} ấp được chọn · tổng ${t.quota} phiếu (mặc định ${plan.defaultHamletQuota} phiếu/ấp)`,
          `${t.communes} communes · ${t.hamlets} hamlets chosen · ${t.quota} forms in all (${plan.defaultHamletQuota} per hamlet by default)`,
        )}
      </p>
      {error ? (
        <p role="alert" className="plan-error">
          {error}
        </p>
      ) : null}
      {plan.districts.length === 0 ? (
        <p className="plan-empty">{tr('Chưa có đơn vị cấp huyện hay cấp xã nào.', 'No district or commune-level unit yet.')}</p>
      ) : null}
      {plan.districts.map((d) =>
        d.tier === 'commune' ? (
          <CommuneUnit key={d.unitCode} campaignId={campaignId} unit={d} quota={plan.defaultHamletQuota} act={act} />
        ) : (
          <details key={d.unitCode} open={d.communes.some((c) => c.hamlets.some((h) => h.quota !== null))}>
            <summary>
              {d.unitName} ({d.unitCode}) — {d.communes.length} xã
            </summary>
            {d.communes.length === 0 ? <p className="plan-empty">Chưa có xã nào.</p> : null}
            <ul>
              {d.communes.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong>{' '}
                  <button
                    type="button"
                    onClick={() => {
                      const n = window.prompt('Tên mới', c.name);
                      if (n) void act(() => renameLocality(c.id, n), 'Đã đổi tên.');
                    }}
                  >
                    Đổi tên
                  </button>
                  <button type="button" onClick={() => void act(() => deleteLocality(c.id), `Đã xóa ${c.name}.`)}>
                    Xóa
                  </button>
                  <ul>
                    {c.hamlets.map((h) => (
                      <HamletItem key={`${h.id}-${h.quota}`} campaignId={campaignId} hamlet={h} act={act} />
                    ))}
                  </ul>
                  <AddForm
                    label={`Tên ấp mới thuộc ${c.name}`}
                    onAdd={(name) =>
                      act(async () => {
                        const h = await createLocality({ level: 'hamlet', parentId: c.id, name });
                        await setHamletQuota(campaignId, h.id, plan.defaultHamletQuota);
                      }, `Đã thêm ${name}.`)
                    }
                  />
                </li>
              ))}
            </ul>
            <AddForm
              label={`Tên xã mới thuộc ${d.unitName}`}
              onAdd={(name) => act(() => createLocality({ level: 'commune', unitCode: d.unitCode, name }), `Đã thêm ${name}.`)}
            />
          </details>
        ),
      )}
    </section>
  );
}
