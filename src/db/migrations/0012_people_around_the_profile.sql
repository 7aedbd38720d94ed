CREATE TABLE "membership_scopes" (
	"id" text PRIMARY KEY NOT NULL,
	"membership_id" text NOT NULL,
	"board_id" text,
	"school_id" text
);
--> statement-breakpoint
CREATE TABLE "plausibility_verdicts" (
	"profile_id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"school_id" text NOT NULL,
	"verdict" text NOT NULL,
	"conversation_on" date,
	"agreements" text,
	"recorded_by" text,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pupil_voice_records" (
	"profile_id" text PRIMARY KEY NOT NULL,
	"methods" jsonb NOT NULL,
	"consulted_on" date NOT NULL,
	"summary" text NOT NULL,
	"follow_up" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_point_signals" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"theme_id" text NOT NULL,
	"school_id" text,
	"item_key" text,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"shared_with_school" boolean DEFAULT false NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_point_themes" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "pupil_voice_required" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "membership_scopes" ADD CONSTRAINT "membership_scopes_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_scopes" ADD CONSTRAINT "membership_scopes_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_scopes" ADD CONSTRAINT "membership_scopes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plausibility_verdicts" ADD CONSTRAINT "plausibility_verdicts_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plausibility_verdicts" ADD CONSTRAINT "plausibility_verdicts_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plausibility_verdicts" ADD CONSTRAINT "plausibility_verdicts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plausibility_verdicts" ADD CONSTRAINT "plausibility_verdicts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_voice_records" ADD CONSTRAINT "pupil_voice_records_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_voice_records" ADD CONSTRAINT "pupil_voice_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_point_signals" ADD CONSTRAINT "support_point_signals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_point_signals" ADD CONSTRAINT "support_point_signals_theme_id_support_point_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."support_point_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_point_signals" ADD CONSTRAINT "support_point_signals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_point_signals" ADD CONSTRAINT "support_point_signals_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_point_themes" ADD CONSTRAINT "support_point_themes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_scopes_membership" ON "membership_scopes" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "plausibility_verdicts_partnership" ON "plausibility_verdicts" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "support_point_signals_partnership" ON "support_point_signals" USING btree ("partnership_id","school_id");--> statement-breakpoint
CREATE INDEX "support_point_themes_partnership" ON "support_point_themes" USING btree ("partnership_id");