ALTER TABLE "partnerships" ADD COLUMN "public_info" jsonb;--> statement-breakpoint
ALTER TABLE "school_contacts" ADD COLUMN "show_to_parents" boolean DEFAULT false NOT NULL;