/** @jsxImportSource hono/jsx */
/** The progress overview of one school year, for the SWV or a board: status and answered questions per school. */
import { Button, CsrfField, SelectField, StatusTag } from '../../../ui/components.js';
import type { Locale } from '../../../ui/i18n.js';
import { PROFILE_STATUSES } from '../../questionnaire/api.js';
import { formatDutchDate } from '../editability.js';
import type { ProgressPage } from '../load-progress-page.js';
import { PROFILE_STATUS_LABELS } from '../profile-status.js';
import { cycleT, ProfileStatusTag } from './shared.js';

/** The page's own address (filter form) and the address of another year. */
export interface ProgressLinks {
  action: string;
  yearHref: (year: string) => string;
}

export function progressTitle(page: ProgressPage, locale: Locale): string {
  const t = cycleT(locale);
  return page.board ? t('boardProgressTitle', { year: page.schoolYear }) : t('progressTitle', { year: page.schoolYear });
}

export function ProgressView(props: { page: ProgressPage; links: ProgressLinks; locale: Locale; csrfToken: string }) {
  const t = cycleT(props.locale);
  const { page, links } = props;
  const labels = PROFILE_STATUS_LABELS[props.locale];
  const title = progressTitle(page, props.locale);
  const cycle = page.cycle;
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      {page.years.length > 1 && (
        <nav aria-label={t('otherYears')} class="year-nav">
          <p class="utrecht-paragraph">
            {t('otherYears')}:{' '}
            {page.years.map((year, index) => (
              <>
                {index > 0 && ' · '}
                {year === page.schoolYear ? (
                  <strong aria-current="page">{year}</strong>
                ) : (
                  <a class="utrecht-link" href={links.yearHref(year)}>
                    {year}
                  </a>
                )}
              </>
            ))}
          </p>
        </nav>
      )}
      {!cycle ? (
        <p class="utrecht-paragraph">{t('noCycleForYear', { year: page.schoolYear })}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('progressIntro', { deadline: formatDutchDate(cycle.submitDeadline), close: formatDutchDate(cycle.closesOn) })}</p>
          <form method="get" action={links.action} class="filter-form">
            {page.board && <input type="hidden" name="jaar" value={page.schoolYear} />}
            <SelectField
              name="status"
              label={t('filterStatus')}
              value={page.statusFilter ?? ''}
              emptyLabel={t('allStatuses')}
              options={PROFILE_STATUSES.map((status) => ({ value: status, label: `${labels[status]} (${page.counts[status]})` }))}
            />
            <Button variant="secondary">{t('filter')}</Button>
          </form>
          {page.rows.length === 0 && page.withoutProfile.length === 0 ? (
            <p class="utrecht-paragraph">{t('noProfiles')}</p>
          ) : (
            <table class="utrecht-table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('school')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('progress')}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr>
                    <th scope="row">
                      <a class="utrecht-link" href={`/profielen/${row.profileId}/cyclus`}>
                        {row.schoolName}
                      </a>
                    </th>
                    <td>
                      <ProfileStatusTag locale={props.locale} status={row.status} /> {row.late && <StatusTag tone="danger">{t('lateTag')}</StatusTag>}
                    </td>
                    {/* Not started with answers: all of them were carried over from last year (the school's first save starts it). */}
                    <td>{t(row.status === 'not_started' && row.answered > 0 ? 'progressCountCarried' : 'progressCount', { answered: row.answered, total: row.required })}</td>
                  </tr>
                ))}
                {page.withoutProfile.map((school) => (
                  <tr>
                    <th scope="row">{school.name}</th>
                    <td>
                      <StatusTag tone="danger">{t('noProfileTag')}</StatusTag>
                    </td>
                    <td></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {page.withoutProfile.length > 0 && (
            <div class="utrecht-alert utrecht-alert--warning" role="status">
              <p class="utrecht-paragraph">{t('schoolsWithoutProfile', { count: page.withoutProfile.length, year: page.schoolYear })}</p>
              {page.opening === 'opens-later' && <p class="utrecht-paragraph">{t('opensLaterHint', { year: page.schoolYear, date: formatDutchDate(cycle.opensOn) })}</p>}
              {page.opening === 'open-now' && <p class="utrecht-paragraph">{t('openNowHint', { year: page.schoolYear })}</p>}
              {page.opening === 'prepare-missing' && <p class="utrecht-paragraph">{t('prepareMissingHint')}</p>}
              {(page.opening === 'open-now' || page.opening === 'prepare-missing') && (
                <form method="post" action={`/swv/${page.partnershipId}/cyclus/${page.schoolYear}/openen`}>
                  <CsrfField token={props.csrfToken} />
                  <Button variant="secondary">{page.opening === 'open-now' ? t('openNow') : t('prepareMissing')}</Button>
                </form>
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}
