CREATE TABLE "webhook_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"webhook_timestamp" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	"outcome" text NOT NULL,
	"status_code" integer,
	"remote_address" text,
	"response_excerpt" text,
	CONSTRAINT "webhook_attempts_outcome_check" CHECK ("webhook_attempts"."outcome" in ('HTTP', 'TIMEOUT', 'DNS_FAILED', 'ADDRESS_NOT_ALLOWED', 'CONNECTION_FAILED', 'TLS_FAILED')),
	CONSTRAINT "webhook_attempts_status_code_check" CHECK (("webhook_attempts"."outcome" = 'HTTP') = ("webhook_attempts"."status_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_partner_id" uuid,
	"endpoint_partner_id" uuid,
	"is_test" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"window_starts_at" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_outcome" text,
	"last_status_code" integer,
	"last_duration_ms" integer,
	"delivered_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"redelivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_event_endpoint_uq" UNIQUE("event_id","endpoint_id"),
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
	CONSTRAINT "webhook_deliveries_scope_check" CHECK ("webhook_deliveries"."endpoint_partner_id" is null or "webhook_deliveries"."endpoint_partner_id" = "webhook_deliveries"."event_partner_id"),
	CONSTRAINT "webhook_deliveries_cancel_check" CHECK (("webhook_deliveries"."status" = 'CANCELLED') = ("webhook_deliveries"."cancel_reason" is not null) and ("webhook_deliveries"."cancel_reason" is null or "webhook_deliveries"."cancel_reason" in ('ENDPOINT_DISABLED', 'ENDPOINT_DELETED', 'MODULE_DISABLED'))),
	CONSTRAINT "webhook_deliveries_last_outcome_check" CHECK ("webhook_deliveries"."last_outcome" is null or "webhook_deliveries"."last_outcome" in ('HTTP', 'TIMEOUT', 'DNS_FAILED', 'ADDRESS_NOT_ALLOWED', 'CONNECTION_FAILED', 'TLS_FAILED'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid,
	"url" text NOT NULL,
	"event_types" text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp with time zone,
	"disabled_by_user_id" uuid,
	"secret_ciphertext" text NOT NULL,
	"secret_key_id" text NOT NULL,
	"previous_secret_ciphertext" text,
	"previous_secret_key_id" text,
	"previous_secret_expires_at" timestamp with time zone,
	"secret_rotated_at" timestamp with time zone,
	"failing_since" timestamp with time zone,
	"last_delivered_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "webhook_endpoints_status_check" CHECK ("webhook_endpoints"."status" in ('ENABLED', 'DISABLED', 'DELETED')),
	CONSTRAINT "webhook_endpoints_disabled_reason_check" CHECK (("webhook_endpoints"."status" = 'DISABLED') = ("webhook_endpoints"."disabled_reason" is not null) and ("webhook_endpoints"."disabled_reason" is null or "webhook_endpoints"."disabled_reason" in ('USER', 'FAILING'))),
	CONSTRAINT "webhook_endpoints_deleted_check" CHECK (("webhook_endpoints"."status" = 'DELETED') = ("webhook_endpoints"."deleted_at" is not null)),
	CONSTRAINT "webhook_endpoints_event_types_check" CHECK (cardinality("webhook_endpoints"."event_types") between 1 and 13),
	CONSTRAINT "webhook_endpoints_url_check" CHECK (char_length("webhook_endpoints"."url") between 1 and 2048),
	CONSTRAINT "webhook_endpoints_description_check" CHECK (char_length("webhook_endpoints"."description") <= 200)
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"partner_id" uuid,
	"entity_type" text,
	"entity_id" uuid,
	"entity_version" integer,
	"occurred_at" timestamp with time zone NOT NULL,
	"payload" text NOT NULL,
	"target_endpoint_id" uuid,
	"fanned_out_at" timestamp with time zone,
	CONSTRAINT "webhook_events_entity_check" CHECK (("webhook_events"."type" = 'webhook.test') = ("webhook_events"."entity_type" is null) and ("webhook_events"."entity_type" is null) = ("webhook_events"."entity_id" is null) and ("webhook_events"."entity_id" is null) = ("webhook_events"."entity_version" is null) and ("webhook_events"."entity_type" is null or "webhook_events"."entity_type" in ('preregistration', 'invitation', 'association'))),
	CONSTRAINT "webhook_events_target_check" CHECK (("webhook_events"."type" = 'webhook.test') = ("webhook_events"."target_endpoint_id" is not null) and ("webhook_events"."partner_id" is not null or "webhook_events"."type" = 'webhook.test')),
	CONSTRAINT "webhook_events_payload_size_check" CHECK (octet_length("webhook_events"."payload") <= 20480)
);
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "associations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_webhook_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."webhook_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_disabled_by_user_id_users_id_fk" FOREIGN KEY ("disabled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_target_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("target_endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id","number");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("run_after") WHERE "webhook_deliveries"."status" in ('PENDING', 'SENDING');--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_created_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_partner_created_idx" ON "webhook_endpoints" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_events_unfanned_idx" ON "webhook_events" USING btree ("occurred_at") WHERE "webhook_events"."fanned_out_at" is null;--> statement-breakpoint
CREATE INDEX "webhook_events_occurred_idx" ON "webhook_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "webhook_events_entity_idx" ON "webhook_events" USING btree ("entity_id");--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_version_check" CHECK ("associations"."version" >= 1);--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_version_check" CHECK ("invitations"."version" >= 1);--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('INVITATION_EMAIL', 'ASSOCIATION_SUCCESS_EMAIL', 'RENEWAL_REQUEST_EMAIL', 'EMAIL_CODE', 'INVITATION_REMINDER', 'WEBHOOK_ENDPOINT_DISABLED_EMAIL'));--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_external_ref_check" CHECK ("pre_registrations"."external_ref" is null or char_length("pre_registrations"."external_ref") between 1 and 64);--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_version_check" CHECK ("pre_registrations"."version" >= 1);--> statement-breakpoint
-- R123: every UPDATE of a pre-registration, invitation or association adds 1 to its version, in
-- the same statement, whoever writes it (a request, the dispatcher, the sweeper, a data step).
-- A trigger, not each writer, so no UPDATE can forget it; `returning version` reads the new one.
CREATE FUNCTION "entity_version_next"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "pre_registrations_version_next"
BEFORE UPDATE ON "pre_registrations"
FOR EACH ROW EXECUTE FUNCTION "entity_version_next"();
--> statement-breakpoint
CREATE TRIGGER "invitations_version_next"
BEFORE UPDATE ON "invitations"
FOR EACH ROW EXECUTE FUNCTION "entity_version_next"();
--> statement-breakpoint
CREATE TRIGGER "associations_version_next"
BEFORE UPDATE ON "associations"
FOR EACH ROW EXECUTE FUNCTION "entity_version_next"();
