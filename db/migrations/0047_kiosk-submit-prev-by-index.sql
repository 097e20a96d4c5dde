-- kiosk_submit_batch (0020) found the batch's stored sessions with `client_id IN (SELECT … FROM it)`.
-- PL/pgSQL caches the statement's plan, costed for the 100 rows the planner assumes of
-- `jsonb_array_elements`; while `responses` is small (a fresh installation, the start of a campaign:
-- up to about 20,000 rows) that plan is a hash join over a scan of the whole table, once per batch,
-- so each call read more as the table grew (docs/0043-ingest-overlap.md). The stored sessions are
-- now looked up by client id, one index look-up per distinct session, whatever the table's size.
-- Nothing else changes.
CREATE OR REPLACE FUNCTION kiosk_submit_batch(items jsonb)
RETURNS TABLE (idx int, outcome text, id uuid, unit_id int, received_at timestamptz, review_state text, payload_hash text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  done jsonb;
BEGIN
  PERFORM 1 FROM kiosk_devices k
   WHERE k.device_token_hash IN (SELECT DISTINCT x->>'tokenHash' FROM jsonb_array_elements(items) x) AND k.revoked_at IS NULL
   ORDER BY k.device_token_hash FOR NO KEY UPDATE;

  WITH it AS (
    SELECT (x.n - 1)::int AS i, x.v->>'tokenHash' AS token_hash, (x.v->>'clientId')::uuid AS client_id,
           (x.v->>'campaignId')::uuid AS campaign_id, (x.v->>'formId')::int AS form_id, x.v->'answers' AS answers,
           x.v->>'payloadHash' AS payload_hash, (x.v->>'startedAt')::timestamptz AS started_at,
           (x.v->>'completedAt')::timestamptz AS completed_at, coalesce((x.v->>'partial')::boolean, false) AS partial,
           x.v->>'procedureName' AS procedure_name, x.v->>'appVersion' AS app_version, (x.v->>'pendingCount')::int AS pending_count,
           x.v->>'clockReason' AS clock_reason
      FROM jsonb_array_elements(items) WITH ORDINALITY AS x(v, n)
  ), touch AS (
    -- Last seen is kept to the second: a device row rewritten for every session of a busy counter
    -- only bloats the table. App version and pending count are written whenever they change.
    UPDATE kiosk_devices k
       SET last_seen_at = now(),
           app_version = coalesce(l.app_version, k.app_version),
           pending_count = coalesce(l.pending_count, k.pending_count)
      FROM (SELECT DISTINCT ON (it.token_hash) it.token_hash,
                   (SELECT a.app_version FROM it a WHERE a.token_hash = it.token_hash AND a.app_version IS NOT NULL ORDER BY a.i DESC LIMIT 1) AS app_version,
                   (SELECT a.pending_count FROM it a WHERE a.token_hash = it.token_hash AND a.pending_count IS NOT NULL ORDER BY a.i DESC LIMIT 1) AS pending_count
              FROM it) l
     WHERE k.device_token_hash = l.token_hash AND k.revoked_at IS NULL
       AND (k.last_seen_at IS NULL OR k.last_seen_at < now() - interval '1 second'
            OR coalesce(l.app_version, k.app_version) IS DISTINCT FROM k.app_version
            OR coalesce(l.pending_count, k.pending_count) IS DISTINCT FROM k.pending_count)
  ), dev AS (
    SELECT k.id, k.device_token_hash, k.unit_id, k.min_interval_seconds AS gap, k.hourly_cap AS cap
      FROM kiosk_devices k
     WHERE k.device_token_hash IN (SELECT it.token_hash FROM it) AND k.revoked_at IS NULL
  ), prev AS (
    -- One look-up by client id per distinct session (OFFSET 0 keeps the sub-query from being
    -- flattened into a join the planner may run as a scan of the whole table).
    SELECT r.client_id, r.id, r.unit_id, r.received_at, r.review_state, r.payload_hash
      FROM (SELECT DISTINCT it.client_id FROM it) c
      CROSS JOIN LATERAL (
        SELECT r.client_id, r.id, r.unit_id, r.received_at, r.review_state, r.payload_hash
          FROM responses r WHERE r.client_id = c.client_id OFFSET 0) r
  ), cand AS (
    SELECT it.*, d.id AS device_id, d.unit_id AS device_unit, d.gap, d.cap,
           row_number() OVER (PARTITION BY it.client_id ORDER BY it.i) AS occurrence,
           EXISTS (SELECT 1 FROM prev p WHERE p.client_id = it.client_id) AS stored_before
      FROM it JOIN dev d ON d.device_token_hash = it.token_hash
  ), fresh AS (
    SELECT * FROM cand WHERE occurrence = 1 AND NOT stored_before
  ), judged AS (
    SELECT f.*, s.near + b.near AS near, s.hour + b.hour AS hour
      FROM fresh f
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE abs(extract(epoch FROM (r.completed_at - f.completed_at))) < f.gap) AS near,
               count(*) FILTER (WHERE r.completed_at > f.completed_at - interval '1 hour' AND r.completed_at <= f.completed_at) AS hour
          FROM responses r
         WHERE r.source_id = f.device_id
           AND r.completed_at > f.completed_at - interval '1 hour' - make_interval(secs => f.gap)
           AND r.completed_at < f.completed_at + make_interval(secs => f.gap)) s
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE abs(extract(epoch FROM (e.completed_at - f.completed_at))) < f.gap) AS near,
               count(*) FILTER (WHERE e.completed_at > f.completed_at - interval '1 hour' AND e.completed_at <= f.completed_at) AS hour
          FROM fresh e WHERE e.device_id = f.device_id AND e.i < f.i) b
  ), verdict AS (
    SELECT j.*,
           array_remove(ARRAY[CASE WHEN j.clock_reason IS NOT NULL THEN 'clock' END,
                              CASE WHEN j.near > 0 THEN 'min_interval' END, CASE WHEN j.hour >= j.cap THEN 'hourly_cap' END], NULL) AS flags,
           nullif(concat_ws('; ', j.clock_reason,
             CASE WHEN j.near > 0 THEN format('another session of this device within %s s', j.gap) END,
             CASE WHEN j.hour >= j.cap THEN format('%s sessions of this device in the previous hour (cap %s)', j.hour, j.cap) END), '') AS reason
      FROM judged j
  ), ins AS (
    INSERT INTO responses AS r (client_id, campaign_id, form_id, unit_id, channel, source_id, answers, payload_hash,
                                review_state, review_reason, flags, partial, procedure_name, started_at, completed_at)
    SELECT v.client_id, v.campaign_id, v.form_id, v.device_unit, 'kiosk', v.device_id, v.answers, v.payload_hash,
           CASE WHEN cardinality(v.flags) > 0 THEN 'suspect' ELSE 'valid' END, v.reason, v.flags,
           v.partial, v.procedure_name, v.started_at, v.completed_at
      FROM verdict v ORDER BY v.i
    ON CONFLICT (client_id) DO NOTHING
    RETURNING r.client_id, r.id, r.unit_id, r.received_at, r.review_state, r.payload_hash
  )
  SELECT jsonb_agg(jsonb_build_object(
           'idx', it.i,
           'outcome', CASE WHEN c.device_id IS NULL THEN 'unauthorized'
                           WHEN s.id IS NOT NULL AND c.occurrence = 1 AND NOT c.stored_before THEN 'stored'
                           WHEN s.id IS NOT NULL OR p.id IS NOT NULL THEN 'existing' END,
           'id', coalesce(s.id, p.id), 'unit_id', coalesce(s.unit_id, p.unit_id), 'received_at', coalesce(s.received_at, p.received_at),
           'review_state', coalesce(s.review_state, p.review_state), 'payload_hash', coalesce(s.payload_hash, p.payload_hash)))
    INTO done
    FROM it
    LEFT JOIN cand c ON c.i = it.i
    LEFT JOIN ins s ON s.client_id = it.client_id
    LEFT JOIN prev p ON p.client_id = it.client_id;

  RETURN QUERY
    SELECT d.idx, d.outcome, d.id, d.unit_id, d.received_at, d.review_state, d.payload_hash
      FROM jsonb_to_recordset(done) AS d(idx int, outcome text, id uuid, unit_id int, received_at timestamptz, review_state text, payload_hash text)
     WHERE d.outcome IS NOT NULL AND d.outcome <> 'unauthorized'
    UNION ALL
    SELECT d.idx, d.outcome, NULL, NULL, NULL, NULL, NULL
      FROM jsonb_to_recordset(done) AS d(idx int, outcome text)
     WHERE d.outcome = 'unauthorized'
    UNION ALL
    SELECT d.idx, 'existing', r.id, r.unit_id, r.received_at, r.review_state, r.payload_hash
      FROM jsonb_to_recordset(done) AS d(idx int, outcome text, client uuid)
      JOIN jsonb_array_elements(items) WITH ORDINALITY AS x(v, n) ON x.n - 1 = d.idx
      JOIN responses r ON r.client_id = (x.v->>'clientId')::uuid
     WHERE d.outcome IS NULL;
END;
$$;
