CREATE TABLE "invitation_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"owner_user_id" uuid,
	"tag" text NOT NULL,
	"tag_key" text NOT NULL,
	"association_type" text NOT NULL,
	"expires_at" timestamp with time zone,
	"status" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_ciphertext" text NOT NULL,
	"key_id" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"disabled_at" timestamp with time zone,
	"disabled_by_user_id" uuid,
	"reset_at" timestamp with time zone,
	"replaced_by_id" uuid,
	"registration_count" integer DEFAULT 0 NOT NULL,
	"association_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invitation_links_code_hash_uq" UNIQUE("code_hash"),
	CONSTRAINT "invitation_links_kind_check" CHECK ("invitation_links"."kind" in ('GENERAL', 'CUSTOM')),
	CONSTRAINT "invitation_links_status_check" CHECK ("invitation_links"."status" in ('ACTIVE', 'DISABLED', 'EXPIRED', 'RESET')),
	CONSTRAINT "invitation_links_association_type_check" CHECK ("invitation_links"."association_type" in ('reseller', 'referral')),
	CONSTRAINT "invitation_links_owner_check" CHECK (("invitation_links"."kind" = 'GENERAL') = ("invitation_links"."owner_user_id" is not null)),
	CONSTRAINT "invitation_links_counts_check" CHECK ("invitation_links"."registration_count" >= 0 and "invitation_links"."association_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pending_link_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"link_id" uuid NOT NULL,
	"customer_account_id" uuid,
	"email_canonical" text NOT NULL,
	"display_name" text,
	"mobile_e164" text,
	"password_hash" text,
	"locale" text NOT NULL,
	"code_hash" text,
	"code_issued_at" timestamp with time zone,
	"tries" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pending_link_registrations_purpose_check" CHECK ("pending_link_registrations"."purpose" in ('REGISTER', 'VERIFY')),
	CONSTRAINT "pending_link_registrations_status_check" CHECK ("pending_link_registrations"."status" in ('PENDING', 'CONFIRMED', 'VOID')),
	CONSTRAINT "pending_link_registrations_locale_check" CHECK ("pending_link_registrations"."locale" in ('en', 'zh-CN')),
	CONSTRAINT "pending_link_registrations_tries_check" CHECK ("pending_link_registrations"."tries" between 0 and 5),
	CONSTRAINT "pending_link_registrations_purpose_fields_check" CHECK (("pending_link_registrations"."purpose" = 'REGISTER' and "pending_link_registrations"."password_hash" is not null and "pending_link_registrations"."display_name" is not null and "pending_link_registrations"."customer_account_id" is null)
        or ("pending_link_registrations"."purpose" = 'VERIFY' and "pending_link_registrations"."customer_account_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "associations" DROP CONSTRAINT "associations_origin_check";--> statement-breakpoint
ALTER TABLE "customer_accounts" DROP CONSTRAINT "customer_accounts_registered_via_check";--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_channel_check";--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "pre_registrations" DROP CONSTRAINT "pre_registrations_source_check";--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "preregistration_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "batch_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "message_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitation_tokens" ADD COLUMN "purpose" text DEFAULT 'SEND' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "link_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "link_tag" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD COLUMN "converted_via" text;--> statement-breakpoint
ALTER TABLE "invitation_links" ADD CONSTRAINT "invitation_links_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_links" ADD CONSTRAINT "invitation_links_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_links" ADD CONSTRAINT "invitation_links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_links" ADD CONSTRAINT "invitation_links_disabled_by_user_id_users_id_fk" FOREIGN KEY ("disabled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_links" ADD CONSTRAINT "invitation_links_replaced_by_id_invitation_links_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."invitation_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_link_registrations" ADD CONSTRAINT "pending_link_registrations_link_id_invitation_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."invitation_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_link_registrations" ADD CONSTRAINT "pending_link_registrations_customer_account_id_customer_accounts_id_fk" FOREIGN KEY ("customer_account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitation_links_partner_tag_key_uq" ON "invitation_links" USING btree ("partner_id","tag_key") WHERE "invitation_links"."status" <> 'RESET';--> statement-breakpoint
CREATE UNIQUE INDEX "invitation_links_one_active_general_per_user_uq" ON "invitation_links" USING btree ("owner_user_id") WHERE "invitation_links"."kind" = 'GENERAL' and "invitation_links"."status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "invitation_links_partner_created_idx" ON "invitation_links" USING btree ("partner_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invitation_links_expires_idx" ON "invitation_links" USING btree ("expires_at") WHERE "invitation_links"."expires_at" is not null and "invitation_links"."status" in ('ACTIVE', 'DISABLED');--> statement-breakpoint
CREATE INDEX "pending_link_registrations_email_idx" ON "pending_link_registrations" USING btree ("email_canonical","purpose");--> statement-breakpoint
CREATE INDEX "pending_link_registrations_link_idx" ON "pending_link_registrations" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "pending_link_registrations_expires_idx" ON "pending_link_registrations" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_link_id_invitation_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."invitation_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_link_idx" ON "invitations" USING btree ("link_id") WHERE "invitations"."link_id" is not null;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_origin_check" CHECK ("associations"."origin" in ('EMAIL_INVITATION', 'IMPORTED', 'LINK_INVITATION'));--> statement-breakpoint
ALTER TABLE "customer_accounts" ADD CONSTRAINT "customer_accounts_registered_via_check" CHECK ("customer_accounts"."registered_via" in ('SELF', 'INVITATION', 'SEED', 'LINK'));--> statement-breakpoint
ALTER TABLE "invitation_tokens" ADD CONSTRAINT "invitation_tokens_purpose_check" CHECK ("invitation_tokens"."purpose" in ('SEND', 'REMINDER'));--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_channel_fields_check" CHECK (("invitations"."channel" = 'email' and "invitations"."preregistration_id" is not null and "invitations"."batch_id" is not null and "invitations"."message_id" is not null and "invitations"."link_id" is null)
        or ("invitations"."channel" <> 'email' and "invitations"."link_id" is not null and "invitations"."link_tag" is not null and "invitations"."batch_id" is null));--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_channel_check" CHECK ("invitations"."channel" in ('email', 'general_link', 'custom_link'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK ("outbox"."kind" in ('INVITATION_EMAIL', 'ASSOCIATION_SUCCESS_EMAIL', 'RENEWAL_REQUEST_EMAIL', 'EMAIL_CODE', 'INVITATION_REMINDER'));--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_converted_via_check" CHECK ("pre_registrations"."converted_via" in ('email', 'general_link', 'custom_link'));--> statement-breakpoint
ALTER TABLE "pre_registrations" ADD CONSTRAINT "pre_registrations_source_check" CHECK ("pre_registrations"."source" in ('PARTNER_CENTER', 'IMPORTED', 'LINK'));--> statement-breakpoint
-- Rows converted before issue 20 were all converted by an email invitation (§12.2.3 convertedVia).
UPDATE "pre_registrations" SET "converted_via" = 'email' WHERE "converted_at" IS NOT NULL AND "converted_via" IS NULL;
