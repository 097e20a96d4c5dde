CREATE TABLE "campaign_locality_quotas" (
	"campaign_id" uuid NOT NULL,
	"locality_id" integer NOT NULL,
	"quota" integer DEFAULT 27 NOT NULL,
	CONSTRAINT "campaign_locality_quotas_campaign_id_locality_id_pk" PRIMARY KEY("campaign_id","locality_id"),
	CONSTRAINT "campaign_locality_quotas_quota_check" CHECK ("campaign_locality_quotas"."quota" >= 0)
);
--> statement-breakpoint
DROP INDEX "localities_parent_name_key";--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD COLUMN "dossiers" integer;--> statement-breakpoint
ALTER TABLE "campaign_locality_quotas" ADD CONSTRAINT "campaign_locality_quotas_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_locality_quotas" ADD CONSTRAINT "campaign_locality_quotas_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_locality_quotas_locality_idx" ON "campaign_locality_quotas" USING btree ("locality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "localities_unit_parent_name_key" ON "localities" USING btree ("unit_id",coalesce("parent_id", 0),"name");--> statement-breakpoint
CREATE INDEX "localities_parent_idx" ON "localities" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "localities" ADD CONSTRAINT "localities_level_check" CHECK (("localities"."level" = 'commune' and "localities"."parent_id" is null) or ("localities"."level" = 'hamlet' and "localities"."parent_id" is not null));