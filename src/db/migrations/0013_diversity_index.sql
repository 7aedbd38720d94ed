CREATE TABLE "diversity_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"name" text NOT NULL,
	"factor_hundredths" integer NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diversity_group_counts" (
	"group_id" text NOT NULL,
	"category_id" text NOT NULL,
	"pupils" integer NOT NULL,
	CONSTRAINT "diversity_group_counts_group_id_category_id_pk" PRIMARY KEY("group_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "diversity_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"school_id" text NOT NULL,
	"school_year" text NOT NULL,
	"name" text NOT NULL,
	"pupil_count" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diversity_categories" ADD CONSTRAINT "diversity_categories_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diversity_group_counts" ADD CONSTRAINT "diversity_group_counts_group_id_diversity_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."diversity_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diversity_group_counts" ADD CONSTRAINT "diversity_group_counts_category_id_diversity_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."diversity_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diversity_groups" ADD CONSTRAINT "diversity_groups_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diversity_groups" ADD CONSTRAINT "diversity_groups_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diversity_groups" ADD CONSTRAINT "diversity_groups_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diversity_categories_partnership" ON "diversity_categories" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diversity_groups_school_year_name" ON "diversity_groups" USING btree ("school_id","school_year","name");--> statement-breakpoint
CREATE INDEX "diversity_groups_partnership_year" ON "diversity_groups" USING btree ("partnership_id","school_year");