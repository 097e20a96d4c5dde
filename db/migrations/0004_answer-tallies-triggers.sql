-- Running tallies of valid responses (docs/0004-sipas-aggregation.md). Statement-level triggers with
-- transition tables keep form_tallies/answer_tallies equal to a GROUP BY over `responses` in the same
-- transaction as every write. Upserts run in key order, so concurrent writers never deadlock on them.
CREATE OR REPLACE FUNCTION response_tally_day(completed timestamptz, received timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ((coalesce(completed, received) AT TIME ZONE 'UTC') + interval '7 hours')::date $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION response_tally_answer(v jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT nullif(nullif(v #>> '{}', ''), '[]') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION responses_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO form_tallies AS t (campaign_id, unit_id, form_id, day, n)
    SELECT campaign_id, unit_id, form_id, response_tally_day(completed_at, received_at), count(*)::int
      FROM new_rows WHERE review_state = 'valid'
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (campaign_id, unit_id, form_id, day) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO answer_tallies AS t (campaign_id, unit_id, form_id, day, question_id, answer, n)
    SELECT r.campaign_id, r.unit_id, r.form_id, response_tally_day(r.completed_at, r.received_at), e.key, a.answer, count(*)::int
      FROM new_rows r CROSS JOIN LATERAL jsonb_each(r.answers) e CROSS JOIN LATERAL (SELECT response_tally_answer(e.value) AS answer) a
     WHERE r.review_state = 'valid' AND jsonb_typeof(r.answers) = 'object' AND a.answer IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, unit_id, form_id, day, question_id, answer) DO UPDATE SET n = t.n + excluded.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Applies signed deltas (one row per response that left or entered the tallies).
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
  )
  INSERT INTO answer_tallies AS t (campaign_id, unit_id, form_id, day, question_id, answer, n)
    SELECT d.campaign_id, d.unit_id, d.form_id, d.day, e.key, a.answer, sum(d.sign)::int
      FROM d CROSS JOIN LATERAL jsonb_each(d.answers) e CROSS JOIN LATERAL (SELECT response_tally_answer(e.value) AS answer) a
     WHERE jsonb_typeof(d.answers) = 'object' AND a.answer IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, unit_id, form_id, day, question_id, answer) DO UPDATE SET n = t.n + excluded.n;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION responses_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE delta jsonb;
BEGIN
  -- Only rows whose counted parts changed (review state, answers, unit, form, campaign, day) move.
  WITH moved AS (
    SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.review_state = 'valid' OR n.review_state = 'valid')
       AND (o.review_state, o.campaign_id, o.unit_id, o.form_id, o.answers, response_tally_day(o.completed_at, o.received_at))
           IS DISTINCT FROM (n.review_state, n.campaign_id, n.unit_id, n.form_id, n.answers, response_tally_day(n.completed_at, n.received_at))
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
CREATE OR REPLACE FUNCTION responses_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE delta jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('campaign_id', o.campaign_id, 'unit_id', o.unit_id, 'form_id', o.form_id,
           'day', response_tally_day(o.completed_at, o.received_at), 'answers', o.answers, 'sign', -1))
    INTO delta FROM old_rows o WHERE o.review_state = 'valid';
  IF delta IS NOT NULL THEN PERFORM responses_tally_delta(delta); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER responses_tally_insert AFTER INSERT ON responses REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION responses_tally_insert();
--> statement-breakpoint
CREATE TRIGGER responses_tally_update AFTER UPDATE ON responses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION responses_tally_update();
--> statement-breakpoint
CREATE TRIGGER responses_tally_delete AFTER DELETE ON responses REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION responses_tally_delete();
--> statement-breakpoint
INSERT INTO form_tallies (campaign_id, unit_id, form_id, day, n)
  SELECT campaign_id, unit_id, form_id, response_tally_day(completed_at, received_at), count(*)::int
    FROM responses WHERE review_state = 'valid' GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO answer_tallies (campaign_id, unit_id, form_id, day, question_id, answer, n)
  SELECT r.campaign_id, r.unit_id, r.form_id, response_tally_day(r.completed_at, r.received_at), e.key, a.answer, count(*)::int
    FROM responses r CROSS JOIN LATERAL jsonb_each(r.answers) e CROSS JOIN LATERAL (SELECT response_tally_answer(e.value) AS answer) a
   WHERE r.review_state = 'valid' AND jsonb_typeof(r.answers) = 'object' AND a.answer IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6;
