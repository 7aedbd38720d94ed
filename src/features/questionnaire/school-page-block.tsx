/** @jsxImportSource hono/jsx */
/** The school page's block with the school's profiles per school year (registered from src/features/register.ts). */
import { can } from '../../auth/policy.js';
import { StatusTag } from '../../ui/components.js';
import { translator } from '../../ui/i18n.js';
import { schoolPageSections } from '../partnerships/school-page-sections.js';
import { PROFILE_STATUS_LABELS, PROFILE_STATUS_TONES, questionnaireMessages } from './messages.js';
import { listProfilesOfSchool } from './profiles-repository.js';

schoolPageSections.push(async (c, auth, schoolId) => {
  const t = translator(questionnaireMessages, c.var.locale);
  const all = await listProfilesOfSchool(c.var.deps.db, schoolId);
  // Council members only see submitted profiles (the same rule as the routes).
  const visible = all.filter((profile) => can(auth.principal, 'profile.view', auth.scope, { profileStatus: profile.status }));
  return (
    <section class="q-school-profiles">
      <h2 class="utrecht-heading-2">{t('schoolProfiles')}</h2>
      {visible.length === 0 ? (
        <p class="utrecht-paragraph">{t('noProfiles')}</p>
      ) : (
        <ul class="card-list">
          {visible.map((profile) => (
            <li class="card">
              <a class="utrecht-link" href={`/profielen/${profile.id}`}>
                {t('openProfile', { year: profile.schoolYear })}
              </a>{' '}
              <StatusTag tone={PROFILE_STATUS_TONES[profile.status]}>{PROFILE_STATUS_LABELS[c.var.locale][profile.status]}</StatusTag>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
