/** @jsxImportSource hono/jsx */
/** The diversity index's plug-ins: links on the SWV overview and a link on the school page. */
import { can } from '../../auth/policy.js';
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
