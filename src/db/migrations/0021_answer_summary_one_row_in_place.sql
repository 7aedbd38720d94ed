-- An autosave writes one answer row per statement. Recomputing the profile's whole summary for it (every item slot
-- joined to the profile's answers) cost ~3.5 ms of PostgreSQL CPU per save, 5× the save itself (bench/README.md,
-- Autosave). A statement that wrote one row now rewrites only that item's two characters in place; everything else
-- (several rows, deletes, carry-over, a row dated before the summary's last save, a missing summary, a
-- profile whose template version, SWV or year differs from its summary's) still recomputes the profiles as before.
-- The row's codes are the ones opensop_refresh_answer_summaries writes; test/insight-summary.test.ts compares the
-- summary with a recount from the raw rows after every kind of write.
CREATE FUNCTION opensop_update_answer_summary_slot(n answers) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  summary answer_summaries%ROWTYPE;
  item template_item_slots%ROWTYPE;
BEGIN
  IF n.carried_over THEN RETURN false; END IF;
  SELECT * INTO summary FROM answer_summaries WHERE profile_id = n.profile_id;
  IF NOT FOUND OR (summary.last_saved_at IS NOT NULL AND n.updated_at < summary.last_saved_at) THEN RETURN false; END IF;
  IF NOT EXISTS (SELECT 1 FROM profiles p WHERE p.id = n.profile_id AND p.template_version_id = summary.template_version_id
      AND p.partnership_id = summary.partnership_id AND p.school_year = summary.school_year) THEN
    RETURN false;
  END IF;
  SELECT * INTO item FROM template_item_slots WHERE template_version_id = summary.template_version_id AND item_key = n.item_key;
  IF NOT FOUND THEN
    -- A row for a key outside the template has no slot; it still counts as the profile's last save.
    UPDATE answer_summaries SET last_saved_at = greatest(summary.last_saved_at, n.updated_at) WHERE profile_id = n.profile_id;
    RETURN true;
  END IF;
  IF item.slot >= length(summary.statuses) OR item.slot >= length(summary.choices) THEN RETURN false; END IF;
  UPDATE answer_summaries SET
    statuses = overlay(summary.statuses PLACING chr(48
      + CASE n.norm_status WHEN 'meets' THEN 8 WHEN 'below' THEN 16 WHEN 'cannot-judge' THEN 24 ELSE 0 END
      + CASE n.national_norm_status WHEN 'meets' THEN 2 WHEN 'below' THEN 4 WHEN 'cannot-judge' THEN 6 ELSE 0 END
      + CASE WHEN n.ambition IS NOT NULL AND n.ambition <> 'null'::jsonb THEN 1 ELSE 0 END) FROM item.slot + 1 FOR 1),
    choices = overlay(summary.choices PLACING coalesce(CASE WHEN jsonb_typeof(n.value) = 'string' THEN chr(47 + array_position(item.options, n.value #>> '{}')) END, '-') FROM item.slot + 1 FOR 1),
    last_saved_at = greatest(summary.last_saved_at, n.updated_at)
  WHERE profile_id = n.profile_id;
  RETURN true;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION opensop_answers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  written answers%ROWTYPE;
  before_write answers%ROWTYPE;
BEGIN
  -- Nested, not one AND: a DELETE trigger has no new_rows, and plpgsql plans the whole condition.
  IF TG_OP <> 'DELETE' THEN
    IF (SELECT count(*) FROM (SELECT 1 FROM new_rows LIMIT 2) two) = 1 THEN
      SELECT * INTO written FROM new_rows;
      IF TG_OP = 'UPDATE' THEN SELECT * INTO before_write FROM old_rows; END IF;
      IF (TG_OP = 'INSERT' OR (before_write.profile_id = written.profile_id AND before_write.item_key = written.item_key))
          AND opensop_update_answer_summary_slot(written) THEN
        RETURN NULL;
      END IF;
    END IF;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM opensop_refresh_answer_summaries(ARRAY(SELECT DISTINCT profile_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM opensop_refresh_answer_summaries(ARRAY(SELECT DISTINCT profile_id FROM old_rows));
  ELSE
    PERFORM opensop_refresh_answer_summaries(ARRAY(SELECT profile_id FROM new_rows UNION SELECT profile_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
