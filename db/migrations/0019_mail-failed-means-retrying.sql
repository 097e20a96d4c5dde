-- Until now 'failed' meant "will be retried"; it now means "gave up after the retry window" and
-- retries wait in 'retrying'. Rows written before keep being retried, and old claims get a lease.
UPDATE "mail_deliveries" SET "status" = 'retrying', "failing_since" = coalesce("claimed_at", "created_at"), "next_attempt_at" = now() WHERE "status" = 'failed';--> statement-breakpoint
UPDATE "mail_deliveries" SET "lease_until" = "claimed_at" + interval '20 seconds' WHERE "status" = 'sending';
