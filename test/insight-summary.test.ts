/**
 * The insight summary (answer_summaries, docs/decisions/0024-insight-summary-per-profile.md) stays equal to the raw
 * answer rows after every kind of write: the demo seeding (carry-over, prefill, replaced answers), the autosave and
 * the section form, confirming a carried-over answer, public-source prefill, carry-over into a new profile, a changed
 * template definition, a deleted profile, a seeded random sequence of writes — and the check fails when a write
 * skips the update (a trigger switched off), and a rebuild repairs it. "Kan niet beoordelen" stays its own status.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '../src/auth/policy.js';
import { loadPrincipal } from '../src/features/accounts/repository.js';
import { confirmCarriedAnswer, insertCarriedAnswers, replaceAnswers, writeSystemAnswers } from '../src/features/cycle/repository.js';
import { cellStatus } from '../src/features/insight/figures.js';
import { rebuildAnswerSummaries, type InsightSchool } from '../src/features/insight/repository.js';
import { loadSchoolSummaries } from '../src/features/insight/summary.js';
import { writeAnswerField } from '../src/features/questionnaire/answers-repository.js';
import { saveAnswer } from '../src/features/questionnaire/save-answer.js';
import { saveSection } from '../src/features/questionnaire/save-section.js';
import { profileScope } from '../src/features/questionnaire/scopes.js';
import { loadTemplateDefinition } from '../src/features/questionnaire/template-cache.js';
import { findScale, listItems, type TemplateDefinition } from '../src/features/templates/model/template.js';
import type { StoredNormStatus } from '../src/features/templates/model/answer.js';
import type { Authorized } from '../src/ui/route.js';
import { summaryMismatches } from './support/answer-summaries-check.js';
import { seededRandom } from './support/prng.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`insight summary kept with the answers (${kind})`, () => {
    let app: TestApp;
    let profile: { id: string; partnershipId: string; schoolYear: string; schoolId: string; templateVersionId: string };
    let editorId: string;
    let template: TemplateDefinition;
    const db = () => app.deps.db;
    const rows = async <T,>(query: ReturnType<typeof sql>) => ((await db().execute(query)) as unknown as { rows: T[] }).rows;

    async function as(permission: Permission): Promise<Authorized> {
      const principal = (await loadPrincipal(db(), editorId))!;
      return { principal, permission, scope: (await profileScope(db(), profile.id)).scope };
    }

    beforeAll(async () => {
      app = await createTestApp(kind);
      const [row] = await rows<{ id: string; partnership_id: string; school_year: string; school_id: string; template_version_id: string; user_id: string }>(sql`
        select p.id, p.partnership_id, p.school_year, p.school_id, p.template_version_id, m.user_id from profiles p
        join memberships m on m.school_id = p.school_id and m.role = 'school_editor'
        where p.status in ('not_started', 'in_progress') and p.school_year = '2026-2027' order by p.id limit 1`);
      profile = { id: row!.id, partnershipId: row!.partnership_id, schoolYear: row!.school_year, schoolId: row!.school_id, templateVersionId: row!.template_version_id };
      editorId = row!.user_id;
      template = await loadTemplateDefinition(db(), profile.templateVersionId);
    });
    afterAll(async () => app?.close());

    it('matches the answer rows after the demo seeding (migration, carry-over, prefill, replaced answers)', async () => {
      expect(Number((await rows<{ n: number }>(sql`select count(*)::int as n from answer_summaries`))[0]!.n)).toBeGreaterThan(0);
      expect(await summaryMismatches(db())).toEqual([]);
    });

    it('matches after the autosave of a value, an ambition and a parent text, and after the section form', async () => {
      const auth = await as('profile.edit');
      const deps = { db: db(), clock: app.clock, auth, profileId: profile.id };
      const choice = listItems(template).find(({ item }) => item.norm?.accept && item.ambition)!.item;
      const options = findScale(template, choice.scale)!.options;
      const below = options.find((option) => !choice.norm!.accept!.includes(option.value))!.value;
      const current = async (key: string) => Number((await rows<{ r: number }>(sql`select coalesce(max(revision), 0)::int as r from answers where profile_id = ${profile.id} and item_key = ${key}`))[0]!.r);
      expect((await saveAnswer({ ...deps, itemKey: choice.key, field: 'value', value: below, baseRevision: await current(choice.key) })).kind).toBe('saved');
      expect(await summaryMismatches(db())).toEqual([]);
      expect((await saveAnswer({ ...deps, itemKey: choice.key, field: 'ambition', value: { schoolYear: '2027-2028' }, baseRevision: await current(choice.key) })).kind).toBe('saved');
      expect(await summaryMismatches(db())).toEqual([]);
      const summaries = await loadSchoolSummaries(db(), profile.partnershipId, profile.schoolYear, [{ id: profile.schoolId, profileId: profile.id } as InsightSchool]);
      expect(cellStatus(summaries.cell(profile.schoolId, choice.key), 'swv')).toBe('ambition');
      expect(summaries.choice(profile.schoolId, choice.key)).toBe(below);

      const section = template.sections.find((candidate) => candidate.items.some((item) => item.kind === 'yesno'))!;
      const yesno = section.items.find((item) => item.kind === 'yesno')!;
      await saveSection({ ...deps, sectionKey: section.key, form: { [yesno.key]: 'ja' } });
      expect(await summaryMismatches(db())).toEqual([]);
    });

    it('matches after confirming a carried-over answer, public-source prefill, carry-over into a profile and replaced answers', async () => {
      const carried = listItems(template).filter(({ item }) => item.norm).slice(0, 3);
      const at = app.clock.now();
      await db().execute(sql`delete from answers where profile_id = ${profile.id} and item_key in (${sql.join(carried.map(({ item }) => sql`${item.key}`), sql`, `)})`);
      expect(await summaryMismatches(db())).toEqual([]);
      await insertCarriedAnswers(db(), profile, carried.map(({ item }) => ({ itemKey: item.key, value: null, ambition: null, parentText: null, normStatus: 'below' as const, nationalNormStatus: 'cannot-judge' as const })), at);
      expect(await summaryMismatches(db())).toEqual([]);
      await confirmCarriedAnswer(db(), profile.id, carried[0]!.item.key, editorId, new Date(at.getTime() + 60_000));
      expect(await summaryMismatches(db())).toEqual([]);
      await writeSystemAnswers(db(), profile, [{ itemKey: carried[1]!.item.key, value: 'vanuit DUO', ambition: null, parentText: null, normStatus: 'cannot-judge' }], at);
      expect(await summaryMismatches(db())).toEqual([]);
      await replaceAnswers(db(), profile, [{ itemKey: carried[2]!.item.key, value: null, ambition: { note: 'later' }, parentText: null, normStatus: null }], at, editorId);
      expect(await summaryMismatches(db())).toEqual([]);
    });

    it('keeps "cannot judge" its own status, never meets', async () => {
      const item = listItems(template).find(({ item }) => item.norm && item.nationalNorm)?.item ?? listItems(template).find(({ item }) => item.norm)!.item;
      const revision = Number((await rows<{ r: number }>(sql`select coalesce(max(revision), 0)::int as r from answers where profile_id = ${profile.id} and item_key = ${item.key}`))[0]!.r);
      await writeAnswerField(db(), { profileId: profile.id, itemKey: item.key, partnershipId: profile.partnershipId, schoolYear: profile.schoolYear, field: 'value', value: 42, normStatus: 'cannot-judge', nationalNormStatus: 'cannot-judge', baseRevision: revision, userId: editorId, at: app.clock.now() });
      const summaries = await loadSchoolSummaries(db(), profile.partnershipId, profile.schoolYear, [{ id: profile.schoolId, profileId: profile.id } as InsightSchool]);
      expect(cellStatus(summaries.cell(profile.schoolId, item.key), 'swv')).toBe('cannot-judge');
      expect(cellStatus(summaries.cell(profile.schoolId, item.key), 'national')).toBe('cannot-judge');
      expect(await summaryMismatches(db())).toEqual([]);
    });

    it('matches after a seeded random sequence of writes, deletes and carried rows', async () => {
      const random = seededRandom(Number(process.env['SUMMARY_SEED'] ?? 20261203));
      const items = listItems(template).map(({ item }) => item);
      const statuses: Array<StoredNormStatus | null> = [null, 'meets', 'below', 'cannot-judge'];
      const others = await rows<{ id: string; partnership_id: string; school_year: string }>(sql`select id, partnership_id, school_year from profiles where status in ('not_started', 'in_progress') order by id limit 4`);
      for (let step = 0; step < 120; step++) {
        const target = random.pick(others);
        const owner = { id: target.id, partnershipId: target.partnership_id, schoolYear: target.school_year };
        const item = random.pick(items);
        const at = new Date(app.clock.now().getTime() + step * 1000);
        const roll = random.int(10);
        if (roll < 6) {
          const field = random.pick(['value', 'value', 'ambition', 'parentText'] as const);
          const scale = findScale(template, item.scale);
          const value = field === 'ambition' ? (random.chance(0.5) ? { note: `stap ${step}` } : null) : field === 'parentText' ? `tekst ${step}` : scale && random.chance(0.7) ? random.pick(scale.options).value : random.chance(0.5) ? step : null;
          const revision = Number((await rows<{ r: number }>(sql`select coalesce(max(revision), 0)::int as r from answers where profile_id = ${owner.id} and item_key = ${item.key}`))[0]!.r);
          await writeAnswerField(db(), { ...owner, profileId: owner.id, itemKey: item.key, field, value, normStatus: random.pick(statuses), nationalNormStatus: random.pick(statuses), baseRevision: revision, userId: editorId, at });
        } else if (roll < 8) {
          await db().execute(sql`delete from answers where profile_id = ${owner.id} and item_key = ${item.key}`);
        } else {
          await db().execute(sql`delete from answers where profile_id = ${owner.id} and item_key = ${item.key}`);
          await insertCarriedAnswers(db(), owner, [{ itemKey: item.key, value: random.pick((findScale(template, item.scale)?.options ?? []).map((option) => option.value).concat('x')), ambition: random.chance(0.3) ? { note: 'n' } : null, parentText: null, normStatus: random.pick(statuses), nationalNormStatus: random.pick(statuses) }], at);
        }
        if (step % 30 === 29) expect(await summaryMismatches(db()), `seed ${random.seed}, step ${step}`).toEqual([]);
      }
      // A whole profile's answers gone, then the profile itself.
      await db().execute(sql`delete from answers where profile_id = ${others[0]!.id}`);
      expect(await summaryMismatches(db())).toEqual([]);
    });

    it('follows a changed template definition: the items move, the summary moves with them', async () => {
      // Published definitions never change (the app caches them); a draft's may. The summary of a profile on a changed
      // definition must be what a rebuild from scratch gives, and right again once the definition is back.
      const packed = () => rows<{ profile_id: string; statuses: string; choices: string }>(sql`select profile_id, statuses, choices from answer_summaries order by profile_id`);
      const [version] = await rows<{ definition: string }>(sql`select definition::text as definition from template_versions where id = ${profile.templateVersionId}`);
      const definition = JSON.parse(version!.definition) as TemplateDefinition;
      const reordered = { ...definition, sections: [...definition.sections].reverse().map((section) => ({ ...section, items: [...section.items].reverse() })) };
      const before = await packed();
      await db().execute(sql`update template_versions set definition = ${JSON.stringify(reordered)}::jsonb where id = ${profile.templateVersionId}`);
      const moved = await packed();
      expect(moved).not.toEqual(before);
      await rebuildAnswerSummaries(db());
      expect(await packed()).toEqual(moved);
      await db().execute(sql`update template_versions set definition = ${JSON.stringify(definition)}::jsonb where id = ${profile.templateVersionId}`);
      expect(await packed()).toEqual(before);
      expect(await summaryMismatches(db())).toEqual([]);
    });

    it('fails when a write skips the update, and a rebuild repairs it', async () => {
      const normed = listItems(template).filter(({ item }) => item.norm).map(({ item }) => item);
      await db().execute(sql`delete from answers where profile_id = ${profile.id}`);
      await insertCarriedAnswers(db(), profile, normed.slice(0, 5).map((item) => ({ itemKey: item.key, value: null, ambition: null, parentText: null, normStatus: 'meets' as const })), app.clock.now());
      expect(await summaryMismatches(db())).toEqual([]);
      const item = normed[0]!;
      await db().execute(sql`alter table answers disable trigger answers_summary_update`);
      try {
        await db().execute(sql`update answers set norm_status = case when norm_status = 'meets' then 'below' else 'meets' end, ambition = null where profile_id = ${profile.id} and item_key = ${item.key}`);
        await db().execute(sql`update answers set value = '"ongeldig"'::jsonb where profile_id = ${profile.id} and item_key <> ${item.key}`);
      } finally {
        await db().execute(sql`alter table answers enable trigger answers_summary_update`);
      }
      const problems = await summaryMismatches(db());
      expect(problems.some((problem) => problem.includes(item.key))).toBe(true);
      expect((await rebuildAnswerSummaries(db())).profiles).toBeGreaterThan(0);
      expect(await summaryMismatches(db())).toEqual([]);
    });

    // PostgreSQL runs transactions side by side (PGlite one at a time): the second writer of one profile waits for the
    // first (the summary lock taken before its rows are written) and its recomputation then sees the first's answer.
    it.runIf(kind === 'postgres')('keeps both answers of two writers of one profile at the same time', async () => {
      const [a, b] = listItems(template).filter(({ item }) => item.norm).map(({ item }) => item).slice(6, 8);
      const write = (tx: Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0], itemKey: string) =>
        writeAnswerField(tx, { profileId: profile.id, itemKey, partnershipId: profile.partnershipId, schoolYear: profile.schoolYear, field: 'ambition', value: { note: itemKey }, normStatus: null, baseRevision: 0, userId: editorId, at: app.clock.now() });
      await db().execute(sql`delete from answers where profile_id = ${profile.id} and item_key in (${a!.key}, ${b!.key})`);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const first = db().transaction(async (tx) => {
        await write(tx, a!.key);
        await gate;
      });
      await pause(300);
      const second = db().transaction(async (tx) => {
        await write(tx, b!.key);
      });
      await pause(300);
      release();
      await Promise.all([first, second]);
      const summaries = await loadSchoolSummaries(db(), profile.partnershipId, profile.schoolYear, [{ id: profile.schoolId, profileId: profile.id } as InsightSchool]);
      expect([cellStatus(summaries.cell(profile.schoolId, a!.key), 'swv'), cellStatus(summaries.cell(profile.schoolId, b!.key), 'swv')]).toEqual(['ambition', 'ambition']);
      expect(await summaryMismatches(db())).toEqual([]);
    });

    it('drops the summary with its profile', async () => {
      await db().execute(sql`delete from profile_transitions where profile_id = ${profile.id}`);
      await db().execute(sql`delete from answer_history where profile_id = ${profile.id}`);
      await db().execute(sql`delete from profiles where id = ${profile.id}`).catch(() => undefined);
      expect(await summaryMismatches(db())).toEqual([]);
    });
  });
}
