/** @jsxImportSource hono/jsx */
/**
 * The progress overview of one school year, for the SWV or a board: status, answered questions and last activity per
 * school, filtered, sorted and paged with a plain GET form and links (no script needed).
 */
import { Alert, Button, CheckboxField, CsrfField, SelectField, StatusTag } from '../../../ui/components.js';
import type { Locale } from '../../../ui/i18n.js';
import { PROFILE_STATUSES } from '../../questionnaire/api.js';
import { formatDate } from '../../../ui/dates.js';
import { amsterdamDate } from '../editability.js';
import type { ProgressPage, ProgressQuery } from '../load-progress-page.js';
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
    <form method="post" action={page.board ? `/besturen/${page.board.id}/voortgang/herinneren` : `/swv/${page.partnershipId}/cyclus/${page.schoolYear}/herinneren`} aria-labelledby="remind-heading">
      <CsrfField token={props.csrfToken} />
      {page.board && <input type="hidden" name="jaar" value={page.schoolYear} />}
      <h2 class="utrecht-heading-2" id="remind-heading">
        {t('remindHeading')}
      </h2>
      <p class="utrecht-paragraph">{t('remindHint')}</p>
      {props.children}
      <Button>{t('remindButton')}</Button>
    </form>
  );
}

/** The overview's address with its filters and sort, on another page (parameter names as the filter form posts them). */
function pageHref(action: string, board: boolean, schoolYear: string, query: ProgressQuery, page: number): string {
  const params = new URLSearchParams();
  if (board) params.set('jaar', schoolYear);
  if (query.status) params.set('status', query.status);
  if (query.late) params.set('te-laat', '1');
  if (query.board) params.set('bestuur', query.board);
  if (query.district) params.set('wijk', query.district);
  if (query.sort !== 'naam') params.set('sorteer', query.sort);
  if (query.descending) params.set('volgorde', 'af');
  params.set('pagina', String(page));
  return `${action}?${params.toString()}`;
}

function DeadlineLine(props: { daysLeft: number; locale: Locale }) {
  const t = cycleT(props.locale);
  const { daysLeft } = props;
  const text = daysLeft > 0 ? t('deadlineDaysLeft', { days: daysLeft }) : daysLeft === 0 ? t('deadlineToday') : t('deadlinePassed', { days: -daysLeft });
  return <p class="utrecht-paragraph">{text}</p>;
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
  const query = page.query;
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
          <p class="utrecht-paragraph">{t('progressIntro', { deadline: formatDate(cycle.submitDeadline, props.locale), close: formatDate(cycle.closesOn, props.locale) })}</p>
          {page.daysLeft !== null && <DeadlineLine daysLeft={page.daysLeft} locale={props.locale} />}
          <form method="get" action={links.action} class="filter-form">
            {page.board && <input type="hidden" name="jaar" value={page.schoolYear} />}
            <SelectField
              name="status"
              label={t('filterStatus')}
              value={query.status ?? ''}
              emptyLabel={t('allStatuses')}
              options={PROFILE_STATUSES.map((status) => ({ value: status, label: `${labels[status]} (${page.counts[status]})` }))}
            />
            {page.boards.length > 1 && (
              <SelectField name="bestuur" label={t('filterBoard')} value={query.board ?? ''} emptyLabel={t('allBoards')} options={page.boards.map((entry) => ({ value: entry.id, label: entry.name }))} />
            )}
            {page.districts.length > 1 && (
              <SelectField name="wijk" label={t('filterDistrict')} value={query.district ?? ''} emptyLabel={t('allDistricts')} options={page.districts.map((entry) => ({ value: entry.id, label: entry.name }))} />
            )}
            <CheckboxField name="te-laat" value="1" label={t('filterLate', { count: page.lateCount })} checked={query.late !== null} />
            <SelectField
              name="sorteer"
              label={t('sortBy')}
              value={query.sort}
              options={[
                { value: 'naam', label: t('sortName') },
                { value: 'status', label: t('sortStatus') },
                { value: 'voortgang', label: t('sortProgress') },
                { value: 'activiteit', label: t('sortActivity') },
              ]}
            />
            <SelectField
              name="volgorde"
              label={t('sortOrder')}
              value={query.descending ? 'af' : 'op'}
              options={[
                { value: 'op', label: t('sortAscending') },
                { value: 'af', label: t('sortDescending') },
              ]}
            />
            <Button variant="secondary">{t('filter')}</Button>
          </form>
          {page.rows.length === 0 && page.withoutProfile.length === 0 ? (
            <p class="utrecht-paragraph">{t('noProfiles')}</p>
          ) : (
            <RemindForm page={page} csrfToken={props.csrfToken} locale={props.locale}>
            {page.pageCount > 1 && <p class="utrecht-paragraph">{t('shownCount', { total: page.total, page: query.page, pages: page.pageCount })}</p>}
            <table class="utrecht-table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('school')}</th>
                  {!page.board && <th scope="col">{t('boardColumn')}</th>}
                  {page.districts.length > 0 && <th scope="col">{t('districtColumn')}</th>}
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('progress')}</th>
                  <th scope="col">{t('lastActivity')}</th>
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
                    {!page.board && <td>{row.boardName}</td>}
                    {page.districts.length > 0 && <td>{row.districtName ?? ''}</td>}
                    <td>
                      <ProfileStatusTag locale={props.locale} status={row.status} /> {row.late && <StatusTag tone="danger">{t('lateTag')}</StatusTag>}
                      {row.overdue && <StatusTag tone="danger">{t('overdueTag')}</StatusTag>}
                    </td>
                    {/* Not started with answers: all of them were carried over from last year (the school's first save starts it). */}
                    <td>{t(row.status === 'not_started' && row.answered > 0 ? 'progressCountCarried' : 'progressCount', { answered: row.answered, total: row.required })}</td>
                    <td>{row.lastActivity ? formatDate(amsterdamDate(row.lastActivity), props.locale) : t('noActivity')}</td>
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
                    {!page.board && <td></td>}
                    {page.districts.length > 0 && <td></td>}
                    <td>
                      <StatusTag tone="danger">{t('noProfileTag')}</StatusTag>
                    </td>
                    <td></td>
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
          {page.pageCount > 1 && (
            <nav aria-label={t('pagingLabel')} class="paging">
              <p class="utrecht-paragraph">
                {query.page > 1 && (
                  <a class="utrecht-link" rel="prev" href={pageHref(links.action, page.board !== null, page.schoolYear, query, query.page - 1)}>
                    {t('previousPage')}
                  </a>
                )}
                {query.page > 1 && query.page < page.pageCount && ' · '}
                {query.page < page.pageCount && (
                  <a class="utrecht-link" rel="next" href={pageHref(links.action, page.board !== null, page.schoolYear, query, query.page + 1)}>
                    {t('nextPage')}
                  </a>
                )}
              </p>
            </nav>
          )}
          {page.withoutProfile.length > 0 && (
            <div class="utrecht-alert utrecht-alert--warning" role="status">
              <p class="utrecht-paragraph">{t('schoolsWithoutProfile', { count: page.withoutProfile.length, year: page.schoolYear })}</p>
              {page.opening === 'opens-later' && <p class="utrecht-paragraph">{t('opensLaterHint', { year: page.schoolYear, date: formatDate(cycle.opensOn, props.locale) })}</p>}
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
