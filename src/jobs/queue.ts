/**
 * A small job queue in PostgreSQL. Jobs are claimed with FOR UPDATE SKIP LOCKED,
 * so any number of app processes can run workers against one database without
 * doing a job twice; a job whose worker died is picked up again after its lease.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../config/clock.js';
import type { Logger } from '../config/logger.js';
import type { Database, DbOrTx } from '../db/client.js';
import { jobs } from './schema.js';

export interface JobDefinition<P> {
  kind: string;
  payload: z.ZodType<P>;
  run(payload: P, context: JobContext): Promise<unknown>;
}

export interface JobContext {
  jobId: string;
  /** Stores the job's progress and renews its lease (LEASE_SECONDS from now). */
  reportProgress(progress: unknown): Promise<void>;
}

export type JobKind<P> = Pick<JobDefinition<P>, 'kind' | 'payload'>;

export function defineJobKind<P>(kind: string, payload: z.ZodType<P>): JobKind<P> {
  return { kind, payload };
}

export async function enqueueJob<P>(
  db: DbOrTx,
  definition: JobKind<P>,
  payload: P,
  options: { now: Date; runAt?: Date; dedupeKey?: string; maxAttempts?: number },
): Promise<string | null> {
  const checked = definition.payload.parse(payload);
  const id = crypto.randomUUID();
  const inserted = await db
    .insert(jobs)
    .values({
      id,
      kind: definition.kind,
      payload: checked as object,
      runAt: options.runAt ?? options.now,
      createdAt: options.now,
      dedupeKey: options.dedupeKey ?? null,
      maxAttempts: options.maxAttempts ?? 5,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return inserted[0]?.id ?? null;
}

const LEASE_SECONDS = 300;

type JobRow = { id: string; kind: string; payload: unknown; attempts: number; max_attempts: number };

/** Jobs whose process died during their last allowed attempt: failed for good, not retried forever. */
async function failExhaustedJobs(db: Database, now: Date, kinds: string[]): Promise<void> {
  const nowIso = now.toISOString();
  const kindList = sql.join(kinds.map((kind) => sql`${kind}`), sql`, `);
  await db.execute(sql`
    update jobs set status = 'failed', locked_until = null, finished_at = ${nowIso}::timestamptz,
      last_error = coalesce(last_error, 'Het proces stopte tijdens deze taak, ook bij de laatste poging.')
    where kind in (${kindList}) and status = 'running' and locked_until < ${nowIso}::timestamptz and attempts >= max_attempts`);
}

async function claimNextJob(db: Database, now: Date, kinds: string[]): Promise<JobRow | null> {
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
  const kindList = sql.join(kinds.map((kind) => sql`${kind}`), sql`, `);
  await failExhaustedJobs(db, now, kinds);
  const result = await db.execute(sql`
    update jobs set status = 'running', attempts = attempts + 1, locked_until = ${leaseUntil}::timestamptz
    where id = (
      select id from jobs
      where kind in (${kindList})
        and ((status = 'queued' and run_at <= ${nowIso}::timestamptz)
          or (status = 'running' and locked_until < ${nowIso}::timestamptz and attempts < max_attempts))
      order by run_at
      for update skip locked
      limit 1
    )
    returning id, kind, payload, attempts, max_attempts`);
  const rows = (result as unknown as { rows: JobRow[] }).rows;
  return rows[0] ?? null;
}

export interface JobRunnerOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  definitions: JobDefinition<any>[];
}

/** Runs every job that is due now, one after another; returns how many ran. Used by the worker loop and by tests. */
export async function runDueJobs(options: JobRunnerOptions, limit = 100): Promise<number> {
  const { db, clock, logger, definitions } = options;
  const byKind = new Map(definitions.map((definition) => [definition.kind, definition]));
  let count = 0;
  while (count < limit) {
    const job = await claimNextJob(db, clock.now(), [...byKind.keys()]);
    if (!job) break;
    count++;
    const definition = byKind.get(job.kind)!;
    // `attempts` grows with every claim: a worker whose lease ran out (and whose job another process
    // claimed again) can no longer change the row.
    const claimed = sql`id = ${job.id} and attempts = ${job.attempts}`;
    try {
      const payload = definition.payload.parse(job.payload);
      const result = await definition.run(payload, {
        jobId: job.id,
        // Reporting progress also renews the lease, so a long job is not claimed again meanwhile.
        reportProgress: async (progress) => {
          const lockedUntil = new Date(clock.now().getTime() + LEASE_SECONDS * 1000);
          await db.update(jobs).set({ progress: progress as object, lockedUntil }).where(claimed);
        },
      });
      await db
        .update(jobs)
        .set({ status: 'done', finishedAt: clock.now(), result: (result ?? null) as object, lockedUntil: null })
        .where(claimed);
    } catch (error) {
      const failedForGood = job.attempts >= job.max_attempts;
      const retryAt = new Date(clock.now().getTime() + Math.min(3600, 2 ** job.attempts * 15) * 1000);
      logger.error({ err: error, jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job failed');
      await db
        .update(jobs)
        .set({
          status: failedForGood ? 'failed' : 'queued',
          runAt: retryAt,
          lastError: error instanceof Error ? error.message : String(error),
          lockedUntil: null,
          finishedAt: failedForGood ? clock.now() : null,
        })
        .where(claimed);
    }
  }
  return count;
}

/** Polls for due jobs until stopped. Each app process may run one. */
export function startJobWorker(options: JobRunnerOptions & { intervalMs?: number }): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = runDueJobs(options).catch((error: unknown) => options.logger.error({ err: error }, 'job worker tick failed'));
    await running;
    if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 1000);
  };
  let timer = setTimeout(tick, options.intervalMs ?? 1000);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
