CREATE TABLE "answer_tally_total_deltas" (
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"question_id" text NOT NULL,
	"answer" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "answer_tally_totals" (
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"question_id" text NOT NULL,
	"answer" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "answer_tally_totals_pk" PRIMARY KEY("campaign_id","unit_id","form_id","question_id","answer")
);
--> statement-breakpoint
CREATE INDEX "answer_tally_total_deltas_campaign_idx" ON "answer_tally_total_deltas" USING btree ("campaign_id");--> statement-breakpoint
-- The answer tallies summed over the days (docs/0036-answer-tally-totals.md). A results page summed
-- every day row of its campaign (~80,000 rows over 14 days at 1.2 million responses); it now reads
-- answer_tally_totals (campaign × unit × form × question × answer, whatever the number of days) and
-- subtracts the day rows outside the campaign window, which is exact under the day-granular window
-- rule because the totals are at every moment the sum of answer_tallies over its days:
-- - the fold upserts them in the statement that upserts answer_tallies (one fold at a time);
-- - the other writer of answer_tallies, responses_tally_delta (review decisions, moves, deletions of
--   folded responses), appends the same signed change to answer_tally_total_deltas, so concurrent
--   reviews never wait on a shared total row, nor on a fold;
-- - answer_tally_totals_compact() (the worker's fold job) moves the deltas into the totals.
-- The staff rewrite (responses_shuffle_staff) writes no tally, so no total either.
-- Readers sum totals and deltas.
CREATE OR REPLACE FUNCTION responses_tally_delta(delta jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (
    SELECT (x->>'campaign_id')::uuid AS campaign_id, (x->>'unit_id')::int AS unit_id, (x->>'form_id')::int AS form_id,
           (x->>'day')::date AS day, x->'answers' AS answers, (x->>'sign')::int AS sign
      FROM jsonb_array_elements(delta) x
  )
  INSERT INTO form_tallies AS t (campaign_id, unit_id, form_id, day, n)
    SELECT campaign_id, unit_id, form_id, day, sum(sign)::int FROM d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (campaign_id, unit_id, form_id, day) DO UPDATE SET n = t.n + excluded.n;
  WITH d AS (
    SELECT (x->>'campaign_id')::uuid AS campaign_id, (x->>'unit_id')::int AS unit_id, (x->>'form_id')::int AS form_id,
           (x->>'day')::date AS day, x->'answers' AS answers, (x->>'sign')::int AS sign
      FROM jsonb_array_elements(delta) x
  ), a AS MATERIALIZED (
    SELECT d.campaign_id, d.unit_id, d.form_id, d.day, e.key AS question_id, a.answer, sum(d.sign)::int AS n
      FROM d CROSS JOIN LATERAL jsonb_each(d.answers) e CROSS JOIN LATERAL (SELECT response_tally_answer(e.value) AS answer) a
     WHERE jsonb_typeof(d.answers) = 'object' AND a.answer IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
  ), days AS (
    INSERT INTO answer_tallies AS t (campaign_id, unit_id, form_id, day, question_id, answer, n)
      SELECT campaign_id, unit_id, form_id, day, question_id, answer, n FROM a ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (campaign_id, unit_id, form_id, day, question_id, answer) DO UPDATE SET n = t.n + excluded.n
  )
  INSERT INTO answer_tally_total_deltas (campaign_id, unit_id, form_id, question_id, answer, n)
    SELECT campaign_id, unit_id, form_id, question_id, answer, sum(n)::int FROM a GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0;
END;
$$;
--> statement-breakpoint
-- Moves the deltas into the totals; returns how many delta rows it moved. Deltas appended meanwhile
-- are not visible to the DELETE and stay; a compaction running at once skips the rows this one
-- deleted. Totals are upserted in key order, as the fold does.
CREATE OR REPLACE FUNCTION answer_tally_totals_compact() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE moved integer;
BEGIN
  WITH d AS (
    DELETE FROM answer_tally_total_deltas RETURNING campaign_id, unit_id, form_id, question_id, answer, n
  ), s AS (
    INSERT INTO answer_tally_totals AS t (campaign_id, unit_id, form_id, question_id, answer, n)
      SELECT campaign_id, unit_id, form_id, question_id, answer, sum(n)::int FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (campaign_id, unit_id, form_id, question_id, answer) DO UPDATE SET n = t.n + excluded.n
  )
  SELECT count(*)::int INTO moved FROM d;
  RETURN moved;
END;
$$;
--> statement-breakpoint
-- The fold of 0042, which also adds the batch's answers to the totals.
CREATE OR REPLACE FUNCTION responses_tally_fold(batch int DEFAULT 5000) RETURNS int LANGUAGE plpgsql
SET jit = off SET work_mem = '64MB' SET enable_sort = off
AS $$
DECLARE folded int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('responses_tally_fold')) THEN RETURN 0; END IF;
  WITH r AS MATERIALIZED (
    DELETE FROM tally_pending
     WHERE ctid = ANY(ARRAY(SELECT ctid FROM tally_pending LIMIT batch FOR UPDATE SKIP LOCKED))
    RETURNING valid, campaign_id, unit_id, form_id, day, question_ids, answer_texts
  ), keys AS MATERIALIZED (
    SELECT campaign_id, unit_id, form_id, day, count(*)::int AS n, row_number() OVER () AS g FROM r WHERE valid GROUP BY 1, 2, 3, 4
  ), forms AS (
    INSERT INTO form_tallies AS t (campaign_id, unit_id, form_id, day, n)
      SELECT campaign_id, unit_id, form_id, day, n FROM keys ORDER BY 1, 2, 3, 4
    ON CONFLICT (campaign_id, unit_id, form_id, day) DO UPDATE SET n = t.n + excluded.n
    RETURNING 1
  ), answers AS MATERIALIZED (
    SELECT k.g, e.question_id, e.answer, count(*)::int AS n
      FROM r JOIN keys k ON (k.campaign_id, k.unit_id, k.form_id, k.day) = (r.campaign_id, r.unit_id, r.form_id, r.day)
      CROSS JOIN LATERAL unnest(r.question_ids, r.answer_texts) e(question_id, answer)
     GROUP BY 1, 2, 3
  ), written AS (
    INSERT INTO answer_tallies AS t (campaign_id, unit_id, form_id, day, question_id, answer, n)
      SELECT k.campaign_id, k.unit_id, k.form_id, k.day, a.question_id, a.answer, a.n FROM answers a JOIN keys k ON k.g = a.g
       WHERE (SELECT count(*) FROM forms) >= 0 -- form_tallies first, like responses_tally_delta: no deadlock with it
       ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (campaign_id, unit_id, form_id, day, question_id, answer) DO UPDATE SET n = t.n + excluded.n
  ), totals AS (
    INSERT INTO answer_tally_totals AS t (campaign_id, unit_id, form_id, question_id, answer, n)
      SELECT k.campaign_id, k.unit_id, k.form_id, a.question_id, a.answer, sum(a.n)::int FROM answers a JOIN keys k ON k.g = a.g
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (campaign_id, unit_id, form_id, question_id, answer) DO UPDATE SET n = t.n + excluded.n
  )
  SELECT count(*)::int INTO folded FROM r;
  IF folded = 0 THEN RETURN 0; END IF;
  INSERT INTO tally_fold_state (id, folded_at) VALUES (true, now())
  ON CONFLICT (id) DO UPDATE SET folded_at = excluded.folded_at;
  RETURN folded;
END;
$$;
--> statement-breakpoint
-- The pending responses of a campaign, counted up to `max` (docs/0027-large-unfolded-tail.md) by
-- walking the campaign's index entries and stopping there. As a plain query the planner chose a
-- bitmap scan when its statistics of tally_pending were older than a burst of submissions (the
-- table was last analyzed nearly empty, after a fold): the bitmap collects every index entry of the
-- campaign before the limit applies, 960,000 of them for a tail of a million (~100 ms), where the
-- index scan reads `max` entries.
CREATE OR REPLACE FUNCTION tally_pending_count(p_campaign uuid, max int) RETURNS int LANGUAGE sql STABLE
SET enable_bitmapscan = off SET enable_seqscan = off
AS $$
  SELECT count(*)::int FROM (SELECT 1 FROM tally_pending WHERE campaign_id = p_campaign LIMIT max) p
$$;
--> statement-breakpoint
INSERT INTO answer_tally_totals (campaign_id, unit_id, form_id, question_id, answer, n)
SELECT campaign_id, unit_id, form_id, question_id, answer, sum(n)::int FROM answer_tallies GROUP BY 1, 2, 3, 4, 5;
