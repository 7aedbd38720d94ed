/** Another SWV with a user in every role, to probe that one tenant never reaches another's data. */
import { hashPassword } from '../../src/auth/password.js';
import type { Role } from '../../src/auth/roles.js';
import type { Clock } from '../../src/config/clock.js';
import type { Database } from '../../src/db/client.js';
import { insertMembership, insertUser } from '../../src/features/accounts/repository.js';
import { boards, partnerships, schools } from '../../src/features/partnerships/schema.js';

export interface SecondTenantIds {
  partnershipId: string;
  boardId: string;
  schoolId: string;
  userIds: Record<'partnership_admin' | 'board_user' | 'school_editor' | 'council_member', string>;
}

export async function seedSecondTenant(db: Database, clock: Clock): Promise<SecondTenantIds> {
  const now = clock.now();
  const ids = { partnershipId: crypto.randomUUID(), boardId: crypto.randomUUID(), schoolId: crypto.randomUUID() };
  await db.insert(partnerships).values({ id: ids.partnershipId, slug: 'rivierenland', name: 'SWV Passend Onderwijs Rivierenland', createdAt: now });
  await db.insert(boards).values({ id: ids.boardId, partnershipId: ids.partnershipId, name: 'Stichting Scholen aan de Rivier' });
  await db.insert(schools).values({
    id: ids.schoolId,
    partnershipId: ids.partnershipId,
    boardId: ids.boardId,
    name: 'De Waterlelie',
    brin: '99ZZ',
    locationCode: '99ZZ00',
    city: 'Rivierstad',
    createdAt: now,
  });
  const passwordHash = await hashPassword('Rivier-wachtwoord-1');
  const userIds = {} as SecondTenantIds['userIds'];
  const roles: Array<[keyof SecondTenantIds['userIds'], Record<string, string>]> = [
    ['partnership_admin', { partnershipId: ids.partnershipId }],
    ['board_user', { boardId: ids.boardId }],
    ['school_editor', { schoolId: ids.schoolId }],
    ['council_member', { schoolId: ids.schoolId }],
  ];
  for (const [role, place] of roles) {
    const id = crypto.randomUUID();
    await insertUser(db, { id, email: `${role}@rivierenland.example`, name: `Rivier ${role}`, passwordHash, createdAt: now });
    await insertMembership(db, { userId: id, role: role as Role, ...place }, now);
    userIds[role] = id;
  }
  return { ...ids, userIds };
}
