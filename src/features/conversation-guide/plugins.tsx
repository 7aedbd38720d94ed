/** @jsxImportSource hono/jsx */
/** The conversation guide's plug-ins: a link on the SWV overview and a block on the profile's cycle page. */
import { can } from '../../auth/policy.js';
import { profileCycleSections } from '../cycle/profile-cycle-sections.js';
import { partnershipLinkProviders } from '../partnerships/overview-links.js';
import { conversationGuideT } from './messages.js';

partnershipLinkProviders.push((partnershipId, locale) => [{ href: `/swv/${partnershipId}/gespreksleidraad`, label: conversationGuideT(locale)('overviewLink'), permission: 'conversationGuide.manage' }]);

profileCycleSections.push(async (c, auth, profile) => {
  if (!can(auth.principal, 'conversationGuide.view', auth.scope)) return null;
  const t = conversationGuideT(c.var.locale);
  return (
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={`/profielen/${profile.id}/gespreksleidraad`}>
        {t('schoolLink')}
      </a>
    </p>
  );
});
