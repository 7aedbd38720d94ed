/** @jsxImportSource hono/jsx */
/** The register's plug-ins: links on the SWV's register page and the public-data block on a school's page. */
import { formatDate } from '../../ui/dates.js';
import { translator } from '../../ui/i18n.js';
import { registerPageLinkProviders } from '../partnerships/overview-links.js';
import { schoolPageSections } from '../partnerships/school-page-sections.js';
import { registerMessages } from './messages.js';
import { pupilCountText } from './pupil-count-text.js';
import { listPupilCounts, listVerdicts } from './repository.js';

registerPageLinkProviders.push((partnershipId, locale) => {
  const t = translator(registerMessages, locale);
  return [
    { href: `/swv/${partnershipId}/scholen/importeren`, label: t('registerLinkImport'), permission: 'partnership.manage' },
    { href: `/swv/${partnershipId}/wijken`, label: t('registerLinkDistricts'), permission: 'partnership.manage' },
    { href: `/swv/${partnershipId}/leerlingaantallen`, label: t('registerLinkCounts'), permission: 'partnership.manage' },
    { href: `/swv/${partnershipId}/inspectieoordelen`, label: t('registerLinkVerdicts'), permission: 'partnership.manage' },
    { href: `/swv/${partnershipId}/gebruikers/meerdere-uitnodigen`, label: t('bulkLink'), permission: 'partnership.manage' },
  ];
});

// Pupil count and inspection verdict on the school's page (the route already checked the viewer may see the school).
schoolPageSections.push(async (c, _auth, schoolId) => {
  const t = translator(registerMessages, c.var.locale);
  const [counts, verdicts] = [await listPupilCounts(c.var.deps.db, schoolId), await listVerdicts(c.var.deps.db, schoolId)];
  if (counts.length === 0 && verdicts.length === 0) return null;
  const latest = counts[0];
  const newest = verdicts.filter((v) => v.decidedOn === verdicts[0]!.decidedOn);
  return (
    <section class="register-public-data" aria-labelledby="openbare-gegevens">
      <h2 class="utrecht-heading-2" id="openbare-gegevens">
        {t('schoolBlockTitle')}
      </h2>
      <dl class="facts">
        {latest && (
          <>
            <dt>{t('pupilCountOn', { date: formatDate(latest.countedOn, c.var.locale) })}</dt>
            <dd>
              {pupilCountText(latest, t)} <span class="register-source">{t('sourceDuo')}</span>
            </dd>
          </>
        )}
        {newest.map((v) => (
          <>
            <dt>
              {t('inspectionVerdict')}
              {v.department ? ` — ${t('department').toLowerCase()} ${v.department}` : ''}
            </dt>
            <dd>
              {v.decidedOn ? t('verdictLine', { verdict: v.verdict, date: formatDate(v.decidedOn, c.var.locale) }) : v.verdict} <span class="register-source">{t('sourceInspection')}</span>
            </dd>
          </>
        ))}
      </dl>
    </section>
  );
});
