import { demoSteps, type DemoIds } from '../demo/seed-demo-data.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { ProfileStatus } from '../questionnaire/schema.js';
import { insertProfile } from '../questionnaire/profiles-repository.js';
import { listItems, type TemplateDefinition } from '../templates/model/template.js';
import { findTemplateByKey, listTemplateVersions } from '../templates/repository.js';
import { generateAnswer, generateAnswers } from './demo-answers.js';
import { prepareProfiles } from './open-cycle.js';
import { insertCarriedAnswers, insertCycle, insertTransition, replaceAnswers, setProfileState, getCycleFor, type ProfileStatusChange } from './repository.js';

/**
 * The demo SWV's cycles: 2025-2026 closed and archived (every school published or adopted), and
 * 2026-2027 mid-way with schools in every state. De Regenboog stays editable (questionnaire demos and
 * tests); De Vlinder is in progress with every required question answered, ready to submit (cycle e2e).
 */
const CURRENT_STATES: Record<string, ProfileStatus> = {
  regenboog: 'in_progress',
  vlinder: 'in_progress',
  klimop: 'not_started',
  horizon: 'submitted',
  'sint-jozef': 'advised',
  fontein: 'adopted',
  wereldwijzer: 'published',
};

const ORDER: ProfileStatus[] = ['in_progress', 'submitted', 'advised', 'adopted', 'published'];

/** Writes a plausible history up to `target`, with fixed dates in the given year. */
async function walkTo(
  db: DbOrTx,
  profileId: string,
  target: ProfileStatus,
  context: { year: number; editorId: string | null; boardUserId: string | null; boardUserName: string; offsetDays: number },
): Promise<void> {
  const day = (month: number, date: number) => new Date(Date.UTC(context.year, month - 1, date + context.offsetDays, 9, 30));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const fields: ProfileStatusChange = {};
  let from: ProfileStatus = 'not_started';
  const steps: Array<[ProfileStatus, Date, string | null, string | null]> = [];
  const submittedAt = day(9, 20);
  const advisedAt = day(10, 2);
  const adoptedAt = day(10, 6);
  const publishedAt = day(10, 8);
  for (const status of ORDER.slice(0, ORDER.indexOf(target) + 1)) {
    if (status === 'in_progress') continue;
    if (status === 'submitted') {
      Object.assign(fields, { submittedAt, submittedBy: context.editorId });
      steps.push([status, submittedAt, context.editorId, null]);
    }
    if (status === 'advised') {
      Object.assign(fields, { adviceDate: iso(advisedAt), adviceText: 'De MR heeft het SOP besproken en adviseert positief. Wel vraagt de MR om de ouders bij de ambities over dyscalculie actief te informeren.' });
      steps.push([status, advisedAt, context.editorId, null]);
    }
    if (status === 'adopted') {
      Object.assign(fields, { adoptedOn: iso(adoptedAt), adoptedByName: `${context.boardUserName}, bestuurder`, adoptedByUser: context.boardUserId });
      steps.push([status, adoptedAt, context.boardUserId, null]);
    }
    if (status === 'published') {
      Object.assign(fields, { publishedAt });
      steps.push([status, publishedAt, context.editorId, null]);
    }
  }
  for (const [to, at, by, reason] of steps) {
    await insertTransition(db, { profileId, fromStatus: from, toStatus: to, reason, byUserId: by, at });
    from = to;
  }
  await setProfileState(db, profileId, target, fields, steps.at(-1)?.[1] ?? day(3, 1));
}

function editorOf(ids: DemoIds, schoolKey: string): string | null {
  const email = Object.keys(ids.userIds).find((e) => e.startsWith('ib@') && e.includes(schoolKey));
  return email ? ids.userIds[email]! : null;
}

async function seedCycles(db: Database, now: Date, ids: DemoIds): Promise<void> {
  const template = await findTemplateByKey(db, ids.partnershipId, 'zoetermeer-po');
  const versions = template ? (await listTemplateVersions(db, template.id)).filter((v) => v.status === 'published') : [];
  const previous = versions.find((v) => v.schoolYear === '2025-2026');
  const current = versions.find((v) => v.schoolYear === '2026-2027');
  if (!previous || !current) throw new Error('demo: het voorbeeldsjabloon is niet gepubliceerd voor 2025-2026 en 2026-2027');
  const boardUserId = ids.userIds['bestuur@spov.example'] ?? null;
  const schoolKeys = Object.keys(ids.schoolIds);

  await db.transaction(async (tx) => {
    // 2025-2026: closed, archived.
    await insertCycle(tx, {
      id: crypto.randomUUID(),
      partnershipId: ids.partnershipId,
      schoolYear: '2025-2026',
      opensOn: '2025-02-01',
      submitDeadline: '2025-11-01',
      closesOn: '2025-12-24',
      templateVersionId: previous.id,
      openedAt: new Date('2025-02-01T06:00:00Z'),
      createdAt: new Date('2025-01-10T10:00:00Z'),
    });
    for (const [index, key] of schoolKeys.entries()) {
      const profile = { id: crypto.randomUUID(), partnershipId: ids.partnershipId, schoolYear: '2025-2026' };
      await insertProfile(tx, { ...profile, schoolId: ids.schoolIds[key]!, templateVersionId: previous.id, createdAt: new Date('2025-02-01T06:00:00Z') });
      await insertCarriedAnswers(tx, profile, generateAnswers(previous.definition, `${key}-2025`, { belowNormEvery: 6, ambitionYear: '2026-2027' }), new Date('2025-06-15T10:00:00Z'), {
        carriedOver: false,
        updatedBy: editorOf(ids, key),
      });
      await walkTo(tx, profile.id, index % 3 === 2 ? 'adopted' : 'published', { year: 2025, editorId: editorOf(ids, key), boardUserId, boardUserName: 'B. Bakker', offsetDays: index });
    }

    // 2026-2027: opened on 1 February with prefill, then schools at every stage.
    await insertCycle(tx, {
      id: crypto.randomUUID(),
      partnershipId: ids.partnershipId,
      schoolYear: '2026-2027',
      opensOn: '2026-02-01',
      submitDeadline: '2026-11-01',
      closesOn: '2026-12-24',
      templateVersionId: current.id,
      openedAt: new Date('2026-02-01T06:00:00Z'),
      createdAt: new Date('2026-01-12T10:00:00Z'),
    });
    const cycle = (await getCycleFor(tx, ids.partnershipId, '2026-2027'))!;
    const { profileIds } = await prepareProfiles(tx, cycle, new Date('2026-02-01T06:00:00Z'));
    for (const [index, key] of schoolKeys.entries()) {
      const state = CURRENT_STATES[key] ?? 'not_started';
      const profile = { id: profileIds[ids.schoolIds[key]!]!, partnershipId: ids.partnershipId, schoolYear: '2026-2027' };
      if (state === 'not_started') continue;
      // What the school did this year: answer the new and changed items, and update a few answers.
      const fresh = freshAnswers(current.definition, previous.definition, key, state === 'in_progress' && key === 'regenboog');
      await replaceAnswers(tx, profile, fresh, new Date('2026-05-20T10:00:00Z'), editorOf(ids, key));
      if (state === 'in_progress') await setProfileState(tx, profile.id, 'in_progress', {}, new Date('2026-05-20T10:00:00Z'));
      else await walkTo(tx, profile.id, state, { year: 2026, editorId: editorOf(ids, key), boardUserId, boardUserName: 'B. Bakker', offsetDays: index });
    }
  });
}

/**
 * This year's own answers: every item that was new or reworded (so the profile is complete), and a
 * handful of items whose answer improved since last year. De Regenboog only started: a few answers.
 */
function freshAnswers(current: TemplateDefinition, previous: TemplateDefinition, seed: string, onlyAFew: boolean) {
  const previousItems = new Map(listItems(previous).map(({ item }) => [item.key, item]));
  const rows = [];
  let improved = 0;
  for (const { item } of listItems(current)) {
    const before = previousItems.get(item.key);
    const isNewOrChanged = !before || before.title !== item.title;
    if (isNewOrChanged && !onlyAFew) rows.push(generateAnswer(current, item, `${seed}-2026`));
    else if (item.norm && item.ambition && improved < 3 && (item.kind === 'development' || item.kind === 'protocol')) {
      rows.push(generateAnswer(current, item, `${seed}-2026`));
      improved++;
    }
  }
  return rows;
}

demoSteps.push(async ({ db, clock, ids }) => {
  await seedCycles(db, clock.now(), ids);
});
