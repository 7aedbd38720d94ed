CREATE TABLE "diversity_category_factors" (
	"category_id" text NOT NULL,
	"school_year" text NOT NULL,
	"factor_hundredths" integer NOT NULL,
	CONSTRAINT "diversity_category_factors_category_id_school_year_pk" PRIMARY KEY("category_id","school_year")
);
--> statement-breakpoint
CREATE TABLE "diversity_profile_disclosures" (
	"profile_id" text PRIMARY KEY NOT NULL,
	"include_index" boolean NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diversity_year_settings" (
	"partnership_id" text NOT NULL,
	"school_year" text NOT NULL,
	"arithmetic" text NOT NULL,
	CONSTRAINT "diversity_year_settings_partnership_id_school_year_pk" PRIMARY KEY("partnership_id","school_year")
);
--> statement-breakpoint
CREATE TABLE "conversation_conclusions" (
	"profile_id" text NOT NULL,
	"section_key" text NOT NULL,
	"text" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversation_conclusions_profile_id_section_key_pk" PRIMARY KEY("profile_id","section_key")
);
--> statement-breakpoint
CREATE TABLE "conversation_guides" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"template_id" text NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "diversity_category_factors" ADD CONSTRAINT "diversity_category_factors_category_id_diversity_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."diversity_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diversity_profile_disclosures" ADD CONSTRAINT "diversity_profile_disclosures_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diversity_profile_disclosures" ADD CONSTRAINT "diversity_profile_disclosures_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diversity_year_settings" ADD CONSTRAINT "diversity_year_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_conclusions" ADD CONSTRAINT "conversation_conclusions_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_conclusions" ADD CONSTRAINT "conversation_conclusions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_guides" ADD CONSTRAINT "conversation_guides_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_guides" ADD CONSTRAINT "conversation_guides_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_guides" ADD CONSTRAINT "conversation_guides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_guides_template" ON "conversation_guides" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "conversation_guides_partnership" ON "conversation_guides" USING btree ("partnership_id");