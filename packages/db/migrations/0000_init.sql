CREATE TABLE "access_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"principal_kind" text NOT NULL,
	"user_id" uuid,
	"customer_account_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"max_expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "access_tokens_token_hash_uq" UNIQUE("token_hash"),
	CONSTRAINT "access_tokens_principal_kind_check" CHECK ("access_tokens"."principal_kind" in ('user', 'customer')),
	CONSTRAINT "access_tokens_principal_check" CHECK (("access_tokens"."principal_kind" = 'user' and "access_tokens"."user_id" is not null and "access_tokens"."customer_account_id" is null)
        or ("access_tokens"."principal_kind" = 'customer' and "access_tokens"."customer_account_id" is not null and "access_tokens"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_account_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payer" text NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"invitation_id" uuid,
	"preregistration_id" uuid,
	"frozen_pending_budget" boolean DEFAULT false NOT NULL,
	"associated_at" timestamp with time zone,
	"budget_set_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "associations_type_check" CHECK ("associations"."type" in ('reseller', 'referral')),
	CONSTRAINT "associations_status_check" CHECK ("associations"."status" in ('ACTIVE', 'ENDED')),
	CONSTRAINT "associations_origin_check" CHECK ("associations"."origin" in ('EMAIL_INVITATION', 'IMPORTED')),
	CONSTRAINT "associations_payer_check" CHECK ("associations"."payer" in ('PARTNER', 'PLATFORM')),
	CONSTRAINT "associations_type_payer_check" CHECK (("associations"."type" = 'reseller' and "associations"."payer" = 'PARTNER')
        or ("associations"."type" = 'referral' and "associations"."payer" = 'PLATFORM'))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"partner_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_actor_type_check" CHECK ("audit_events"."actor_type" in ('partner_user', 'ecosystem_manager', 'customer', 'link_holder', 'system'))
);
--> statement-breakpoint
CREATE TABLE "customer_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"email_canonical" text NOT NULL,
	"mobile_e164" text,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"registered_via" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"is_partner" boolean DEFAULT false NOT NULL,
	"has_special_contract" boolean DEFAULT false NOT NULL,
	"has_cash_spend" boolean DEFAULT false NOT NULL,
	"has_unpaid_bills" boolean DEFAULT false NOT NULL,
	"has_professional_service_contract" boolean DEFAULT false NOT NULL,
	"has_valid_reserved_instances" boolean DEFAULT false NOT NULL,
	"is_enterprise_member" boolean DEFAULT false NOT NULL,
	"is_enterprise_master_with_members" boolean DEFAULT false NOT NULL,
	"frozen" boolean DEFAULT false NOT NULL,
	"frozen_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_accounts_email_canonical_uq" UNIQUE("email_canonical"),
	CONSTRAINT "customer_accounts_mobile_e164_uq" UNIQUE("mobile_e164"),
	CONSTRAINT "customer_accounts_registered_via_check" CHECK ("customer_accounts"."registered_via" in ('SELF', 'INVITATION', 'SEED')),
	CONSTRAINT "customer_accounts_frozen_reason_check" CHECK ("customer_accounts"."frozen_reason" in ('RESELLER_BUDGET_PENDING'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_pk" PRIMARY KEY("partner_id","user_id","key"),
	CONSTRAINT "idempotency_keys_response_check" CHECK (("idempotency_keys"."response_status" is null) = ("idempotency_keys"."response_body" is null))
);
--> statement-breakpoint
CREATE TABLE "invitation_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"association_type" text NOT NULL,
	"requested_count" integer NOT NULL,
	"queued_count" integer NOT NULL,
	"skipped_count" integer NOT NULL,
	"results" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invitation_batches_kind_check" CHECK ("invitation_batches"."kind" in ('INVITE', 'RESEND')),
	CONSTRAINT "invitation_batches_association_type_check" CHECK ("invitation_batches"."association_type" in ('reseller', 'referral'))
);
--> statement-breakpoint
CREATE TABLE "invitation_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invitation_tokens_token_hash_uq" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"preregistration_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"channel" text DEFAULT 'email' NOT NULL,
	"association_type" text NOT NULL,
	"recipient_email" text NOT NULL,
	"recipient_email_canonical" text NOT NULL,
	"locale" text NOT NULL,
	"status" text NOT NULL,
	"expires_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"failure_code" text,
	"supersedes_id" uuid,
	"superseded_by_id" uuid,
	"accepted_at" timestamp with time zone,
	"accepted_customer_account_id" uuid,
	"association_id" uuid,
	"failed_at" timestamp with time zone,
	"failed_customer_account_id" uuid,
	"renewal_requested_at" timestamp with time zone,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invitations_status_check" CHECK ("invitations"."status" in ('QUEUED', 'SENT', 'SEND_FAILED', 'ACCEPTED', 'ASSOCIATION_FAILED', 'EXPIRED', 'SUPERSEDED', 'REVOKED', 'FAILED_TO_SEND')),
	CONSTRAINT "invitations_channel_check" CHECK ("invitations"."channel" in ('email')),
	CONSTRAINT "invitations_association_type_check" CHECK ("invitations"."association_type" in ('reseller', 'referral')),
	CONSTRAINT "invitations_locale_check" CHECK ("invitations"."locale" in ('en', 'zh-CN'))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"aggregate_id" uuid NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_dedupe_key_uq" UNIQUE("dedupe_key"),
	CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('INVITATION_EMAIL', 'ASSOCIATION_SUCCESS_EMAIL', 'RENEWAL_REQUEST_EMAIL')),
	CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact_email" text,
	"contact_mobile" text,
	"default_locale" text DEFAULT 'en' NOT NULL,
	"customer_development_enabled" boolean DEFAULT false NOT NULL,
	"referral_model_enabled" boolean DEFAULT false NOT NULL,
	"is_prepaid" boolean DEFAULT false NOT NULL,
	"preregistration_quota" integer DEFAULT 100 NOT NULL,
	"daily_invite_cap" integer DEFAULT 500 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partners_default_locale_check" CHECK ("partners"."default_locale" in ('en', 'zh-CN')),
	CONSTRAINT "partners_preregistration_quota_check" CHECK ("partners"."preregistration_quota" between 0 and 10000),
	CONSTRAINT "partners_daily_invite_cap_check" CHECK ("partners"."daily_invite_cap" between 0 and 100000)
);
--> statement-breakpoint
CREATE TABLE "pre_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"source" text DEFAULT 'PARTNER_CENTER' NOT NULL,
	"customer_name" text NOT NULL,
	"email" text,
	"email_canonical" text,
	"mobile_e164" text,
	"locale" text NOT NULL,
	"customer_account_id" uuid,
	"status" text NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"review_reason" text,
	"review_deadline" timestamp with time zone,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"age_spend_waived" boolean DEFAULT false NOT NULL,
	"converted_at" timestamp with time zone,
	"association_id" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pre_registrations_status_check" CHECK ("pre_registrations"."status" in ('PENDING_REVIEW', 'PRE_REGISTERED', 'REJECTED', 'EXPIRED', 'CONVERTED', 'DELETED', 'NOT_PREREGISTERED')),
	CONSTRAINT "pre_registrations_source_check" CHECK ("pre_registrations"."source" in ('PARTNER_CENTER', 'IMPORTED')),
	CONSTRAINT "pre_registrations_locale_check" CHECK ("pre_registrations"."locale" in ('en', 'zh-CN')),
	CONSTRAINT "pre_registrations_contact_check" CHECK ("pre_registrations"."email_canonical" is not null or "pre_registrations"."mobile_e164" is not null)
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"bucket_key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_pk" PRIMARY KEY("bucket_key","window_start")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid,
	"email" text NOT NULL,
	"email_canonical" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_email_canonical_uq" UNIQUE("email_canonical"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'sales', 'account_manager', 'read_only', 'ecosystem_manager')),
	CONSTRAINT "users_locale_check" CHECK ("users"."locale" in ('en', 'zh-CN')),
	CONSTRAINT "users_status_check" CHECK ("users"."status" in ('ACTIVE', 'DISABLED')),
	CONSTRAINT "users_partner_role_check" CHECK (("users"."role" = 'ecosystem_manager') = ("users"."partner_id" is null))
);
--> statement-breakpoint
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_preregistration_id_pre_registrations_id_fk" FOREIGN KEY ("preregistration_id") REFERENCES "public"."pre_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_batches" ADD CONSTRAINT "invitation_batches_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_tokens" ADD CONSTRAINT "invitation_tokens_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_preregistration_id_pre_registrations_id_fk" FOREIGN KEY ("preregistration_id") REFERENCES "public"."pre_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_batch_id_invitation_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."invitation_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_supersedes_id_invitations_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("accepted_customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_failed_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("failed_customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_deleted_by_user_id_users_id_fk" FOREIGN KEY ("deleted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_tokens_user_idx" ON "access_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "access_tokens_customer_account_idx" ON "access_tokens" USING btree ("customer_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "associations_one_active_per_customer_uq" ON "associations" USING btree ("customer_account_id") WHERE "associations"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "associations_partner_created_idx" ON "associations" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_partner_occurred_idx" ON "audit_events" USING btree ("partner_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_expires_idx" ON "idempotency_keys" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "invitation_batches_partner_created_idx" ON "invitation_batches" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "invitation_tokens_invitation_idx" ON "invitation_tokens" USING btree ("invitation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_live_per_preregistration_uq" ON "invitations" USING btree ("preregistration_id") WHERE "invitations"."status" in ('QUEUED', 'SENT', 'SEND_FAILED');--> statement-breakpoint
CREATE INDEX "invitations_partner_created_idx" ON "invitations" USING btree ("partner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invitations_recipient_created_idx" ON "invitations" USING btree ("recipient_email_canonical","created_at");--> statement-breakpoint
CREATE INDEX "invitations_preregistration_created_idx" ON "invitations" USING btree ("preregistration_id","created_at");--> statement-breakpoint
CREATE INDEX "invitations_batch_idx" ON "invitations" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "invitations_live_expires_idx" ON "invitations" USING btree ("expires_at") WHERE "invitations"."status" in ('QUEUED', 'SENT', 'SEND_FAILED');--> statement-breakpoint
CREATE INDEX "outbox_status_run_after_idx" ON "outbox" USING btree ("status","run_after");--> statement-breakpoint
CREATE INDEX "outbox_aggregate_idx" ON "outbox" USING btree ("aggregate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pre_registrations_holding_email_uq" ON "pre_registrations" USING btree ("email_canonical") WHERE "pre_registrations"."status" in ('PENDING_REVIEW', 'PRE_REGISTERED');--> statement-breakpoint
CREATE UNIQUE INDEX "pre_registrations_holding_mobile_uq" ON "pre_registrations" USING btree ("mobile_e164") WHERE "pre_registrations"."status" in ('PENDING_REVIEW', 'PRE_REGISTERED');--> statement-breakpoint
CREATE UNIQUE INDEX "pre_registrations_holding_account_uq" ON "pre_registrations" USING btree ("customer_account_id") WHERE "pre_registrations"."status" in ('PENDING_REVIEW', 'PRE_REGISTERED');--> statement-breakpoint
CREATE INDEX "pre_registrations_partner_created_idx" ON "pre_registrations" USING btree ("partner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "pre_registrations_partner_status_idx" ON "pre_registrations" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "pre_registrations_customer_account_idx" ON "pre_registrations" USING btree ("customer_account_id");--> statement-breakpoint
CREATE INDEX "rate_limit_counters_window_idx" ON "rate_limit_counters" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "users_partner_idx" ON "users" USING btree ("partner_id");