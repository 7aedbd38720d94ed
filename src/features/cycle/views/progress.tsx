/** @jsxImportSource hono/jsx */
/** The progress overview of one school year, for the SWV or a board: status and answered questions per school. */
import { Alert, Button, CsrfField, SelectField, StatusTag } from '../../../ui/components.js';
import type { Locale } from '../../../ui/i18n.js';
import { PROFILE_STATUSES } from '../../questionnaire/api.js';
import { formatDutchDate } from '../editability.js';
import type { ProgressPage } from '../load-progress-page.js';
import { PROFILE_STATUS_LABELS } from '../profile-status.js';
import { cycleT, ProfileListCellView, ProfileStatusTag } from './shared.js';

/** The page's own address (filter form) and the address of another year. */
export interface ProgressLinks {
  action: string;
  yearHref: (year: string) => string;
}

export function progressTitle(page: ProgressPage, locale: Locale): string {
  const t = cycleT(locale);
  return page.board ? t('boardProgressTitle', { year: page.schoolYear }) : t('progressTitle', { year: page.schoolYear });
}

/** Around the table when the reader may remind schools: the ticked rows are posted, with the rule said on screen. */
function RemindForm(props: { page: ProgressPage; csrfToken: string; locale: Locale; children: unknown }) {
  const t = cycleT(props.locale);
  const { page } = props;
  if (!page.canRemind || !page.rows.some((row) => row.remindable)) return <>{props.children}</>;
  return (
    <form method="post" action={`/swv/${page.partnershipId}/cyclus/${page.schoolYear}/herinneren`} aria-labelledby="remind-heading">
      <CsrfField token={props.csrfToken} />
      <h2 class="utrecht-heading-2" id="remind-heading">
        {t('remindHeading')}
      </h2>
      <p class="utrecht-paragraph">{t('remindHint')}</p>
      {props.children}
      <Button>{t('remindButton')}</Button>
    </form>
  );
}

/** What the last reminder did, from the redirect's query (counts only). */
export interface RemindNotice {
  reminded: number;
  alreadyToday: number;
  notOpen: number;
  noEditors: number;
  noneChosen?: boolean;
}

export function RemindNoticeView(props: { notice: RemindNotice; locale: Locale }) {
  const t = cycleT(props.locale);
  const { notice } = props;
  if (notice.noneChosen) {
    return (
      <Alert type="error" role="alert">
        <p class="utrecht-paragraph">{t('remindNoneChosen')}</p>
      </Alert>
    );
  }
  return (
    <Alert type="ok">
      <p class="utrecht-paragraph">{t('remindDone', { count: notice.reminded })}</p>
      {notice.alreadyToday > 0 && <p class="utrecht-paragraph">{t('remindAlreadyToday', { count: notice.alreadyToday })}</p>}
      {notice.notOpen > 0 && <p class="utrecht-paragraph">{t('remindNotOpen', { count: notice.notOpen })}</p>}
      {notice.noEditors > 0 && <p class="utrecht-paragraph">{t('remindNoEditors', { count: notice.noEditors })}</p>}
    </Alert>
  );
}

export function ProgressView(props: { page: ProgressPage; links: ProgressLinks; locale: Locale; csrfToken: string; notice?: RemindNotice | undefined }) {
  const t = cycleT(props.locale);
  const { page, links } = props;
  const labels = PROFILE_STATUS_LABELS[props.locale];
  const title = progressTitle(page, props.locale);
  const cycle = page.cycle;
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      {props.notice && <RemindNoticeView notice={props.notice} locale={props.locale} />}
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
            <RemindForm page={page} csrfToken={props.csrfToken} locale={props.locale}>
            <table class="utrecht-table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('school')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('progress')}</th>
                  {page.canRemind && <th scope="col">{t('remindColumn')}</th>}
                  {page.columns.map((column) => (
                    <th scope="col">{column.heading[props.locale]}</th>
                  ))}
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
                    {page.canRemind && (
                      <td>
                        {row.remindedToday ? (
                          <StatusTag tone="neutral">{t('remindedTodayTag')}</StatusTag>
                        ) : (
                          row.remindable && (
                            <label class="remind-choice">
                              <input type="checkbox" name="profiel" value={row.profileId} checked />
                              <span class="visually-hidden">{t('remindSelect', { school: row.schoolName })}</span>
                            </label>
                          )
                        )}
                      </td>
                    )}
                    {page.columns.map((column) => (
                      <ProfileListCellView column={column} profileId={row.profileId} locale={props.locale} />
                    ))}
                  </tr>
                ))}
                {page.withoutProfile.map((school) => (
                  <tr>
                    <th scope="row">{school.name}</th>
                    <td>
                      <StatusTag tone="danger">{t('noProfileTag')}</StatusTag>
                    </td>
                    <td></td>
                    {page.canRemind && <td></td>}
                    {page.columns.map((column) => (
                      <ProfileListCellView column={column} profileId={null} locale={props.locale} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            </RemindForm>
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
