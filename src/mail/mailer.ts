/**
 * Outgoing e-mail: over SMTP when SMTP_URL is set, otherwise into a local outbox
 * folder (one JSON file per message) that developers can open and tests can read.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

export function createOutboxMailer(outboxDir: string): Mailer {
  return {
    kind: 'outbox',
    async send(message) {
      mkdirSync(outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.json`;
      writeFileSync(path.join(outboxDir, name), JSON.stringify({ ...message, sentAt: new Date().toISOString() }, null, 2));
    },
  };
}

export interface OutboxMessage extends MailMessage {
  sentAt: string;
}

/** Messages in the outbox, oldest first. */
export function readOutbox(outboxDir: string): OutboxMessage[] {
  let names: string[];
  try {
    names = readdirSync(outboxDir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(outboxDir, name), 'utf8')) as OutboxMessage);
}

/** A mailer that keeps messages in memory, for unit and integration tests. */
export class MemoryMailer implements Mailer {
  readonly kind = 'outbox' as const;
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
}
