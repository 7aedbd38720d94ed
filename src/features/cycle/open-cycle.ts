import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listSchoolsOfPartnership } from '../partnerships/api.js';
import { listAnswers } from '../questionnaire/api.js';
import { findProfile, insertProfile } from '../questionnaire/api.js';
import type { TemplateDefinition } from '../templates/model/template.js';
import { getTemplateVersion } from '../templates/api.js';
import { amsterdamDate, formatDateIn } from './editability.js';
import { carryOverAnswers } from './prefill.js';
import { publicSourceRows } from './public-source-answers.js';
import { unsafeLoadPublicFacts } from '../register/public-facts.js';
import { hasPublicSourceItems, type PublicFacts } from '../templates/model/public-source.js';
import { findLastFinalProfile, getCycleFor, type CycleRow, insertCarriedAnswers, listCycles, listCyclesDueToOpen, lockCycle, markCycleOpened } from './repository.js';
import { cycleRulesT } from './transition-rules.js';

/**
 * Opens a cycle: every school of the SWV gets a profile for the school year, prefilled from its last
 * final answers (see prefill.ts). Idempotent — schools that already have a profile are skipped — and
 * atomic: the cycle row is locked, so a button press and the daily job never open it twice.
 * `auth: 'system'` is the daily job.
 */
export async function openCycle(options: {
  db: Database;
  clock: Clock;
  auth: Authorized | 'system';
  partnershipId: string;
  schoolYear: string;
}): Promise<{ created: number; skipped: number }> {
  const { db, clock, auth, partnershipId, schoolYear } = options;
  if (auth !== 'system') assertInScope('openCycle', auth, { partnershipId });
  const now = clock.now();
  const today = amsterdamDate(now);
  return db.transaction(async (tx) => {
    const found = await getCycleFor(tx, partnershipId, schoolYear);
    if (!found) throw new AppError('not_found');
    const cycle = (await lockCycle(tx, found.id))!;
    // The system (the daily job) has no reader: Dutch, as its log is.
    const locale = auth === 'system' ? 'nl' : auth.principal.locale;
    const t = cycleRulesT(locale);
    if (today < cycle.opensOn) throw new AppError('invalid_state', t('cycleNotOpenRefusal', { year: schoolYear, date: formatDateIn(cycle.opensOn, locale) }));
    if (today >= cycle.closesOn) throw new AppError('invalid_state', t('cycleClosedRefusal', { year: schoolYear, date: formatDateIn(cycle.closesOn, locale) }));
    const { created, skipped } = await prepareProfiles(tx, cycle, now);
    const firstOpening = await markCycleOpened(tx, cycle.id, now);
    if (created > 0 || firstOpening) {
      await recordAudit(tx, {
        at: now,
        actorUserId: auth === 'system' ? null : auth.principal.userId,
        partnershipId,
        action: 'cycle.open',
        entityType: 'cycle',
        entityId: cycle.id,
        after: { schoolYear, created, skipped },
      });
    }
    return { created, skipped };
  });
}

/** Creates the missing profiles of a cycle, each prefilled; no date or permission checks (callers do those). */
export async function prepareProfiles(tx: DbOrTx, cycle: CycleRow, now: Date): Promise<{ created: number; skipped: number; profileIds: Record<string, string> }> {
  const schools = await listSchoolsOfPartnership(tx, cycle.partnershipId);
  const prepare = await profilePreparer(tx, cycle, now, schools.map((school) => school.id));
  let created = 0;
  let skipped = 0;
  const profileIds: Record<string, string> = {};
  for (const school of schools) {
    const result = await prepare(school.id);
    profileIds[school.id] = result.profileId;
    if (result.created) created++;
    else skipped++;
  }
  return { created, skipped, profileIds };
}

/**
 * A school added while a cycle runs (opened, not closed) gets its profile at once, prefilled like at
 * opening (a new school has no earlier profile: it starts empty). Called in addSchool's transaction.
 */
/**
 * Schools added while a cycle runs (by hand or by a DUO import) get their profiles at once, in the adding transaction.
 * The running cycle and its template are looked up once for all of them.
 */
export async function prepareProfilesForNewSchools(tx: DbOrTx, event: { schoolIds: string[]; partnershipId: string; actorUserId: string | null; now: Date }): Promise<string[]> {
  const today = amsterdamDate(event.now);
  const running = (await listCycles(tx, event.partnershipId)).find((cycle) => cycle.openedAt && cycle.opensOn <= today && today < cycle.closesOn);
  if (!running) return [];
  const prepare = await profilePreparer(tx, running, event.now, event.schoolIds);
  const profileIds: string[] = [];
  for (const schoolId of event.schoolIds) {
    const result = await prepare(schoolId);
    profileIds.push(result.profileId);
    if (!result.created) continue;
    await recordAudit(tx, {
      at: event.now,
      actorUserId: event.actorUserId,
      partnershipId: event.partnershipId,
      action: 'cycle.prepareProfile',
      entityType: 'profile',
      entityId: result.profileId,
      after: { schoolId, schoolYear: running.schoolYear },
    });
  }
  return profileIds;
}

/** Returns a function that creates (and prefills) one school's profile for the cycle, unless it exists. */
async function profilePreparer(tx: DbOrTx, cycle: CycleRow, now: Date, schoolIds: string[]): Promise<(schoolId: string) => Promise<{ profileId: string; created: boolean }>> {
  const { partnershipId, schoolYear } = cycle;
  const version = await getTemplateVersion(tx, cycle.templateVersionId);
  if (!version) throw new AppError('not_found');
  // Public facts only when the template asks for them (most do not: no query then).
  const facts = hasPublicSourceItems(version.definition) ? await unsafeLoadPublicFacts(tx, schoolIds) : new Map<string, PublicFacts>();
  const definitions = new Map<string, TemplateDefinition>([[version.id, version.definition]]);
  const definitionOf = async (id: string) => {
    if (!definitions.has(id)) definitions.set(id, (await getTemplateVersion(tx, id))!.definition);
    return definitions.get(id)!;
  };
  return async (schoolId) => {
    const existing = await findProfile(tx, schoolId, schoolYear);
    if (existing) return { profileId: existing.id, created: false };
    const profileId = crypto.randomUUID();
    await insertProfile(tx, { id: profileId, partnershipId, schoolId, schoolYear, templateVersionId: version.id, createdAt: now });
    await prefillProfile(tx, { id: profileId, partnershipId, schoolId, schoolYear }, version.definition, definitionOf, now, facts.get(schoolId));
    return { profileId, created: true };
  };
}

async function prefillProfile(
  tx: DbOrTx,
  profile: { id: string; partnershipId: string; schoolId: string; schoolYear: string },
  next: TemplateDefinition,
  definitionOf: (versionId: string) => Promise<TemplateDefinition>,
  now: Date,
  facts: PublicFacts | undefined,
): Promise<number> {
  // This year's public data (verdict, pupil count) wins over last year's answer to the same item.
  const fromPublicData = publicSourceRows(next, facts);
  await insertCarriedAnswers(tx, profile, fromPublicData, now, { carriedOver: false });
  const previous = await findLastFinalProfile(tx, profile.schoolId, profile.schoolYear);
  if (!previous) return fromPublicData.length;
  const stored = await listAnswers(tx, previous.id);
  const taken = new Set(fromPublicData.map((row) => row.itemKey));
  const carried = carryOverAnswers(await definitionOf(previous.templateVersionId), next, stored.answers, stored.limits).filter((row) => !taken.has(row.itemKey));
  await insertCarriedAnswers(tx, profile, carried, now);
  return fromPublicData.length + carried.length;
}

/** The daily job: opens every cycle whose open date has come. */
export async function openDueCycles(options: { db: Database; clock: Clock }): Promise<number> {
  const due = await listCyclesDueToOpen(options.db, amsterdamDate(options.clock.now()));
  let opened = 0;
  for (const cycle of due) {
    if (amsterdamDate(options.clock.now()) >= cycle.closesOn) continue;
    await openCycle({ ...options, auth: 'system', partnershipId: cycle.partnershipId, schoolYear: cycle.schoolYear });
    opened++;
  }
  return opened;
}
