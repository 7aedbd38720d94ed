/** @jsxImportSource hono/jsx */
/** Year over year: per normed item the schools meeting the norm in both years, and which schools rose or fell. */
import { Button, SelectField } from '../../../ui/components.js';
import type { Locale } from '../../../ui/i18n.js';
import type { YearComparisonPage } from '../load-year-comparison.js';
import { FilterForm, filterParams, pageSizeField, PagingNav } from './matrix.js';
import { ExportLinks, insightPath, insightT, YearPicker } from './shared.js';

export function CompareView(props: { page: YearComparisonPage; locale: Locale }) {
  const t = insightT(props.locale);
  const { page } = props;
  const { context, previousYear } = page;
  const earlier = context.years.filter((year) => year < context.schoolYear);
  const params = { ...filterParams(context), vorig: previousYear ?? undefined };
  const schoolLinks = (schools: YearComparisonPage['items'][number]['rose']) =>
    schools.length === 0
      ? '–'
      : schools.map((school, index) => (
          <>
            {index > 0 && ', '}
            <a class="utrecht-link" href={insightPath(context, `/basisondersteuning/scholen/${school.id}`)}>
              {school.name}
            </a>
          </>
        ));
  return (
    <>
      <h1 class="utrecht-heading-1">{previousYear ? t('compareTitle', { previous: previousYear, year: context.schoolYear }) : t('compareTitle', { previous: '–', year: context.schoolYear })}</h1>
      <p class="utrecht-paragraph">{t('compareIntro')}</p>
      <YearPicker context={context} view="/jaarvergelijking" locale={props.locale} extra={filterParams(context)} />
      {earlier.length > 1 && (
        <form method="get" action={`${context.place.basePath}/inzicht/jaarvergelijking`} class="filter-form">
          <input type="hidden" name="jaar" value={context.schoolYear} />
          <SelectField name="vorig" label={t('compareWith')} value={previousYear ?? undefined} options={earlier.map((year) => ({ value: year, label: year }))} />
          <Button variant="secondary">{t('show')}</Button>
        </form>
      )}
      <FilterForm context={context} action={`${context.place.basePath}/inzicht/jaarvergelijking`} locale={props.locale} withSection extra={{ ...(previousYear ? { vorig: previousYear } : {}), ...pageSizeField(page.paging) }} />
      {!previousYear ? (
        <p class="utrecht-paragraph">{t('compareNoPrevious')}</p>
      ) : (
        <>
        <PagingNav context={context} paging={page.paging} view="/jaarvergelijking" params={params} locale={props.locale} />
        <section class="insight-matrix-wrap" tabindex={0} aria-label={t('compareCaption')}>
          <table class="utrecht-table" data-table="compare">
            <caption class={page.paging ? undefined : 'visually-hidden'}>
              {t('compareCaption')}
              {page.paging && (
                <>
                  {' '}
                  {t('comparePageCaption', { first: page.paging.first, last: page.paging.last, total: page.paging.total, page: page.paging.page, pages: page.paging.pages })}
                </>
              )}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('item')}</th>
                <th scope="col">{t('section')}</th>
                <th scope="col">{t('meetsBefore', { year: previousYear })}</th>
                <th scope="col">{t('meetsNow', { year: context.schoolYear })}</th>
                <th scope="col">{t('roseSchools')}</th>
                <th scope="col">{t('fellSchools')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((row) => (
                <tr data-item={row.entry.item.key}>
                  <th scope="row">
                    {row.entry.item.title}
                    {row.comparability === 'norm-changed' && <span class="status-tag status-tag--warning">{t('normChanged')}</span>}
                  </th>
                  <td>{row.entry.section.title}</td>
                  {row.comparability === 'new' || row.comparability === 'changed' ? (
                    <>
                      <td>
                        <span class="status-tag status-tag--info">{row.comparability === 'new' ? t('newItem') : t('changedItem')}</span>
                      </td>
                      <td>{row.meetsNow}</td>
                      <td>–</td>
                      <td>–</td>
                    </>
                  ) : (
                    <>
                      <td>
                        {row.meetsBefore} / {row.compared}
                      </td>
                      <td>
                        {row.meetsNow} / {row.compared}
                      </td>
                      <td>
                        <span class="visually-hidden">{t('rose')}: </span>
                        {(row.roseCount ?? row.rose.length) > 0 && <strong>↑ {row.roseCount ?? row.rose.length}: </strong>}
                        {schoolLinks(row.rose)}
                      </td>
                      <td>
                        <span class="visually-hidden">{t('fell')}: </span>
                        {(row.fellCount ?? row.fell.length) > 0 && <strong>↓ {row.fellCount ?? row.fell.length}: </strong>}
                        {schoolLinks(row.fell)}
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        </>
      )}
      <h2 class="utrecht-heading-2">{t('exportHeading')}</h2>
      <ExportLinks context={context} kind="jaarvergelijking" label={t('exportCompare')} locale={props.locale} params={params} />
    </>
  );
}
