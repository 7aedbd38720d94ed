/** @jsxImportSource hono/jsx */
/** The cycle's plug-ins: its jobs, the link on the SWV overview and the block on the school page. */
import { can } from '../../auth/policy.js';
import { jobProviders } from '../../runtime.js';
import { translator } from '../../ui/i18n.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { schoolAddedHooks } from '../partnerships/school-added-hooks.js';
import { schoolPageSections } from '../partnerships/school-page-sections.js';
import { findProfile } from '../questionnaire/profiles-repository.js';
import { amsterdamDate, formatDutchDate } from './editability.js';
import { cycleMessages } from './messages.js';
import { prepareProfileForNewSchool } from './open-cycle.js';
import { cycleJobs } from './reminders.js';
import { listCycles } from './repository.js';
import { ProfileStatusTag } from './views/shared.js';

jobProviders.push((deps) => cycleJobs(deps));

// A school added mid-cycle gets its profile in the same transaction.
schoolAddedHooks.push(async (tx, event) => {
  await prepareProfileForNewSchool(tx, event);
});

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/cyclus`, label: translator(cycleMessages, locale)('cyclesTitle'), permission: 'cycle.manage' },
]);

/** On the school page: this year's SOP round with its status and the next step. */
schoolPageSections.push(async (c, auth, schoolId) => {
  if (auth.scope.level !== 'school') return null;
  const t = translator(cycleMessages, c.var.locale);
  const db = c.var.deps.db;
  const today = amsterdamDate(c.var.deps.clock.now());
  const cycle = (await listCycles(db, auth.scope.partnershipId)).find((entry) => entry.openedAt && entry.opensOn <= today);
  if (!cycle) return null;
  const profile = await findProfile(db, schoolId, cycle.schoolYear);
  if (!profile || !can(c.var.principal, 'profile.view', auth.scope, { profileStatus: profile.status })) return null;
  return (
    <section class="cycle-block" aria-labelledby="cycle-block-heading">
      <h2 class="utrecht-heading-2" id="cycle-block-heading">
        {t('blockHeading', { year: cycle.schoolYear })}
      </h2>
      <p class="utrecht-paragraph">
        <ProfileStatusTag locale={c.var.locale} status={profile.status} /> {today <= cycle.submitDeadline && t('blockDeadline', { date: formatDutchDate(cycle.submitDeadline) })}
      </p>
      <ul class="inline-list">
        <li>
          <a class="utrecht-link" href={`/profielen/${profile.id}/cyclus`}>
            {t('cyclePageTitle')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`/profielen/${profile.id}/wijzigingen`}>
            {t('toChanges')}
          </a>
        </li>
      </ul>
    </section>
  );
});
