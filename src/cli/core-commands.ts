import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { deleteSessionsOfUser, findUserByEmail, insertMembership, insertUser, updatePassword } from '../features/accounts/api.js';
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
    io.out(`Demogegevens geladen.\n${demoAccountsText()}`);
    return 0;
  },
});

registerCliCommand({
  name: ['admin', 'create'],
  summary: 'Maakt een platformbeheerder aan; een bestaand account alleen met --reset-password (vervangt het wachtwoord en beëindigt de sessies).',
  usage: 'admin create --email <adres> --name "<naam>" [--reset-password]   (wachtwoord uit de omgevingsvariabele ADMIN_PASSWORD)',
  needsDatabase: true,
  async run({ args, runtime, io }) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, 'reset-password': { type: 'boolean' } }, strict: true });
    const input = z
      .object({
        email: z.email({ error: '--email moet een geldig e-mailadres zijn' }),
        name: z.string({ error: '--name is verplicht' }).min(2, { error: '--name is verplicht' }),
        password: z.string({ error: `zet het wachtwoord in ADMIN_PASSWORD (minstens ${MIN_PASSWORD_LENGTH} tekens)` }).min(MIN_PASSWORD_LENGTH, {
          error: `ADMIN_PASSWORD moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben`,
        }),
      })
      .safeParse({ email: values.email, name: values.name, password: process.env['ADMIN_PASSWORD'] });
    if (!input.success) {
      for (const issue of input.error.issues) io.err(issue.message);
      return 2;
    }
    const resetPassword = values['reset-password'] === true;
    const { db, clock } = runtime!.deps;
    const now = clock.now();
    const existing = await findUserByEmail(db, input.data.email);
    if (existing && !resetPassword) {
      // Silently replacing someone's password (and leaving their sessions open) is never what an operator means.
      io.err(
        `Er bestaat al een account met ${existing.email} (${existing.name}). Het wachtwoord is niet gewijzigd. ` +
          'Wilt u het wachtwoord vervangen door ADMIN_PASSWORD en de persoon platformbeheerder maken? Voeg dan --reset-password toe; ' +
          'alle sessies van dit account worden dan beëindigd.',
      );
      return 1;
    }
    const passwordHash = await hashPassword(input.data.password);
    let endedSessions = 0;
    await db.transaction(async (tx) => {
      let userId = existing?.id;
      if (!userId) {
        userId = crypto.randomUUID();
        await insertUser(tx, { id: userId, email: input.data.email, name: input.data.name, passwordHash, createdAt: now });
      } else {
        await updatePassword(tx, userId, passwordHash);
        endedSessions = await deleteSessionsOfUser(tx, userId);
        await recordAudit(tx, { at: now, actorUserId: null, partnershipId: null, action: 'user.reset_password_by_operator', entityType: 'user', entityId: userId, after: { endedSessions } });
      }
      const added = await insertMembership(tx, { userId, role: 'platform_admin' }, now);
      if (added) await recordAudit(tx, { at: now, actorUserId: null, partnershipId: null, action: 'user.make_platform_admin', entityType: 'user', entityId: userId });
    });
    io.out(
      existing
        ? `Het wachtwoord van ${input.data.email} is vervangen en ${endedSessions} sessie(s) zijn beëindigd; ${input.data.email} is platformbeheerder.`
        : `${input.data.email} is platformbeheerder.`,
    );
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
