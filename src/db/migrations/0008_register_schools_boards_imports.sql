CREATE TABLE "cbs_wijk_districts" (
	"partnership_id" text NOT NULL,
	"wijk_code" text NOT NULL,
	"district_id" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cbs_wijk_districts_partnership_id_wijk_code_pk" PRIMARY KEY("partnership_id","wijk_code")
);
--> statement-breakpoint
CREATE TABLE "register_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "school_inspection_verdicts" (
	"id" text PRIMARY KEY NOT NULL,
	"school_id" text NOT NULL,
	"partnership_id" text NOT NULL,
	"verdict" text NOT NULL,
	"department" text,
	"inspected_name" text,
	"decided_on" text,
	"published_on" text,
	"file_name" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_pupil_counts" (
	"school_id" text NOT NULL,
	"partnership_id" text NOT NULL,
	"counted_on" text NOT NULL,
	"low" integer NOT NULL,
	"high" integer NOT NULL,
	"file_name" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "school_pupil_counts_school_id_counted_on_pk" PRIMARY KEY("school_id","counted_on")
);
--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "name_set_by_swv" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "boards" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "house_number" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "sector" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "school_types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cbs_wijk_districts" ADD CONSTRAINT "cbs_wijk_districts_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cbs_wijk_districts" ADD CONSTRAINT "cbs_wijk_districts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_imports" ADD CONSTRAINT "register_imports_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_inspection_verdicts" ADD CONSTRAINT "school_inspection_verdicts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_inspection_verdicts" ADD CONSTRAINT "school_inspection_verdicts_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_pupil_counts" ADD CONSTRAINT "school_pupil_counts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_pupil_counts" ADD CONSTRAINT "school_pupil_counts_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_imports_partnership" ON "register_imports" USING btree ("partnership_id","kind");--> statement-breakpoint
CREATE INDEX "school_inspection_verdicts_school" ON "school_inspection_verdicts" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "school_pupil_counts_partnership" ON "school_pupil_counts" USING btree ("partnership_id","counted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "boards_partnership_number" ON "boards" USING btree ("partnership_id","board_number") WHERE "boards"."board_number" is not null;--> statement-breakpoint
-- Schools added before this migration take their SWV's sector, and the house number at the end of their street line.
UPDATE "schools" SET "sector" = "partnerships"."sector" FROM "partnerships" WHERE "partnerships"."id" = "schools"."partnership_id" AND "schools"."sector" IS NULL;--> statement-breakpoint
UPDATE "schools" SET "house_number" = substring("street" from '(\d+[^ ]*)$') WHERE "house_number" IS NULL AND "street" IS NOT NULL;
