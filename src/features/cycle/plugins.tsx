/** @jsxImportSource hono/jsx */
/** The cycle's plug-ins: its jobs, the link on the SWV overview and the block on the school page. */
import { can, rolesAt } from '../../auth/policy.js';
import { jobProviders } from '../../runtime.js';
import { ButtonLink } from '../../ui/components.js';
import { translator } from '../../ui/i18n.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { schoolAddedHooks } from '../partnerships/school-added-hooks.js';
import { schoolPageSections } from '../partnerships/school-page-sections.js';
import { findProfile } from '../questionnaire/api.js';
import { formatDate } from '../../ui/dates.js';
import { amsterdamDate } from './editability.js';
import { cycleMessages } from './messages.js';
import { prepareProfilesForNewSchools } from './open-cycle.js';
import { cycleJobs } from './reminders.js';
import { listCycles } from './repository.js';
import { ProfileStatusTag } from './views/shared.js';

jobProviders.push((deps) => cycleJobs(deps));

// Schools added mid-cycle get their profiles in the same transaction.
schoolAddedHooks.push(async (tx, event) => {
  await prepareProfilesForNewSchools(tx, event);
});

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/cyclus`, label: translator(cycleMessages, locale)('cyclesTitle'), permission: 'cycle.manage' },
]);

/**
 * On the school page: this year's SOP round with its status and the next step for the viewer — the council's
 * "Advies geven" once the school has submitted (before that: that it will be e-mailed), the board's "SOP vaststellen".
 */
schoolPageSections.push(async (c, auth, schoolId) => {
  if (auth.scope.level !== 'school') return null;
  const t = translator(cycleMessages, c.var.locale);
  const db = c.var.deps.db;
  const today = amsterdamDate(c.var.deps.clock.now());
  const cycle = (await listCycles(db, auth.scope.partnershipId)).find((entry) => entry.openedAt && entry.opensOn <= today);
  if (!cycle) return null;
  const profile = await findProfile(db, schoolId, cycle.schoolYear);
  if (!profile) return null;
  const state = { profileStatus: profile.status };
  const canView = can(c.var.principal, 'profile.view', auth.scope, state);
  const isCouncil = rolesAt(c.var.principal!, auth.scope).includes('council_member');
  if (!canView && !isCouncil) return null;
  const running = today < cycle.closesOn;
  const canAdvise = running && profile.status === 'submitted' && can(c.var.principal, 'profile.recordAdvice', auth.scope, state);
  const canAdopt = running && (profile.status === 'submitted' || profile.status === 'advised') && can(c.var.principal, 'profile.adopt', auth.scope, state);
  return (
    <section class="cycle-block" aria-labelledby="cycle-block-heading">
      <h2 class="utrecht-heading-2" id="cycle-block-heading">
        {t('blockHeading', { year: cycle.schoolYear })}
      </h2>
      <p class="utrecht-paragraph">
        <ProfileStatusTag locale={c.var.locale} status={profile.status} /> {today <= cycle.submitDeadline && t('blockDeadline', { date: formatDate(cycle.submitDeadline, c.var.locale) })}
      </p>
      {!canView && <p class="utrecht-paragraph">{t('councilWaiting')}</p>}
      {canAdvise && (
        <div class="cycle-next-step">
          <p class="utrecht-paragraph">{t('councilNextStep')}</p>
          <ButtonLink href={`/profielen/${profile.id}/cyclus#advice-heading`}>{t('giveAdvice')}</ButtonLink>
        </div>
      )}
      {canAdopt && (
        <div class="cycle-next-step">
          <p class="utrecht-paragraph">{t('boardNextStep')}</p>
          <ButtonLink href={`/profielen/${profile.id}/cyclus#adopt-heading`}>{t('adoptNow')}</ButtonLink>
        </div>
      )}
      {canView && (
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
      )}
    </section>
  );
});
