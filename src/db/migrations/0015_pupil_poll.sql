CREATE TABLE "poll_devices" (
	"poll_id" text NOT NULL,
	"token_hash" text NOT NULL,
	CONSTRAINT "poll_devices_poll_id_token_hash_pk" PRIMARY KEY("poll_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "poll_questions" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"options" jsonb NOT NULL,
	"position" integer NOT NULL,
	"from_example" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"poll_id" text NOT NULL,
	"choices" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_texts" (
	"id" text PRIMARY KEY NOT NULL,
	"poll_id" text NOT NULL,
	"question_id" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"school_id" text NOT NULL,
	"group_name" text NOT NULL,
	"code" text NOT NULL,
	"questions" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"opened_by" text
);
--> statement-breakpoint
ALTER TABLE "poll_devices" ADD CONSTRAINT "poll_devices_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_questions" ADD CONSTRAINT "poll_questions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_responses" ADD CONSTRAINT "poll_responses_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_texts" ADD CONSTRAINT "poll_texts_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_texts" ADD CONSTRAINT "poll_texts_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "poll_questions_partnership" ON "poll_questions" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "poll_responses_poll" ON "poll_responses" USING btree ("poll_id");--> statement-breakpoint
CREATE INDEX "poll_texts_poll" ON "poll_texts" USING btree ("poll_id");--> statement-breakpoint
CREATE UNIQUE INDEX "polls_code" ON "polls" USING btree ("code");--> statement-breakpoint
CREATE INDEX "polls_school" ON "polls" USING btree ("school_id");