ALTER TABLE "partners" ADD COLUMN "ecosystem_manager_name" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "ecosystem_manager_email" text;