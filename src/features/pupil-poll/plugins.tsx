/** @jsxImportSource hono/jsx */
/** The pupil poll's plug-ins: the questions link on the SWV overview, the polls link on the school page. */
import { can } from '../../auth/policy.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { schoolPageSections } from '../partnerships/school-page-sections.js';
import { pupilPollT } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [{ href: `/swv/${partnershipId}/peilingvragen`, label: pupilPollT(locale)('questionsLink'), permission: 'poll.manageQuestions' }]);

schoolPageSections.push(async (c, auth, schoolId) => {
  if (!can(auth.principal, 'poll.run', auth.scope)) return null;
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={`/scholen/${schoolId}/peilingen`}>
        {pupilPollT(c.var.locale)('pollsLink')}
      </a>
    </p>
  );
});
