/** @jsxImportSource hono/jsx */
/** The plausibility review's plug-ins: the verdict on the cycle page, the link on the SWV overview. */
import { profileCycleSections } from '../cycle/profile-cycle-sections.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { loadVerdictSection } from './load-verdict-section.js';
import { plausibilityT } from './messages.js';
import { VerdictSection } from './views/verdicts.js';

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/plausibiliteit`, label: plausibilityT(locale)('overviewLink'), permission: 'partnership.viewVerdicts' },
]);

// The school, the board (before adopting) and the SWV read the verdict and the agreements on the cycle page.
profileCycleSections.push(async (c, auth, profile) => {
  const section = await loadVerdictSection({ db: c.var.deps.db, auth, profile });
  return <VerdictSection locale={c.var.locale} profileId={profile.id} verdict={section.verdict} canAssess={section.canAssess} />;
});
