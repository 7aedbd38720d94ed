ALTER TABLE "profiles" ADD COLUMN "council_say" text;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "council_outcome" text;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "board_notice" text DEFAULT 'after_council' NOT NULL;--> statement-breakpoint
-- Advice recorded before the record said which it was: it was the council's advice on the SOP (its outcome was not asked).
UPDATE "profiles" SET "council_say" = 'advice' WHERE "advice_date" IS NOT NULL AND "council_say" IS NULL;
