/** Generated responses for the aggregation tests, stored with multi-row INSERTs through the real database. */
import { randomUUID } from 'node:crypto';
import { shownQuestionIds, type FormDefinition } from '@hailong/forms';
import { schema, type Db } from '@hailong/db';
import { roundHalfUp, type ResponseAnswers } from '@hailong/scoring';

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** Valid random answers to every question of a form (Likert incl. 'na', choices, yes/no); some optional ones left blank. */
export function randomAnswers(form: FormDefinition, r: () => number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of form.sections.flatMap((s) => s.questions)) {
    if (!q.required && r() < 0.2) continue;
    const codes = q.options?.map((o) => o.code) ?? [];
    if (q.type === 'likert5') out[q.id] = q.allowNotApplicable && r() < 0.08 ? 'na' : 1 + Math.floor(r() * 5);
    else if (q.type === 'single_choice' && codes.length > 0) out[q.id] = pick(r, codes);
    else if (q.type === 'multi_choice' && codes.length > 0)
      out[q.id] = codes.filter(() => r() < 0.3).slice(0, q.maxSelections ?? codes.length);
    else if (q.type === 'yes_no') out[q.id] = r() < 0.2;
  }
  const shown = shownQuestionIds(form, out);
  return Object.fromEntries(Object.entries(out).filter(([id]) => shown.has(id)));
}

export interface GeneratedResponse {
  campaignId: string;
  unitId: number;
  formId: number;
  answers: Record<string, unknown>;
  reviewState: 'valid' | 'suspect' | 'invalid';
  completedAt: Date;
}

/** Stores responses in batches of `batch` rows per INSERT. */
export async function insertResponses(db: Db, rows: readonly GeneratedResponse[], batch = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    await db.insert(schema.responses).values(
      rows.slice(i, i + batch).map((x) => ({
        clientId: randomUUID(),
        campaignId: x.campaignId,
        formId: x.formId,
        unitId: x.unitId,
        channel: 'enumerator' as const,
        answers: x.answers,
        payloadHash: 'test',
        reviewState: x.reviewState,
        completedAt: x.completedAt,
      })),
    );
  }
}

export async function createCampaign(
  db: Db,
  kind: 'sipas' | 'staff',
  name: string,
  year: number,
  opensAt: Date,
  closesAt: Date,
  settings: Record<string, unknown> = {},
): Promise<string> {
  const [row] = await db
    .insert(schema.campaigns)
    .values({ kind, name, year, opensAt, closesAt, settings })
    .returning({ id: schema.campaigns.id });
  if (!row) throw new Error('campaign not created');
  return row.id;
}

/** The smallest sample (≥ 30 forms) whose satisfied share prints as `percent`. */
export function sampleFor(percent: number): { n: number; satisfied: number } {
  for (let n = 30; n < 5000; n++) {
    const satisfied = Math.round((percent * n) / 100);
    if (roundHalfUp((100 * satisfied) / n, 2) === percent) return { n, satisfied };
  }
  throw new Error(`no sample for ${percent}`);
}

export type { ResponseAnswers };
