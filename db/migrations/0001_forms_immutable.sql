-- A form version is immutable once a response has used it: results must stay explainable.
CREATE OR REPLACE FUNCTION forms_guard_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.first_used_at IS NOT NULL AND (NEW.definition IS DISTINCT FROM OLD.definition
      OR NEW.code IS DISTINCT FROM OLD.code OR NEW.version IS DISTINCT FROM OLD.version) THEN
    RAISE EXCEPTION 'form % version % is in use and cannot be changed', OLD.code, OLD.version
      USING ERRCODE = '23514', CONSTRAINT = 'forms_immutable_check';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER forms_immutable BEFORE UPDATE ON forms FOR EACH ROW EXECUTE FUNCTION forms_guard_immutable();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION responses_mark_form_used() RETURNS trigger AS $$
BEGIN
  UPDATE forms SET first_used_at = now() WHERE id = NEW.form_id AND first_used_at IS NULL;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER responses_mark_form_used AFTER INSERT ON responses FOR EACH ROW EXECUTE FUNCTION responses_mark_form_used();
