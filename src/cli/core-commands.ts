import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { findUserByEmail, insertMembership, insertUser, updatePassword } from '../features/accounts/repository.js';
import { demoAccountsText, isDatabaseEmpty, seedDemoData } from '../features/demo/seed-demo-data.js';
import { recordAudit } from '../audit/record-audit.js';
import { runDueJobs } from '../jobs/queue.js';
import { registerCliCommand } from './commands.js';

registerCliCommand({
  name: ['migrate'],
  summary: 'Past de databasemigraties toe (gebeurt ook bij het starten).',
  usage: 'migrate',
  needsDatabase: true,
  async run({ io }) {
    io.out('Migraties zijn toegepast.');
    return 0;
  },
});

registerCliCommand({
  name: ['demo', 'seed'],
  summary: 'Laadt de demogegevens in een lege database.',
  usage: 'demo seed [--force]   (--force: ook als er al gegevens zijn; voegt een tweede demo-SWV toe is NIET mogelijk, dus alleen op een lege database)',
  needsDatabase: true,
  async run({ runtime, io }) {
    const { db, clock } = runtime!.deps;
    if (!(await isDatabaseEmpty(db))) {
      io.err('De database bevat al gegevens; demogegevens worden alleen in een lege database geladen. Gebruik een nieuwe DATA_DIR of database.');
      return 1;
    }
    await seedDemoData({ db, clock });
    io.out('Demogegevens geladen.\n' + demoAccountsText());
    return 0;
  },
});

registerCliCommand({
  name: ['admin', 'create'],
  summary: 'Maakt een platformbeheerder aan (of geeft een bestaand account die rol).',
  usage: 'admin create --email <adres> --name "<naam>"   (wachtwoord uit de omgevingsvariabele ADMIN_PASSWORD)',
  needsDatabase: true,
  async run({ args, runtime, io }) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true });
    const input = z
      .object({
        email: z.email({ error: '--email moet een geldig e-mailadres zijn' }),
        name: z.string({ error: '--name is verplicht' }).min(2, { error: '--name is verplicht' }),
        password: z.string({ error: `zet het wachtwoord in ADMIN_PASSWORD (minstens ${MIN_PASSWORD_LENGTH} tekens)` }).min(MIN_PASSWORD_LENGTH, {
          error: `ADMIN_PASSWORD moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben`,
        }),
      })
      .safeParse({ ...values, password: process.env['ADMIN_PASSWORD'] });
    if (!input.success) {
      for (const issue of input.error.issues) io.err(issue.message);
      return 2;
    }
    const { db, clock } = runtime!.deps;
    const now = clock.now();
    const passwordHash = await hashPassword(input.data.password);
    await db.transaction(async (tx) => {
      let user = await findUserByEmail(tx, input.data.email);
      if (!user) {
        const id = crypto.randomUUID();
        await insertUser(tx, { id, email: input.data.email, name: input.data.name, passwordHash, createdAt: now });
        user = await findUserByEmail(tx, input.data.email);
      } else {
        await updatePassword(tx, user.id, passwordHash);
      }
      await insertMembership(tx, { userId: user!.id, role: 'platform_admin' }, now);
      await recordAudit(tx, { at: now, actorUserId: null, partnershipId: null, action: 'user.make_platform_admin', entityType: 'user', entityId: user!.id });
    });
    io.out(`${input.data.email} is platformbeheerder.`);
    return 0;
  },
});

registerCliCommand({
  name: ['jobs', 'run'],
  summary: 'Voert alle achtergrondtaken uit die nu aan de beurt zijn (e-mail, herinneringen, documenten).',
  usage: 'jobs run',
  needsDatabase: true,
  async run({ runtime, io }) {
    const { db, clock, logger } = runtime!.deps;
    const count = await runDueJobs({ db, clock, logger, definitions: runtime!.jobs });
    io.out(`${count} taken uitgevoerd.`);
    return 0;
  },
});
