/**
 * Data for bench/public.bench.ts: the demo SWV (Voorbeeldstad: its norm, support point, texts, template with
 * parent posters, seven schools with profiles in every state) plus `schools` more schools, all with a published
 * profile for 2025-2026 and two thirds also for 2026-2027 (so "what changed since last year" has something to
 * show), copied in SQL from the demo's published profiles (answers, ambitions, limits, parent texts; the
 * source picked per school, so schools differ as the demo schools do), and each with contacts, two of them public. Spread over the demo's districts, boards, postcodes
 * 2711–2719 and both denominations, like a real region of a few hundred schools.
 */
import { sql } from 'drizzle-orm';
import type { Clock } from '../src/config/clock.js';
import type { Database } from '../src/db/client.js';
import { seedDemoData } from '../src/features/demo/seed-demo-data.js';
import '../src/features/register.js';

export interface PublicBenchData {
  slug: string;
  /** Location codes of every school with a published profile (demo schools included). */
  locationCodes: string[];
}

const NAMES = ['De Regenboog', 'Het Kompas', 'De Wereldwijzer', 'Sint Jozef', 'De Fontein', 'Het Palet', 'De Klimop', 'Onder de Linde', 'De Springplank', 'Het Baken', 'De Zonnewijzer', 'Het Anker'];
const PREFIXES = ['Basisschool', 'OBS', 'KBS', 'CBS', 'IKC', 'Daltonschool', 'Montessorischool'];

export async function seedPublicBenchData(db: Database, clock: Clock, options: { schools: number }): Promise<PublicBenchData> {
  const demo = await seedDemoData({ db, clock });
  const run = async <T = Record<string, unknown>>(text: string) => ((await db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
  const p = `'${demo.partnershipId}'`;
  const n = options.schools;
  const lit = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;

  // The published demo profiles to copy from: 2025-2026 (five schools) and 2026-2027 (one school).
  const sources = await run<{ id: string; school_year: string; template_version_id: string }>(
    `select id, school_year, template_version_id from profiles where partnership_id = ${p} and status = 'published' order by school_year, id`,
  );
  const last = sources.filter((s) => s.school_year === '2025-2026');
  const current = sources.filter((s) => s.school_year === '2026-2027');
  if (last.length === 0 || current.length === 0) throw new Error('the demo data has no published profiles for 2025-2026 and 2026-2027 to copy');

  await run(`insert into schools (id, partnership_id, board_id, district_id, name, brin, location_code, street, postal_code, city, denomination, sector, school_types)
    select md5(${p} || 'bench-school' || i)::uuid::text, ${p},
      (select id from boards where partnership_id = ${p} order by board_number offset (i % 2) limit 1),
      (select id from districts where partnership_id = ${p} order by name offset (i % 3) limit 1),
      (${lit(PREFIXES)})[1 + i % ${PREFIXES.length}] || ' ' || (${lit(NAMES)})[1 + (i / ${PREFIXES.length}) % ${NAMES.length}] || ' ' || i,
      lpad((20 + i / 100)::text, 2, '0') || 'ZZ', lpad((20 + i / 100)::text, 2, '0') || 'ZZ' || lpad((i % 100)::text, 2, '0'),
      'Schoolstraat ' || i, (2711 + i % 9)::text || ' ' || chr(65 + i % 26) || chr(65 + (i / 26) % 26), 'Voorbeeldstad',
      (array['Openbaar','Rooms-Katholiek','Protestants-Christelijk','Algemeen bijzonder'])[1 + i % 4], 'po', array['bao']
    from generate_series(1, ${n}) i`);
  await run(`insert into school_contacts (id, school_id, partnership_id, position, name, role, topic, email, show_to_parents)
    select md5(s.id || 'contact' || k)::uuid::text, s.id, ${p}, k, (array['Fatima el Idrissi','Jeroen Smit','Marieke Post'])[k], (array['Intern begeleider','Directeur','Gedragsspecialist'])[k],
      (array['Extra ondersteuning en aanmelding','Toelating en klachten','Gedrag in de groep'])[k], case when k < 3 then 'ib' || k || '@' || s.location_code || '.example' end, k < 3
    from schools s cross join generate_series(1, 3) k where s.partnership_id = ${p} and s.brin like '%ZZ'`);

  const years: Array<{ year: string; sources: typeof sources; share: string }> = [
    { year: '2025-2026', sources: last, share: 'true' },
    { year: '2026-2027', sources: current, share: `abs(hashtext(s.id)) % 3 <> 0` },
  ];
  for (const { year, sources: from, share } of years) {
    const ids = lit(from.map((s) => s.id));
    await run(`insert into profiles (id, partnership_id, school_id, school_year, template_version_id, status, submitted_at, adopted_on, adopted_by_name, published_at, created_at, updated_at)
      select md5(s.id || '${year}')::uuid::text, ${p}, s.id, '${year}', src.template_version_id, 'published', now(), '${year.slice(0, 4)}-06-20', 'Het bestuur', now(), now(), now()
      from schools s cross join lateral (select * from profiles where id = (${ids})[1 + abs(hashtext(s.id)) % ${from.length}]) src
      where s.partnership_id = ${p} and s.brin like '%ZZ' and ${share}`);
    // The answers of the same source profile.
    await run(`insert into answers (profile_id, item_key, partnership_id, school_year, value, ambition, parent_text, norm_status, national_norm_status, carried_over, revision, updated_at)
      select md5(s.id || '${year}')::uuid::text, a.item_key, ${p}, '${year}', a.value, a.ambition, a.parent_text, a.norm_status, a.national_norm_status, false, 1, now()
      from schools s cross join lateral (select * from answers where profile_id = (${ids})[1 + abs(hashtext(s.id)) % ${from.length}]) a
      where s.partnership_id = ${p} and s.brin like '%ZZ' and ${share}`);
  }
  await run('analyze');
  const codes = await run<{ location_code: string }>(
    `select distinct s.location_code from schools s join profiles pr on pr.school_id = s.id and pr.status = 'published' where s.partnership_id = ${p} order by 1`,
  );
  return { slug: 'voorbeeldstad', locationCodes: codes.map((row) => row.location_code) };
}
