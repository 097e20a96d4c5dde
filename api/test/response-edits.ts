/**
 * Edits of a campaign's stored responses that the property tests over derived counts share (review
 * decisions, responses moved to another day or unit, deletions, the staff-answer rewrite), each one
 * statement as the writers run them. `k` names the k-th response of the campaign in a fixed order.
 */
import type pg from 'pg';

export interface Sql {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** Where the edits apply: the campaign, its units, and the form of its responses. */
export interface Scene {
  id: string;
  units: number[];
  formId: number;
}

export type ResponseEdit =
  | { op: 'review'; k: number; span: number; state: string }
  | { op: 'moveDay'; k: number; span: number; completedAt: string | null }
  | { op: 'moveUnit'; k: number; unit: number }
  | { op: 'delete'; k: number }
  | { op: 'shuffle'; unit: number };

/** The campaign's responses in a fixed order, so `k` names the same response across operations. */
export async function responseIds(c: Sql, s: Scene, from: number, span = 1): Promise<string[]> {
  const res = await c.query<{ id: string }>('select id from responses where campaign_id = $1 order by client_id', [s.id]);
  return res.rows.slice(from, from + span).map((r) => r.id);
}

export async function editResponses(c: Sql, s: Scene, e: ResponseEdit): Promise<void> {
  switch (e.op) {
    case 'review':
      await c.query('update responses set review_state = $2 where id = any($1::uuid[])', [
        await responseIds(c, s, e.k, e.span),
        e.state,
      ]);
      return;
    case 'moveDay':
      await c.query('update responses set completed_at = $2::timestamptz where id = any($1::uuid[])', [
        await responseIds(c, s, e.k, e.span),
        e.completedAt,
      ]);
      return;
    case 'moveUnit':
      await c.query('update responses set unit_id = $2 where id = any($1::uuid[])', [
        await responseIds(c, s, e.k),
        s.units[e.unit],
      ]);
      return;
    case 'delete':
      await c.query('delete from responses where id = any($1::uuid[])', [await responseIds(c, s, e.k)]);
      return;
    case 'shuffle':
      await c.query('select responses_shuffle_staff($1, $2, $3)', [s.id, s.units[e.unit], s.formId]);
      return;
  }
}
