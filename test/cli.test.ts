import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/commands.js';
import { runCli } from '../src/cli/run-cli.js';
import { openDatabase } from '../src/db/client.js';
import { eq } from 'drizzle-orm';
import { auditLog } from '../src/audit/schema.js';
import { systemClock } from '../src/config/clock.js';
import { findUserByEmail, loadPrincipal } from '../src/features/accounts/repository.js';
import { sessions } from '../src/features/accounts/schema.js';
import { startSession } from '../src/features/accounts/sessions.js';

function captureIo(): CliIo & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return { output, errors, out: (text) => output.push(text), err: (text) => errors.push(text) };
}

describe('operator command line', () => {
  let dataDir: string;
  const saved = { ...process.env };
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'opensop-cli-'));
    process.env['DATA_DIR'] = dataDir;
    process.env['LOG_LEVEL'] = 'silent';
    delete process.env['DATABASE_URL'];
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists its commands', async () => {
    const io = captureIo();
    expect(await runCli([], io)).toBe(0);
    const help = io.output.join('\n');
    for (const command of ['migrate', 'demo seed', 'admin create', 'jobs run']) expect(help).toContain(command);
  });

  it('rejects an unknown command with the list of commands', async () => {
    const io = captureIo();
    expect(await runCli(['toveren'], io)).toBe(2);
    expect(io.errors.join('\n')).toContain('Onbekende opdracht: toveren');
  });

  it('migrates, seeds demo data once, and creates a platform admin', async () => {
    expect(await runCli(['migrate'], captureIo())).toBe(0);
    const seeded = captureIo();
    expect(await runCli(['demo', 'seed'], seeded)).toBe(0);
    expect(seeded.output.join('\n')).toContain('swv@voorbeeldstad.example');
    const again = captureIo();
    expect(await runCli(['demo', 'seed'], again)).toBe(1);
    expect(again.errors.join('\n')).toContain('alleen in een lege database');

    const missing = captureIo();
    delete process.env['ADMIN_PASSWORD'];
    expect(await runCli(['admin', 'create', '--email', 'ops@swv.example', '--name', 'Olga Ops'], missing)).toBe(2);
    expect(missing.errors.join('\n')).toContain('ADMIN_PASSWORD');

    process.env['ADMIN_PASSWORD'] = 'een sterk wachtwoord';
    expect(await runCli(['admin', 'create', '--email', 'ops@swv.example', '--name', 'Olga Ops'], captureIo())).toBe(0);
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    const user = await findUserByEmail(handle.db, 'ops@swv.example');
    const principal = await loadPrincipal(handle.db, user!.id);
    await handle.close();
    expect(principal!.memberships.map((m) => m.role)).toEqual(['platform_admin']);
  }, 60_000);

  it('never silently replaces an existing account\'s password; with --reset-password it ends their sessions and audits it', async () => {
    process.env['ADMIN_PASSWORD'] = 'een ander sterk wachtwoord';
    const refused = captureIo();
    expect(await runCli(['admin', 'create', '--email', 'swv@voorbeeldstad.example', '--name', 'Sanne'], refused)).toBe(1);
    expect(refused.errors.join('\n')).toContain('Er bestaat al een account met swv@voorbeeldstad.example');
    expect(refused.errors.join('\n')).toContain('--reset-password');

    let handle = await openDatabase({ kind: 'pglite', dataDir });
    const user = (await findUserByEmail(handle.db, 'swv@voorbeeldstad.example'))!;
    const hashBefore = user.passwordHash;
    await startSession(handle.db, systemClock, user.id);
    await handle.close();

    const reset = captureIo();
    expect(await runCli(['admin', 'create', '--email', 'swv@voorbeeldstad.example', '--name', 'Sanne', '--reset-password'], reset)).toBe(0);
    expect(reset.output.join('\n')).toContain('1 sessie(s) zijn beëindigd');
    handle = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect((await findUserByEmail(handle.db, 'swv@voorbeeldstad.example'))!.passwordHash).not.toBe(hashBefore);
      expect(await handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
      const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
      expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['user.reset_password_by_operator', 'user.make_platform_admin']));
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('tells the operator to stop the server when it holds the database', async () => {
    const server = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const io = captureIo();
      // Same process, so simulate the other holder by pretending the lock belongs to our parent process.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(dataDir, 'opensop.lock'), JSON.stringify({ pid: process.ppid, host: os.hostname() }));
      expect(await runCli(['migrate'], io)).toBe(1);
      expect(io.errors.join('\n')).toContain('Stop eerst de draaiende server');
    } finally {
      await server.close();
    }
  });
});
