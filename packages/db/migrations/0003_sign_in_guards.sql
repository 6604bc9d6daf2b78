CREATE TABLE "sign_in_backoffs" (
	"subject" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"next_allowed_at" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_known_addresses" (
	"mac" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_backoffs_last_failure_idx" ON "sign_in_backoffs" USING btree ("last_failure_at");--> statement-breakpoint
CREATE INDEX "sign_in_known_addresses_expires_idx" ON "sign_in_known_addresses" USING btree ("expires_at");