-- One definition of the per-unit × group response-rate aggregate (docs/0020-response-rate-counts.md):
-- rows of invitation_counts in, one summed row per (campaign, unit, group) out, keys whose counts
-- are all zero dropped. invitation_counts_compact() folds its delta rows through it, and a backfill
-- passes one row per invitation (invited 1, each other count 0 or 1) through it.
CREATE OR REPLACE FUNCTION invitation_counts_sum(deltas invitation_counts[]) RETURNS SETOF invitation_counts
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT * FROM (
    SELECT campaign_id, unit_id, respondent_group, sum(invited)::int AS invited, sum(delivered)::int AS delivered,
      sum(bounced)::int AS bounced, sum(failed)::int AS failed, sum(opened)::int AS opened, sum(started)::int AS started,
      sum(completed)::int AS completed
    FROM unnest(deltas) GROUP BY 1, 2, 3
  ) t WHERE (invited, delivered, bounced, failed, opened, started, completed) <> (0, 0, 0, 0, 0, 0, 0)
$$;
--> statement-breakpoint
-- As in 0030, with the aggregate taken from invitation_counts_sum(); the day counts are unchanged.
CREATE OR REPLACE FUNCTION invitation_counts_compact() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  a integer;
  b integer;
BEGIN
  WITH k AS (
    SELECT campaign_id, unit_id, respondent_group FROM invitation_counts GROUP BY 1, 2, 3 HAVING count(*) > 1
  ), d AS (
    DELETE FROM invitation_counts c USING k
     WHERE c.campaign_id = k.campaign_id AND c.unit_id = k.unit_id AND c.respondent_group = k.respondent_group
    RETURNING c.*
  ), s AS (
    INSERT INTO invitation_counts
    SELECT * FROM invitation_counts_sum(ARRAY(SELECT d::invitation_counts FROM d))
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM d) - (SELECT count(*) FROM s) INTO a;
  WITH k AS (
    SELECT campaign_id, day FROM invitation_day_counts GROUP BY 1, 2 HAVING count(*) > 1
  ), d AS (
    DELETE FROM invitation_day_counts c USING k WHERE c.campaign_id = k.campaign_id AND c.day = k.day
    RETURNING c.*
  ), s AS (
    INSERT INTO invitation_day_counts (campaign_id, day, sent, opened, completed)
    SELECT * FROM (
      SELECT campaign_id, day, sum(sent)::int AS sent, sum(opened)::int AS opened, sum(completed)::int AS completed
      FROM d GROUP BY 1, 2
    ) t WHERE (sent, opened, completed) <> (0, 0, 0)
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM d) - (SELECT count(*) FROM s) INTO b;
  RETURN a + b;
END;
$$;
