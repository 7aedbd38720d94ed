/** The only module that reads and writes `invitations` (an SWV's invitation of an existing account). */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { boards, partnerships, schools } from '../partnerships/schema.js';
import { invitations } from './schema.js';

export type InvitationRow = typeof invitations.$inferSelect;
export type NewInvitation = Omit<InvitationRow, 'answeredAt' | 'outcome'>;

export async function insertInvitation(db: DbOrTx, invitation: NewInvitation): Promise<void> {
  await db.insert(invitations).values(invitation);
}

/** The SWV's open invitation of this person for exactly this role and place (inviting again renews it). */
export async function findOpenInvitation(db: DbOrTx, where: { partnershipId: string; userId: string; role: InvitationRow['role']; boardId: string | null; schoolId: string | null }): Promise<InvitationRow | null> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.partnershipId, where.partnershipId),
        eq(invitations.userId, where.userId),
        eq(invitations.role, where.role),
        where.boardId ? eq(invitations.boardId, where.boardId) : isNull(invitations.boardId),
        where.schoolId ? eq(invitations.schoolId, where.schoolId) : isNull(invitations.schoolId),
        isNull(invitations.answeredAt),
      ),
    );
  return row ?? null;
}

export async function renewInvitation(db: DbOrTx, id: string, values: { tokenHash: string; name: string; invitedBy: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.update(invitations).set(values).where(eq(invitations.id, id));
}

/** An unanswered, unexpired invitation by its link's token hash, with the place's and SWV's names. */
export async function findUsableInvitation(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, partnershipName: partnerships.name, placeName: sql<string>`coalesce(${schools.name}, ${boards.name}, ${partnerships.name})` })
    .from(invitations)
    .innerJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .leftJoin(boards, eq(boards.id, invitations.boardId))
    .leftJoin(schools, eq(schools.id, invitations.schoolId))
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.answeredAt), gt(invitations.expiresAt, now)));
  return row ?? null;
}

/** Answers an open invitation once (atomic: two clicks cannot both accept); null when it was already answered. */
export async function answerInvitation(db: DbOrTx, id: string, outcome: NonNullable<InvitationRow['outcome']>, at: Date): Promise<InvitationRow | null> {
  const [row] = await db
    .update(invitations)
    .set({ answeredAt: at, outcome })
    .where(and(eq(invitations.id, id), isNull(invitations.answeredAt)))
    .returning();
  return row ?? null;
}

/** One SWV's invitation; null for another SWV's (the caller answers 404). */
export async function findInvitationOfPartnership(db: DbOrTx, partnershipId: string, invitationId: string): Promise<InvitationRow | null> {
  const [row] = await db.select().from(invitations).where(and(eq(invitations.id, invitationId), eq(invitations.partnershipId, partnershipId)));
  return row ?? null;
}

export interface InvitationListEntry {
  id: string;
  name: string;
  email: string;
  role: InvitationRow['role'];
  placeName: string;
  createdAt: Date;
  expiresAt: Date;
  outcome: InvitationRow['outcome'];
}

/** The SWV's own invitations of existing accounts that are still open or were declined lately, newest first. */
export async function listInvitationsOfPartnership(db: DbOrTx, partnershipId: string): Promise<InvitationListEntry[]> {
  return db
    .select({
      id: invitations.id,
      name: invitations.name,
      email: invitations.email,
      role: invitations.role,
      placeName: sql<string>`coalesce(${schools.name}, ${boards.name}, ${partnerships.name})`,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      outcome: invitations.outcome,
    })
    .from(invitations)
    .innerJoin(partnerships, eq(partnerships.id, invitations.partnershipId))
    .leftJoin(boards, eq(boards.id, invitations.boardId))
    .leftJoin(schools, eq(schools.id, invitations.schoolId))
    .where(and(eq(invitations.partnershipId, partnershipId), sql`(${invitations.outcome} is null or ${invitations.outcome} = 'declined')`))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}
