CREATE TABLE "response_state_counts" (
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"review_state" text NOT NULL,
	"channel" text NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "response_state_counts_key_idx" ON "response_state_counts" USING btree ("campaign_id","unit_id","day","review_state","channel");--> statement-breakpoint
CREATE INDEX "responses_suspect_recent_idx" ON "responses" USING btree ("campaign_id",coalesce("completed_at", "received_at") desc,"id" desc) WHERE "responses"."review_state" = 'suspect';
--> statement-breakpoint
-- Review-state counts kept by triggers (docs/0030-review-state-counts.md): every response not in
-- state valid counts +1 under its campaign × unit × Vietnam day (response_tally_day, the day the
-- tallies and the campaign window use) × state × channel. Writers append signed delta rows and never
-- update a shared row; the rewrite of responses_shuffle_staff (hailong.row_move) changes no count.
CREATE OR REPLACE FUNCTION responses_state_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hailong.row_move', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO response_state_counts (campaign_id, unit_id, day, review_state, channel, n)
    SELECT campaign_id, unit_id, response_tally_day(completed_at, received_at), review_state, channel, count(*)::int
      FROM new_rows WHERE review_state <> 'valid' GROUP BY 1, 2, 3, 4, 5;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO response_state_counts (campaign_id, unit_id, day, review_state, channel, n)
    SELECT campaign_id, unit_id, response_tally_day(completed_at, received_at), review_state, channel, -count(*)::int
      FROM old_rows WHERE review_state <> 'valid' GROUP BY 1, 2, 3, 4, 5;
  ELSE
    INSERT INTO response_state_counts (campaign_id, unit_id, day, review_state, channel, n)
    SELECT campaign_id, unit_id, day, review_state, channel, sum(sign)::int FROM (
      SELECT campaign_id, unit_id, response_tally_day(completed_at, received_at) AS day, review_state, channel, -1 AS sign
        FROM old_rows WHERE review_state <> 'valid'
      UNION ALL
      SELECT campaign_id, unit_id, response_tally_day(completed_at, received_at), review_state, channel, 1
        FROM new_rows WHERE review_state <> 'valid'
    ) d GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER responses_state_count_insert AFTER INSERT ON responses REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION responses_state_count();
--> statement-breakpoint
CREATE TRIGGER responses_state_count_update AFTER UPDATE ON responses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION responses_state_count();
--> statement-breakpoint
CREATE TRIGGER responses_state_count_delete AFTER DELETE ON responses REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION responses_state_count();
--> statement-breakpoint
-- Sums each key's delta rows into one, dropping keys that sum to zero; returns the number of rows
-- removed. As invitation_counts_compact() (0030): rows appended meanwhile are not visible to the
-- DELETE and stay as deltas, and a compaction running at once only sums the rows it deleted itself.
CREATE OR REPLACE FUNCTION response_state_counts_compact() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE removed integer;
BEGIN
  WITH k AS (
    SELECT campaign_id, unit_id, day, review_state, channel FROM response_state_counts
     GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1 OR sum(n) = 0
  ), d AS (
    DELETE FROM response_state_counts c USING k
     WHERE (c.campaign_id, c.unit_id, c.day, c.review_state, c.channel) = (k.campaign_id, k.unit_id, k.day, k.review_state, k.channel)
    RETURNING c.*
  ), s AS (
    INSERT INTO response_state_counts (campaign_id, unit_id, day, review_state, channel, n)
    SELECT campaign_id, unit_id, day, review_state, channel, sum(n)::int FROM d GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM d) - (SELECT count(*) FROM s) INTO removed;
  RETURN removed;
END;
$$;
--> statement-breakpoint
INSERT INTO response_state_counts (campaign_id, unit_id, day, review_state, channel, n)
SELECT campaign_id, unit_id, response_tally_day(completed_at, received_at), review_state, channel, count(*)::int
  FROM responses WHERE review_state <> 'valid' GROUP BY 1, 2, 3, 4, 5;
