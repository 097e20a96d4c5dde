CREATE TABLE "par_methods" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"method" jsonb NOT NULL,
	"basis" text NOT NULL,
	"copied_from_year" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "par_methods_year_version_pk" PRIMARY KEY("year","version"),
	CONSTRAINT "par_methods_version_check" CHECK ("par_methods"."version" >= 1),
	CONSTRAINT "par_methods_basis_check" CHECK ("par_methods"."basis" in ('seed','copy','edit'))
);
--> statement-breakpoint
ALTER TABLE "par_methods" ADD CONSTRAINT "par_methods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;