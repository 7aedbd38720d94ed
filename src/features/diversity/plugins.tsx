/** @jsxImportSource hono/jsx */
/** The diversity index's plug-ins: links on the SWV overview, a link on the school page, the opt-in on the cycle page. */
import { can } from '../../auth/policy.js';
import { profileCycleSections } from '../cycle/profile-cycle-sections.js';
import { loadProfileDisclosure } from './load-profile-disclosure.js';
import { DisclosureSection } from './views/pages.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { schoolPageSections } from '../partnerships/school-page-sections.js';
import { diversityT } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/verscheidenheid`, label: diversityT(locale)('partnershipLink'), permission: 'diversity.viewPartnership' },
  { href: `/swv/${partnershipId}/verscheidenheid/categorieen`, label: diversityT(locale)('categoriesLink'), permission: 'diversity.manageCategories' },
]);

// The school and the SWV reach the school's groups from the school page; the board and the council do not.
schoolPageSections.push(async (c, auth, schoolId) => {
  if (!can(auth.principal, 'diversity.viewSchool', auth.scope)) return null;
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={`/scholen/${schoolId}/verscheidenheid`}>
        {diversityT(c.var.locale)('schoolLink')}
      </a>
    </p>
  );
});

// The school's choice to show its index with the limits: the school's editors choose, the SWV's admins see it.
profileCycleSections.push(async (c, auth, profile) => {
  if (!can(auth.principal, 'diversity.includeInProfile', auth.scope) && !can(auth.principal, 'diversity.viewSchool', auth.scope)) return null;
  const view = await loadProfileDisclosure({ db: c.var.deps.db, auth, profileId: profile.id });
  return <DisclosureSection view={view} locale={c.var.locale} csrfToken={c.var.csrfToken} saved={c.req.query('index') === 'opgeslagen'} />;
});
