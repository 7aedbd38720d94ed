/** @jsxImportSource hono/jsx */
/** The self-assessment with review checklist's plug-ins: links on the SWV overview, the board page and the school page. */
import { can } from '../../auth/policy.js';
import { boardLinkProviders } from '../partnerships/overview-links.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { schoolPageSections } from '../partnerships/school-page-sections.js';
import { qualityT } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/kwaliteit`, label: qualityT(locale)('partnershipLink'), permission: 'quality.viewPartnership' },
  { href: `/swv/${partnershipId}/kwaliteit/standaarden`, label: qualityT(locale)('standardsLink'), permission: 'quality.manageStandards' },
]);

boardLinkProviders.push((boardId, locale) => [{ href: `/besturen/${boardId}/kwaliteit`, label: qualityT(locale)('boardLink') }]);

// The school, its board and the SWV (its admins, its advisers for their schools) reach both checklists from the school page.
schoolPageSections.push(async (c, auth, schoolId) => {
  if (!can(auth.principal, 'quality.viewSchool', auth.scope)) return null;
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={`/scholen/${schoolId}/kwaliteit`}>
        {qualityT(c.var.locale)('schoolLink')}
      </a>
    </p>
  );
});
