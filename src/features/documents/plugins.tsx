/** @jsxImportSource hono/jsx */
/** The documents plug-ins: its jobs, the link on the SWV overview and the block on the school page. */
import { can } from '../../auth/policy.js';
import { jobProviders } from '../../runtime.js';
import { translator } from '../../ui/i18n.js';
import { partnershipLinkProviders } from '../partnerships/routes.js';
import { schoolPageSections } from '../partnerships/school-page-sections.js';
import { listProfilesOfSchool } from '../questionnaire/api.js';
import { batchExportJob } from './build-batch-export.js';
import { documentMessages } from './messages.js';
import { documentSnapshotJob } from './take-snapshot.js';

jobProviders.push((deps) => [documentSnapshotJob(deps), batchExportJob(deps)]);

partnershipLinkProviders.push((partnershipId, locale) => [
  { href: `/swv/${partnershipId}/documenten`, label: translator(documentMessages, locale)('swvLink'), permission: 'documents.batch' },
]);

/** On the school page: a link to the documents of each school year the reader may see. */
schoolPageSections.push(async (c, auth, schoolId) => {
  const t = translator(documentMessages, c.var.locale);
  const profiles = (await listProfilesOfSchool(c.var.deps.db, schoolId)).filter((profile) =>
    can(auth.principal, 'documents.download', auth.scope, { profileStatus: profile.status }),
  );
  if (profiles.length === 0) return null;
  return (
    <section class="documents-block" aria-labelledby="documents-block-heading">
      <h2 class="utrecht-heading-2" id="documents-block-heading">
        {t('schoolBlockHeading')}
      </h2>
      <ul class="inline-list">
        {profiles.map((profile) => (
          <li>
            <a class="utrecht-link" href={`/profielen/${profile.id}/documenten`}>
              {t('schoolBlockLink', { year: profile.schoolYear })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
});
