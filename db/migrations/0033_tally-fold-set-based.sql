-- Set-based tally fold (docs/0004-sipas-aggregation.md, "Pending tail"; replaces the fold of 0007).
-- The fold no longer locks the `responses` rows it reads (FOR SHARE wrote a lock into every folded
-- response). It claims pending rows instead: it deletes a batch of `tally_pending` rows that nobody
-- holds (FOR UPDATE SKIP LOCKED), then, in a new statement and so a new snapshot, reads those
-- responses once and upserts both tallies from one aggregate (hash aggregate over jsonb_each_text,
-- then sorted by key for the upsert). A review decision on a pending response now locks its pending
-- row before deciding whether it is folded: it waits for a fold that claimed the row and then sees
-- it folded (and moves the counts itself), or it holds the row and the fold leaves it for the next
-- round. A delete already locks the pending row (it deletes it). Claim and upsert commit together:
-- a fold that fails or is cut off leaves its rows pending. Like responses_tally_delta, the fold
-- upserts form_tallies before answer_tallies, each in key order, so the two never deadlock.
CREATE OR REPLACE FUNCTION responses_tally_fold(batch int DEFAULT 5000) RETURNS int LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('responses_tally_fold')) THEN RETURN 0; END IF;
  WITH claimed AS (
    DELETE FROM tally_pending
     WHERE response_id IN (SELECT response_id FROM tally_pending LIMIT batch FOR UPDATE SKIP LOCKED)
    RETURNING response_id
  )
  SELECT array_agg(response_id) INTO ids FROM claimed;
  IF ids IS NULL THEN RETURN 0; END IF;
  -- `answers` is materialized so the planner hashes it (its row estimate for jsonb_each_text would
  -- otherwise make it sort every answer of the batch); jsonb_each_text gives the text of
  -- response_tally_answer (value #>> '{}') for every JSON value.
  WITH r AS MATERIALIZED (
    SELECT campaign_id, unit_id, form_id, response_tally_day(completed_at, received_at) AS day, answers
      FROM responses WHERE id = ANY(ids) AND review_state = 'valid'
  ), forms AS (
    INSERT INTO form_tallies AS t (campaign_id, unit_id, form_id, day, n)
      SELECT campaign_id, unit_id, form_id, day, count(*)::int FROM r GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (campaign_id, unit_id, form_id, day) DO UPDATE SET n = t.n + excluded.n
    RETURNING 1
  ), answers AS MATERIALIZED (
    SELECT r.campaign_id, r.unit_id, r.form_id, r.day, e.key AS question_id, a.answer, count(*)::int AS n
      FROM r CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(r.answers) = 'object' THEN r.answers ELSE '{}' END) e
      CROSS JOIN LATERAL (SELECT nullif(nullif(e.value, ''), '[]') AS answer) a
     WHERE a.answer IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
  )
  INSERT INTO answer_tallies AS t (campaign_id, unit_id, form_id, day, question_id, answer, n)
    SELECT campaign_id, unit_id, form_id, day, question_id, answer, n FROM answers
     WHERE (SELECT count(*) FROM forms) >= 0 -- form_tallies first, like responses_tally_delta: no deadlock with it
     ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, unit_id, form_id, day, question_id, answer) DO UPDATE SET n = t.n + excluded.n;
  RETURN cardinality(ids);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION responses_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE delta jsonb;
BEGIN
  -- Hold the pending rows of the updated responses (or wait for the fold that claimed them); the
  -- next statement takes a new snapshot, so it sees that fold committed.
  PERFORM 1 FROM tally_pending p WHERE p.response_id IN (SELECT id FROM old_rows) ORDER BY p.response_id FOR KEY SHARE OF p;
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
