import { assertInScope } from '../../auth/policy.js';
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import type { Role } from '../../auth/roles.js';
import { randomToken, sha256 } from '../../auth/tokens.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { queueMail } from '../../mail/send-mail-job.js';
import type { Authorized } from '../../ui/route.js';
import { translator, type Locale, type Translate } from '../../ui/i18n.js';
import { uiMessages } from '../../ui/messages.js';
import { findBoardInPartnership, findSchoolInPartnership, getPartnership } from '../partnerships/repository.js';
import { accountsMessages } from './messages.js';
import { findLimitedMembership, findUserByEmail, hasMembershipScope, insertMembership, insertMembershipScopes, insertUser, insertUserToken, normalizeEmail } from './repository.js';

export const INVITABLE_ROLES = ['partnership_admin', 'partnership_adviser', 'support_point', 'board_user', 'school_editor', 'council_member'] as const satisfies readonly Role[];

export const inviteUserInput = z.object({
  email: z.email(),
  name: z.string().trim().min(2).max(120),
  role: z.enum(INVITABLE_ROLES),
  /** The board or school id for board and school roles; ignored for SWV admins. */
  placeId: z.string().optional(),
});
export type InviteUserInput = z.infer<typeof inviteUserInput>;

export const INVITATION_DAYS = 7;

/**
 * An SWV admin gives someone a role at the SWV, one of its boards or one of its schools.
 * A new user gets a one-time link to set a password; an existing user is told about the new role.
 */
export async function inviteUser(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  input: InviteUserInput;
  baseUrl: string;
  locale: Locale;
}): Promise<{ userId: string; isNewUser: boolean }> {
  const { db, clock, auth, partnershipId, input } = options;
  assertInScope('inviteUser', auth, { partnershipId });
  const now = clock.now();
  const t = translator(accountsMessages, options.locale);
  const ui = translator(uiMessages, options.locale);

  const place = await resolvePlace(db, partnershipId, input.role, input.placeId, t);

  return db.transaction(async (tx) => {
    let user = await findUserByEmail(tx, input.email);
    const isNewUser = !user;
    if (!user) {
      const id = crypto.randomUUID();
      await insertUser(tx, { id, email: input.email, name: input.name, createdAt: now });
      user = { id, email: normalizeEmail(input.email), name: input.name, passwordHash: null, locale: 'nl', disabledAt: null, createdAt: now };
    }
    let added = await insertMembership(tx, { userId: user.id, role: input.role, ...place.columns }, now);
    if (place.limit) {
      // An adviser limited to some boards and schools: a second invitation adds the place to the same role.
      const membershipId = added ?? (await findLimitedMembership(tx, user.id, input.role, partnershipId));
      if (membershipId && !(await hasMembershipScope(tx, membershipId, place.limit))) {
        await insertMembershipScopes(tx, membershipId, place.limit);
        added = membershipId;
      }
    }
    if (!added) {
      const params = { email: user.email, role: ui(`role.${input.role}`), place: place.name };
      throw new AppError('conflict', user.passwordHash ? t('roleAlreadyHeld', params) : t('roleAlreadyHeldInvited', params));
    }
    const params = { name: user.name, inviter: auth.principal.name, role: ui(`role.${input.role}`), place: place.name };
    if (!user.passwordHash) {
      const token = randomToken();
      await insertUserToken(tx, {
        tokenHash: sha256(token),
        userId: user.id,
        purpose: 'invitation',
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      });
      await queueMail(tx, clock, {
        to: user.email,
        subject: t('inviteMailSubject', params),
        text: t('inviteMailBody', { ...params, link: `${options.baseUrl}/uitnodiging/${token}` }),
      });
    } else {
      await queueMail(tx, clock, {
        to: user.email,
        subject: t('roleAddedMailSubject', params),
        text: t('roleAddedMailBody', { ...params, link: `${options.baseUrl}/inloggen` }),
      });
    }
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId,
      action: 'user.invite',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, role: input.role, ...place.columns, ...(place.limit ? { limitedTo: place.limit } : {}) },
    });
    return { userId: user.id, isNewUser };
  });
}

interface ResolvedPlace {
  name: string;
  columns: { partnershipId?: string; boardId?: string; schoolId?: string };
  /** For the SWV adviser: the board or school the role is limited to (none: the whole SWV). */
  limit?: { boardIds: string[]; schoolIds: string[] };
}

async function resolvePlace(db: Database, partnershipId: string, role: (typeof INVITABLE_ROLES)[number], placeId: string | undefined, t: Translate<keyof typeof accountsMessages.nl>): Promise<ResolvedPlace> {
  if (role === 'partnership_admin' || role === 'support_point' || (role === 'partnership_adviser' && !placeId)) {
    const row = await getPartnership(db, partnershipId);
    if (!row) throw new AppError('not_found');
    return { name: row.name, columns: { partnershipId } };
  }
  if (role === 'partnership_adviser') {
    const board = await findBoardInPartnership(db, partnershipId, placeId!);
    const school = board ? null : await findSchoolInPartnership(db, partnershipId, placeId!);
    if (!board && !school) throw new AppError('invalid_input', t('chooseAdviserPlace'), { field: 'placeId' });
    return {
      name: (board ?? school)!.name,
      columns: { partnershipId },
      limit: board ? { boardIds: [placeId!], schoolIds: [] } : { boardIds: [], schoolIds: [placeId!] },
    };
  }
  if (role === 'board_user') {
    const row = placeId ? await findBoardInPartnership(db, partnershipId, placeId) : null;
    if (!row) throw new AppError('invalid_input', t('chooseInviteBoard'), { field: 'placeId' });
    return { name: row.name, columns: { boardId: placeId } };
  }
  const row = placeId ? await findSchoolInPartnership(db, partnershipId, placeId) : null;
  if (!row) throw new AppError('invalid_input', t('chooseInviteSchool'), { field: 'placeId' });
  return { name: row.name, columns: { schoolId: placeId } };
}
