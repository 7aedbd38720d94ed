/**
 * National-scale insight data for bench/insight.bench.ts, generated in the database with `generate_series`
 * (no row-by-row inserts): SWVs with districts, boards, schools (with DUO pupil counts), one template of 200 items
 * per SWV, three school years with a round each, a profile per school per year and an answer row per profile per
 * item (a realistic mix of statuses: most answers meet the norm, some are below, a few with an ambition, a few
 * "cannot judge"), and status changes for recent activity. Answer values come from the template itself and their
 * stored norm statuses from the app's own `judgeStoredNorm`, so the figures are the app's.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { loadExampleTemplates, padTemplate } from '../src/features/documents/render/test-fixtures.js';
import { judgeStoredNorm, type AnswerValue } from '../src/features/templates/model/answer.js';
import { findScale, listItems, type Item, type TemplateDefinition } from '../src/features/templates/model/template.js';

export const YEARS = ['2024-2025', '2025-2026', '2026-2027'] as const;
export const ITEMS_PER_SCHOOL = 200;

export interface BenchPlace {
  partnershipId: string;
  name: string;
  slug: string;
  schools: number;
}

/** The padded example template, cut to exactly 200 items, with a national norm beside every third SWV norm. */
export function benchTemplate(): TemplateDefinition {
  const example = loadExampleTemplates()[0]!.template;
  const padded = padTemplate(example, ITEMS_PER_SCHOOL, { posters: 'original' });
  let left = ITEMS_PER_SCHOOL;
  let normed = 0;
  const sections = [];
  for (const section of padded.sections) {
    if (left <= 0) break;
    const items = section.items.slice(0, left).map((item) => {
      if (!item.norm) return item;
      normed += 1;
      return normed % 3 === 0 ? { ...item, nationalNorm: item.norm } : item;
    });
    left -= items.length;
    sections.push({ ...section, items });
  }
  return { ...padded, sections };
}

/** The answers a school may give to an item, weighted towards meeting the norm (as real profiles are). */
function candidateValues(template: TemplateDefinition, item: Item): AnswerValue[] {
  const scale = findScale(template, item.scale);
  switch (item.kind) {
    case 'yesno':
      return [true, true, true, false];
    case 'number':
      return [0, 1, 2, 3, 5, 8];
    case 'partners': {
      const options = scale?.options.map((option) => option.value) ?? [];
      return [options.slice(0, 2), options.slice(0, 1), [], options.slice(0, 3)];
    }
    case 'text':
    case 'longtext':
      return ['Wij werken samen met de jeugdverpleegkundige en het wijkteam.', 'Zie het ondersteuningsplan van de school.'];
    default: {
      const options = (scale?.options ?? []).map((option) => option.value);
      const accepted = item.norm?.accept ?? [];
      // Accepted options three times: most schools meet most norms.
      return [...options, ...options.filter((value) => accepted.includes(value)), ...options.filter((value) => accepted.includes(value))];
    }
  }
}

const uuid = (expr: string) => `md5(${expr})::uuid::text`;

/** Generates everything; returns the places. `bigSchools` in one SWV (the national view), `swvSchools` in a regional one. */
export async function generateInsightData(db: Database, options: { bigSchools: number; swvSchools: number; log: (line: string) => void }): Promise<{ big: BenchPlace; swv: BenchPlace; template: TemplateDefinition }> {
  const template = benchTemplate();
  const items = listItems(template).map(({ item }) => item);
  const big: BenchPlace = { partnershipId: crypto.randomUUID(), name: 'Alle scholen (landelijk)', slug: 'landelijk', schools: options.bigSchools };
  const swv: BenchPlace = { partnershipId: crypto.randomUUID(), name: 'Samenwerkingsverband Regio Midden', slug: 'regio-midden', schools: options.swvSchools };
  const run = (text: string) => db.execute(sql.raw(text));
  const step = async (label: string, text: string) => {
    const start = performance.now();
    await run(text);
    options.log(`  ${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };

  await run(`create table bench_items (idx int primary key, item_key text not null, n int not null)`);
  await run(`create table bench_values (idx int not null, pos int not null, value jsonb, norm text, national text, primary key (idx, pos))`);
  const itemRows: string[] = [];
  const valueRows: string[] = [];
  const lit = (text: string | null) => (text === null ? 'null' : `'${text.replace(/'/g, "''")}'`);
  items.forEach((item, idx) => {
    const values = candidateValues(template, item);
    itemRows.push(`(${idx}, ${lit(item.key)}, ${values.length})`);
    values.forEach((value, pos) => {
      valueRows.push(`(${idx}, ${pos}, ${lit(JSON.stringify(value))}::jsonb, ${lit(judgeStoredNorm(item, value)?.status ?? null)}, ${lit(judgeStoredNorm(item, value, 'national')?.status ?? null)})`);
    });
  });
  await run(`insert into bench_items values ${itemRows.join(',')}`);
  await run(`insert into bench_values values ${valueRows.join(',')}`);

  const definition = JSON.stringify(template).replace(/'/g, "''");
  for (const place of [big, swv]) {
    const p = `'${place.partnershipId}'`;
    const n = place.schools;
    const boards = Math.max(1, Math.round(n / 10));
    const districts = Math.max(1, Math.round(n / 50));
    await run(`insert into partnerships (id, slug, name, sector) values (${p}, '${place.slug}', '${place.name}', 'po')`);
    await run(`insert into districts (id, partnership_id, name) select ${uuid(`${p} || 'district' || i`)}, ${p}, 'Wijk ' || i from generate_series(1, ${districts}) i`);
    await run(`insert into boards (id, partnership_id, name, board_number) select ${uuid(`${p} || 'board' || i`)}, ${p}, 'Stichting Onderwijs ' || i, (40000 + i)::text from generate_series(1, ${boards}) i`);
    await run(`insert into schools (id, partnership_id, board_id, district_id, name, brin, location_code, city, postal_code, sector, school_types)
      select ${uuid(`${p} || 'school' || i`)}, ${p}, ${uuid(`${p} || 'board' || (1 + i % ${boards})`)}, ${uuid(`${p} || 'district' || (1 + i % ${districts})`)},
        'Basisschool ' || (array['De Regenboog','Het Kompas','De Wereldwijzer','Sint Jozef','De Fontein','Het Palet','De Klimop','Onder de Linde'])[1 + i % 8] || ' ' || i,
        lpad((i % 100)::text, 2, '0') || chr(65 + (i / 100) % 26) || chr(65 + (i / 2600) % 26), lpad((i % 100)::text, 2, '0') || chr(65 + (i / 100) % 26) || chr(65 + (i / 2600) % 26) || lpad((i / 67600)::text, 2, '0'),
        'Voorbeeldstad', (1000 + i % 8999)::text || ' AB', 'po', array['bao']
      from generate_series(1, ${n}) i`);
    await run(`insert into school_pupil_counts (school_id, partnership_id, counted_on, low, high, file_name, imported_at)
      select id, partnership_id, '2026-10-01', case when abs(hashtext(id)) % 50 = 0 then 1 else 80 + abs(hashtext(id)) % 600 end,
        case when abs(hashtext(id)) % 50 = 0 then 4 else 80 + abs(hashtext(id)) % 600 end, 'bench.csv', now() from schools where partnership_id = ${p}`);
    const templateId = crypto.randomUUID();
    await run(`insert into templates (id, partnership_id, key, name) values ('${templateId}', ${p}, 'sop', 'SOP')`);
    for (const [index, year] of YEARS.entries()) {
      const versionId = `${templateId.slice(0, 30)}-v${index + 1}`;
      const start = Number(year.slice(0, 4));
      await run(`insert into template_versions (id, template_id, partnership_id, number, status, school_year, definition, created_at, published_at)
        values ('${versionId}', '${templateId}', ${p}, ${index + 1}, 'published', '${year}', '${definition}'::jsonb, now(), now())`);
      await run(`insert into cycles (id, partnership_id, school_year, opens_on, submit_deadline, closes_on, template_version_id, opened_at)
        values ('${crypto.randomUUID()}', ${p}, '${year}', '${start}-01-15', '${start}-04-01', '${start}-07-15', '${versionId}', now())`);
      // Earlier years are published; this year is a mix of every state.
      const status = index < YEARS.length - 1
        ? `'published'`
        : `(array['not_started','in_progress','in_progress','submitted','advised','adopted','published','published'])[1 + abs(hashtext(s.id || 'status')) % 8]`;
      await run(`insert into profiles (id, partnership_id, school_id, school_year, template_version_id, status, submitted_at, created_at, updated_at)
        select ${uuid(`s.id || '${year}'`)}, ${p}, s.id, '${year}', '${versionId}', st, case when st in ('not_started','in_progress') then null else timestamptz '${start}-03-20' end, now(), now()
        from (select s.*, ${status} as st from schools s where s.partnership_id = ${p}) s`);
    }
  }
  await step('profile transitions', `insert into profile_transitions (profile_id, from_status, to_status, at)
    select id, 'in_progress', status, timestamptz '2026-03-01' + (abs(hashtext(id)) % 30) * interval '1 hour' from profiles where school_year = '${YEARS[2]}' and status not in ('not_started', 'in_progress')`);

  // Bulk load: drop the answers' secondary indexes and rebuild them after (as one would restore a dump).
  const indexes = (await db.execute(sql.raw(`select indexname, indexdef from pg_indexes where tablename = 'answers' and indexname not like '%pk' and indexname not like '%pkey'`))) as unknown as { rows: Array<{ indexname: string; indexdef: string }> };
  for (const row of indexes.rows) await run(`drop index ${row.indexname}`);
  // The insight summary's triggers are off during the load and the summary is rebuilt after it, as after a restore.
  await run(`alter table answers disable trigger user`);
  await step(`answers (${(options.bigSchools + options.swvSchools) * YEARS.length * items.length} rows)`, `insert into answers (profile_id, item_key, partnership_id, school_year, value, ambition, norm_status, national_norm_status, carried_over, revision, updated_at)
    select p.id, i.item_key, p.partnership_id, p.school_year, v.value,
      case when v.norm = 'below' and h % 3 = 0 then jsonb_build_object('schoolYear', '2027-2028', 'note', 'Scholing van het team gepland.') end,
      case when v.norm is not null and h % 97 = 0 then 'cannot-judge' else v.norm end, v.national,
      false, 1, timestamptz '2026-02-01' + (h % 1000) * interval '1 minute'
    from profiles p cross join bench_items i
    cross join lateral (select abs(hashtext(p.id || i.item_key)) as h) hh
    join bench_values v on v.idx = i.idx and v.pos = hh.h % i.n
    where (p.status <> 'not_started' or p.school_year <> '${YEARS[2]}') and not (p.status = 'in_progress' and hh.h % 5 = 0)`);
  for (const row of indexes.rows) await step(`index ${row.indexname}`, row.indexdef);
  await run(`alter table answers enable trigger user`);
  await step('insight summary (rebuild)', `select opensop_refresh_answer_summaries(array(select distinct profile_id from answers))`);
  await run(`drop table bench_values`);
  await run(`drop table bench_items`);
  await step('analyze', 'analyze');
  return { big, swv, template };
}
