ALTER TABLE "boards" ADD COLUMN "name_set_by_swv" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "house_number" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "sector" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "school_types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "boards_partnership_number" ON "boards" USING btree ("partnership_id","board_number") WHERE "boards"."board_number" is not null;--> statement-breakpoint
-- Schools added before this migration take their SWV's sector, and the house number at the end of their street line.
UPDATE "schools" SET "sector" = "partnerships"."sector" FROM "partnerships" WHERE "partnerships"."id" = "schools"."partnership_id" AND "schools"."sector" IS NULL;--> statement-breakpoint
UPDATE "schools" SET "house_number" = substring("street" from '(\d+[^ ]*)$') WHERE "house_number" IS NULL AND "street" IS NOT NULL;
