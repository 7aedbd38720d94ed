/**
 * The insight summary (docs/decisions/0024-insight-summary-per-profile.md): one row per profile with the stored
 * statuses and chosen options of all its answers packed one character per item, so the insight views read one
 * short row per school instead of ~150 answer rows.
 *
 * Both tables are derived and kept by the database itself, in the same transaction as the write (triggers written
 * in the migration `answer_summaries`): `template_item_slots` from `template_versions.definition`, `answer_summaries`
 * from `answers`. No application code writes them; `rebuildAnswerSummaries` (repository.ts) recomputes them all.
 */
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { profiles } from '../questionnaire/schema.js';
import { templateVersions } from '../templates/schema.js';

/**
 * Every item of a template version with its position (0-based, questionnaire order: sections, then items — as
 * `listItems`) and the option values of its scale in order (null without a scale).
 */
export const templateItemSlots = pgTable(
  'template_item_slots',
  {
    templateVersionId: text('template_version_id')
      .notNull()
      .references(() => templateVersions.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    slot: integer('slot').notNull(),
    options: text('options').array(),
  },
  (t) => [primaryKey({ columns: [t.templateVersionId, t.itemKey] })],
);

/**
 * One row per profile that has answer rows. `statuses` and `choices` have one character per slot of the
 * profile's template version:
 * - `statuses`: chr(48 + swv × 8 + national × 2 + ambition), where swv / national are the stored norm statuses
 *   (0 none, 1 meets, 2 below, 3 cannot-judge) and ambition is 1 when the answer carries one; '/' = no row
 *   ('0' is a row without status or ambition: a cleared answer; migration 0020 told them apart);
 * - `choices`: chr(48 + index) of the chosen option when the answer is one option of the item's scale, else '-'.
 * `lastSavedAt`: the newest save of a row that is not carried over (the home's recent activity).
 */
export const answerSummaries = pgTable(
  'answer_summaries',
  {
    profileId: text('profile_id')
      .primaryKey()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    partnershipId: text('partnership_id').notNull(),
    schoolYear: text('school_year').notNull(),
    templateVersionId: text('template_version_id').notNull(),
    statuses: text('statuses').notNull(),
    choices: text('choices').notNull(),
    lastSavedAt: timestamp('last_saved_at', { withTimezone: true }),
  },
  (t) => [index('answer_summaries_partnership_year').on(t.partnershipId, t.schoolYear)],
);
