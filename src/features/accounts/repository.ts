/** The only module that reads and writes the accounts tables. */
import { and, count, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Membership, Principal, Role } from '../../auth/roles.js';
import type { DbOrTx } from '../../db/client.js';
import { boards, partnerships, schools } from '../partnerships/schema.js';
import { loginAttempts, memberships, membershipScopes, pendingLogins, recoveryCodes, secondFactors, sessions, users, userTokens } from './schema.js';

export type UserRow = typeof users.$inferSelect;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.email, normalizeEmail(email)));
  return user ?? null;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function insertUser(db: DbOrTx, user: { id: string; email: string; name: string; passwordHash?: string | null; locale?: 'nl' | 'en'; createdAt: Date }): Promise<void> {
  await db.insert(users).values({ ...user, email: normalizeEmail(user.email) });
}

export async function updatePassword(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function updateLocale(db: DbOrTx, userId: string, locale: 'nl' | 'en'): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export interface NewMembership {
  userId: string;
  role: Role;
  partnershipId?: string | null;
  boardId?: string | null;
  schoolId?: string | null;
}

/** Whether the user holds exactly this role at exactly this place. */
export async function holdsMembership(db: DbOrTx, where: { userId: string; role: Role; partnershipId: string | null; boardId: string | null; schoolId: string | null }): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, where.userId),
        eq(memberships.role, where.role),
        where.partnershipId ? eq(memberships.partnershipId, where.partnershipId) : isNull(memberships.partnershipId),
        where.boardId ? eq(memberships.boardId, where.boardId) : isNull(memberships.boardId),
        where.schoolId ? eq(memberships.schoolId, where.schoolId) : isNull(memberships.schoolId),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Adds a role; returns its id, or null when the user already holds it there. */
export async function insertMembership(db: DbOrTx, membership: NewMembership, now: Date): Promise<string | null> {
  const inserted = await db
    .insert(memberships)
    .values({
      id: crypto.randomUUID(),
      userId: membership.userId,
      role: membership.role,
      partnershipId: membership.partnershipId ?? null,
      boardId: membership.boardId ?? null,
      schoolId: membership.schoolId ?? null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return inserted[0]?.id ?? null;
}

/** The user with every role and the name of the place it is held at. */
export async function loadPrincipal(db: DbOrTx, userId: string): Promise<Principal | null> {
  const rows = await selectPrincipalRows(db, eq(users.id, userId));
  return principalFromRows(rows);
}

/**
 * The principal behind a live session, in one round trip (it runs on every request):
 * session, user and memberships joined.
 */
export async function loadSessionPrincipal(db: DbOrTx, tokenHash: string, now: Date): Promise<{ principal: Principal; csrfToken: string } | null> {
  let prepared = sessionPrincipalQueries.get(db);
  if (!prepared) sessionPrincipalQueries.set(db, (prepared = prepareSessionPrincipal(db)));
  const rows = await prepared.execute({ tokenHash, now });
  const principal = principalFromRows(rows);
  return principal && rows[0]?.csrfToken ? { principal, csrfToken: rows[0].csrfToken } : null;
}

/**
 * Every request with a session cookie runs this query: built once per database and run as a named prepared
 * statement, so neither drizzle nor PostgreSQL parse and plan it per request (bench/README.md, Autosave).
 */
function prepareSessionPrincipal(db: DbOrTx) {
  const where = and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now')))!;
  return selectPrincipalRows(db, where, true).prepare('load_session_principal');
}
const sessionPrincipalQueries = new WeakMap<DbOrTx, ReturnType<typeof prepareSessionPrincipal>>();

type PrincipalRow = Awaited<ReturnType<typeof selectPrincipalRows>>[number];

function selectPrincipalRows(db: DbOrTx, where: ReturnType<typeof eq>, viaSession = false) {
  const base = db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      disabledAt: users.disabledAt,
      secondFactorEnabled: sql<boolean>`exists (select 1 from second_factors sf where sf.user_id = ${users.id} and sf.enabled_at is not null)`,
      csrfToken: sessions.csrfToken,
      role: memberships.role,
      partnershipId: memberships.partnershipId,
      boardId: memberships.boardId,
      schoolId: memberships.schoolId,
      partnershipName: partnerships.name,
      boardName: boards.name,
      boardPartnershipId: boards.partnershipId,
      schoolName: schools.name,
      schoolPartnershipId: schools.partnershipId,
      schoolBoardId: schools.boardId,
      // An SWV-wide role limited to some boards and schools (membership_scopes); null when it is not limited.
      limitBoardIds: sql<string[] | null>`(select array_agg(ms.board_id) filter (where ms.board_id is not null) from membership_scopes ms where ms.membership_id = ${memberships.id})`,
      limitSchoolIds: sql<string[] | null>`(select array_agg(ms.school_id) filter (where ms.school_id is not null) from membership_scopes ms where ms.membership_id = ${memberships.id})`,
    });
  return base
    .from(users)
    .leftJoin(sessions, viaSession ? eq(sessions.userId, users.id) : sql`false`)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
    .leftJoin(boards, eq(boards.id, memberships.boardId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(where)
    .orderBy(memberships.createdAt);
}

function principalFromRows(rows: PrincipalRow[]): Principal | null {
  const user = rows[0];
  if (!user || user.disabledAt) return null;
  const list: Membership[] = rows.flatMap((row) => (row.role ? [{
    role: row.role,
    partnershipId: row.partnershipId,
    boardId: row.boardId ?? row.schoolBoardId,
    schoolId: row.schoolId,
    placeName: row.schoolName ?? row.boardName ?? row.partnershipName ?? 'OpenSOP',
    homePartnershipId: row.partnershipId ?? row.boardPartnershipId ?? row.schoolPartnershipId ?? null,
    limitedTo: row.limitBoardIds || row.limitSchoolIds ? { boardIds: toArray(row.limitBoardIds), schoolIds: toArray(row.limitSchoolIds) } : null,
  }] : []));
  return { userId: user.userId, email: user.email, name: user.name, locale: user.locale, memberships: list, secondFactorEnabled: user.secondFactorEnabled === true };
}

/** PGlite and pg both parse text[]; a driver that hands back the literal "{a,b}" is read here too. */
function toArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

/** Limits a membership to some boards and schools (the SWV adviser); (no rows: the whole SWV). */
export async function insertMembershipScopes(db: DbOrTx, membershipId: string, limits: { boardIds: string[]; schoolIds: string[] }): Promise<void> {
  const rows = [
    ...limits.boardIds.map((boardId) => ({ id: crypto.randomUUID(), membershipId, boardId, schoolId: null })),
    ...limits.schoolIds.map((schoolId) => ({ id: crypto.randomUUID(), membershipId, boardId: null, schoolId })),
  ];
  if (rows.length > 0) await db.insert(membershipScopes).values(rows);
}

/** The user's role at the SWV if it is limited to some places (has membership_scopes rows); null otherwise. */
export async function findLimitedMembership(db: DbOrTx, userId: string, role: Role, partnershipId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.role, role),
        eq(memberships.partnershipId, partnershipId),
        sql`exists (select 1 from membership_scopes ms where ms.membership_id = ${memberships.id})`,
      ),
    );
  return row?.id ?? null;
}

/** The places of `limit` the limited role does not cover yet. */
export async function missingMembershipScopes(db: DbOrTx, membershipId: string, limit: { boardIds: string[]; schoolIds: string[] }): Promise<Array<{ kind: 'board' | 'school'; id: string }>> {
  const rows = await db.select({ boardId: membershipScopes.boardId, schoolId: membershipScopes.schoolId }).from(membershipScopes).where(eq(membershipScopes.membershipId, membershipId));
  const boards = new Set(rows.map((row) => row.boardId));
  const schoolIds = new Set(rows.map((row) => row.schoolId));
  return [...limit.boardIds.filter((id) => !boards.has(id)).map((id) => ({ kind: 'board' as const, id })), ...limit.schoolIds.filter((id) => !schoolIds.has(id)).map((id) => ({ kind: 'school' as const, id }))];
}

export async function insertSession(db: DbOrTx, session: { tokenHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date) {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return session ?? null;
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of the user; returns how many there were. */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<number> {
  const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function insertUserToken(db: DbOrTx, token: { tokenHash: string; userId: string; purpose: 'invitation' | 'password_reset'; expiresAt: Date; createdAt: Date }): Promise<void> {
  await db.insert(userTokens).values(token);
}

/** Marks a valid, unused token as used and returns it; null when unknown, used or expired. Atomic, so a link works once. */
export async function consumeUserToken(db: DbOrTx, tokenHash: string, now: Date) {
  const [token] = await db
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.tokenHash, tokenHash), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .returning();
  return token ?? null;
}

export async function findUsableUserToken(db: DbOrTx, tokenHash: string, now: Date) {
  const [token] = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.tokenHash, tokenHash), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
  return token ?? null;
}

/** Records one attempt under each key (account, client address); returns the rows' ids. */
export async function recordAttempt(db: DbOrTx, keys: string[], at: Date): Promise<number[]> {
  const rows = await db.insert(loginAttempts).values(keys.map((key) => ({ key, attemptedAt: at }))).returning({ id: loginAttempts.id });
  return rows.map((row) => row.id);
}

export async function deleteAttempts(db: DbOrTx, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.delete(loginAttempts).where(inArray(loginAttempts.id, ids));
}

export async function countLoginFailuresSince(db: DbOrTx, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, since)));
  return row?.n ?? 0;
}

/** Attempts under a key since a moment, recorded before the given attempt (a burst's members each see those before them). */
export async function loginAttemptsBefore(db: DbOrTx, key: string, since: Date, beforeId: number): Promise<{ count: number; last: Date | null }> {
  const [row] = await db
    .select({ n: count(), last: sql<string | Date | null>`max(${loginAttempts.attemptedAt})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, since), lt(loginAttempts.id, beforeId)));
  const last = row?.last ?? null;
  return { count: row?.n ?? 0, last: last === null ? null : new Date(last) };
}

export async function clearLoginFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

export interface UserWithRoles {
  id: string;
  name: string;
  email: string;
  hasPassword: boolean;
  /** Whether the person logs in with a second factor (yes or no only; nothing else about it is shown). */
  secondFactor: boolean;
  roles: Array<{ membershipId: string; role: Role; placeName: string; /** An adviser's boards and schools, by name; null when not limited. */ limitedTo: string | null }>;
}

/** Matches memberships held at the SWV itself, one of its boards, or one of its schools. */
function inPartnership(partnershipId: string) {
  return sql`(${memberships.partnershipId} = ${partnershipId} or ${boards.partnershipId} = ${partnershipId} or ${schools.partnershipId} = ${partnershipId})`;
}

/** The name of the place a membership is held at (school, board or SWV); needs the three left joins. */
const placeName = sql<string>`coalesce(${schools.name}, ${boards.name}, ${partnerships.name})`;

/** Users holding any role inside one SWV (at the SWV, one of its boards or schools). */
export async function listUsersOfPartnership(db: DbOrTx, partnershipId: string): Promise<UserWithRoles[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      secondFactor: sql<boolean>`exists (select 1 from second_factors sf where sf.user_id = ${users.id} and sf.enabled_at is not null)`,
      membershipId: memberships.id,
      role: memberships.role,
      placeName,
      // An adviser limited to some boards and schools: their names (membership_scopes), in one round trip.
      limitedTo: sql<string | null>`(select string_agg(coalesce(lb.name, ls.name), ', ' order by coalesce(lb.name, ls.name)) from membership_scopes ms left join boards lb on lb.id = ms.board_id left join schools ls on ls.id = ms.school_id where ms.membership_id = ${memberships.id})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
    .leftJoin(boards, eq(boards.id, memberships.boardId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(inPartnership(partnershipId))
    .orderBy(users.name);
  const byUser = new Map<string, UserWithRoles>();
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? { id: row.id, name: row.name, email: row.email, hasPassword: row.passwordHash !== null, secondFactor: row.secondFactor === true, roles: [] };
    entry.roles.push({ membershipId: row.membershipId, role: row.role, placeName: row.placeName, limitedTo: row.limitedTo });
    byUser.set(row.id, entry);
  }
  return [...byUser.values()];
}

export interface MembershipInPartnership {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  role: Role;
  partnershipId: string | null;
  boardId: string | null;
  schoolId: string | null;
  placeName: string;
}

/** A role held somewhere inside the SWV; null for a role elsewhere (the caller answers 404). */
export async function findMembershipInPartnership(db: DbOrTx, partnershipId: string, membershipId: string): Promise<MembershipInPartnership | null> {
  const [row] = await db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      userName: users.name,
      userEmail: users.email,
      role: memberships.role,
      partnershipId: memberships.partnershipId,
      boardId: memberships.boardId,
      schoolId: memberships.schoolId,
      placeName,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
    .leftJoin(boards, eq(boards.id, memberships.boardId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(and(eq(memberships.id, membershipId), inPartnership(partnershipId)));
  return row ?? null;
}

export async function deleteMembership(db: DbOrTx, membershipId: string): Promise<boolean> {
  const deleted = await db.delete(memberships).where(eq(memberships.id, membershipId)).returning({ id: memberships.id });
  return deleted.length > 0;
}

/** How many administrator roles (platform or any SWV) the user holds. */
export async function countAdminRoles(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, ['platform_admin', 'partnership_admin'])));
  return row?.n ?? 0;
}

/** A user holding at least one role inside the SWV; null otherwise (the caller answers 404). */
export async function findUserInPartnership(db: DbOrTx, partnershipId: string, userId: string): Promise<UserRow | null> {
  const [row] = await db
    .select({ user: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(boards, eq(boards.id, memberships.boardId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(and(eq(memberships.userId, userId), inPartnership(partnershipId)))
    .limit(1);
  return row?.user ?? null;
}

/** Makes the user's unused links of one purpose unusable (a re-sent invitation replaces the old one). */
export async function expireUserTokens(db: DbOrTx, userId: string, purpose: 'invitation' | 'password_reset', at: Date): Promise<void> {
  await db.update(userTokens).set({ usedAt: at }).where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}


// Second factor (docs/decisions/0023-two-factor-login.md).

export type SecondFactorRow = typeof secondFactors.$inferSelect;

export async function findSecondFactor(db: DbOrTx, userId: string): Promise<SecondFactorRow | null> {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId));
  return row ?? null;
}

/** Starts (or restarts) setting up: a new secret, not yet enabled. Never overwrites an enabled second factor. */
export async function savePendingSecondFactor(db: DbOrTx, row: { userId: string; secret: string; createdAt: Date }): Promise<boolean> {
  const saved = await db
    .insert(secondFactors)
    .values({ ...row, enabledAt: null, lastUsedStep: null })
    .onConflictDoUpdate({ target: secondFactors.userId, set: { secret: row.secret, createdAt: row.createdAt, lastUsedStep: null }, setWhere: isNull(secondFactors.enabledAt) })
    .returning({ userId: secondFactors.userId });
  return saved.length > 0;
}

/**
 * Records the time step of an accepted code, only if it is later than the last one: of two requests with the
 * same code only one gets true. `enable` also switches the second factor on.
 */
export async function acceptTotpStep(db: DbOrTx, userId: string, step: number, enableAt?: Date): Promise<boolean> {
  const updated = await db
    .update(secondFactors)
    .set({ lastUsedStep: step, ...(enableAt ? { enabledAt: enableAt } : {}) })
    .where(and(eq(secondFactors.userId, userId), sql`(${secondFactors.lastUsedStep} is null or ${secondFactors.lastUsedStep} < ${step})`, enableAt ? isNull(secondFactors.enabledAt) : sql`${secondFactors.enabledAt} is not null`))
    .returning({ userId: secondFactors.userId });
  return updated.length > 0;
}

/** Removes the second factor and its recovery codes; returns whether there was one. */
export async function deleteSecondFactor(db: DbOrTx, userId: string): Promise<boolean> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const deleted = await db.delete(secondFactors).where(eq(secondFactors.userId, userId)).returning({ userId: secondFactors.userId });
  return deleted.length > 0;
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: string, codeHashes: string[], now: Date): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ id: crypto.randomUUID(), userId, codeHash, createdAt: now })));
}

/** Marks an unused recovery code as used; false when it is unknown or was used before. Atomic: a code works once. */
export async function useRecoveryCode(db: DbOrTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function insertPendingLogin(db: DbOrTx, row: { tokenHash: string; userId: string; returnTo: string | null; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.delete(pendingLogins).where(lt(pendingLogins.expiresAt, row.createdAt));
  await db.insert(pendingLogins).values(row);
}

export async function findPendingLogin(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(pendingLogins)
    .where(and(eq(pendingLogins.tokenHash, tokenHash), gt(pendingLogins.expiresAt, now)));
  return row ?? null;
}

/** Counts a wrong code against the pending log-in; returns the new number of wrong codes. */
export async function countWrongCode(db: DbOrTx, tokenHash: string): Promise<number> {
  const [row] = await db
    .update(pendingLogins)
    .set({ failedCodes: sql`${pendingLogins.failedCodes} + 1` })
    .where(eq(pendingLogins.tokenHash, tokenHash))
    .returning({ failedCodes: pendingLogins.failedCodes });
  return row?.failedCodes ?? Number.MAX_SAFE_INTEGER;
}

/** Ends a pending log-in; true for the one request that ends it (so a token starts at most one session). */
export async function deletePendingLogin(db: DbOrTx, tokenHash: string): Promise<boolean> {
  const deleted = await db.delete(pendingLogins).where(eq(pendingLogins.tokenHash, tokenHash)).returning({ tokenHash: pendingLogins.tokenHash });
  return deleted.length > 0;
}

/** Whether the user holds any role inside the SWV (at the SWV, one of its boards or schools). */
export async function holdsRoleInPartnership(db: DbOrTx, userId: string, partnershipId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .leftJoin(boards, eq(boards.id, memberships.boardId))
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(and(eq(memberships.userId, userId), inPartnership(partnershipId)))
    .limit(1);
  return Boolean(row);
}

/** Names of users by id (for lists that show who did something); unknown ids are left out. */
export async function findUserNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
