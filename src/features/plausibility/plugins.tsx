/** @jsxImportSource hono/jsx */
/** The plausibility review's plug-ins: the verdict on the cycle page, the link on the SWV overview. */
import { profileCycleSections, profileListColumns } from '../cycle/profile-cycle-sections.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { loadVerdictSection } from './load-verdict-section.js';
import { plausibilityT } from './messages.js';
import { listVerdictsOf } from './repository.js';
import { VerdictSection } from './views/verdicts.js';

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/plausibiliteit`, label: plausibilityT(locale)('overviewLink'), permission: 'partnership.viewVerdicts' },
]);

// The school, the board (before adopting) and the SWV read the verdict and the agreements on the cycle page.
profileCycleSections.push(async (c, auth, profile) => {
  const section = await loadVerdictSection({ db: c.var.deps.db, auth, profile });
  return <VerdictSection locale={c.var.locale} profileId={profile.id} verdict={section.verdict} canAssess={section.canAssess} />;
});

// The SWV's and the boards' per-school lists (progress, insight's matrix) show each school's verdict, linked to it.
const TONES = { plausible: 'success', plausible_with_remarks: 'info', not_plausible: 'danger' } as const;
profileListColumns.push(async (db, profileIds) => {
  const verdicts = await listVerdictsOf(db, profileIds);
  const both = (key: Parameters<ReturnType<typeof plausibilityT>>[0]) => ({ nl: plausibilityT('nl')(key), en: plausibilityT('en')(key) });
  return {
    heading: both('verdictColumn'),
    empty: both('noVerdict'),
    cells: Object.fromEntries(verdicts.map((row) => [row.profileId, { label: both(`verdict.${row.verdict}`), href: `/profielen/${row.profileId}/cyclus#verdict-heading`, tone: TONES[row.verdict] }])),
  };
});
