CREATE TABLE "answer_summaries" (
	"profile_id" text PRIMARY KEY NOT NULL,
	"partnership_id" text NOT NULL,
	"school_year" text NOT NULL,
	"template_version_id" text NOT NULL,
	"statuses" text NOT NULL,
	"choices" text NOT NULL,
	"last_saved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "template_item_slots" (
	"template_version_id" text NOT NULL,
	"item_key" text NOT NULL,
	"slot" integer NOT NULL,
	"options" text[],
	CONSTRAINT "template_item_slots_template_version_id_item_key_pk" PRIMARY KEY("template_version_id","item_key")
);
--> statement-breakpoint
ALTER TABLE "answer_summaries" ADD CONSTRAINT "answer_summaries_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_item_slots" ADD CONSTRAINT "template_item_slots_template_version_id_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."template_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_summaries_partnership_year" ON "answer_summaries" USING btree ("partnership_id","school_year");--> statement-breakpoint
CREATE INDEX "answers_partnership_year_ambition" ON "answers" USING btree ("partnership_id","school_year") WHERE "answers"."ambition" is not null and "answers"."ambition" <> 'null'::jsonb;--> statement-breakpoint
-- The insight summary is kept by the database in the same transaction as every write (docs/decisions/0024-insight-summary-per-profile.md).
-- Slots: every item of a template version in questionnaire order (sections, then items; a repeated key keeps its first place), with its scale's option values.
CREATE FUNCTION opensop_refresh_item_slots(version_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM template_item_slots WHERE template_version_id = ANY(version_ids);
  INSERT INTO template_item_slots (template_version_id, item_key, slot, options)
  SELECT version_id, item_key, (row_number() OVER (PARTITION BY version_id ORDER BY pos) - 1)::int,
    (SELECT array_agg(o.opt->>'value' ORDER BY o.oi) FROM jsonb_array_elements(
      (SELECT CASE WHEN jsonb_typeof(sc.scale->'options') = 'array' THEN sc.scale->'options' ELSE '[]'::jsonb END
         FROM jsonb_array_elements(first.scales) WITH ORDINALITY sc(scale, si) WHERE sc.scale->>'key' = first.scale_key ORDER BY sc.si LIMIT 1)
    ) WITH ORDINALITY o(opt, oi))
  FROM (
    SELECT DISTINCT ON (v.id, it.item->>'key') v.id AS version_id, it.item->>'key' AS item_key, it.item->>'scale' AS scale_key,
      CASE WHEN jsonb_typeof(v.definition->'scales') = 'array' THEN v.definition->'scales' ELSE '[]'::jsonb END AS scales, s.si * 100000 + it.ii AS pos
    FROM template_versions v
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.definition->'sections') = 'array' THEN v.definition->'sections' ELSE '[]'::jsonb END) WITH ORDINALITY s(section, si)
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(s.section->'items') = 'array' THEN s.section->'items' ELSE '[]'::jsonb END) WITH ORDINALITY it(item, ii)
    WHERE v.id = ANY(version_ids) AND it.item->>'key' IS NOT NULL
    ORDER BY v.id, it.item->>'key', s.si, it.ii
  ) first;
END $$;
--> statement-breakpoint
-- The summary of the given profiles, recomputed from their answer rows (a profile without answer rows has no summary row).
CREATE FUNCTION opensop_refresh_answer_summaries(profile_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM answer_summaries s WHERE s.profile_id = ANY(profile_ids) AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.profile_id = s.profile_id);
  INSERT INTO answer_summaries AS s (profile_id, partnership_id, school_year, template_version_id, statuses, choices, last_saved_at)
  SELECT p.id, p.partnership_id, p.school_year, p.template_version_id,
    string_agg(chr(48
      + CASE a.norm_status WHEN 'meets' THEN 8 WHEN 'below' THEN 16 WHEN 'cannot-judge' THEN 24 ELSE 0 END
      + CASE a.national_norm_status WHEN 'meets' THEN 2 WHEN 'below' THEN 4 WHEN 'cannot-judge' THEN 6 ELSE 0 END
      + CASE WHEN a.ambition IS NOT NULL AND a.ambition <> 'null'::jsonb THEN 1 ELSE 0 END), '' ORDER BY i.slot),
    string_agg(coalesce(CASE WHEN jsonb_typeof(a.value) = 'string' THEN chr(47 + array_position(i.options, a.value #>> '{}')) END, '-'), '' ORDER BY i.slot),
    (SELECT max(x.updated_at) FROM answers x WHERE x.profile_id = p.id AND NOT x.carried_over)
  FROM profiles p
  JOIN template_item_slots i ON i.template_version_id = p.template_version_id
  LEFT JOIN answers a ON a.profile_id = p.id AND a.item_key = i.item_key
  WHERE p.id = ANY(profile_ids) AND EXISTS (SELECT 1 FROM answers e WHERE e.profile_id = p.id)
  GROUP BY p.id
  ON CONFLICT (profile_id) DO UPDATE SET partnership_id = excluded.partnership_id, school_year = excluded.school_year, template_version_id = excluded.template_version_id,
    statuses = excluded.statuses, choices = excluded.choices, last_saved_at = excluded.last_saved_at
  WHERE (s.statuses, s.choices, s.last_saved_at, s.template_version_id) IS DISTINCT FROM (excluded.statuses, excluded.choices, excluded.last_saved_at, excluded.template_version_id);
END $$;
--> statement-breakpoint
-- Before a profile's answer rows are written, the writer takes that profile's summary lock (held to commit): two
-- transactions writing one profile's answers take it in the order they reach the profile, so the recomputation
-- after the statement sees every committed write and none is lost, and no new deadlock arises between them.
CREATE FUNCTION opensop_lock_answer_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1095650899, hashtext(CASE WHEN TG_OP = 'DELETE' THEN OLD.profile_id ELSE NEW.profile_id END));
  IF TG_OP = 'UPDATE' AND NEW.profile_id <> OLD.profile_id THEN PERFORM pg_advisory_xact_lock(1095650899, hashtext(OLD.profile_id)); END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE FUNCTION opensop_answers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM opensop_refresh_answer_summaries(ARRAY(SELECT DISTINCT profile_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM opensop_refresh_answer_summaries(ARRAY(SELECT DISTINCT profile_id FROM old_rows));
  ELSE
    PERFORM opensop_refresh_answer_summaries(ARRAY(SELECT profile_id FROM new_rows UNION SELECT profile_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION opensop_template_versions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM opensop_refresh_item_slots(ARRAY(SELECT id FROM new_rows));
  ELSE
    changed := ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.definition IS DISTINCT FROM o.definition);
    IF cardinality(changed) > 0 THEN
      PERFORM opensop_refresh_item_slots(changed);
      PERFORM opensop_refresh_answer_summaries(ARRAY(SELECT p.id FROM profiles p WHERE p.template_version_id = ANY(changed)));
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION opensop_profiles_version_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM opensop_refresh_answer_summaries(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.template_version_id, n.partnership_id, n.school_year) IS DISTINCT FROM (o.template_version_id, o.partnership_id, o.school_year)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER answers_lock_summary BEFORE INSERT OR UPDATE OR DELETE ON answers FOR EACH ROW EXECUTE FUNCTION opensop_lock_answer_summary();
--> statement-breakpoint
CREATE TRIGGER answers_summary_insert AFTER INSERT ON answers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opensop_answers_changed();
--> statement-breakpoint
CREATE TRIGGER answers_summary_update AFTER UPDATE ON answers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opensop_answers_changed();
--> statement-breakpoint
CREATE TRIGGER answers_summary_delete AFTER DELETE ON answers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION opensop_answers_changed();
--> statement-breakpoint
CREATE TRIGGER template_versions_slots_insert AFTER INSERT ON template_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opensop_template_versions_changed();
--> statement-breakpoint
CREATE TRIGGER template_versions_slots_update AFTER UPDATE ON template_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opensop_template_versions_changed();
--> statement-breakpoint
CREATE TRIGGER profiles_summary_update AFTER UPDATE ON profiles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION opensop_profiles_version_changed();
--> statement-breakpoint
-- Backfill: existing installations (and restored backups) are right after the upgrade.
SELECT opensop_refresh_item_slots(ARRAY(SELECT id FROM template_versions));
--> statement-breakpoint
SELECT opensop_refresh_answer_summaries(ARRAY(SELECT DISTINCT profile_id FROM answers));
