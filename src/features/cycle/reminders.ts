/**
 * Background work of the cycle, stored in the jobs table (safe with several app processes):
 * - `cycle.daily`: once a day (dedupe key with the date) opens due cycles and queues the day's reminders;
 *   the next day's run is scheduled whatever happens (in a finally), so one failure does not stop the chain;
 * - reminders: from 14 and from 3 days before the deadline, one e-mail per school editor of every school
 *   that has not submitted. Deduplicated per cycle, threshold, school and recipient (not per day): a job
 *   that skipped a day still sends, and moving the deadline does not send the same reminder again.
 */
import { z } from 'zod';
import type { Clock } from '../../config/clock.js';
import type { Logger } from '../../config/logger.js';
import type { Database } from '../../db/client.js';
import { defineJobKind, enqueueJob, type JobDefinition } from '../../jobs/queue.js';
import { sendMailJobKind } from '../../mail/send-mail-job.js';
import { listProgressRows, listRunningCycles, listSchoolEditors } from './repository.js';
import { amsterdamDate, formatDateIn } from './editability.js';
import { openDueCycles } from './open-cycle.js';
import { mailT } from './transition-rules.js';

/** Days before the submission deadline on which schools that have not submitted get a reminder. */
export const REMINDER_DAYS_BEFORE = [14, 3] as const;

export const cycleDailyJobKind = defineJobKind('cycle.daily', z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }));
export const cycleRemindersJobKind = defineJobKind('cycle.reminders', z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }));

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Which reminder is due with `daysLeft` days to the deadline: the nearest threshold at or above it
 * (3 days left or fewer → the 3-day reminder; 4–14 → the 14-day one); none after the deadline.
 * Each threshold is sent once, so a job that missed the exact day still sends, and never two at once.
 */
export function reminderThreshold(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const applicable = REMINDER_DAYS_BEFORE.filter((days) => days >= daysLeft);
  return applicable.length === 0 ? null : Math.min(...applicable);
}

/** Queues today's reminders; returns how many e-mails were newly queued (0 when already done today). */
export async function queueDeadlineReminders(options: { db: Database; clock: Clock; baseUrl: string; date?: string }): Promise<number> {
  const { db, clock } = options;
  const today = options.date ?? amsterdamDate(clock.now());
  let queued = 0;
  for (const cycle of await listRunningCycles(db, today)) {
    const daysLeft = daysBetween(today, cycle.submitDeadline);
    const threshold = reminderThreshold(daysLeft);
    if (threshold === null) continue;
    const open = (await listProgressRows(db, cycle.partnershipId, cycle.schoolYear)).filter((row) => row.status === 'not_started' || row.status === 'in_progress');
    const bySchool = new Map(open.map((row) => [row.schoolId, row]));
    for (const editor of await listSchoolEditors(db, [...bySchool.keys()])) {
      const row = bySchool.get(editor.schoolId)!;
      const params = { name: editor.name, year: cycle.schoolYear, school: row.schoolName, date: formatDateIn(cycle.submitDeadline, editor.locale), days: daysLeft, link: `${options.baseUrl}/profielen/${row.profileId}` };
      const id = await enqueueJob(db, sendMailJobKind, { to: editor.email, subject: mailT(editor.locale)('reminderMailSubject', params), text: mailT(editor.locale)('reminderMailBody', params) }, {
        now: clock.now(),
        dedupeKey: `cycle.reminder:${cycle.id}:${threshold}:${row.schoolId}:${editor.userId}`,
      });
      if (id) queued++;
    }
  }
  return queued;
}

/** Schedules the daily check for a date (no-op when it is already queued, on any process). */
export function scheduleDailyCheck(db: Database, clock: Clock, date: string): Promise<string | null> {
  // 05:00 UTC is 06:00 or 07:00 in the Netherlands: before anyone starts working.
  const runAt = new Date(Math.max(Date.parse(`${date}T05:00:00Z`), clock.now().getTime()));
  return enqueueJob(db, cycleDailyJobKind, { date }, { now: clock.now(), runAt, dedupeKey: `cycle.daily:${date}` });
}

export function cycleJobs(deps: { db: Database; clock: Clock; logger: Logger; config: { PUBLIC_BASE_URL?: string | undefined } }): JobDefinition<any>[] {
  const baseUrl = deps.config.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? 'http://localhost:3000';
  // Make sure today's check exists; several processes may do this at once, the dedupe key keeps one.
  scheduleDailyCheck(deps.db, deps.clock, amsterdamDate(deps.clock.now())).catch((error: unknown) =>
    deps.logger.error({ err: error }, 'could not schedule the daily cycle check'),
  );
  const daily: JobDefinition<{ date: string }> = {
    ...cycleDailyJobKind,
    run: async ({ date }) => {
      try {
        return { opened: await openDueCycles(deps) };
      } finally {
        // Tomorrow's check and today's reminders, even when opening failed (the queue logs and retries the failure).
        await scheduleDailyCheck(deps.db, deps.clock, nextDay(date));
        await enqueueJob(deps.db, cycleRemindersJobKind, { date }, { now: deps.clock.now(), dedupeKey: `cycle.reminders:${date}` });
      }
    },
  };
  const reminders: JobDefinition<{ date: string }> = {
    ...cycleRemindersJobKind,
    run: async ({ date }) => ({ queued: await queueDeadlineReminders({ db: deps.db, clock: deps.clock, baseUrl, date }) }),
  };
  return [daily, reminders];
}
