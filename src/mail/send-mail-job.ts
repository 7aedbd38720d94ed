import { z } from 'zod';
import type { Clock } from '../config/clock.js';
import type { DbOrTx } from '../db/client.js';
import { defineJobKind, enqueueJob, type JobDefinition } from '../jobs/queue.js';
import type { MailMessage, Mailer } from './mailer.js';

export const sendMailJobKind = defineJobKind(
  'mail.send',
  z.object({ to: z.email(), subject: z.string().min(1), text: z.string().min(1) }),
);

/** E-mail goes out through a job so a slow or failing SMTP server never loses a message or blocks a page. */
export function sendMailJob(mailer: Mailer): JobDefinition<MailMessage> {
  return { ...sendMailJobKind, run: (message) => mailer.send(message) };
}

export function queueMail(db: DbOrTx, clock: Clock, message: MailMessage): Promise<string | null> {
  return enqueueJob(db, sendMailJobKind, message, { now: clock.now() });
}
