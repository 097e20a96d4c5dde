-- A cheaper tally fold (docs/0004-sipas-aggregation.md, "Pending tail"; same rules as 0033/0037).
-- Measured on a 10^6 tail, per batch of 20,000: the claim hashed the batch and then scanned the whole
-- tail to find it (O(tail) per batch), the row estimate of jsonb_each_text (100 rows a call) priced
-- the upsert above the JIT thresholds, so every batch compiled and optimised it with LLVM, and the
-- answer count hashed six columns per answer. Now:
-- - the claim deletes the rows it locked by their ctid (a TID scan of the batch; tally_pending rows
--   are only inserted and deleted, never updated, and a row locked FOR UPDATE keeps its ctid until
--   this transaction ends); still SKIP LOCKED, so a review decision holding a pending row keeps it;
-- - the fold runs without JIT and with room to keep a batch in memory (function-level settings);
-- - each (campaign, unit, form, day) of the batch gets a small number g, the answers are counted
--   by (g, question, answer) in a hash aggregate, and g is joined back to its key for the upsert.
--   enable_sort = off keeps the planner from sorting every answer of the batch for want of an
--   estimate (the sorts the upserts need still run: they have no alternative).
-- Claim and upsert still commit together, form_tallies before answer_tallies, each in key order.
CREATE OR REPLACE FUNCTION responses_tally_fold(batch int DEFAULT 5000) RETURNS int LANGUAGE plpgsql
SET jit = off SET work_mem = '64MB' SET enable_sort = off
AS $$
DECLARE ids uuid[];
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('responses_tally_fold')) THEN RETURN 0; END IF;
  WITH claimed AS (
    DELETE FROM tally_pending
     WHERE ctid = ANY(ARRAY(SELECT ctid FROM tally_pending LIMIT batch FOR UPDATE SKIP LOCKED))
    RETURNING response_id
  )
  SELECT array_agg(response_id) INTO ids FROM claimed;
  IF ids IS NULL THEN RETURN 0; END IF;
  -- A new statement, so a new snapshot: a review decision that waited for this claim reads the
  -- response after it (0033). jsonb_each_text gives the text of response_tally_answer (value #>> '{}').
  WITH r AS MATERIALIZED (
    SELECT campaign_id, unit_id, form_id, response_tally_day(completed_at, received_at) AS day, answers
      FROM responses WHERE id = ANY(ids) AND review_state = 'valid'
  ), keys AS MATERIALIZED (
    SELECT campaign_id, unit_id, form_id, day, count(*)::int AS n, row_number() OVER () AS g FROM r GROUP BY 1, 2, 3, 4
  ), forms AS (
    INSERT INTO form_tallies AS t (campaign_id, unit_id, form_id, day, n)
      SELECT campaign_id, unit_id, form_id, day, n FROM keys ORDER BY 1, 2, 3, 4
    ON CONFLICT (campaign_id, unit_id, form_id, day) DO UPDATE SET n = t.n + excluded.n
    RETURNING 1
  ), answers AS MATERIALIZED (
    SELECT k.g, e.key AS question_id, e.value AS answer, count(*)::int AS n
      FROM r JOIN keys k ON (k.campaign_id, k.unit_id, k.form_id, k.day) = (r.campaign_id, r.unit_id, r.form_id, r.day)
      CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(r.answers) = 'object' THEN r.answers ELSE '{}' END) e
     WHERE e.value NOT IN ('', '[]')
     GROUP BY 1, 2, 3
  )
  INSERT INTO answer_tallies AS t (campaign_id, unit_id, form_id, day, question_id, answer, n)
    SELECT k.campaign_id, k.unit_id, k.form_id, k.day, a.question_id, a.answer, a.n FROM answers a JOIN keys k ON k.g = a.g
     WHERE (SELECT count(*) FROM forms) >= 0 -- form_tallies first, like responses_tally_delta: no deadlock with it
     ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, unit_id, form_id, day, question_id, answer) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO tally_fold_state (id, folded_at) VALUES (true, now())
  ON CONFLICT (id) DO UPDATE SET folded_at = excluded.folded_at;
  RETURN cardinality(ids);
END;
$$;
