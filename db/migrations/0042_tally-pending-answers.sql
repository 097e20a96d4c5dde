-- The pending tail carries what each response counts for (docs/0032-pending-tail-answers.md).
-- Until now a pending row held only the response id, so the fold and the read-time count of a small
-- tail looked every pending response up by its random UUID primary key and expanded its answers
-- with jsonb_each_text. Now the insert trigger writes, beside the id, the response's unit, form and
-- tally day and its countable answers as two parallel text arrays (question ids, answer texts:
-- `value #>> '{}'` without blank, '' and '[]', as the tallies count them). The fold and the readers
-- read only tally_pending.
-- A pending row is the response as it counts now: an update of a pending response (a review
-- decision, a move) deletes its row and writes it again from the new row. A pending response that
-- a decision made suspect or invalid stays pending, as before, with `valid` false and no answers:
-- it counts nothing until the fold drops it or a decision makes it valid again. Pending rows are
-- still only inserted and deleted, never updated (the fold's claim by ctid relies on it, 0040).
ALTER TABLE "tally_pending" ADD COLUMN "valid" boolean;--> statement-breakpoint
ALTER TABLE "tally_pending" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "tally_pending" ADD COLUMN "form_id" integer;--> statement-breakpoint
ALTER TABLE "tally_pending" ADD COLUMN "day" date;--> statement-breakpoint
ALTER TABLE "tally_pending" ADD COLUMN "question_ids" text[];--> statement-breakpoint
ALTER TABLE "tally_pending" ADD COLUMN "answer_texts" text[];--> statement-breakpoint
-- The countable answers of a response as (question ids, answer texts), in the same order. A set-
-- returning SQL function so the planner inlines it where it is used in FROM.
CREATE OR REPLACE FUNCTION response_tally_pairs(a jsonb) RETURNS TABLE (question_ids text[], answer_texts text[])
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(e.key), '{}'), coalesce(array_agg(e.value), '{}')
    FROM jsonb_each_text(CASE WHEN jsonb_typeof(a) = 'object' THEN a ELSE '{}' END) e
   WHERE e.value NOT IN ('', '[]')
$$;
--> statement-breakpoint
DELETE FROM "tally_pending" p WHERE NOT EXISTS (SELECT 1 FROM responses r WHERE r.id = p.response_id);--> statement-breakpoint
UPDATE "tally_pending" p
   SET campaign_id = r.campaign_id, valid = r.review_state = 'valid', unit_id = r.unit_id, form_id = r.form_id,
       day = response_tally_day(r.completed_at, r.received_at), question_ids = a.question_ids, answer_texts = a.answer_texts
  FROM responses r CROSS JOIN LATERAL response_tally_pairs(CASE WHEN r.review_state = 'valid' THEN r.answers END) a
 WHERE r.id = p.response_id;--> statement-breakpoint
ALTER TABLE "tally_pending" ALTER COLUMN "valid" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tally_pending" ALTER COLUMN "unit_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tally_pending" ALTER COLUMN "form_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tally_pending" ALTER COLUMN "day" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tally_pending" ALTER COLUMN "question_ids" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tally_pending" ALTER COLUMN "answer_texts" SET NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION responses_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hailong.row_move', true) = 'on' THEN RETURN NULL; END IF;
  -- A form version is immutable once a response used it (0001, forms_guard_immutable).
  UPDATE forms SET first_used_at = now()
   WHERE first_used_at IS NULL AND id IN (SELECT DISTINCT form_id FROM new_rows);
  INSERT INTO tally_pending (response_id, campaign_id, valid, unit_id, form_id, day, question_ids, answer_texts)
  SELECT n.id, n.campaign_id, true, n.unit_id, n.form_id, response_tally_day(n.completed_at, n.received_at), a.question_ids, a.answer_texts
    FROM new_rows n CROSS JOIN LATERAL response_tally_pairs(n.answers) a WHERE n.review_state = 'valid';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Review decisions and other updates (0033's rules, with the pending row rewritten):
-- 1. delete the pending rows of the updated responses; this waits for a fold that claimed one, and
--    then finds it gone (folded, by the row as it was before this update);
-- 2. write them again from the new rows (a response no longer valid: `valid` false, no answers);
-- 3. move the counts of the responses that were not pending (folded) by the difference, as before.
CREATE OR REPLACE FUNCTION responses_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta jsonb;
  unfolded uuid[];
BEGIN
  WITH gone AS (
    DELETE FROM tally_pending p WHERE p.response_id IN (SELECT id FROM old_rows) RETURNING p.response_id
  )
  SELECT coalesce(array_agg(response_id), '{}') INTO unfolded FROM gone;
  INSERT INTO tally_pending (response_id, campaign_id, valid, unit_id, form_id, day, question_ids, answer_texts)
  SELECT n.id, n.campaign_id, n.review_state = 'valid', n.unit_id, n.form_id, response_tally_day(n.completed_at, n.received_at),
         a.question_ids, a.answer_texts
    FROM new_rows n CROSS JOIN LATERAL response_tally_pairs(CASE WHEN n.review_state = 'valid' THEN n.answers END) a
   WHERE n.id = ANY(unfolded)
   ORDER BY n.id;
  -- Only folded rows whose counted parts changed (review state, answers, unit, form, campaign, day) move.
  WITH moved AS (
    SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.review_state = 'valid' OR n.review_state = 'valid')
       AND (o.review_state, o.campaign_id, o.unit_id, o.form_id, o.answers, response_tally_day(o.completed_at, o.received_at))
           IS DISTINCT FROM (n.review_state, n.campaign_id, n.unit_id, n.form_id, n.answers, response_tally_day(n.completed_at, n.received_at))
       AND o.id <> ALL(unfolded)
  ), rows AS (
    SELECT o.campaign_id, o.unit_id, o.form_id, response_tally_day(o.completed_at, o.received_at) AS day, o.answers, -1 AS sign
      FROM old_rows o JOIN moved m ON m.id = o.id WHERE o.review_state = 'valid'
    UNION ALL
    SELECT n.campaign_id, n.unit_id, n.form_id, response_tally_day(n.completed_at, n.received_at), n.answers, 1
      FROM new_rows n JOIN moved m ON m.id = n.id WHERE n.review_state = 'valid'
  )
  SELECT jsonb_agg(to_jsonb(rows)) INTO delta FROM rows;
  IF delta IS NOT NULL THEN PERFORM responses_tally_delta(delta); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The staff rewrite (0037) moves pending rows whole.
CREATE OR REPLACE FUNCTION responses_shuffle_staff(p_campaign uuid, p_unit int, p_form int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE moved int;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('responses_shuffle_staff'), hashtext(p_campaign::text || ':' || p_unit || ':' || p_form));
  PERFORM set_config('hailong.row_move', 'on', true);
  WITH gone AS (
    DELETE FROM responses
     WHERE campaign_id = p_campaign AND unit_id = p_unit AND form_id = p_form AND channel = 'email'
    RETURNING *
  )
  INSERT INTO responses SELECT * FROM gone ORDER BY random();
  GET DIAGNOSTICS moved = ROW_COUNT;
  WITH gone AS (
    DELETE FROM tally_pending t USING responses r
     WHERE t.response_id = r.id AND r.campaign_id = p_campaign AND r.unit_id = p_unit AND r.form_id = p_form AND r.channel = 'email'
    RETURNING t.*
  )
  INSERT INTO tally_pending SELECT * FROM gone ORDER BY random();
  PERFORM set_config('hailong.row_move', 'off', true);
  RETURN moved;
END;
$$;
--> statement-breakpoint
-- The fold of 0040, reading the claimed rows only: claim and upsert are one statement now (it reads
-- no response, so it needs no new snapshot after the claim); rows no longer valid are dropped
-- uncounted, as before. Same order of upserts (form_tallies
-- before answer_tallies, each in key order), same batch numbering g, same function settings.
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
  )
  SELECT count(*)::int INTO folded FROM r;
  IF folded = 0 THEN RETURN 0; END IF;
  INSERT INTO tally_fold_state (id, folded_at) VALUES (true, now())
  ON CONFLICT (id) DO UPDATE SET folded_at = excluded.folded_at;
  RETURN folded;
END;
$$;
--> statement-breakpoint
-- The live views (the PAR table and the year-over-year comparison read them) count the tail from
-- its own rows too.
CREATE OR REPLACE VIEW form_tallies_live AS
  SELECT campaign_id, unit_id, form_id, day, n FROM form_tallies
  UNION ALL
  SELECT campaign_id, unit_id, form_id, day, 1 FROM tally_pending WHERE valid;
--> statement-breakpoint
CREATE OR REPLACE VIEW answer_tallies_live AS
  SELECT campaign_id, unit_id, form_id, day, question_id, answer, n FROM answer_tallies
  UNION ALL
  SELECT p.campaign_id, p.unit_id, p.form_id, p.day, e.question_id, e.answer, 1
    FROM tally_pending p CROSS JOIN LATERAL unnest(p.question_ids, p.answer_texts) e(question_id, answer);
