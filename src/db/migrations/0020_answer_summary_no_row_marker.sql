-- The summary tells "no answer row" ('/', chr(47)) from "a row without any status or ambition" ('0'): a cleared
-- answer, or one where only the parents' text was written, keeps its row, and the national view counts such rows
-- as "not answered" (as the answer rows did). Readers that decode chr(48 + code) read '/' as code -1: no cell.
CREATE OR REPLACE FUNCTION opensop_refresh_answer_summaries(profile_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM answer_summaries s WHERE s.profile_id = ANY(profile_ids) AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.profile_id = s.profile_id);
  INSERT INTO answer_summaries AS s (profile_id, partnership_id, school_year, template_version_id, statuses, choices, last_saved_at)
  SELECT p.id, p.partnership_id, p.school_year, p.template_version_id,
    string_agg(CASE WHEN a.profile_id IS NULL THEN '/' ELSE chr(48
      + CASE a.norm_status WHEN 'meets' THEN 8 WHEN 'below' THEN 16 WHEN 'cannot-judge' THEN 24 ELSE 0 END
      + CASE a.national_norm_status WHEN 'meets' THEN 2 WHEN 'below' THEN 4 WHEN 'cannot-judge' THEN 6 ELSE 0 END
      + CASE WHEN a.ambition IS NOT NULL AND a.ambition <> 'null'::jsonb THEN 1 ELSE 0 END) END, '' ORDER BY i.slot),
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
-- Only summaries holding a '0' can change (it meant either before); the function leaves equal rows unwritten.
SELECT opensop_refresh_answer_summaries(ARRAY(SELECT profile_id FROM answer_summaries WHERE strpos(statuses, '0') > 0));
