import type { PlanUnit, SamplingPlan } from '@hailong/contracts';
import { useState } from 'react';
import { errorMessage, tr } from '@/lib/i18n';
import { putTargets } from '../api/plan-api';

interface Props {
  campaignId: string;
  plan: SamplingPlan;
  margin: number;
  onSaved: (message: string) => void;
}

/** One unit: target editable directly, or computed from the yearly dossiers N with the page's margin. */
function TargetRow({ campaignId, unit, margin, onSaved }: Omit<Props, 'plan'> & { unit: PlanUnit }) {
  const [target, setTarget] = useState(String(unit.target));
  const [dossiers, setDossiers] = useState(unit.dossiers === null ? '' : String(unit.dossiers));
  const [error, setError] = useState<string | null>(null);
  const save = async (body: { target?: number; dossiers?: number }) => {
    setError(null);
    try {
      await putTargets(campaignId, margin, [{ unitCode: unit.unitCode, ...body }]);
      onSaved(tr(`Đã lưu chỉ tiêu của ${unit.unitName}.`, `Target of ${unit.unitName} saved.`));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const pct = unit.target > 0 ? Math.round((unit.valid / unit.target) * 100) : 0;
  return (
    <tr>
      <td>{unit.unitCode}</td>
      <td>{unit.unitName}</td>
      <td>
        <input
          type="number"
          min={0}
          inputMode="numeric"
          value={target}
          aria-label={`Chỉ tiêu phiếu của ${unit.unitName}`}
          onChange={(e) => setTarget(e.target.value)}
        />
        <button
          type="button"
          onClick={() => void save({ target: Number(target) })}
          aria-label={`Lưu chỉ tiêu của ${unit.unitName}`}
        >
          Lưu
        </button>
      </td>
      <td>
        <input
          type="number"
          min={0}
          inputMode="numeric"
          value={dossiers}
          aria-label={`Số hồ sơ/năm (N) của ${unit.unitName}`}
          onChange={(e) => setDossiers(e.target.value)}
        />
        <button
          type="button"
          disabled={dossiers === ''}
          onClick={() => void save({ dossiers: Number(dossiers) })}
          aria-label={`Tính chỉ tiêu của ${unit.unitName} từ N`}
        >
          Tính từ N
        </button>
      </td>
      <td>{unit.collected}</td>
      <td>
        {unit.valid} ({pct}%)
        {error ? (
          <span role="alert" className="plan-error">
            {' '}
            {error}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function TargetsTable({ campaignId, plan, margin, onSaved }: Props) {
  if (plan.units.length === 0) {
    return (
      <p className="plan-empty">
        {tr('Chưa có chỉ tiêu đơn vị nào. Hãy nhập kế hoạch từ tệp Excel ở trên.', 'No unit targets yet.')}
      </p>
    );
  }
  return (
    <table className="admin-table plan-targets">
      <caption>{tr('Chỉ tiêu theo đơn vị', 'Targets per unit')}</caption>
      <thead>
        <tr>
          <th>{tr('Mã', 'Code')}</th>
          <th>{tr('Đơn vị', 'Unit')}</th>
          <th>{tr('Chỉ tiêu phiếu', 'Target forms')}</th>
          <th>{tr('Số hồ sơ/năm (N)', 'Dossiers per year (N)')}</th>
          <th>{tr('Đã thu', 'Collected')}</th>
          <th>{tr('Hợp lệ', 'Valid')}</th>
        </tr>
      </thead>
      <tbody>
        {plan.units.map((u) => (
          <TargetRow
            key={`${u.unitCode}-${u.target}-${u.dossiers}`}
            campaignId={campaignId}
            unit={u}
            margin={margin}
            onSaved={onSaved}
          />
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={2}>{tr(`Tổng cộng (${plan.units.length} đơn vị)`, `Total (${plan.units.length} units)`)}</th>
          <th data-testid="plan-total-target">{plan.totals.target}</th>
          <th />
          <th>{plan.totals.collected}</th>
          <th>{plan.totals.valid}</th>
        </tr>
      </tfoot>
    </table>
  );
}
