/**
 * The published view of a SIPAS result: figures rounded half-up to 2 decimals, and every
 * percentage withheld (null) when the unit has too few valid forms ('not_enough_data') or no valid
 * answer at all ('no_data') — a small cell is never printed as a percentage, and "no data" is
 * never printed as 0.
 */
import { roundOrNull } from './round.ts';
import type { SipasResult, SipasStatus } from './sipas.ts';

export interface PublishedCriterion {
  code: string;
  form?: string | undefined;
  valid: number;
  ratePercent: number | null;
}

export interface PublishedComponent {
  code: string;
  ratePercent: number | null;
  dropped: boolean;
  criteria: PublishedCriterion[];
}

export interface PublishedSipas {
  status: SipasStatus;
  validForms: number;
  sipasPercent: number | null;
  components: PublishedComponent[];
  droppedComponents: string[];
  overallPercent: number | null;
  perception: { code: string; answered: number; percent: number | null }[];
  /** Each form's own figure, withheld like the unit's when that form has too few valid forms. */
  byForm: { form: string; status: SipasStatus; validForms: number; sipasPercent: number | null }[];
}

export function publishSipas(result: SipasResult): PublishedSipas {
  const show = result.status === 'ok';
  const pct = (x: number | null): number | null => (show ? roundOrNull(x) : null);
  return {
    status: result.status,
    validForms: result.validForms,
    sipasPercent: pct(result.sipasPercent),
    components: result.components.map((c) => ({
      code: c.code,
      ratePercent: pct(c.ratePercent),
      dropped: c.dropped,
      criteria: c.criteria.map((k) => ({ code: k.code, form: k.form, valid: k.valid, ratePercent: pct(k.ratePercent) })),
    })),
    droppedComponents: result.droppedComponents,
    overallPercent: pct(result.overall?.ratePercent ?? null),
    perception: result.perception.map((p) => ({ code: p.code, answered: p.answered, percent: pct(p.percent) })),
    byForm: result.byForm.map((f) => ({
      form: f.form,
      status: f.status,
      validForms: f.validForms,
      sipasPercent: f.status === 'ok' ? roundOrNull(f.sipasPercent) : null,
    })),
  };
}
