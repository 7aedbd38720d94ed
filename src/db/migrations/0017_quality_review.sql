CREATE TABLE "quality_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"school_id" text NOT NULL,
	"school_year" text NOT NULL,
	"kind" text NOT NULL,
	"visited_on" date,
	"shared_at" timestamp with time zone,
	"updated_by" text,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_ratings" (
	"assessment_id" text NOT NULL,
	"indicator_key" text NOT NULL,
	"level_key" text,
	"remark" text,
	CONSTRAINT "quality_ratings_assessment_id_indicator_key_pk" PRIMARY KEY("assessment_id","indicator_key")
);
--> statement-breakpoint
CREATE TABLE "quality_resolutions" (
	"review_id" text NOT NULL,
	"indicator_key" text NOT NULL,
	"agreed_level_key" text,
	"note" text NOT NULL,
	"recorded_by" text,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quality_resolutions_review_id_indicator_key_pk" PRIMARY KEY("review_id","indicator_key")
);
--> statement-breakpoint
CREATE TABLE "quality_standards" (
	"partnership_id" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quality_assessments" ADD CONSTRAINT "quality_assessments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_assessments" ADD CONSTRAINT "quality_assessments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_assessments" ADD CONSTRAINT "quality_assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_ratings" ADD CONSTRAINT "quality_ratings_assessment_id_quality_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."quality_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_resolutions" ADD CONSTRAINT "quality_resolutions_review_id_quality_assessments_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."quality_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_resolutions" ADD CONSTRAINT "quality_resolutions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_standards" ADD CONSTRAINT "quality_standards_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_standards" ADD CONSTRAINT "quality_standards_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quality_assessments_school_year_kind" ON "quality_assessments" USING btree ("school_id","school_year","kind");--> statement-breakpoint
CREATE INDEX "quality_assessments_partnership_year" ON "quality_assessments" USING btree ("partnership_id","school_year");