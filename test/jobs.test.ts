/**
 * The job queue (src/jobs/queue.ts) on PGlite and PostgreSQL: a job whose process died is retried
 * after its lease, but not beyond its attempts, and a worker whose lease ran out cannot overwrite the
 * result of the process that took the job over.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FixedClock } from '../src/config/clock.js';
import { createLogger } from '../src/config/logger.js';
import type { DatabaseHandle } from '../src/db/client.js';
import { defineJobKind, enqueueJob, runDueJobs, type JobDefinition } from '../src/jobs/queue.js';
import { jobs } from '../src/jobs/schema.js';
import { openTestDatabase, TEST_DATABASE_KINDS } from './support/test-db.js';

const exportKind = defineJobKind('test.export', z.object({ label: z.string() }));

describe.each(TEST_DATABASE_KINDS)('job queue (%s)', (kind) => {
  let database: DatabaseHandle;
  const clock = new FixedClock('2026-11-02T09:00:00+01:00');
  const logger = createLogger('silent');
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });
  const row = async (id: string) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

  it('fails a job for good when its process died during the last attempt, instead of retrying it forever', async () => {
    const id = (await enqueueJob(database.db, exportKind, { label: 'dood' }, { now: clock.now(), maxAttempts: 2 }))!;
    // Two claims whose processes died: running, lease expired, attempts used up.
    await database.db.update(jobs).set({ status: 'running', attempts: 2, lockedUntil: new Date(clock.now().getTime() - 1000) }).where(eq(jobs.id, id));
    let ran = 0;
    const definition: JobDefinition<{ label: string }> = { ...exportKind, run: async () => void ran++ };
    await runDueJobs({ db: database.db, clock, logger, definitions: [definition] });
    expect(ran).toBe(0);
    expect(await row(id)).toMatchObject({ status: 'failed', lockedUntil: null });
    expect((await row(id)).lastError).toContain('laatste poging');
  });

  it('lets the process that took over an expired job finish it; the stale worker changes nothing', async () => {
    const id = (await enqueueJob(database.db, exportKind, { label: 'traag' }, { now: clock.now() }))!;
    const runner = { db: database.db, clock, logger, definitions: [] as JobDefinition<{ label: string }>[] };
    let calls = 0;
    runner.definitions.push({
      ...exportKind,
      run: async () => {
        calls += 1;
        if (calls === 1) {
          // The first worker stalls past its lease; another process claims the job again and finishes it.
          clock.set(new Date(clock.now().getTime() + 10 * 60 * 1000).toISOString());
          await runDueJobs(runner);
          return { by: 'first' };
        }
        return { by: 'second' };
      },
    });
    await runDueJobs(runner);
    expect(calls).toBe(2);
    expect(await row(id)).toMatchObject({ status: 'done', attempts: 2, result: { by: 'second' } });
  });
});
