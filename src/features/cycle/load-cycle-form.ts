/**
 * The form for a new SOP round or for changing one: the published questionnaire versions to choose from,
 * and the values to start with (the round's own, or a proposal for the next school year).
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership } from '../partnerships/api.js';
import { listTemplates, listTemplateVersions } from '../templates/api.js';
import { amsterdamDate } from './editability.js';
import { listCycles, type CycleRow } from './repository.js';
import { calendarDates, CYCLE_CALENDARS, findCalendar, type CycleCalendar, type RoundDates } from './calendars.js';

export interface VersionChoice {
  id: string;
  templateName: string;
  number: number;
  schoolYear: string | null;
}

export type CycleFormValues = Record<string, string>;

export interface CycleFormPage {
  partnership: { id: string; name: string };
  /** The round being changed; null for a new one. */
  existing: CycleRow | null;
  versions: VersionChoice[];
  /** What the form shows before the admin types anything. */
  values: CycleFormValues;
  /** The calendars a new round can start from, and the one the proposal follows. */
  calendars: readonly CycleCalendar[];
  calendar: CycleCalendar;
}

/**
 * The round a new-round form proposes: the first school year after the newest round whose dates have not
 * passed (it opens today or later) and that opens once the newest round has closed. Without rounds, the
 * first school year from last year on that can still run.
 */
export function proposeNextRound(latest: { schoolYear: string; closesOn: string } | null, today: string, datesOf: (schoolYear: string) => RoundDates): { schoolYear: string; dates: RoundDates } {
  let first = latest ? Number(latest.schoolYear.slice(0, 4)) + 1 : Number(today.slice(0, 4)) - 1;
  for (let tries = 0; ; tries++, first++) {
    const schoolYear = `${first}-${first + 1}`;
    const dates = datesOf(schoolYear);
    const canRun = dates.opensOn >= today && (!latest || dates.opensOn >= latest.closesOn);
    // Bounded: a calendar whose dates lie before their school year still ends the search.
    if (canRun || tries >= 50) return { schoolYear, dates };
  }
}

export async function loadCycleForm(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  schoolYear: string | null;
  /** The calendar to propose dates from (new rounds); unknown or absent: the default. */
  calendarKey?: string | null;
}): Promise<CycleFormPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadCycleForm', auth, { partnershipId });
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const cycles = await listCycles(db, partnershipId);
  const existing = options.schoolYear === null ? null : (cycles.find((cycle) => cycle.schoolYear === options.schoolYear) ?? null);
  if (options.schoolYear !== null && !existing) throw new AppError('not_found');
  const versions: VersionChoice[] = [];
  for (const template of await listTemplates(db, partnershipId)) {
    for (const version of await listTemplateVersions(db, template.id)) {
      if (version.status === 'published') versions.push({ id: version.id, templateName: template.name, number: version.number, schoolYear: version.schoolYear });
    }
  }
  const calendar = findCalendar(options.calendarKey);
  let values: CycleFormValues;
  if (existing) {
    values = {
      schoolYear: existing.schoolYear,
      opensOn: existing.opensOn,
      submitDeadline: existing.submitDeadline,
      closesOn: existing.closesOn,
      templateVersionId: existing.templateVersionId,
      allowLateSubmission: existing.allowLateSubmission ? 'ja' : 'nee',
      boardNotice: existing.boardNotice === 'at_submission' ? 'bij-indienen' : 'na-mr',
      pupilVoiceRequired: existing.pupilVoiceRequired,
    };
  } else {
    const { schoolYear, dates } = proposeNextRound(cycles[0] ?? null, amsterdamDate(options.clock.now()), (year) => calendarDates(calendar, year));
    const newest = versions.find((entry) => entry.schoolYear === schoolYear) ?? versions[0];
    values = { schoolYear, ...dates, templateVersionId: newest?.id ?? '', allowLateSubmission: 'nee', boardNotice: 'na-mr', pupilVoiceRequired: cycles[0]?.pupilVoiceRequired ?? 'none' };
  }
  return { partnership: { id: partnership.id, name: partnership.name }, existing, versions, values, calendars: CYCLE_CALENDARS, calendar };
}
