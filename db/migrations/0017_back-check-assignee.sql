ALTER TABLE "back_checks" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "back_checks" ADD CONSTRAINT "back_checks_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "back_checks_assigned_idx" ON "back_checks" USING btree ("assigned_to");