CREATE TABLE "tally_pending" (
	"response_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "responses_source_completed_idx" ON "responses" USING btree ("source_id","completed_at") WHERE "responses"."source_id" is not null;