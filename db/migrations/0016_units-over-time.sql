CREATE TABLE "provinces" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "provinces_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_event_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_event_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"from_unit_id" integer NOT NULL,
	"to_unit_id" integer
);
--> statement-breakpoint
CREATE TABLE "unit_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"basis" text NOT NULL,
	"import_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_events_kind_check" CHECK ("unit_events"."kind" in ('rename','merge','split','transfer','dissolve'))
);
--> statement-breakpoint
CREATE TABLE "unit_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"tier" text NOT NULL,
	"par_group" text NOT NULL,
	CONSTRAINT "unit_kinds_tier_check" CHECK ("unit_kinds"."tier" in ('province','district','commune'))
);
--> statement-breakpoint
CREATE TABLE "unit_versions" (
	"unit_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"name" text NOT NULL,
	"group" text NOT NULL,
	"parent_id" integer,
	"event_id" integer,
	CONSTRAINT "unit_versions_unit_id_valid_from_pk" PRIMARY KEY("unit_id","valid_from")
);
--> statement-breakpoint
ALTER TABLE "localities" DROP CONSTRAINT "localities_level_check";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_group_check";--> statement-breakpoint
INSERT INTO "unit_kinds" ("code", "name", "name_en", "tier", "par_group") VALUES
	('department', 'Sở, ban, ngành', 'department', 'province', 'department'),
	('public_service_unit', 'Đơn vị sự nghiệp công lập', 'public service unit', 'province', 'public_service_unit'),
	('central_agency', 'Cơ quan Trung ương đặt tại địa phương', 'central agency', 'province', 'central_agency'),
	('district', 'UBND cấp huyện', 'district', 'district', 'district'),
	('commune', 'UBND xã', 'commune', 'commune', 'commune'),
	('ward', 'UBND phường', 'ward', 'commune', 'commune'),
	('special_zone', 'UBND đặc khu', 'special zone', 'commune', 'commune')
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "provinces" ("code", "name") VALUES ('ST', 'Tỉnh Sóc Trăng') ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "province_id" integer;--> statement-breakpoint
UPDATE "units" SET "province_id" = (SELECT "id" FROM "provinces" WHERE "code" = 'ST');--> statement-breakpoint
ALTER TABLE "units" ALTER COLUMN "province_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "parent_id" integer;--> statement-breakpoint
ALTER TABLE "unit_event_links" ADD CONSTRAINT "unit_event_links_event_id_unit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."unit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_event_links" ADD CONSTRAINT "unit_event_links_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_event_links" ADD CONSTRAINT "unit_event_links_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_versions" ADD CONSTRAINT "unit_versions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_versions" ADD CONSTRAINT "unit_versions_group_unit_kinds_code_fk" FOREIGN KEY ("group") REFERENCES "public"."unit_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_versions" ADD CONSTRAINT "unit_versions_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_versions" ADD CONSTRAINT "unit_versions_event_id_unit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."unit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "provinces_code_key" ON "provinces" USING btree ("code");--> statement-breakpoint
CREATE INDEX "unit_event_links_from_idx" ON "unit_event_links" USING btree ("from_unit_id");--> statement-breakpoint
CREATE INDEX "unit_event_links_to_idx" ON "unit_event_links" USING btree ("to_unit_id");--> statement-breakpoint
CREATE INDEX "unit_events_import_idx" ON "unit_events" USING btree ("import_id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_group_unit_kinds_code_fk" FOREIGN KEY ("group") REFERENCES "public"."unit_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_province_id_provinces_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."provinces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "localities" ADD CONSTRAINT "localities_level_check" CHECK (("localities"."level" = 'commune' and "localities"."parent_id" is null) or "localities"."level" = 'hamlet');
--> statement-breakpoint
INSERT INTO "unit_versions" ("unit_id", "valid_from", "name", "group") SELECT "id", "valid_from", "name", "group" FROM "units";
