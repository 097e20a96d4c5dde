/**
 * The published view of a SIPAS result: figures rounded half-up to 2 decimals, and every
 * percentage withheld (null) when the unit has too few valid forms ('not_enough_data') or no valid
 * answer at all ('no_data') — a small cell is never printed as a percentage, and "no data" is
 * never printed as 0.
 *
 * With `minCell` (SUPPRESS_MIN_CELL, issue 14) the per-question breakdowns are suppressed with
 * `suppressGroups` too: a criterion, perception item, the overall question or a form answered by
 * 1 … minCell − 1 people shows no rate ('small'); because the component's rate (pooled from its
 * criteria), SIPAS (from the components) and the pooled figure (from the forms) are shown beside
 * them, a second group of the same total is withheld where subtraction would give a small one away
 * ('secondary'). A withheld component withholds all of its criteria (they would rebuild it).
 */
import { roundOrNull } from './round.ts';
import type { SipasResult, SipasStatus } from './sipas.ts';
import { suppressGroups, type CellState } from './suppression.ts';

/** Why a published rate is withheld: fewer than minCell answers, or to protect one that is. */
export type Withheld = 'small' | 'secondary' | null;

export interface PublishedCriterion {
  code: string;
  form?: string | undefined;
  valid: number;
  ratePercent: number | null;
  suppressed: Withheld;
}

export interface PublishedComponent {
  code: string;
  ratePercent: number | null;
  dropped: boolean;
  criteria: PublishedCriterion[];
  suppressed: Withheld;
}

export interface PublishedSipas {
  status: SipasStatus;
  validForms: number;
  sipasPercent: number | null;
  components: PublishedComponent[];
  droppedComponents: string[];
  overallPercent: number | null;
  perception: { code: string; answered: number; percent: number | null; suppressed: Withheld }[];
  /** Each form's own figure, withheld like the unit's when that form has too few valid forms. */
  byForm: { form: string; status: SipasStatus; validForms: number; sipasPercent: number | null; suppressed: Withheld }[];
  /** 'small' when the unit itself has 1 … minCell − 1 valid forms (possible only with a minimum sample below it). */
  suppressed: Withheld;
}

export interface PublishOptions {
  /** Breakdown cells under this many answers are withheld (SUPPRESS_MIN_CELL); 1 withholds nothing. */
  minCell?: number | undefined;
}

const withheld = (s: CellState | undefined): Withheld => (s === 'small' || s === 'secondary' ? s : null);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** States of a component's criteria: protected among themselves, or all withheld with the component. */
function criterionStates(valid: readonly number[], component: CellState | undefined, minCell: number): CellState[] {
  const own = suppressGroups(valid, minCell).states;
  if (component === 'shown' || component === undefined) return own;
  return own.map((s, i) => (s === 'small' ? s : (valid[i] ?? 0) > 0 ? 'secondary' : s));
}

export function publishSipas(result: SipasResult, options: PublishOptions = {}): PublishedSipas {
  const minCell = Math.max(1, Math.floor(options.minCell ?? 1));
  const unitSmall = result.validForms > 0 && result.validForms < minCell;
  const show = result.status === 'ok' && !unitSmall;
  const pct = (x: number | null, state: CellState | undefined = 'shown'): number | null =>
    show && state === 'shown' ? roundOrNull(x) : null;
  const mark = (state: CellState | undefined): Withheld => (show ? withheld(state) : null);
  const components = suppressGroups(
    result.components.map((c) => sum(c.criteria.map((k) => k.valid))),
    minCell,
  ).states;
  const overall = suppressGroups([result.overall?.valid ?? 0], minCell, false).states[0];
  const forms = suppressGroups(
    result.byForm.map((f) => f.validForms),
    minCell,
  ).states;
  return {
    status: result.status,
    validForms: result.validForms,
    sipasPercent: pct(result.sipasPercent),
    components: result.components.map((c, i) => {
      const criteria = criterionStates(
        c.criteria.map((k) => k.valid),
        components[i],
        minCell,
      );
      return {
        code: c.code,
        ratePercent: pct(c.ratePercent, components[i]),
        dropped: c.dropped,
        criteria: c.criteria.map((k, j) => ({
          code: k.code,
          form: k.form,
          valid: k.valid,
          ratePercent: pct(k.ratePercent, criteria[j]),
          suppressed: mark(criteria[j]),
        })),
        suppressed: mark(components[i]),
      };
    }),
    droppedComponents: result.droppedComponents,
    overallPercent: pct(result.overall?.ratePercent ?? null, overall),
    perception: result.perception.map((p) => {
      const state = suppressGroups([p.answered], minCell, false).states[0];
      return { code: p.code, answered: p.answered, percent: pct(p.percent, state), suppressed: mark(state) };
    }),
    byForm: result.byForm.map((f, i) => ({
      form: f.form,
      status: f.status,
      validForms: f.validForms,
      sipasPercent: f.status === 'ok' && forms[i] === 'shown' && !unitSmall ? roundOrNull(f.sipasPercent) : null,
      suppressed: show ? withheld(forms[i]) : null,
    })),
    suppressed: unitSmall ? 'small' : null,
  };
}
