import { count } from 'drizzle-orm';
import { hashPassword } from '../../auth/password.js';
import type { Role } from '../../auth/roles.js';
import type { Clock } from '../../config/clock.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { insertMembership, insertMembershipScopes, insertUser } from '../accounts/api.js';
import { replaceSchoolContacts } from '../partnerships/api.js';
import { boards, districts, partnerships, schools } from '../partnerships/schema.js';
import { DEMO_PASSWORD, demoBoards, demoDistricts, demoPartnership, demoSchoolContacts, demoSchools, demoUsers } from './demo-organisation.js';

export interface DemoIds {
  partnershipId: string;
  boardIds: Record<string, string>;
  schoolIds: Record<string, string>;
  userIds: Record<string, string>;
}

/** Later capabilities (templates, cycle, …) add their demo content through these steps. */
export type DemoStep = (options: { db: Database; clock: Clock; ids: DemoIds }) => Promise<void>;
export const demoSteps: DemoStep[] = [];

export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(partnerships);
  return (row?.n ?? 0) === 0;
}

export async function seedDemoData(options: { db: Database; clock: Clock }): Promise<DemoIds> {
  const { db, clock } = options;
  const now = clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: DemoIds = { partnershipId: crypto.randomUUID(), boardIds: {}, schoolIds: {}, userIds: {} };
  await db.transaction(async (tx) => {
    await tx.insert(partnerships).values({ id: ids.partnershipId, ...demoPartnership, createdAt: now });
    const districtIds: Record<string, string> = {};
    for (const name of demoDistricts) {
      districtIds[name] = crypto.randomUUID();
      await tx.insert(districts).values({ id: districtIds[name], partnershipId: ids.partnershipId, name });
    }
    for (const board of demoBoards) {
      ids.boardIds[board.key] = crypto.randomUUID();
      await tx.insert(boards).values({ id: ids.boardIds[board.key]!, partnershipId: ids.partnershipId, name: board.name, boardNumber: board.boardNumber });
    }
    for (const school of demoSchools) {
      ids.schoolIds[school.key] = crypto.randomUUID();
      await tx.insert(schools).values({
        id: ids.schoolIds[school.key]!,
        partnershipId: ids.partnershipId,
        boardId: ids.boardIds[school.board]!,
        districtId: districtIds[school.district] ?? null,
        name: school.name,
        brin: school.brin,
        locationCode: `${school.brin}${school.vestiging}`,
        street: school.street,
        postalCode: school.postalCode,
        city: school.city,
        denomination: school.denomination,
        website: `https://www.${school.key}.example`,
        // The register's DUO facts: sector and type (demo schools are primary schools), house number for CBS districts.
        sector: 'po',
        schoolTypes: ['bao'],
        municipalityCode: '0999',
        houseNumber: /(\d+\S*)$/.exec(school.street)?.[1] ?? null,
        createdAt: now,
      });
      await replaceSchoolContacts(tx, { id: ids.schoolIds[school.key]!, partnershipId: ids.partnershipId }, demoSchoolContacts[school.key]);
    }
    for (const user of demoUsers) {
      const id = crypto.randomUUID();
      ids.userIds[user.email] = id;
      await insertUser(tx, { id, email: user.email, name: user.name, passwordHash, createdAt: now });
      const [kind, key] = (user.place ?? '').split(':');
      const membershipId = await insertMembership(
        tx,
        {
          userId: id,
          role: user.role as Role,
          partnershipId: kind === 'partnership' ? ids.partnershipId : null,
          boardId: kind === 'board' ? ids.boardIds[key!]! : null,
          schoolId: kind === 'school' ? ids.schoolIds[key!]! : null,
        },
        now,
      );
      if ('limitedToBoard' in user && membershipId) await insertMembershipScopes(tx, membershipId, { boardIds: [ids.boardIds[user.limitedToBoard]!], schoolIds: [] });
    }
  });
  for (const step of demoSteps) await step({ db, clock, ids });
  return ids;
}

export function demoAccountsText(): string {
  const lines = demoUsers.map((user) => `  ${user.email.padEnd(30)} ${user.role}`);
  return `Demo-accounts (wachtwoord voor allemaal: ${DEMO_PASSWORD}):\n${lines.join('\n')}`;
}
