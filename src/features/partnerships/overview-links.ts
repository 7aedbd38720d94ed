/** Links on the SWV overview: this feature's own, plus those other features register (templates, cycle, documents). */
import { can, type Permission } from '../../auth/policy.js';
import type { Principal } from '../../auth/roles.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { partnershipMessages } from './messages.js';

/** A link on the SWV overview, with the permission its page requires (only links the user may use are shown). */
export interface PartnershipLink {
  href: string;
  label: string;
  permission: Permission;
}

/** Features (templates, cycle, documents) register overview links here instead of editing this feature. */
export const partnershipLinkProviders: Array<(partnershipId: string, locale: Locale) => PartnershipLink[]> = [];

/** Links on the SWV overview that this user may follow. */
export function partnershipLinks(principal: Principal | null, partnershipId: string, locale: Locale): PartnershipLink[] {
  const t = translator(partnershipMessages, locale);
  const links: PartnershipLink[] = [
    ...partnershipLinkProviders.flatMap((provider) => provider(partnershipId, locale)),
    { href: `/swv/${partnershipId}/scholen`, label: t('registerTitle'), permission: 'partnership.view' },
    { href: `/swv/${partnershipId}/scholen/nieuw`, label: t('addSchool'), permission: 'partnership.manage' },
    { href: `/swv/${partnershipId}/gebruikers`, label: t('users'), permission: 'partnership.manage' },
    { href: `/swv/${partnershipId}/instellingen`, label: t('settings'), permission: 'partnership.manage' },
  ];
  const scope = { level: 'partnership', partnershipId } as const;
  return links.filter((link) => can(principal, link.permission, scope));
}

/** Links on the register page (import from DUO, districts, counts, verdicts), registered by the register feature. */
export const registerPageLinkProviders: Array<(partnershipId: string, locale: Locale) => PartnershipLink[]> = [];

export function registerPageLinks(principal: Principal | null, partnershipId: string, locale: Locale): PartnershipLink[] {
  const t = translator(partnershipMessages, locale);
  const links: PartnershipLink[] = [
    ...registerPageLinkProviders.flatMap((provider) => provider(partnershipId, locale)),
    { href: `/swv/${partnershipId}/scholen/nieuw`, label: t('addSchool'), permission: 'partnership.manage' },
  ];
  const scope = { level: 'partnership', partnershipId } as const;
  return links.filter((link) => can(principal, link.permission, scope));
}

/** Links on a board's page (e.g. insight into the board's schools), registered by other features. */
export const boardLinkProviders: Array<(boardId: string, locale: Locale) => Array<{ href: string; label: string }>> = [];

/** Links on the platform administrator's page (e.g. the national insight), registered by other features. */
export const platformLinkProviders: Array<(locale: Locale) => Array<{ href: string; label: string }>> = [];
