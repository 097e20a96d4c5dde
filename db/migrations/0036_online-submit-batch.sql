-- The online form 02 in one database call per batch of forms (issue 16; docs/0026-online-submit-path.md).
-- Until now a form was a transaction of seven round trips (BEGIN, two advisory locks, two counts,
-- insert, COMMIT) after a unit lookup; `online_submit_batch` judges and stores the forms the API
-- received meanwhile in one statement, each by the rules it had (docs/0009-abuse-limits.md), in order:
--   * a unit that requires a dossier number or a rating code refuses a form without one
--     ('code_required', nothing stored);
--   * a client id already stored is answered with the stored row ('existing'; the API compares the
--     payload hash: replay 200 or conflict 409), before any count, so a replay never flags anyone;
--   * the hour's online responses of the unit and of the address are counted, stopping at the limit
--     (partial indexes of migration 0034); a form that crosses a limit is stored 'suspect' and flags
--     the never-flagged valid responses of its burst (earlier forms of the batch included);
--   * insert … ON CONFLICT (client_id) DO NOTHING; a row another transaction stored meanwhile under
--     the same client id is returned as 'existing'.
-- The advisory locks of every unit and address of the batch (the keys the API took before) are taken
-- first, in the order of their keys, so concurrent batches count one after the other and never
-- deadlock on them. A rating code is consumed by the API in the same transaction, before a batch of one.
CREATE OR REPLACE FUNCTION online_submit_batch(items jsonb)
RETURNS TABLE (idx int, outcome text, id uuid, received_at timestamptz, review_state text, payload_hash text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  s record;
  v_unit_over boolean;
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
    SELECT count(*) >= s.unit_limit INTO v_unit_over FROM (
      SELECT 1 FROM responses r
       WHERE r.campaign_id = s.campaign_id AND r.channel = 'online' AND r.received_at > now() - interval '1 hour'
         AND r.unit_id = s.unit_id
       LIMIT s.unit_limit) recent;
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
