-- One kiosk session in ONE round trip (docs/0005-kiosk-submit-path.md): authenticate the device and
-- record last seen/app version/pending count, look up a replay, judge anti-stuffing against the
-- device's sessions around the completion time, insert. The device row's UPDATE lock serialises the
-- sessions of one tablet (each later statement of this function sees what the previous session of
-- the same device committed), so two sends cannot both see "no recent session". Answers are validated
-- and the payload hash computed by the API before the call; the replay/conflict decision is the API's.
-- outcome: 'unauthorized' (unknown or revoked device), 'existing' (client id already stored: API
-- compares payload hashes → 200 replay or 409), 'stored'.
CREATE OR REPLACE FUNCTION kiosk_submit(
  p_token_hash text, p_client_id uuid, p_campaign_id uuid, p_form_id int, p_answers jsonb, p_payload_hash text,
  p_started_at timestamptz, p_completed_at timestamptz, p_partial boolean, p_procedure_name text,
  p_app_version text, p_pending_count int)
RETURNS TABLE (outcome text, id uuid, unit_id int, received_at timestamptz, review_state text, payload_hash text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  d record;
  near int;
  hour int;
  flags text[] := '{}';
  reasons text[] := '{}';
BEGIN
  UPDATE kiosk_devices k
     SET last_seen_at = now(),
         app_version = coalesce(p_app_version, k.app_version),
         pending_count = coalesce(p_pending_count, k.pending_count)
   WHERE k.device_token_hash = p_token_hash AND k.revoked_at IS NULL
   RETURNING k.id, k.unit_id, k.min_interval_seconds AS gap, k.hourly_cap AS cap INTO d;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'unauthorized'::text, NULL::uuid, NULL::int, NULL::timestamptz, NULL::text, NULL::text;
    RETURN;
  END IF;
  RETURN QUERY SELECT 'existing'::text, r.id, r.unit_id, r.received_at, r.review_state, r.payload_hash
    FROM responses r WHERE r.client_id = p_client_id;
  IF FOUND THEN RETURN; END IF;
  -- Sessions of this device within `gap` seconds of this one, and in the hour before it.
  SELECT count(*) FILTER (WHERE abs(extract(epoch FROM (r.completed_at - p_completed_at))) < d.gap)::int,
         count(*) FILTER (WHERE r.completed_at > p_completed_at - interval '1 hour' AND r.completed_at <= p_completed_at)::int
    INTO near, hour
    FROM responses r
   WHERE r.source_id = d.id
     AND r.completed_at > p_completed_at - interval '1 hour' - make_interval(secs => d.gap)
     AND r.completed_at < p_completed_at + make_interval(secs => d.gap);
  IF near > 0 THEN
    flags := flags || 'min_interval'::text;
    reasons := reasons || format('another session of this device within %s s', d.gap);
  END IF;
  IF hour >= d.cap THEN
    flags := flags || 'hourly_cap'::text;
    reasons := reasons || format('%s sessions of this device in the previous hour (cap %s)', hour, d.cap);
  END IF;
  RETURN QUERY
    INSERT INTO responses AS r (client_id, campaign_id, form_id, unit_id, channel, source_id, answers, payload_hash,
                                review_state, review_reason, flags, partial, procedure_name, started_at, completed_at)
    VALUES (p_client_id, p_campaign_id, p_form_id, d.unit_id, 'kiosk', d.id, p_answers, p_payload_hash,
            CASE WHEN cardinality(flags) > 0 THEN 'suspect' ELSE 'valid' END, nullif(array_to_string(reasons, '; '), ''),
            flags, p_partial, p_procedure_name, p_started_at, p_completed_at)
    ON CONFLICT (client_id) DO NOTHING
    RETURNING 'stored'::text, r.id, r.unit_id, r.received_at, r.review_state, r.payload_hash;
  IF FOUND THEN RETURN; END IF;
  -- The same client id arrived through another device in the meantime.
  RETURN QUERY SELECT 'existing'::text, r.id, r.unit_id, r.received_at, r.review_state, r.payload_hash
    FROM responses r WHERE r.client_id = p_client_id;
END;
$$;
