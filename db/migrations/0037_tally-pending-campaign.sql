-- Results pages with a large unfolded tail (docs/0027-large-unfolded-tail.md).
CREATE TABLE "tally_fold_state" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"folded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tally_fold_state_one_row" CHECK ("tally_fold_state"."id")
);
--> statement-breakpoint
ALTER TABLE "tally_pending" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
UPDATE "tally_pending" p SET "campaign_id" = r."campaign_id" FROM "responses" r WHERE r."id" = p."response_id";--> statement-breakpoint
DELETE FROM "tally_pending" WHERE "campaign_id" IS NULL;--> statement-breakpoint
ALTER TABLE "tally_pending" ALTER COLUMN "campaign_id" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "tally_pending_campaign_idx" ON "tally_pending" USING btree ("campaign_id");
--> statement-breakpoint
-- Every pending response records its campaign, so a results page counts a campaign's tail up to a
-- bound in as many index entries (docs/0027-large-unfolded-tail.md); the fold records when it last
-- moved responses, which a page that leaves a large tail out shows beside its figures.
CREATE OR REPLACE FUNCTION responses_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hailong.row_move', true) = 'on' THEN RETURN NULL; END IF;
  -- A form version is immutable once a response used it (0001, forms_guard_immutable).
  UPDATE forms SET first_used_at = now()
   WHERE first_used_at IS NULL AND id IN (SELECT DISTINCT form_id FROM new_rows);
  INSERT INTO tally_pending (response_id, campaign_id) SELECT id, campaign_id FROM new_rows WHERE review_state = 'valid';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
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
    RETURNING t.response_id
  )
  INSERT INTO tally_pending (response_id, campaign_id) SELECT response_id, p_campaign FROM gone ORDER BY random();
  PERFORM set_config('hailong.row_move', 'off', true);
  RETURN moved;
END;
$$;
--> statement-breakpoint
-- The set-based fold of 0033, which now also records when it moved responses (one row, written by
-- the one fold that holds the advisory lock).
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
  INSERT INTO tally_fold_state (id, folded_at) VALUES (true, now())
  ON CONFLICT (id) DO UPDATE SET folded_at = excluded.folded_at;
  RETURN cardinality(ids);
END;
$$;
