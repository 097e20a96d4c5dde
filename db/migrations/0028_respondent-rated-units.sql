CREATE TABLE "respondent_units" (
	"respondent_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "respondent_units_respondent_id_unit_id_pk" PRIMARY KEY("respondent_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "respondent_units" ADD CONSTRAINT "respondent_units_respondent_id_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."respondents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondent_units" ADD CONSTRAINT "respondent_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "respondent_units_position_key" ON "respondent_units" USING btree ("respondent_id","position");--> statement-breakpoint
CREATE INDEX "respondent_units_unit_idx" ON "respondent_units" USING btree ("unit_id");--> statement-breakpoint
-- Backfill: every existing respondent rates its own unit.
INSERT INTO "respondent_units" ("respondent_id", "unit_id", "position")
SELECT "id", "unit_id", 0 FROM "respondents"
ON CONFLICT DO NOTHING;
