CREATE TABLE "invitation_counts" (
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"respondent_group" text NOT NULL,
	"invited" integer NOT NULL,
	"delivered" integer NOT NULL,
	"bounced" integer NOT NULL,
	"failed" integer NOT NULL,
	"opened" integer NOT NULL,
	"started" integer NOT NULL,
	"completed" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitation_day_counts" (
	"campaign_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sent" integer NOT NULL,
	"opened" integer NOT NULL,
	"completed" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "invitation_counts_key_idx" ON "invitation_counts" USING btree ("campaign_id","unit_id","respondent_group");--> statement-breakpoint
CREATE INDEX "invitation_day_counts_key_idx" ON "invitation_day_counts" USING btree ("campaign_id","day");--> statement-breakpoint
-- Response-rate counts kept by triggers (docs/0020-response-rate-counts.md). Writers append signed
-- delta rows (+1 for a row entering a count, -1 for one leaving it) and never update a shared row;
-- invitation_counts_compact() (the worker's fold job) sums each key's rows into one.
CREATE OR REPLACE FUNCTION invitation_count_day(ts timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ((ts AT TIME ZONE 'UTC') + interval '7 hours')::date $$;
--> statement-breakpoint
-- Inserts and deletes (a send creates thousands of invitations in a few statements): one function,
-- its statements built per call.
CREATE OR REPLACE FUNCTION invitations_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    ELSE 'SELECT o.*, -1 AS sign FROM old_rows o' END;
BEGIN
  -- A respondent deleted with its invitations (or a campaign with both) is no longer visible here:
  -- respondents_count_delete() counted it out, and a deleted campaign's counts go with it.
  EXECUTE format($q$
    INSERT INTO invitation_counts (campaign_id, unit_id, respondent_group, invited, delivered, bounced, failed, opened, started, completed)
    SELECT * FROM (
      SELECT d.campaign_id, r.unit_id, r.respondent_group,
        sum(d.sign)::int AS invited,
        coalesce(sum(d.sign) FILTER (WHERE d.delivered_at IS NOT NULL), 0)::int AS delivered,
        coalesce(sum(d.sign) FILTER (WHERE d.bounced_at IS NOT NULL), 0)::int AS bounced,
        coalesce(sum(d.sign) FILTER (WHERE d.mail_failed_at IS NOT NULL AND d.delivered_at IS NULL AND d.bounced_at IS NULL), 0)::int AS failed,
        coalesce(sum(d.sign) FILTER (WHERE d.opened_at IS NOT NULL), 0)::int AS opened,
        coalesce(sum(d.sign) FILTER (WHERE d.started_at IS NOT NULL), 0)::int AS started,
        coalesce(sum(d.sign) FILTER (WHERE d.completed_at IS NOT NULL), 0)::int AS completed
      FROM (%1$s) d JOIN respondents r ON r.id = d.respondent_id
      GROUP BY 1, 2, 3
    ) s WHERE (invited, delivered, bounced, failed, opened, started, completed) <> (0, 0, 0, 0, 0, 0, 0)$q$, src);
  EXECUTE format($q$
    INSERT INTO invitation_day_counts (campaign_id, day, sent, opened, completed)
    SELECT * FROM (
      SELECT x.campaign_id, x.day, sum(x.s)::int AS sent, sum(x.o)::int AS opened, sum(x.c)::int AS completed FROM (
        SELECT d.campaign_id, invitation_count_day(d.sent_at) AS day, d.sign AS s, 0 AS o, 0 AS c FROM (%1$s) d WHERE d.sent_at IS NOT NULL
        UNION ALL SELECT d.campaign_id, invitation_count_day(d.opened_at), 0, d.sign, 0 FROM (%1$s) d WHERE d.opened_at IS NOT NULL
        UNION ALL SELECT d.campaign_id, invitation_count_day(d.completed_at), 0, 0, d.sign FROM (%1$s) d WHERE d.completed_at IS NOT NULL
      ) x WHERE EXISTS (SELECT 1 FROM campaigns c WHERE c.id = x.campaign_id)
      GROUP BY 1, 2
    ) s WHERE (sent, opened, completed) <> (0, 0, 0)$q$, src);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Updates (one per mail outcome, open, answer): static statements, planned once per session.
CREATE OR REPLACE FUNCTION invitations_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates (drafts, reminder counts) change no count: leave at once.
  IF NOT EXISTS (
    SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE (n.campaign_id, n.respondent_id, n.sent_at IS NULL, n.delivered_at IS NULL, n.bounced_at IS NULL,
            n.mail_failed_at IS NULL, n.opened_at IS NULL, n.started_at IS NULL, n.completed_at IS NULL,
            invitation_count_day(n.sent_at), invitation_count_day(n.opened_at), invitation_count_day(n.completed_at))
        IS DISTINCT FROM
           (o.campaign_id, o.respondent_id, o.sent_at IS NULL, o.delivered_at IS NULL, o.bounced_at IS NULL,
            o.mail_failed_at IS NULL, o.opened_at IS NULL, o.started_at IS NULL, o.completed_at IS NULL,
            invitation_count_day(o.sent_at), invitation_count_day(o.opened_at), invitation_count_day(o.completed_at))
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO invitation_counts (campaign_id, unit_id, respondent_group, invited, delivered, bounced, failed, opened, started, completed)
  SELECT * FROM (
    SELECT d.campaign_id, r.unit_id, r.respondent_group,
      sum(d.sign)::int AS invited,
      coalesce(sum(d.sign) FILTER (WHERE d.delivered_at IS NOT NULL), 0)::int AS delivered,
      coalesce(sum(d.sign) FILTER (WHERE d.bounced_at IS NOT NULL), 0)::int AS bounced,
      coalesce(sum(d.sign) FILTER (WHERE d.mail_failed_at IS NOT NULL AND d.delivered_at IS NULL AND d.bounced_at IS NULL), 0)::int AS failed,
      coalesce(sum(d.sign) FILTER (WHERE d.opened_at IS NOT NULL), 0)::int AS opened,
      coalesce(sum(d.sign) FILTER (WHERE d.started_at IS NOT NULL), 0)::int AS started,
      coalesce(sum(d.sign) FILTER (WHERE d.completed_at IS NOT NULL), 0)::int AS completed
    FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o) d
    JOIN respondents r ON r.id = d.respondent_id
    GROUP BY 1, 2, 3
  ) s WHERE (invited, delivered, bounced, failed, opened, started, completed) <> (0, 0, 0, 0, 0, 0, 0);
  INSERT INTO invitation_day_counts (campaign_id, day, sent, opened, completed)
  SELECT * FROM (
    SELECT x.campaign_id, x.day, sum(x.s)::int AS sent, sum(x.o)::int AS opened, sum(x.c)::int AS completed FROM (
      SELECT d.campaign_id, invitation_count_day(d.sent_at) AS day, d.sign AS s, 0 AS o, 0 AS c FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o) d WHERE d.sent_at IS NOT NULL
      UNION ALL SELECT d.campaign_id, invitation_count_day(d.opened_at), 0, d.sign, 0 FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o) d WHERE d.opened_at IS NOT NULL
      UNION ALL SELECT d.campaign_id, invitation_count_day(d.completed_at), 0, 0, d.sign FROM (SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 FROM old_rows o) d WHERE d.completed_at IS NOT NULL
    ) x GROUP BY 1, 2
  ) s WHERE (sent, opened, completed) <> (0, 0, 0);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER invitations_count_insert AFTER INSERT ON invitations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invitations_count();
--> statement-breakpoint
CREATE TRIGGER invitations_count_update AFTER UPDATE ON invitations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invitations_count_update();
--> statement-breakpoint
CREATE TRIGGER invitations_count_delete AFTER DELETE ON invitations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION invitations_count();
--> statement-breakpoint
-- A respondent moved to another unit or group takes its invitation's counts along.
CREATE OR REPLACE FUNCTION respondents_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO invitation_counts (campaign_id, unit_id, respondent_group, invited, delivered, bounced, failed, opened, started, completed)
  SELECT * FROM (
    SELECT i.campaign_id, m.unit_id, m.respondent_group,
      sum(m.sign)::int AS invited,
      coalesce(sum(m.sign) FILTER (WHERE i.delivered_at IS NOT NULL), 0)::int AS delivered,
      coalesce(sum(m.sign) FILTER (WHERE i.bounced_at IS NOT NULL), 0)::int AS bounced,
      coalesce(sum(m.sign) FILTER (WHERE i.mail_failed_at IS NOT NULL AND i.delivered_at IS NULL AND i.bounced_at IS NULL), 0)::int AS failed,
      coalesce(sum(m.sign) FILTER (WHERE i.opened_at IS NOT NULL), 0)::int AS opened,
      coalesce(sum(m.sign) FILTER (WHERE i.started_at IS NOT NULL), 0)::int AS started,
      coalesce(sum(m.sign) FILTER (WHERE i.completed_at IS NOT NULL), 0)::int AS completed
    FROM (
      SELECT n.id, n.unit_id, n.respondent_group, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.unit_id, n.respondent_group) IS DISTINCT FROM (o.unit_id, o.respondent_group)
      UNION ALL
      SELECT o.id, o.unit_id, o.respondent_group, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.unit_id, n.respondent_group) IS DISTINCT FROM (o.unit_id, o.respondent_group)
    ) m JOIN invitations i ON i.respondent_id = m.id
    GROUP BY 1, 2, 3
  ) s WHERE (invited, delivered, bounced, failed, opened, started, completed) <> (0, 0, 0, 0, 0, 0, 0);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER respondents_count_move AFTER UPDATE ON respondents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION respondents_count_move();
--> statement-breakpoint
-- Deleting a respondent deletes its invitation (cascade), whose trigger no longer sees the
-- respondent's unit: count it out here, while both rows are still there. Not when the whole
-- campaign is being deleted (its counts go with it).
CREATE OR REPLACE FUNCTION respondents_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO invitation_counts (campaign_id, unit_id, respondent_group, invited, delivered, bounced, failed, opened, started, completed)
  SELECT i.campaign_id, OLD.unit_id, OLD.respondent_group, -1,
    -(i.delivered_at IS NOT NULL)::int, -(i.bounced_at IS NOT NULL)::int,
    -(i.mail_failed_at IS NOT NULL AND i.delivered_at IS NULL AND i.bounced_at IS NULL)::int,
    -(i.opened_at IS NOT NULL)::int, -(i.started_at IS NOT NULL)::int, -(i.completed_at IS NOT NULL)::int
  FROM invitations i WHERE i.respondent_id = OLD.id AND EXISTS (SELECT 1 FROM campaigns c WHERE c.id = i.campaign_id);
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER respondents_count_delete BEFORE DELETE ON respondents
  FOR EACH ROW EXECUTE FUNCTION respondents_count_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION campaigns_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM invitation_counts WHERE campaign_id IN (SELECT id FROM old_rows);
  DELETE FROM invitation_day_counts WHERE campaign_id IN (SELECT id FROM old_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER campaigns_count_delete AFTER DELETE ON campaigns REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION campaigns_count_delete();
--> statement-breakpoint
-- Sums each key's delta rows into one (dropping keys whose counts are all zero); returns the number
-- of rows removed. Rows appended meanwhile are not visible to the DELETE and stay as deltas, and a
-- second compaction running at once only sums the rows it deleted itself, so counts stay exact.
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
    INSERT INTO invitation_counts (campaign_id, unit_id, respondent_group, invited, delivered, bounced, failed, opened, started, completed)
    SELECT * FROM (
      SELECT campaign_id, unit_id, respondent_group, sum(invited)::int AS invited, sum(delivered)::int AS delivered,
        sum(bounced)::int AS bounced, sum(failed)::int AS failed, sum(opened)::int AS opened, sum(started)::int AS started,
        sum(completed)::int AS completed
      FROM d GROUP BY 1, 2, 3
    ) t WHERE (invited, delivered, bounced, failed, opened, started, completed) <> (0, 0, 0, 0, 0, 0, 0)
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
--> statement-breakpoint
INSERT INTO invitation_counts (campaign_id, unit_id, respondent_group, invited, delivered, bounced, failed, opened, started, completed)
SELECT i.campaign_id, r.unit_id, r.respondent_group, count(*), count(i.delivered_at), count(i.bounced_at),
  count(*) FILTER (WHERE i.mail_failed_at IS NOT NULL AND i.delivered_at IS NULL AND i.bounced_at IS NULL),
  count(i.opened_at), count(i.started_at), count(i.completed_at)
FROM invitations i JOIN respondents r ON r.id = i.respondent_id
GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO invitation_day_counts (campaign_id, day, sent, opened, completed)
SELECT campaign_id, day, sum(s), sum(o), sum(c) FROM (
  SELECT campaign_id, invitation_count_day(sent_at) AS day, 1 AS s, 0 AS o, 0 AS c FROM invitations WHERE sent_at IS NOT NULL
  UNION ALL SELECT campaign_id, invitation_count_day(opened_at), 0, 1, 0 FROM invitations WHERE opened_at IS NOT NULL
  UNION ALL SELECT campaign_id, invitation_count_day(completed_at), 0, 0, 1 FROM invitations WHERE completed_at IS NOT NULL
) x GROUP BY 1, 2;
