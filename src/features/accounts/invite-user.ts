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
import { findBoardInPartnership, findSchoolInPartnership, getPartnership } from '../partnerships/api.js';
import { accountsMessages } from './messages.js';
import { grantRole, holdsRole, type InvitedPlace } from './grant-role.js';
import { findOpenInvitation, insertInvitation, renewInvitation } from './invitations-repository.js';
import { findUserByEmail, findUserInPartnership, insertUser, insertUserToken, normalizeEmail } from './repository.js';

export const INVITABLE_ROLES = ['partnership_admin', 'partnership_adviser', 'support_point', 'board_user', 'school_editor', 'council_member'] as const satisfies readonly Role[];

export const inviteUserInput = z.object({
  email: z.email(),
  name: z.string().trim().min(2).max(120),
  role: z.enum(INVITABLE_ROLES),
  /** The board or school id for board and school roles; ignored for SWV admins. */
  placeId: z.string().optional(),
  /** The SWV adviser only: every board and school the role is limited to (with placeId, if given). */
  placeIds: z.array(z.string()).optional(),
});
export type InviteUserInput = z.infer<typeof inviteUserInput>;

export const INVITATION_DAYS = 7;

/**
 * An SWV admin invites someone for a role at the SWV, one of its boards or one of its schools.
 * - An e-mail address without an account: the account is made with the role, and a one-time link sets its password.
 * - An account that already holds a role in this SWV: the role is added (the SWV knows the person already).
 * - Any other address that already has an account: nothing changes until the person accepts (issue 16). The SWV gets
 *   a pending invitation and the same answer as for a new address, so it learns nothing about the account
 *   (not its name, not whether it is active, not its roles elsewhere). Inviting again renews the SWV's own
 *   open invitation; it never touches another SWV's.
 * One invitation per call, so a bulk invitation (register issue) calls this per row.
 */
export async function inviteUser(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  input: InviteUserInput;
  baseUrl: string;
  locale: Locale;
}): Promise<{ kind: 'new_account' | 'role_added' | 'awaiting_consent' }> {
  const { db, clock, auth, partnershipId, input } = options;
  assertInScope('inviteUser', auth, { partnershipId });
  const now = clock.now();
  const t = translator(accountsMessages, options.locale);
  const ui = translator(uiMessages, options.locale);

  const adviserPlaces = input.role === 'partnership_adviser' ? [...new Set([input.placeId, ...(input.placeIds ?? [])].filter((id): id is string => !!id))] : [];
  const place = adviserPlaces.length > 1 ? await resolveAdviserPlaces(db, partnershipId, adviserPlaces, t) : await resolvePlace(db, partnershipId, input.role, adviserPlaces[0] ?? input.placeId, t);
  const invited: InvitedPlace = {
    role: input.role,
    partnershipId,
    boardId: place.columns.boardId ?? place.limit?.boardIds[0] ?? null,
    schoolId: place.columns.schoolId ?? (place.limit?.boardIds[0] ? null : (place.limit?.schoolIds[0] ?? null)),
    limit: place.limit,
  };
  const email = normalizeEmail(input.email);
  const params = { name: input.name, inviter: auth.principal.name, role: ui(`role.${input.role}`), place: place.name };
  const audited = { role: input.role, ...place.columns, ...(place.limit ? { limitedTo: place.limit } : {}) };

  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (!existing) {
      const id = crypto.randomUUID();
      // The account starts in the language its invitation mail is written in; the person may change it on accepting.
      await insertUser(tx, { id, email, name: input.name, locale: options.locale, createdAt: now });
      await grantRole(tx, id, invited, now);
      const token = randomToken();
      await insertUserToken(tx, { tokenHash: sha256(token), userId: id, purpose: 'invitation', createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) });
      await queueMail(tx, clock, { to: email, subject: t('inviteMailSubject', params), text: t('inviteMailBody', { ...params, link: `${options.baseUrl}/uitnodiging/${token}` }) });
      await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'user.invite', entityType: 'user', entityId: id, after: { email, ...audited } });
      return { kind: 'new_account' as const };
    }
    // The role is already held here: that is the SWV's own information (it is in its user list), so say so.
    if (await holdsRole(tx, existing.id, invited)) {
      const conflict = { email, role: ui(`role.${input.role}`), place: place.name };
      throw new AppError('conflict', existing.passwordHash ? t('roleAlreadyHeld', conflict) : t('roleAlreadyHeldInvited', conflict));
    }
    // An existing account chose its language (users.locale): its mails are in that language, not the inviter's.
    const recipient = { t: translator(accountsMessages, existing.locale), ui: translator(uiMessages, existing.locale) };
    // Someone who already works in this SWV (it sees them in its list) gets the extra role at once, as before;
    // the consent rule protects accounts the SWV does not know.
    if (await findUserInPartnership(tx, partnershipId, existing.id)) {
      await grantRole(tx, existing.id, invited, now);
      const known = { ...params, role: recipient.ui(`role.${input.role}`), name: existing.name };
      await queueMail(tx, clock, { to: existing.email, subject: recipient.t('roleAddedMailSubject', known), text: recipient.t('roleAddedMailBody', { ...known, link: `${options.baseUrl}/inloggen` }) });
      await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'user.invite', entityType: 'user', entityId: existing.id, after: { email, ...audited } });
      return { kind: 'role_added' as const };
    }
    // An invitation holds one place: an adviser invited for several gets one invitation (and mail) per place.
    const places: Array<{ boardId: string | null; schoolId: string | null; name: string }> =
      place.limit && place.places && place.places.length > 1 ? place.places : [{ boardId: invited.boardId, schoolId: invited.schoolId, name: place.name }];
    for (const one of places) {
      const token = randomToken();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
      const open = await findOpenInvitation(tx, { partnershipId, userId: existing.id, role: input.role, boardId: one.boardId, schoolId: one.schoolId });
      const invitationId = open?.id ?? crypto.randomUUID();
      if (open) await renewInvitation(tx, open.id, { tokenHash: sha256(token), name: input.name, invitedBy: auth.principal.userId, createdAt: now, expiresAt });
      else await insertInvitation(tx, { id: invitationId, partnershipId, userId: existing.id, role: input.role, boardId: one.boardId, schoolId: one.schoolId, email, name: input.name, tokenHash: sha256(token), invitedBy: auth.principal.userId, createdAt: now, expiresAt });
      // Addressed with the name the SWV typed: the mail tells the inviter nothing either.
      const placeParams = { ...params, role: recipient.ui(`role.${input.role}`), place: one.name };
      await queueMail(tx, clock, { to: existing.email, subject: recipient.t('consentMailSubject', placeParams), text: recipient.t('consentMailBody', { ...placeParams, link: `${options.baseUrl}/uitnodiging-rol/${token}` }) });
      await recordAudit(tx, { at: now, actorUserId: auth.principal.userId, partnershipId, action: 'user.invite_existing', entityType: 'invitation', entityId: invitationId, after: { email, ...audited } });
    }
    return { kind: 'awaiting_consent' as const };
  });
}

interface ResolvedPlace {
  name: string;
  columns: { partnershipId?: string; boardId?: string; schoolId?: string };
  /** For the SWV adviser: the boards and schools the role is limited to (none: the whole SWV). */
  limit?: { boardIds: string[]; schoolIds: string[] };
  /** The adviser's places one by one (several chosen). */
  places?: Array<{ boardId: string | null; schoolId: string | null; name: string }>;
}

/** An SWV adviser limited to several boards and schools of the SWV; any id outside it is refused. */
async function resolveAdviserPlaces(db: Database, partnershipId: string, placeIds: string[], t: Translate<keyof typeof accountsMessages.nl>): Promise<ResolvedPlace> {
  const places: NonNullable<ResolvedPlace['places']> = [];
  for (const id of placeIds) {
    const board = await findBoardInPartnership(db, partnershipId, id);
    const school = board ? null : await findSchoolInPartnership(db, partnershipId, id);
    if (!board && !school) throw new AppError('invalid_input', t('chooseAdviserPlace'), { field: 'placeId' });
    places.push(board ? { boardId: id, schoolId: null, name: board.name } : { boardId: null, schoolId: id, name: school!.name });
  }
  return {
    name: places.map((p) => p.name).join(', '),
    columns: { partnershipId },
    limit: { boardIds: places.flatMap((p) => (p.boardId ? [p.boardId] : [])), schoolIds: places.flatMap((p) => (p.schoolId ? [p.schoolId] : [])) },
    places,
  };
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
