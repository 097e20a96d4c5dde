-- Tally maintenance off the submission path (docs/0004-sipas-aggregation.md, "Pending tail").
-- A response insert now only records its id in tally_pending; responses_tally_fold() (the worker's
-- tally-fold job) moves pending responses into form_tallies/answer_tallies in batches. Readers use the
-- *_tallies_live views = folded tallies + the pending tail, so counts stay exact at every moment.
-- Rule that keeps both parts consistent: a pending response is counted by its CURRENT row (the view
-- and the fold read `responses`), so the update/delete triggers skip pending rows; the fold locks the
-- rows it folds (FOR SHARE, SKIP LOCKED), so a concurrent review decision either waits for the fold
-- and then sees the row folded, or holds the row and the fold leaves it for the next round.
CREATE OR REPLACE FUNCTION responses_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tally_pending (response_id) SELECT id FROM new_rows WHERE review_state = 'valid';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION responses_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE delta jsonb;
BEGIN
  -- Only folded rows whose counted parts changed (review state, answers, unit, form, campaign, day) move.
  WITH moved AS (
    SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id
     WHERE (o.review_state = 'valid' OR n.review_state = 'valid')
       AND (o.review_state, o.campaign_id, o.unit_id, o.form_id, o.answers, response_tally_day(o.completed_at, o.received_at))
           IS DISTINCT FROM (n.review_state, n.campaign_id, n.unit_id, n.form_id, n.answers, response_tally_day(n.completed_at, n.received_at))
       AND NOT EXISTS (SELECT 1 FROM tally_pending p WHERE p.response_id = o.id)
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
  WITH unfolded AS (
    DELETE FROM tally_pending p USING old_rows o WHERE p.response_id = o.id RETURNING p.response_id
  )
  SELECT jsonb_agg(jsonb_build_object('campaign_id', o.campaign_id, 'unit_id', o.unit_id, 'form_id', o.form_id,
           'day', response_tally_day(o.completed_at, o.received_at), 'answers', o.answers, 'sign', -1))
    INTO delta FROM old_rows o
   WHERE o.review_state = 'valid' AND NOT EXISTS (SELECT 1 FROM unfolded u WHERE u.response_id = o.id);
  IF delta IS NOT NULL THEN PERFORM responses_tally_delta(delta); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Folds up to `batch` pending responses; returns how many. One fold at a time (advisory lock);
-- never waits on a row another transaction holds.
CREATE OR REPLACE FUNCTION responses_tally_fold(batch int DEFAULT 5000) RETURNS int LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('responses_tally_fold')) THEN RETURN 0; END IF;
  SELECT array_agg(x.id) INTO ids FROM (
    SELECT r.id FROM tally_pending p JOIN responses r ON r.id = p.response_id
     LIMIT batch FOR SHARE OF r SKIP LOCKED
  ) x;
  IF ids IS NULL THEN RETURN 0; END IF;
  DELETE FROM tally_pending WHERE response_id = ANY(ids);
  INSERT INTO form_tallies AS t (campaign_id, unit_id, form_id, day, n)
    SELECT campaign_id, unit_id, form_id, response_tally_day(completed_at, received_at), count(*)::int
      FROM responses WHERE id = ANY(ids) AND review_state = 'valid'
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (campaign_id, unit_id, form_id, day) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO answer_tallies AS t (campaign_id, unit_id, form_id, day, question_id, answer, n)
    SELECT r.campaign_id, r.unit_id, r.form_id, response_tally_day(r.completed_at, r.received_at), e.key, a.answer, count(*)::int
      FROM responses r CROSS JOIN LATERAL jsonb_each(r.answers) e CROSS JOIN LATERAL (SELECT response_tally_answer(e.value) AS answer) a
     WHERE r.id = ANY(ids) AND r.review_state = 'valid' AND jsonb_typeof(r.answers) = 'object' AND a.answer IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, unit_id, form_id, day, question_id, answer) DO UPDATE SET n = t.n + excluded.n;
  RETURN cardinality(ids);
END;
$$;
--> statement-breakpoint
CREATE VIEW form_tallies_live AS
  SELECT campaign_id, unit_id, form_id, day, n FROM form_tallies
  UNION ALL
  SELECT r.campaign_id, r.unit_id, r.form_id, response_tally_day(r.completed_at, r.received_at), 1
    FROM tally_pending p JOIN responses r ON r.id = p.response_id
   WHERE r.review_state = 'valid';
--> statement-breakpoint
CREATE VIEW answer_tallies_live AS
  SELECT campaign_id, unit_id, form_id, day, question_id, answer, n FROM answer_tallies
  UNION ALL
  SELECT r.campaign_id, r.unit_id, r.form_id, response_tally_day(r.completed_at, r.received_at), e.key, a.answer, 1
    FROM tally_pending p JOIN responses r ON r.id = p.response_id
    CROSS JOIN LATERAL jsonb_each(r.answers) e CROSS JOIN LATERAL (SELECT response_tally_answer(e.value) AS answer) a
   WHERE r.review_state = 'valid' AND jsonb_typeof(r.answers) = 'object' AND a.answer IS NOT NULL;
