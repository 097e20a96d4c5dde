-- The fold of 0043 with an optional bound on the units a call folds (docs/0040-embedded-fold-by-units.md).
-- Every call upserts each tally key its batch touches, and a batch taken in arrival order touches
-- nearly every unit × day × question × answer of the recent submissions: on the embedded PGlite (the
-- API's main thread) a job re-upserted the same keys once per call of 500 responses, and the upserts,
-- not the responses, made the call's cost. With `units`, a call claims only the pending rows of the
-- (campaign, unit) pairs of the first `units` pending rows, up to `batch` of them: its keys are those
-- units' keys, and a job upserts each key about once. NULL (the default, PostgreSQL's worker) claims
-- as before. The counts are the same whichever rows a call claims.
DROP FUNCTION responses_tally_fold(int);
--> statement-breakpoint
CREATE FUNCTION responses_tally_fold(batch int DEFAULT 5000, units int DEFAULT NULL) RETURNS int LANGUAGE plpgsql
SET jit = off SET work_mem = '64MB' SET enable_sort = off
AS $$
DECLARE folded int;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('responses_tally_fold')) THEN RETURN 0; END IF;
  WITH r AS MATERIALIZED (
    DELETE FROM tally_pending
     WHERE ctid = ANY(ARRAY(
       SELECT ctid FROM tally_pending p
        WHERE units IS NULL OR (p.campaign_id, p.unit_id) IN (SELECT campaign_id, unit_id FROM tally_pending LIMIT units)
        LIMIT batch FOR UPDATE SKIP LOCKED))
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
