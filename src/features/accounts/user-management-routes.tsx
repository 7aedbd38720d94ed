/** @jsxImportSource hono/jsx */
/** The SWV's user management: who has which role, inviting someone, resending an invitation, revoking a role. */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { parseForm, readForm, readFormAll } from '../../ui/forms.js';
import { baseUrl } from '../../ui/request.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam } from '../partnerships/scopes.js';
import { INVITABLE_ROLES, inviteUser } from './invite-user.js';
import { cancelInvitation } from './cancel-invitation.js';
import { loadRevokePage } from './load-revoke-page.js';
import { loadUsersPage } from './load-users-page.js';
import { resendInvitation } from './resend-invitation.js';
import { revokeRole } from './revoke-role.js';
import { removeSecondFactor } from './remove-second-factor.js';
import { secondFactorMessages } from './second-factor-messages.js';
import { userManagementMessages, type UserManagementTranslate } from './user-management-messages.js';
import { RevokeView, usersPath, UsersView } from './views/users.js';

const m = (c: AppContext) => translator(userManagementMessages, c.var.locale);

function inviteSchema(t: UserManagementTranslate) {
  return z.object({
    name: z.string().trim().min(2, { error: t('nameRequired') }).max(120, { error: t('nameRequired') }),
    email: z.string().trim().pipe(z.email({ error: t('emailInvalid') })),
    role: z.enum(INVITABLE_ROLES, { error: t('roleRequired') }),
    placeId: z.string().optional(),
    /** The SWV adviser's boards and schools (checkboxes; several allowed). */
    adviserPlaceIds: z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(z.string())),
  });
}

async function usersPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, values: Record<string, string | string[]>, notice?: string) {
  const t = m(c);
  const page = await loadUsersPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  // After a redirect (revoke, resend) the outcome comes as a flag in the address.
  const shownNotice = notice ?? (c.req.query('ingetrokken') ? t('revoked') : c.req.query('opnieuw') ? t('resent') : c.req.query('uitnodiging-ingetrokken') ? t('invitationCancelled') : c.req.query('tweestapsverificatie-verwijderd') ? translator(secondFactorMessages, c.var.locale)('removed') : undefined);
  return renderPage(c, {
    title: t('usersTitle'),
    partnershipId: page.partnership.id,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
    children: <UsersView page={page} now={c.var.deps.clock.now()} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} notice={shownNotice} />,
  });
}

async function revokePage(c: AppContext, auth: Authorized | null, error?: string) {
  const t = m(c);
  const page = await loadRevokePage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, membershipId: c.req.param('membershipId')! });
  const id = page.partnership.id;
  return renderPage(c, {
    title: t('revokeTitle'),
    partnershipId: id,
    status: error ? 409 : 200,
    breadcrumbs: [
      [page.partnership.name, `/swv/${id}`],
      [t('users'), usersPath(id)],
    ],
    children: <RevokeView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} error={error} />,
  });
}

export function registerUserManagementRoutes(table: RouteTable): void {
  const manage = permission('partnership.manage', fromPartnershipParam);

  table.get('/swv/:partnershipId/gebruikers', manage, (c, auth) => usersPage(c, auth, {}, {}));

  table.post('/swv/:partnershipId/gebruikers', manage, async (c, auth) => {
    const t = m(c);
    const values = await readFormAll(c);
    const parsed = parseForm(inviteSchema(t), values);
    if (!parsed.ok) return usersPage(c, auth, parsed.errors, values);
    try {
      await inviteUser({
        db: c.var.deps.db,
        clock: c.var.deps.clock,
        auth: authorized(auth),
        partnershipId: c.req.param('partnershipId')!,
        input: { name: parsed.data.name, email: parsed.data.email, role: parsed.data.role, placeId: parsed.data.placeId || undefined, placeIds: parsed.data.adviserPlaceIds },
        baseUrl: baseUrl(c),
        locale: c.var.locale,
      });
      // The same words whether or not the address has an account: the SWV learns nothing about other SWVs' people.
      return usersPage(c, auth, {}, {}, t('invited', { email: parsed.data.email }));
    } catch (error) {
      if (error instanceof AppError && (error.code === 'invalid_input' || error.code === 'conflict')) {
        const field = (error.details as { field?: string } | undefined)?.field ?? 'email';
        return usersPage(c, auth, { [field]: error.userMessage ?? error.code }, values);
      }
      throw error;
    }
  });

  table.get('/swv/:partnershipId/gebruikers/:membershipId/intrekken', manage, (c, auth) => revokePage(c, auth));
  table.post('/swv/:partnershipId/gebruikers/:membershipId/intrekken', manage, async (c, auth) => {
    // Without the confirmation button's value, show the question first (a stray post revokes nothing).
    if ((await readForm(c))['bevestigd'] !== '1') return revokePage(c, auth);
    const partnershipId = c.req.param('partnershipId')!;
    try {
      await revokeRole({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, membershipId: c.req.param('membershipId')!, locale: c.var.locale });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_state') return revokePage(c, auth, error.userMessage);
      throw error;
    }
    return c.redirect(usersPath(partnershipId, '?ingetrokken=1'), 303);
  });

  table.post('/swv/:partnershipId/gebruikers/:userId/uitnodiging-opnieuw', manage, async (c, auth) => {
    const partnershipId = c.req.param('partnershipId')!;
    await resendInvitation({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, userId: c.req.param('userId')!, baseUrl: baseUrl(c), locale: c.var.locale });
    return c.redirect(usersPath(partnershipId, '?opnieuw=1'), 303);
  });

  table.post('/swv/:partnershipId/uitnodigingen/:invitationId/intrekken', manage, async (c, auth) => {
    const partnershipId = c.req.param('partnershipId')!;
    await cancelInvitation({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, invitationId: c.req.param('invitationId')! });
    return c.redirect(usersPath(partnershipId, '?uitnodiging-ingetrokken=1'), 303);
  });

  // Only the platform administrator removes someone's second factor (a lost phone); audited under this SWV.
  table.post('/swv/:partnershipId/gebruikers/:userId/tweestapsverificatie-verwijderen', permission('platform.manage', fromPartnershipParam), async (c, auth) => {
    const partnershipId = c.req.param('partnershipId')!;
    await removeSecondFactor({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, userId: c.req.param('userId')! });
    return c.redirect(usersPath(partnershipId, '?tweestapsverificatie-verwijderd=1'), 303);
  });
}
