-- One statement-level AFTER INSERT trigger on responses instead of a row-level one plus a statement
-- one: a batch of 500 enumerator forms marked the form used with 500 UPDATE queries; now one query per
-- statement does it, alongside recording the valid rows as pending for the tally fold (0007).
DROP TRIGGER IF EXISTS responses_mark_form_used ON responses;
--> statement-breakpoint
DROP FUNCTION IF EXISTS responses_mark_form_used();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION responses_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A form version is immutable once a response used it (0001, forms_guard_immutable).
  UPDATE forms SET first_used_at = now()
   WHERE first_used_at IS NULL AND id IN (SELECT DISTINCT form_id FROM new_rows);
  INSERT INTO tally_pending (response_id) SELECT id FROM new_rows WHERE review_state = 'valid';
  RETURN NULL;
END;
$$;
