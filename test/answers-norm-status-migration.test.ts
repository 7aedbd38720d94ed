/**
 * The migration from the booleans `meets_norm` / `meets_national_norm` to `norm_status` /
 * `national_norm_status` judges every stored answer again from its value and its item's norms, in SQL,
 * exactly as judgeNorm does in code: rows stored before the upgrade (with a wrong "true" that the old
 * check gave an answer of an unexpected type) carry the right status after it. PGlite and PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/client.js';
import { judgeStoredNorm, type AnswerValue } from '../src/features/templates/model/answer.js';
import { listItems, SINGLE_CHOICE_KINDS } from '../src/features/templates/model/template.js';
import { buildTestTemplate } from '../src/features/templates/model/test-template.js';
import { migrateBefore } from './support/partial-migrations.js';
import { openTestDatabase, TEST_DATABASE_KINDS } from './support/test-db.js';

/** Every item kind, with norms and a national norm; the rating scale's option values look like numbers. */
const template = buildTestTemplate((input) => {
  input.scales!.push({ key: 'cijfer', name: 'Cijfer', options: ['1', '2', '3', '4', '5'].map((value) => ({ value, label: `${value} van 5` })) });
  const items = input.sections[0]!.items!;
  items.push(
    ...SINGLE_CHOICE_KINDS.map((kind) => ({ key: `keuze-${kind}`, kind, title: `Keuze ${kind}`, scale: 'cijfer', norm: { accept: ['4', '5'] }, nationalNorm: { accept: ['5'] } })),
    { key: 'alleen-max', kind: 'number', title: 'Groepsgrootte', norm: { max: 28 } },
    { key: 'tekst-met-norm', kind: 'text', title: 'Tekst met (onmogelijke) norm', norm: { label: 'Goed beschreven' } },
    { key: 'keuze-zonder-regel', kind: 'choice', title: 'Norm zonder regel', scale: 'cijfer', norm: { label: 'Voldoende' } },
  );
  for (const item of items) {
    if (item.key === 'protocol-dyslexie') item.norm = { accept: ['actief-toegepast', 'beschikbaar'] };
    if (item.key === 'partners') item.norm = { includes: ['sbo', 'jgz'] };
    if (item.key === 'ib-uren') item.norm = { min: 8, max: 32 };
    if (item.key === 'onderzoek') (item.norm = { equals: true }), (item.nationalNorm = { equals: false });
  }
  input.sections[0]!.asksLimits = true;
});

/** Each value is stored for every item (one profile per value): right types, wrong types, JSON-looking text. */
const VALUES: unknown[] = [
  '4', '3', '5', 'actief-toegepast', 'niet-aanwezig', 'true', 'null', '0', '[1]', '{}', '  ', '',
  4, 3, 8, 7.5, 28, 29, 32.0, 0, true, false,
  ['sbo', 'jgz'], ['sbo'], [], [1], ['4'],
  { value: '4' }, null,
];

for (const kind of TEST_DATABASE_KINDS) {
  describe(`migration to norm_status (${kind})`, () => {
    let handle: DatabaseHandle;
    const rows = async () =>
      (await handle.db.execute<{ profile_id: string; item_key: string; norm_status: string | null; national_norm_status: string | null }>(
        sql`select profile_id, item_key, norm_status, national_norm_status from answers order by profile_id, item_key`,
      )) as unknown as { rows: Array<{ profile_id: string; item_key: string; norm_status: string | null; national_norm_status: string | null }> };

    beforeAll(async () => {
      handle = await openTestDatabase(kind, { migrate: false });
      await migrateBefore(handle, 'answers_norm_status');
      const db = handle.db;
      const at = '2026-10-01T10:00:00+02:00';
      await db.execute(sql`insert into partnerships (id, slug, name) values ('swv', 'swv-test', 'SWV Test')`);
      await db.execute(sql`insert into boards (id, partnership_id, name) values ('bestuur', 'swv', 'Stichting Test')`);
      await db.execute(sql`insert into templates (id, partnership_id, key, name) values ('tpl', 'swv', 'test', 'Testvragenlijst')`);
      await db.execute(
        sql`insert into template_versions (id, template_id, partnership_id, number, status, school_year, definition, created_at) values ('tv', 'tpl', 'swv', 1, 'published', '2026-2027', ${JSON.stringify(template)}::jsonb, ${at}::timestamptz)`,
      );
      const schools = VALUES.map((_, index) => sql`(${`school-${index}`}, 'swv', 'bestuur', ${`School ${index}`}, '12AB', ${`12AB${String(index).padStart(2, '0')}`})`);
      await db.execute(sql`insert into schools (id, partnership_id, board_id, name, brin, location_code) values ${sql.join(schools, sql`, `)}`);
      const profiles = VALUES.map((_, index) => sql`(${`p-${index}`}, 'swv', ${`school-${index}`}, '2026-2027', 'tv', 'in_progress', ${at}::timestamptz, ${at}::timestamptz)`);
      await db.execute(sql`insert into profiles (id, partnership_id, school_id, school_year, template_version_id, status, created_at, updated_at) values ${sql.join(profiles, sql`, `)}`);
      // The old booleans as the old check left them: "meets" for anything it did not recognise. Beside the
      // items: a limits row and a row of an item the template no longer has.
      const answers = VALUES.flatMap((value, index) => {
        const json = value === null ? sql`'null'::jsonb` : sql`${JSON.stringify(value)}::jsonb`;
        const row = (itemKey: string, valueSql: typeof json, meets: boolean | null, meetsNational: boolean | null) =>
          sql`(${`p-${index}`}, ${itemKey}, 'swv', '2026-2027', ${valueSql}, ${meets}::boolean, ${meetsNational}::boolean, ${at}::timestamptz)`;
        return [
          ...listItems(template).map(({ item }) => row(item.key, json, item.norm ? true : null, item.nationalNorm ? true : null)),
          row('limits:belofte-1', sql`'"Geen zorg op maat."'::jsonb`, null, null),
          row('verdwenen-vraag', sql`'"4"'::jsonb`, true, null),
        ];
      });
      await db.execute(sql`insert into answers (profile_id, item_key, partnership_id, school_year, value, meets_norm, meets_national_norm, updated_at) values ${sql.join(answers, sql`, `)}`);
      await handle.migrate();
    }, 120_000);
    afterAll(async () => handle?.close());

    it('judges every stored row exactly as the code does, for both norms', async () => {
      const items = new Map(listItems(template).map(({ item }) => [item.key, item]));
      const stored = (await rows()).rows;
      expect(stored).toHaveLength(VALUES.length * (items.size + 2));
      const mismatches: string[] = [];
      for (const row of stored) {
        const item = items.get(row.item_key);
        const value = VALUES[Number(row.profile_id.slice(2))] as AnswerValue | null;
        const expected = item ? [judgeStoredNorm(item, value)?.status ?? null, judgeStoredNorm(item, value, 'national')?.status ?? null] : [null, null];
        if (row.norm_status !== expected[0] || row.national_norm_status !== expected[1]) {
          mismatches.push(`${row.item_key} ← ${JSON.stringify(value)}: stored ${row.norm_status}/${row.national_norm_status}, code says ${expected.join('/')}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('turns the old default "meets" of an unexpected type into cannot-judge, and keeps limits rows without a status', async () => {
      const stored = (await rows()).rows;
      const find = (value: unknown, itemKey: string) => stored.find((row) => row.profile_id === `p-${VALUES.findIndex((v) => JSON.stringify(v) === JSON.stringify(value))}` && row.item_key === itemKey);
      expect(find(3, 'keuze-choice')).toMatchObject({ norm_status: 'cannot-judge', national_norm_status: 'cannot-judge' });
      expect(find('3', 'keuze-choice')).toMatchObject({ norm_status: 'below', national_norm_status: 'below' });
      expect(find('5', 'keuze-choice')).toMatchObject({ norm_status: 'meets', national_norm_status: 'meets' });
      expect(find('true', 'onderzoek')).toMatchObject({ norm_status: 'cannot-judge', national_norm_status: 'cannot-judge' });
      expect(find(true, 'onderzoek')).toMatchObject({ norm_status: 'meets', national_norm_status: 'below' });
      expect(find(29, 'alleen-max')).toMatchObject({ norm_status: 'below' });
      expect(find('  ', 'keuze-choice')).toMatchObject({ norm_status: null, national_norm_status: null });
      expect(find('4', 'limits:belofte-1')).toMatchObject({ norm_status: null, national_norm_status: null });
      expect(find('4', 'verdwenen-vraag')).toMatchObject({ norm_status: null });
      expect(stored.filter((row) => row.norm_status === 'cannot-judge').length).toBeGreaterThan(0);
    });

    it('refuses a status outside the three known words', async () => {
      await expect(handle.db.execute(sql`update answers set norm_status = 'true' where item_key = 'keuze-choice'`)).rejects.toThrow();
    });
  });
}
