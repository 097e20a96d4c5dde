CREATE TABLE "online_unit_minutes" (
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"minute" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "online_unit_minutes_campaign_id_unit_id_minute_pk" PRIMARY KEY("campaign_id","unit_id","minute")
);
--> statement-breakpoint
-- The unit's hourly limit of the online form without counting the hour's rows (issue 16;
-- docs/0029-online-unit-minute-counts.md). `online_submit_batch` (migration 0036) counted the unit's
-- online responses of the last hour, stopping at the limit: cheap at the default limit (60), but a unit
-- whose limit is raised reads its whole hour for every form. The online responses of each unit are now
-- also counted per minute of `received_at`, by row triggers on `responses` in the same transaction as
-- the row (insert, delete, or an update that moves it to another channel, campaign, unit or time), and
-- the function sums at most 61 minute rows. The result is the same count: the minutes after the one the
-- hour starts in lie wholly inside it, and when the first minute's count could change the answer its
-- responses of the hour are counted from the rows (at most one minute of them).
-- Only the last two hours matter: changes to rows received earlier are not counted, and a unit's
-- minutes older than that are deleted whenever one of its minutes starts.
CREATE FUNCTION online_unit_minute_add(p_campaign uuid, p_unit int, p_at timestamptz, p_delta int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_new boolean;
BEGIN
  IF p_at < now() - interval '2 hours' THEN RETURN; END IF;
  INSERT INTO online_unit_minutes AS m (campaign_id, unit_id, minute, n)
  VALUES (p_campaign, p_unit, floor(extract(epoch FROM p_at) / 60)::int, p_delta)
  ON CONFLICT (campaign_id, unit_id, minute) DO UPDATE SET n = m.n + excluded.n
  RETURNING m.xmax = 0 INTO v_new;
  IF v_new THEN
    DELETE FROM online_unit_minutes m
     WHERE m.campaign_id = p_campaign AND m.unit_id = p_unit
       AND m.minute < floor(extract(epoch FROM now() - interval '2 hours') / 60)::int;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION responses_online_minutes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.channel = 'online' THEN
    PERFORM online_unit_minute_add(OLD.campaign_id, OLD.unit_id, OLD.received_at, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.channel = 'online' THEN
    PERFORM online_unit_minute_add(NEW.campaign_id, NEW.unit_id, NEW.received_at, 1);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER responses_online_minutes_insert AFTER INSERT ON responses
  FOR EACH ROW WHEN (NEW.channel = 'online') EXECUTE FUNCTION responses_online_minutes();
--> statement-breakpoint
CREATE TRIGGER responses_online_minutes_delete AFTER DELETE ON responses
  FOR EACH ROW WHEN (OLD.channel = 'online') EXECUTE FUNCTION responses_online_minutes();
--> statement-breakpoint
CREATE TRIGGER responses_online_minutes_move AFTER UPDATE OF channel, campaign_id, unit_id, received_at ON responses
  FOR EACH ROW WHEN ((OLD.channel = 'online' OR NEW.channel = 'online')
    AND (OLD.channel, OLD.campaign_id, OLD.unit_id, OLD.received_at) IS DISTINCT FROM (NEW.channel, NEW.campaign_id, NEW.unit_id, NEW.received_at))
  EXECUTE FUNCTION responses_online_minutes();
--> statement-breakpoint
CREATE FUNCTION responses_online_minutes_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE online_unit_minutes;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER responses_online_minutes_truncate AFTER TRUNCATE ON responses
  FOR EACH STATEMENT EXECUTE FUNCTION responses_online_minutes_truncate();
--> statement-breakpoint
-- The online responses already stored in the last two hours.
INSERT INTO online_unit_minutes (campaign_id, unit_id, minute, n)
SELECT campaign_id, unit_id, floor(extract(epoch FROM received_at) / 60)::int, count(*)::int
  FROM responses
 WHERE channel = 'online' AND received_at >= now() - interval '2 hours'
 GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION online_submit_batch(items jsonb)
RETURNS TABLE (idx int, outcome text, id uuid, received_at timestamptz, review_state text, payload_hash text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  s record;
  v_unit_over boolean;
  v_edge int;
  v_inside int;
  v_edge_n int;
  v_address_over boolean;
  v_flags text[];
  v_reasons text[];
  v_reason text;
BEGIN
  PERFORM pg_advisory_xact_lock(l.k) FROM (
    SELECT DISTINCT v.k FROM jsonb_array_elements(items) x
     CROSS JOIN LATERAL (VALUES (hashtextextended('online-unit:' || (x->>'campaignId') || ':' || (x->>'unitId'), 0)),
                                (hashtextextended('online-address:' || (x->>'sourceId'), 0))) v(k)
     ORDER BY v.k) l;

  FOR s IN
    SELECT (x.n - 1)::int AS i, (x.v->>'clientId')::uuid AS client_id, (x.v->>'campaignId')::uuid AS campaign_id,
           (x.v->>'formId')::int AS form_id, (x.v->>'unitId')::int AS unit_id, (x.v->>'sourceId')::uuid AS source_id,
           x.v->'answers' AS answers, x.v->>'payloadHash' AS payload_hash, (x.v->>'startedAt')::timestamptz AS started_at,
           (x.v->>'completedAt')::timestamptz AS completed_at, x.v->>'dossierCodeHash' AS dossier_code_hash,
           (x.v->>'codeGiven')::boolean AS code_given, (x.v->>'addressLimit')::int AS address_limit,
           (x.v->>'unitLimit')::int AS unit_limit
      FROM jsonb_array_elements(items) WITH ORDINALITY AS x(v, n)
     ORDER BY x.n
  LOOP
    IF NOT s.code_given AND (SELECT u.online_code_required FROM units u WHERE u.id = s.unit_id) THEN
      RETURN QUERY SELECT s.i, 'code_required'::text, NULL::uuid, NULL::timestamptz, NULL::text, NULL::text;
      CONTINUE;
    END IF;

    RETURN QUERY SELECT s.i, 'existing'::text, r.id, r.received_at, r.review_state, r.payload_hash
                   FROM responses r WHERE r.client_id = s.client_id;
    IF FOUND THEN CONTINUE; END IF;

    -- This form is one more: a limit is crossed once `limit` others arrived within the hour.
    -- The unit's hour from its minute counts: the minutes after the one the hour starts in are wholly
    -- inside it; that first minute's own responses are counted only when its count decides the answer.
    v_edge := floor(extract(epoch FROM now() - interval '1 hour') / 60)::int;
    SELECT coalesce(sum(m.n) FILTER (WHERE m.minute > v_edge), 0), coalesce(sum(m.n) FILTER (WHERE m.minute = v_edge), 0)
      INTO v_inside, v_edge_n
      FROM online_unit_minutes m
     WHERE m.campaign_id = s.campaign_id AND m.unit_id = s.unit_id AND m.minute >= v_edge;
    IF v_inside >= s.unit_limit THEN
      v_unit_over := true;
    ELSIF v_inside + v_edge_n < s.unit_limit THEN
      v_unit_over := false;
    ELSE
      SELECT v_inside + count(*) >= s.unit_limit INTO v_unit_over FROM (
        SELECT 1 FROM responses r
         WHERE r.campaign_id = s.campaign_id AND r.channel = 'online' AND r.received_at > now() - interval '1 hour'
           AND r.received_at < to_timestamp((v_edge + 1) * 60.0) AND r.unit_id = s.unit_id
         LIMIT s.unit_limit - v_inside) edge;
    END IF;
    SELECT count(*) >= s.address_limit INTO v_address_over FROM (
      SELECT 1 FROM responses r
       WHERE r.campaign_id = s.campaign_id AND r.channel = 'online' AND r.received_at > now() - interval '1 hour'
         AND r.source_id = s.source_id
       LIMIT s.address_limit) recent;

    v_flags := '{}';
    v_reasons := '{}';
    IF v_address_over THEN
      v_reason := format('more than %s online responses from one address in the last hour (limit %s)', s.address_limit, s.address_limit);
      v_flags := v_flags || 'address_rate'::text;
      v_reasons := v_reasons || v_reason;
      UPDATE responses r SET review_state = 'suspect', flags = array_append(r.flags, 'address_rate'), review_reason = v_reason
       WHERE r.campaign_id = s.campaign_id AND r.channel = 'online' AND r.received_at > now() - interval '1 hour'
         AND r.source_id = s.source_id AND r.review_state = 'valid' AND cardinality(r.flags) = 0;
    END IF;
    IF v_unit_over THEN
      v_reason := format('more than %s online responses for this unit in the last hour (limit %s)', s.unit_limit, s.unit_limit);
      v_flags := v_flags || 'unit_rate'::text;
      v_reasons := v_reasons || v_reason;
      UPDATE responses r SET review_state = 'suspect', flags = array_append(r.flags, 'unit_rate'), review_reason = v_reason
       WHERE r.campaign_id = s.campaign_id AND r.channel = 'online' AND r.received_at > now() - interval '1 hour'
         AND r.unit_id = s.unit_id AND r.review_state = 'valid' AND cardinality(r.flags) = 0;
    END IF;

    RETURN QUERY
      INSERT INTO responses AS r (client_id, campaign_id, form_id, unit_id, channel, source_id, answers, payload_hash,
                                  review_state, review_reason, flags, dossier_code_hash, started_at, completed_at)
      VALUES (s.client_id, s.campaign_id, s.form_id, s.unit_id, 'online', s.source_id, s.answers, s.payload_hash,
              CASE WHEN cardinality(v_flags) > 0 THEN 'suspect' ELSE 'valid' END,
              nullif(array_to_string(v_reasons, '; '), ''), v_flags, s.dossier_code_hash, s.started_at,
              coalesce(s.completed_at, now()))
      ON CONFLICT (client_id) DO NOTHING
      RETURNING s.i, 'stored'::text, r.id, r.received_at, r.review_state, r.payload_hash;
    IF FOUND THEN CONTINUE; END IF;
    RETURN QUERY SELECT s.i, 'existing'::text, r.id, r.received_at, r.review_state, r.payload_hash
                   FROM responses r WHERE r.client_id = s.client_id;
  END LOOP;
END;
$$;
