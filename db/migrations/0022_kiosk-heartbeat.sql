CREATE TABLE "kiosk_parked_items" (
	"device_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"code" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"parked_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'parked' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "kiosk_parked_items_device_id_client_id_pk" PRIMARY KEY("device_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD COLUMN "last_heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD COLUMN "queue_length" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD COLUMN "previous_queue_length" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD COLUMN "queue_waiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD COLUMN "parked_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD COLUMN "last_error_code" text;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD COLUMN "last_error_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kiosk_devices" ADD COLUMN "clock_skew_seconds" integer;--> statement-breakpoint
ALTER TABLE "kiosk_parked_items" ADD CONSTRAINT "kiosk_parked_items_device_id_kiosk_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."kiosk_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_parked_items" ADD CONSTRAINT "kiosk_parked_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;