ALTER TABLE "answers" ADD COLUMN "norm_status" text;--> statement-breakpoint
ALTER TABLE "answers" ADD COLUMN "national_norm_status" text;--> statement-breakpoint
ALTER TABLE "answers" DROP COLUMN "meets_norm";--> statement-breakpoint
ALTER TABLE "answers" DROP COLUMN "meets_national_norm";--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_norm_status_known" CHECK ("answers"."norm_status" in ('meets', 'below', 'cannot-judge'));--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_national_norm_status_known" CHECK ("answers"."national_norm_status" in ('meets', 'below', 'cannot-judge'));--> statement-breakpoint
-- Data: judge every stored answer again against its item's norms, failing closed. The same rules as
-- judgeNorm in src/features/templates/model/answer.ts: an answer of a type its item's kind does not have,
-- or a norm without the rule that kind needs, is 'cannot-judge' — never 'meets' (issue 10). Null without
-- a norm or without an answer (whitespace-only text, JSON null). Limits rows match no item and stay null.
CREATE FUNCTION pg_temp.opensop_judge_norm(kind text, norm jsonb, value jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN norm IS NULL OR jsonb_typeof(norm) <> 'object' THEN NULL
    WHEN value IS NULL OR jsonb_typeof(value) = 'null' THEN NULL
    WHEN jsonb_typeof(value) = 'string' AND (value #>> '{}') ~ '^\s*$' THEN NULL
    WHEN kind IN ('availability', 'development', 'protocol', 'expertise', 'choice') THEN
      CASE
        WHEN jsonb_typeof(value) <> 'string' OR jsonb_typeof(norm -> 'accept') IS DISTINCT FROM 'array' THEN 'cannot-judge'
        WHEN (norm -> 'accept') @> jsonb_build_array(value) THEN 'meets'
        ELSE 'below'
      END
    WHEN kind = 'partners' THEN
      CASE
        WHEN jsonb_typeof(value) <> 'array' OR jsonb_typeof(norm -> 'includes') IS DISTINCT FROM 'array'
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(value) AS entry WHERE jsonb_typeof(entry) <> 'string') THEN 'cannot-judge'
        WHEN value @> (norm -> 'includes') THEN 'meets'
        ELSE 'below'
      END
    WHEN kind = 'yesno' THEN
      CASE
        WHEN jsonb_typeof(value) <> 'boolean' OR jsonb_typeof(norm -> 'equals') IS DISTINCT FROM 'boolean' THEN 'cannot-judge'
        WHEN value = (norm -> 'equals') THEN 'meets'
        ELSE 'below'
      END
    WHEN kind = 'number' THEN
      CASE
        WHEN jsonb_typeof(value) <> 'number'
          OR (jsonb_typeof(norm -> 'min') IS DISTINCT FROM 'number' AND jsonb_typeof(norm -> 'max') IS DISTINCT FROM 'number') THEN 'cannot-judge'
        WHEN (jsonb_typeof(norm -> 'min') IS DISTINCT FROM 'number' OR (value #>> '{}')::numeric >= (norm ->> 'min')::numeric)
          AND (jsonb_typeof(norm -> 'max') IS DISTINCT FROM 'number' OR (value #>> '{}')::numeric <= (norm ->> 'max')::numeric) THEN 'meets'
        ELSE 'below'
      END
    ELSE 'cannot-judge'
  END
$$;--> statement-breakpoint
WITH "items" AS (
  SELECT "version"."id" AS "template_version_id", "item" ->> 'key' AS "item_key", "item" ->> 'kind' AS "kind", "item" -> 'norm' AS "norm", "item" -> 'nationalNorm' AS "national_norm"
  FROM "template_versions" AS "version"
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof("version"."definition" -> 'sections') = 'array' THEN "version"."definition" -> 'sections' ELSE '[]'::jsonb END) AS "section"
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof("section" -> 'items') = 'array' THEN "section" -> 'items' ELSE '[]'::jsonb END) AS "item"
)
UPDATE "answers"
SET "norm_status" = pg_temp.opensop_judge_norm("items"."kind", "items"."norm", "answers"."value"),
    "national_norm_status" = pg_temp.opensop_judge_norm("items"."kind", "items"."national_norm", "answers"."value")
FROM "profiles", "items"
WHERE "profiles"."id" = "answers"."profile_id" AND "items"."template_version_id" = "profiles"."template_version_id" AND "items"."item_key" = "answers"."item_key";--> statement-breakpoint
DROP FUNCTION pg_temp.opensop_judge_norm(text, jsonb, jsonb);
