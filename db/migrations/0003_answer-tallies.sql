CREATE TABLE "answer_tallies" (
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"day" date NOT NULL,
	"question_id" text NOT NULL,
	"answer" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "answer_tallies_campaign_id_unit_id_form_id_day_question_id_answer_pk" PRIMARY KEY("campaign_id","unit_id","form_id","day","question_id","answer")
);
--> statement-breakpoint
CREATE TABLE "form_tallies" (
	"campaign_id" uuid NOT NULL,
	"unit_id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"day" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "form_tallies_campaign_id_unit_id_form_id_day_pk" PRIMARY KEY("campaign_id","unit_id","form_id","day")
);
