-- Staff answers that cannot be traced to a person (docs/0012-unlinkable-staff-answers.md).
-- A staff response ('email' channel) keeps campaign, unit, form and the Vietnam day it was completed,
-- and nothing that identifies the invitation: no source_id, no start time, completion and receipt
-- times truncated to the day's midnight (Vietnam time, so the tally day does not move). Rows of one
-- campaign × unit × form are rewritten in random order after every submit, so neither the table's
-- physical order nor the writing transaction follows completion order.
--
-- Tally triggers skip the rewrite (hailong.row_move = 'on', set only by responses_shuffle_staff):
-- the same rows leave and come back, so the counts do not change.
CREATE OR REPLACE FUNCTION responses_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hailong.row_move', true) = 'on' THEN RETURN NULL; END IF;
  -- A form version is immutable once a response used it (0001, forms_guard_immutable).
  UPDATE forms SET first_used_at = now()
   WHERE first_used_at IS NULL AND id IN (SELECT DISTINCT form_id FROM new_rows);
  INSERT INTO tally_pending (response_id) SELECT id FROM new_rows WHERE review_state = 'valid';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION responses_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE delta jsonb;
BEGIN
  IF current_setting('hailong.row_move', true) = 'on' THEN RETURN NULL; END IF;
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
-- Rewrites the staff responses of one campaign × unit × form (and their not-yet-folded tally entries)
-- in random order. One rewrite per group at a time (transaction-scoped advisory lock); called in the
-- submit transaction after the insert. Returns the number of rows rewritten.
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
  INSERT INTO tally_pending (response_id) SELECT response_id FROM gone ORDER BY random();
  PERFORM set_config('hailong.row_move', 'off', true);
  RETURN moved;
END;
$$;
--> statement-breakpoint
-- Existing staff responses lose their link to the invitation; drafts of answered invitations go.
DO $$
DECLARE n int;
BEGIN
  UPDATE responses
     SET source_id = NULL,
         started_at = NULL,
         completed_at = (response_tally_day(completed_at, received_at)::timestamp - interval '7 hours') AT TIME ZONE 'UTC',
         received_at = (response_tally_day(completed_at, received_at)::timestamp - interval '7 hours') AT TIME ZONE 'UTC'
   WHERE channel = 'email';
  GET DIAGNOSTICS n = ROW_COUNT;
  RAISE NOTICE 'unlinked % staff responses from their invitations', n;
  PERFORM responses_shuffle_staff(g.campaign_id, g.unit_id, g.form_id)
     FROM (SELECT DISTINCT campaign_id, unit_id, form_id FROM responses WHERE channel = 'email') g;
  UPDATE invitations SET draft_answers = NULL, draft_updated_at = NULL
   WHERE completed_at IS NOT NULL AND (draft_answers IS NOT NULL OR draft_updated_at IS NOT NULL);
  GET DIAGNOSTICS n = ROW_COUNT;
  RAISE NOTICE 'dropped the drafts of % answered invitations', n;
END;
$$;
