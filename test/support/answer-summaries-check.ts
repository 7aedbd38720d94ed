/**
 * The insight summary (answer_summaries, decision 0024) against the raw answer rows it summarises: for every profile
 * and every item of its template, what the views read from the summary (SchoolSummaries.cell / .choice /
 * .lastSavedAt) must equal what the answer row says. Computed here in TypeScript from the rows, not with the
 * migration's SQL, so a wrong trigger, a wrong packing or a write that skipped the update all show up.
 * Returns the differences in words (empty: consistent).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import type { InsightSchool } from '../../src/features/insight/repository.js';
import { loadSchoolSummaries } from '../../src/features/insight/summary.js';
import { findScale, listItems, type TemplateDefinition } from '../../src/features/templates/model/template.js';

interface RawAnswer {
  profile_id: string;
  item_key: string;
  value: unknown;
  ambition: unknown;
  norm_status: string | null;
  national_norm_status: string | null;
  carried_over: boolean;
  updated_at: string | Date;
}

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** jsonb read as text (both drivers return text alike), null for SQL null. */
const parse = (raw: unknown) => (raw === null || raw === undefined ? null : (JSON.parse(raw as string) as unknown));

export async function summaryMismatches(db: DbOrTx): Promise<string[]> {
  const profiles = await rows<{ id: string; partnership_id: string; school_year: string; template_version_id: string }>(
    db,
    sql`select id, partnership_id, school_year, template_version_id from profiles order by id`,
  );
  const definitions = new Map(
    (await rows<{ id: string; definition: unknown }>(db, sql`select id, definition::text as definition from template_versions`)).map((row) => [row.id, parse(row.definition) as TemplateDefinition]),
  );
  const answersOf = new Map<string, Map<string, RawAnswer>>();
  for (const row of await rows<RawAnswer>(db, sql`select profile_id, item_key, value::text as value, ambition::text as ambition, norm_status, national_norm_status, carried_over, updated_at from answers`)) {
    let ofProfile = answersOf.get(row.profile_id);
    if (!ofProfile) answersOf.set(row.profile_id, (ofProfile = new Map()));
    ofProfile.set(row.item_key, row);
  }
  const stored = new Map(
    (await rows<{ profile_id: string; partnership_id: string; school_year: string; template_version_id: string }>(db, sql`select profile_id, partnership_id, school_year, template_version_id from answer_summaries`)).map(
      (row) => [row.profile_id, row],
    ),
  );
  const problems: string[] = [];
  const groups = new Map<string, typeof profiles>();
  for (const profile of profiles) {
    const key = `${profile.partnership_id}\u0000${profile.school_year}`;
    groups.set(key, [...(groups.get(key) ?? []), profile]);
    const has = answersOf.has(profile.id);
    const row = stored.get(profile.id);
    if (has !== (row !== undefined)) problems.push(`${profile.id}: ${has ? 'answers but no summary row' : 'a summary row without answers'}`);
    if (row && (row.partnership_id !== profile.partnership_id || row.school_year !== profile.school_year || row.template_version_id !== profile.template_version_id)) {
      problems.push(`${profile.id}: summary row of another place, year or template version`);
    }
  }
  for (const profileId of stored.keys()) if (!profiles.some((profile) => profile.id === profileId)) problems.push(`${profileId}: summary row of a profile that is gone`);

  for (const group of groups.values()) {
    const { partnership_id: partnershipId, school_year: schoolYear } = group[0]!;
    // The profile stands in for its school: loadSchoolSummaries maps profile ids to school ids.
    const schools = group.map((profile) => ({ id: profile.id, profileId: profile.id }) as InsightSchool);
    const summaries = await loadSchoolSummaries(db, partnershipId, schoolYear, schools);
    for (const profile of group) {
      const template = definitions.get(profile.template_version_id)!;
      const answers = answersOf.get(profile.id) ?? new Map<string, RawAnswer>();
      const seen = new Set<string>();
      for (const { item } of listItems(template)) {
        if (seen.has(item.key)) continue;
        seen.add(item.key);
        const raw = answers.get(item.key);
        const ambition = parse(raw?.ambition ?? null);
        const hasAmbition = ambition !== null && ambition !== undefined;
        // A row without status or ambition (a cleared answer) is still a row: a cell that reads "not answered".
        const expected = raw ? { normStatus: raw.norm_status, nationalNormStatus: raw.national_norm_status, hasAmbition } : undefined;
        const actual = summaries.cell(profile.id, item.key);
        if (JSON.stringify(actual ? { normStatus: actual.normStatus, nationalNormStatus: actual.nationalNormStatus, hasAmbition: actual.hasAmbition } : undefined) !== JSON.stringify(expected)) {
          problems.push(`${profile.id} ${item.key}: summary ${JSON.stringify(actual)} ≠ answer row ${JSON.stringify(expected)}`);
        }
        const value = parse(raw?.value ?? null);
        const options = findScale(template, item.scale)?.options.map((option) => option.value) ?? [];
        const expectedChoice = typeof value === 'string' && options.includes(value) ? value : null;
        const actualChoice = summaries.choice(profile.id, item.key);
        if (actualChoice !== expectedChoice) problems.push(`${profile.id} ${item.key}: chosen option ${actualChoice} in the summary ≠ ${expectedChoice} in the answer row`);
      }
      const saves = [...answers.values()].filter((row) => !row.carried_over).map((row) => new Date(row.updated_at).getTime());
      const expectedSaved = saves.length > 0 ? Math.max(...saves) : null;
      const actualSaved = summaries.lastSavedAt(profile.id)?.getTime() ?? null;
      if (actualSaved !== expectedSaved) problems.push(`${profile.id}: last saved ${actualSaved} in the summary ≠ ${expectedSaved} in the answer rows`);
    }
  }
  return problems;
}
