import { demoSteps, type DemoIds } from '../demo/seed-demo-data.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { ProfileStatus } from '../questionnaire/api.js';
import { insertProfile } from '../questionnaire/api.js';
import { listItems, type TemplateDefinition } from '../templates/model/template.js';
import { findTemplateByKey, listTemplateVersions } from '../templates/api.js';
import { generateAnswer, generateAnswers } from './demo-answers.js';
import { prepareProfiles } from './open-cycle.js';
import type { Clock } from '../../config/clock.js';
import { addDays, demoCycleDates } from '../demo/demo-years.js';
import { requestDocumentSnapshot } from '../documents/request-document-snapshot.js';
import {
  answerReviewRemark,
  getCycleFor,
  insertCarriedAnswers,
  insertCycle,
  insertReviewRemark,
  insertTransition,
  replaceAnswers,
  setProfileState,
  type ProfileStatusChange,
} from './repository.js';

/**
 * The demo SWV's cycles, with years and dates derived from the clock (demo/demo-years.ts): the previous
 * year closed and archived (every school published or adopted, one submitted late, documents snapshotted),
 * and the current year mid-way with schools in every state. De Regenboog stays editable (questionnaire demos
 * and tests); De Vlinder is in progress with every required question answered, ready to submit (cycle e2e),
 * after the SWV reopened it once with a reason; the Sint Jozefschool has a review remark with its answer.
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
const DAY = 86_400_000;

/** 09:30 UTC on an ISO date. */
function at(isoDate: string): Date {
  return new Date(`${isoDate}T09:30:00Z`);
}

/** Writes a plausible history up to `target`: submitted at `submittedAt`, advice 2 days later, adoption 4, publication 5. */
async function walkTo(
  db: DbOrTx,
  profileId: string,
  target: ProfileStatus,
  context: { submittedAt: Date; late?: boolean; editorId: string | null; boardUserId: string | null; boardUserName: string },
): Promise<Date> {
  const later = (days: number) => new Date(context.submittedAt.getTime() + days * DAY);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const fields: ProfileStatusChange = {};
  let from: ProfileStatus = 'not_started';
  const steps: Array<[ProfileStatus, Date, string | null, string | null]> = [];
  const { submittedAt } = context;
  const advisedAt = later(2);
  const adoptedAt = later(4);
  const publishedAt = later(5);
  for (const status of ORDER.slice(0, ORDER.indexOf(target) + 1)) {
    if (status === 'in_progress') continue;
    if (status === 'submitted') {
      Object.assign(fields, { submittedAt, submittedBy: context.editorId });
      steps.push([status, submittedAt, context.editorId, context.late ? 'te laat' : null]);
    }
    if (status === 'advised') {
      Object.assign(fields, {
        adviceDate: iso(advisedAt),
        adviceText: 'De MR heeft het SOP besproken en adviseert positief. Wel vraagt de MR om de ouders bij de ambities over dyscalculie actief te informeren.',
        councilSay: 'advice',
        councilOutcome: 'positive_with_remarks',
      });
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
  for (const [to, when, by, reason] of steps) {
    await insertTransition(db, { profileId, fromStatus: from, toStatus: to, reason, byUserId: by, at: when });
    from = to;
  }
  const last = steps.at(-1)?.[1] ?? submittedAt;
  await setProfileState(db, profileId, target, fields, last);
  return last;
}

function editorOf(ids: DemoIds, schoolKey: string): string | null {
  const email = Object.keys(ids.userIds).find((e) => e.startsWith('ib@') && e.includes(schoolKey));
  return email ? ids.userIds[email]! : null;
}

async function seedCycles(db: Database, clock: Clock, ids: DemoIds): Promise<void> {
  const now = clock.now();
  const years = demoCycleDates(now);
  const template = await findTemplateByKey(db, ids.partnershipId, 'zoetermeer-po');
  const versions = template ? (await listTemplateVersions(db, template.id)).filter((v) => v.status === 'published') : [];
  const previous = versions.find((v) => v.schoolYear === years.previous.schoolYear);
  const current = versions.find((v) => v.schoolYear === years.current.schoolYear);
  if (!previous || !current) throw new Error(`demo: het voorbeeldsjabloon is niet gepubliceerd voor ${years.previous.schoolYear} en ${years.current.schoolYear}`);
  const boardUserId = ids.userIds['bestuur@spov.example'] ?? null;
  const adminId = ids.userIds['swv@voorbeeldstad.example'] ?? null;
  const schoolKeys = Object.keys(ids.schoolIds);

  await db.transaction(async (tx) => {
    // The previous year: closed, archived. Late submission was allowed; the last school used it.
    const before = years.previous;
    await insertCycle(tx, {
      id: crypto.randomUUID(),
      partnershipId: ids.partnershipId,
      schoolYear: before.schoolYear,
      opensOn: before.opensOn,
      submitDeadline: before.submitDeadline,
      closesOn: before.closesOn,
      allowLateSubmission: true,
      templateVersionId: previous.id,
      openedAt: new Date(`${before.opensOn}T06:00:00Z`),
      createdAt: new Date(`${addDays(before.opensOn, -20)}T10:00:00Z`),
    });
    const roomForLate = addDays(before.submitDeadline, 10) < before.closesOn;
    for (const [index, key] of schoolKeys.entries()) {
      const profile = { id: crypto.randomUUID(), partnershipId: ids.partnershipId, schoolYear: before.schoolYear };
      await insertProfile(tx, { ...profile, schoolId: ids.schoolIds[key]!, templateVersionId: previous.id, createdAt: new Date(`${before.opensOn}T06:00:00Z`) });
      await insertCarriedAnswers(tx, profile, generateAnswers(previous.definition, `${key}-previous`, { belowNormEvery: 6, ambitionYear: years.current.schoolYear }), at(addDays(before.submitDeadline, -50)), {
        carriedOver: false,
        updatedBy: editorOf(ids, key),
      });
      const late = roomForLate && index === schoolKeys.length - 1;
      await walkTo(tx, profile.id, index % 3 === 2 ? 'adopted' : 'published', {
        submittedAt: at(addDays(before.submitDeadline, late ? 2 : -40 + index)),
        late,
        editorId: editorOf(ids, key),
        boardUserId,
        boardUserName: 'B. Bakker',
      });
      // The archived year's documents, frozen as they were adopted.
      await requestDocumentSnapshot(tx, clock, { profileId: profile.id, reason: 'adopted', actorUserId: null });
    }

    // The current year: opened with prefill, then schools at every stage.
    const running = years.current;
    await insertCycle(tx, {
      id: crypto.randomUUID(),
      partnershipId: ids.partnershipId,
      schoolYear: running.schoolYear,
      opensOn: running.opensOn,
      submitDeadline: running.submitDeadline,
      closesOn: running.closesOn,
      templateVersionId: current.id,
      openedAt: new Date(`${running.opensOn}T06:00:00Z`),
      createdAt: new Date(`${addDays(running.opensOn, -20)}T10:00:00Z`),
    });
    const cycle = (await getCycleFor(tx, ids.partnershipId, running.schoolYear))!;
    const { profileIds } = await prepareProfiles(tx, cycle, new Date(`${running.opensOn}T06:00:00Z`));
    const answeredAt = at(addDays(years.today, -20));
    for (const [index, key] of schoolKeys.entries()) {
      const state = CURRENT_STATES[key] ?? 'not_started';
      const profile = { id: profileIds[ids.schoolIds[key]!]!, partnershipId: ids.partnershipId, schoolYear: running.schoolYear };
      if (state === 'not_started') continue;
      // What the school did this year: answer the new and changed items, and update a few answers.
      const fresh = freshAnswers(current.definition, previous.definition, key, state === 'in_progress' && key === 'regenboog');
      await replaceAnswers(tx, profile, fresh, answeredAt, editorOf(ids, key));
      const submittedAt = at(addDays(years.today, -14 + index));
      if (state === 'in_progress') await setProfileState(tx, profile.id, 'in_progress', {}, answeredAt);
      else await walkTo(tx, profile.id, state, { submittedAt, editorId: editorOf(ids, key), boardUserId, boardUserName: 'B. Bakker' });
      if (key === 'vlinder') {
        // Submitted once, then reopened by the SWV with a reason: in progress again.
        await insertTransition(tx, { profileId: profile.id, fromStatus: 'in_progress', toStatus: 'submitted', byUserId: editorOf(ids, key), at: at(addDays(years.today, -12)) });
        await insertTransition(tx, {
          profileId: profile.id,
          fromStatus: 'submitted',
          toStatus: 'in_progress',
          reason: 'Belofte 2: het antwoord over de leerlingbespreking ontbreekt nog. Graag aanvullen en opnieuw indienen.',
          byUserId: adminId,
          at: at(addDays(years.today, -10)),
        });
      }
      if (key === 'sint-jozef') {
        // The SWV's plausibility check, answered by the school.
        const remarkId = crypto.randomUUID();
        const item = listItems(current.definition).find(({ item }) => item.kind === 'development')?.item;
        await insertReviewRemark(tx, {
          id: remarkId,
          profileId: profile.id,
          itemKey: item?.key ?? null,
          body: 'De school geeft aan dat dit ver ontwikkeld is. Past dat bij het laatste inspectierapport?',
          authorUserId: adminId,
          createdAt: new Date(submittedAt.getTime() + DAY),
        });
        await answerReviewRemark(tx, remarkId, 'Ja: de inspectie noemde dit in 2025 een sterk punt. Het verslag staat op onze website.', editorOf(ids, key), new Date(submittedAt.getTime() + 2 * DAY));
      }
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
    // A reworded item stays as carried over (marked for the school to confirm), so De Regenboog still has one.
    else if (!isNewOrChanged && item.norm && item.ambition && improved < 3 && (item.kind === 'development' || item.kind === 'protocol')) {
      rows.push(generateAnswer(current, item, `${seed}-2026`));
      improved++;
    }
  }
  return rows;
}

demoSteps.push(async ({ db, clock, ids }) => {
  await seedCycles(db, clock, ids);
});
