/**
 * Reminders from the progress overview: the SWV (any of its schools) or a board (its own schools) selects schools
 * that have not submitted and each school's editors get an e-mail. Audited per school, and never twice the same day for a school: a school reminded today (by anyone,
 * found in the audit log) is skipped, and each mail's dedupe key carries the profile, the date and the recipient,
 * so two admins pressing the button at once still send one mail per editor.
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { getBoard } from '../partnerships/api.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { enqueueJob } from '../../jobs/queue.js';
import { sendMailJobKind } from '../../mail/send-mail-job.js';
import type { Authorized } from '../../ui/route.js';
import { amsterdamDate, formatDateIn } from './editability.js';
import { getCycleFor, listProfilesRemindedOn, listProgressRows, listSchoolEditors } from './repository.js';
import { cycleRulesT, mailT } from './transition-rules.js';

export const REMIND_AUDIT_ACTION = 'profile.remind';

export interface RemindResult {
  /** Schools whose editors got a reminder now. */
  reminded: number;
  /** Schools skipped because they were reminded today already. */
  alreadyToday: number;
  /** Schools skipped because they submitted already. */
  notOpen: number;
  /** Schools skipped because nobody can fill in their SOP (no school editor). */
  noEditors: number;
}

const OPEN = new Set(['not_started', 'in_progress']);

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function remindSchools(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  /** The SWV's overview (any school of the SWV) or a board's (only the board's own schools). */
  place: { partnershipId: string } | { boardId: string };
  schoolYear: string;
  profileIds: string[];
  baseUrl: string;
}): Promise<RemindResult> {
  const { db, clock, auth, place, schoolYear } = options;
  let partnershipId: string;
  let boardId: string | undefined;
  if ('partnershipId' in place) {
    assertInScope('remindSchools', auth, { partnershipId: place.partnershipId });
    partnershipId = place.partnershipId;
  } else {
    const board = await getBoard(db, place.boardId);
    if (!board) throw new AppError('not_found');
    assertInScope('remindSchools.board', auth, { boardId: board.id });
    partnershipId = board.partnershipId;
    boardId = board.id;
  }
  const now = clock.now();
  const today = amsterdamDate(now);
  return db.transaction(async (tx) => {
    const cycle = await getCycleFor(tx, partnershipId, schoolYear);
    if (!cycle) throw new AppError('not_found');
    if (today > cycle.closesOn) throw new AppError('invalid_state', cycleRulesT(auth.principal.locale)('remindClosed', { year: schoolYear }));
    // Only profiles of this SWV's round (of the board's schools, for a board): any other id is not found (it may
    // belong to another board or tenant), and nothing is sent.
    const rows = new Map((await listProgressRows(tx, partnershipId, schoolYear, boardId)).map((row) => [row.profileId, row]));
    const chosen = [...new Set(options.profileIds)].map((id) => rows.get(id));
    if (chosen.some((row) => row === undefined)) throw new AppError('not_found');
    const result: RemindResult = { reminded: 0, alreadyToday: 0, notOpen: 0, noEditors: 0 };
    const open = chosen.filter((row) => row && OPEN.has(row.status)) as NonNullable<(typeof chosen)[number]>[];
    result.notOpen = chosen.length - open.length;
    const remindedToday = new Set(await listProfilesRemindedOn(tx, REMIND_AUDIT_ACTION, open.map((row) => row.profileId), today));
    const due = open.filter((row) => !remindedToday.has(row.profileId));
    result.alreadyToday = open.length - due.length;
    const editors = await listSchoolEditors(tx, due.map((row) => row.schoolId));
    const days = daysBetween(today, cycle.submitDeadline);
    for (const row of due) {
      const recipients = editors.filter((editor) => editor.schoolId === row.schoolId);
      if (recipients.length === 0) {
        result.noEditors += 1;
        continue;
      }
      for (const editor of recipients) {
        const params = { name: editor.name, year: schoolYear, school: row.schoolName, date: formatDateIn(cycle.submitDeadline, editor.locale), link: `${options.baseUrl}/profielen/${row.profileId}` };
        const mail = mailT(editor.locale);
        const body = days >= 0 ? mail('manualReminderMailBody', { ...params, days }) : mail('manualReminderLateMailBody', params);
        await enqueueJob(tx, sendMailJobKind, { to: editor.email, subject: mail('manualReminderMailSubject', params), text: body }, { now, dedupeKey: `cycle.manual-reminder:${row.profileId}:${today}:${editor.userId}` });
      }
      await recordAudit(tx, {
        at: now,
        actorUserId: auth.principal.userId,
        partnershipId,
        action: REMIND_AUDIT_ACTION,
        entityType: 'profile',
        entityId: row.profileId,
        after: { date: today, schoolId: row.schoolId, recipients: recipients.length },
      });
      result.reminded += 1;
    }
    return result;
  });
}
