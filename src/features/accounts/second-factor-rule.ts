/**
 * Who must log in with a second factor (REQUIRE_ADMIN_2FA, default on): platform and SWV administrators.
 * Until they have set it up, every page but the account page (and logging out, the language) sends them there.
 */
import type { Principal } from '../../auth/roles.js';
import type { Role } from '../../auth/roles.js';

export const ROLES_REQUIRING_SECOND_FACTOR: readonly Role[] = ['platform_admin', 'partnership_admin'];
export const ACCOUNT_PATH = '/mijn-account';

export function mustUseSecondFactor(principal: Principal): boolean {
  return principal.memberships.some((m) => ROLES_REQUIRING_SECOND_FACTOR.includes(m.role));
}

/** Is this signed-in request held back until the second factor is set up? */
export function heldForSecondFactorSetup(principal: Principal | null, requireAdmin2fa: boolean, pathname: string): boolean {
  if (!principal || !requireAdmin2fa || principal.secondFactorEnabled !== false || !mustUseSecondFactor(principal)) return false;
  return !(pathname === ACCOUNT_PATH || pathname.startsWith(`${ACCOUNT_PATH}/`) || pathname === '/uitloggen' || pathname === '/taal' || pathname.startsWith('/static/') || pathname === '/health');
}
