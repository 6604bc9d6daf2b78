CREATE TABLE "data_steps" (
	"name" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"report" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD CONSTRAINT "customer_accounts_merged_into_id_customer_accounts_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_merged_into_id_users_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_accounts_merged_into_idx" ON "customer_accounts" USING btree ("merged_into_id") WHERE "customer_accounts"."merged_into_id" is not null;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_closed_reason_check" CHECK ("pre_registrations"."closed_reason" in ('IDENTITY_MERGED'));