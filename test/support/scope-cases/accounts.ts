/** Scope-assertion cases: accounts, invitations, two-step verification and the audit log. */
import { and, eq } from 'drizzle-orm';
import { sha256 } from '../../../src/auth/tokens.js';
import { memberships, secondFactors, userTokens } from '../../../src/features/accounts/schema.js';
import { invitations } from '../../../src/features/accounts/schema.js';
import { insertMembership, insertUser, savePendingSecondFactor } from '../../../src/features/accounts/repository.js';
import { insertInvitation } from '../../../src/features/accounts/invitations-repository.js';
import { cancelInvitation } from '../../../src/features/accounts/cancel-invitation.js';
import { inviteUser } from '../../../src/features/accounts/invite-user.js';
import { loadRevokePage } from '../../../src/features/accounts/load-revoke-page.js';
import { loadUsersPage } from '../../../src/features/accounts/load-users-page.js';
import { removeSecondFactor } from '../../../src/features/accounts/remove-second-factor.js';
import { resendInvitation } from '../../../src/features/accounts/resend-invitation.js';
import { revokeRole } from '../../../src/features/accounts/revoke-role.js';
import { loadAuditLogPage } from '../../../src/features/audit-log/load-audit-log-page.js';
import { scopeCase, type ScopeCase, type ScopeCaseContext } from './context.js';

const ADMIN = 'swv@voorbeeldstad.example';
const manage = (ctx: ScopeCaseContext) => ctx.proof(ADMIN, 'partnership.manage', ctx.swvA());

/** A user of SWV B who never set a password, with a school role there. */
async function invitedUserOfB(ctx: ScopeCaseContext, label: string): Promise<{ userId: string; membershipId: string }> {
  const now = ctx.testApp.clock.now();
  const userId = crypto.randomUUID();
  await insertUser(ctx.db, { id: userId, email: `${label}-${userId.slice(0, 8)}@rivierenland.example`, name: `Rivier ${label}`, createdAt: now });
  await insertMembership(ctx.db, { userId, role: 'council_member', schoolId: ctx.testApp.other.schoolId }, now);
  const [row] = await ctx.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId));
  return { userId, membershipId: row!.id };
}

export const accountsCases: ScopeCase[] = [
  {
    name: 'loadUsersPage',
    call: async (ctx) => loadUsersPage({ db: ctx.db, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'loadRevokePage',
    call: async (ctx) => loadRevokePage({ db: ctx.db, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, membershipId: ctx.other['membershipId']! }),
  },
  {
    name: 'loadAuditLogPage',
    call: async (ctx) =>
      loadAuditLogPage({ db: ctx.db, auth: await ctx.proof(ADMIN, 'partnership.viewAuditLog', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, query: {} }),
  },
  scopeCase({
    name: 'removeSecondFactor',
    setup: async (ctx) => {
      const userId = ctx.testApp.other.userIds.board_user;
      await savePendingSecondFactor(ctx.db, { userId, secret: 'JBSWY3DPEHPK3PXP', createdAt: ctx.testApp.clock.now() });
      return userId;
    },
    call: async (ctx, userId) =>
      removeSecondFactor({ db: ctx.db, clock: ctx.testApp.clock, auth: await ctx.proof('beheer@opensop.example', 'platform.manage', ctx.swvA()), partnershipId: ctx.testApp.other.partnershipId, userId }),
    observe: async (ctx, userId) => (await ctx.db.select().from(secondFactors).where(eq(secondFactors.userId, userId))).length,
  }),
  {
    name: 'inviteUser',
    call: async (ctx) =>
      inviteUser({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await manage(ctx),
        partnershipId: ctx.testApp.other.partnershipId,
        input: { email: 'nieuw-beheer@rivierenland.example', name: 'Nieuwe Beheerder', role: 'partnership_admin' },
        baseUrl: 'http://opensop.test',
        locale: 'nl',
      }),
    observe: async (ctx) => ctx.auditRows(ctx.testApp.other.partnershipId, 'user.invite'),
  },
  scopeCase({
    name: 'cancelInvitation',
    setup: async (ctx) => {
      const id = crypto.randomUUID();
      const now = ctx.testApp.clock.now();
      await insertInvitation(ctx.db, {
        id,
        partnershipId: ctx.testApp.other.partnershipId,
        userId: ctx.testApp.demo.userIds['mr@regenboog.example']!,
        role: 'council_member',
        boardId: null,
        schoolId: ctx.testApp.other.schoolId,
        email: 'scope@example.org',
        name: 'Scope Uitnodiging',
        tokenHash: sha256(`scope-${id}`),
        invitedBy: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 7 * 86_400_000),
      });
      return id;
    },
    call: async (ctx, invitationId) => cancelInvitation({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, invitationId }),
    observe: async (ctx, invitationId) => (await ctx.db.select().from(invitations).where(eq(invitations.id, invitationId)))[0],
  }),
  scopeCase({
    name: 'resendInvitation',
    setup: async (ctx) => (await invitedUserOfB(ctx, 'opnieuw')).userId,
    call: async (ctx, userId) =>
      resendInvitation({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, userId, baseUrl: 'http://opensop.test', locale: 'nl' }),
    observe: async (ctx, userId) => (await ctx.db.select().from(userTokens).where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, 'invitation')))).length,
  }),
  scopeCase({
    name: 'revokeRole',
    setup: async (ctx) => (await invitedUserOfB(ctx, 'intrekken')).membershipId,
    call: async (ctx, membershipId) => revokeRole({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, membershipId, locale: 'nl' }),
    observe: async (ctx, membershipId) => (await ctx.db.select().from(memberships).where(eq(memberships.id, membershipId))).length,
  }),
];
