/** @jsxImportSource hono/jsx */
/**
 * Coverage (dekkend netwerk): the holes, the offer per district or board at each level, and the ambitions counted
 * per item; one item's ambitions (which schools, by when, their notes) on a page of their own, paged like the matrix.
 */
import type { Locale } from '../../../ui/i18n.js';
import { describeAnswer } from '../../templates/model/answer.js';
import type { CoveragePage } from '../load-coverage.js';
import type { ItemAmbitionsPage } from '../load-item-ambitions.js';
import { FilterForm, filterParams, pageSizeField, PagingNav } from './matrix.js';
import { ExportLinks, insightPath, insightT, PdfLink, YearPicker } from './shared.js';

export function CoverageView(props: { page: CoveragePage; locale: Locale }) {
  const t = insightT(props.locale);
  const { page } = props;
  const { context } = page;
  const by = page.by === 'board' ? t('byBoard') : t('byDistrict');
  const params = { ...filterParams(context), per: page.by === 'board' ? 'bestuur' : undefined };
  return (
    <>
      <h1 class="utrecht-heading-1">{t('coverageTitle', { year: context.schoolYear })}</h1>
      <p class="utrecht-paragraph">{t('coverageIntro')}</p>
      <YearPicker context={context} view="/dekking" locale={props.locale} extra={params} />
      <FilterForm context={context} action={`${context.place.basePath}/inzicht/dekking`} locale={props.locale} extra={page.by === 'board' ? { per: 'bestuur' } : {}} />
      {page.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('noCoverageItems')}</p>
      ) : (
        <>
          <h2 class="utrecht-heading-2" id="holes">
            {t('holesHeading')}
          </h2>
          {page.holes.length === 0 ? (
            <p class="utrecht-paragraph">{t('holesNone')}</p>
          ) : (
            <table class="utrecht-table" data-table="holes">
              <caption class="visually-hidden">{t('holesTableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('item')}</th>
                  <th scope="col">{t('district')}</th>
                  <th scope="col">{t('nearest')}</th>
                  <th scope="col">{t('elsewhere')}</th>
                </tr>
              </thead>
              <tbody>
                {page.holes.map((hole) => (
                  <tr>
                    <th scope="row">{hole.itemTitle}</th>
                    <td>{hole.group.name}</td>
                    <td>{hole.nearest ? hole.nearest.label : t('nearestNone')}</td>
                    <td>
                      {hole.elsewhereCount === 0 ? t('elsewhereNone') : hole.elsewhere.join(', ')}
                      {hole.elsewhereCount > hole.elsewhere.length && ` ${t('elsewhereMore', { count: hole.elsewhereCount - hole.elsewhere.length })}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2 class="utrecht-heading-2">{t('offerHeading', { by })}</h2>
          <p class="utrecht-paragraph">
            {page.by === 'board' ? (
              <a class="utrecht-link" href={insightPath(context, '/dekking', { ...filterParams(context) })}>
                {t('perDistrict')}
              </a>
            ) : (
              <a class="utrecht-link" href={insightPath(context, '/dekking', { ...filterParams(context), per: 'bestuur' })}>
                {t('perBoard')}
              </a>
            )}
          </p>
          {page.items.map(({ item, section, levels, cells }) => (
            <section class="insight-matrix-wrap" tabindex={0} aria-label={t('offerCaption', { item: item.title, by })}>
              <table class="utrecht-table insight-offer">
                <caption>
                  {item.title} <span class="insight-hint">({section.title})</span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{page.by === 'board' ? t('board') : t('district')}</th>
                    <th scope="col">{t('schools')}</th>
                    {levels.map((level) => (
                      <th scope="col">{level.label}</th>
                    ))}
                    <th scope="col">{t('notAnswered')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cells.map((cell) => (
                    <tr class={cell.atSchool === 0 ? 'insight-offer__hole' : undefined}>
                      <th scope="row">{cell.group.name}</th>
                      <td>{cell.schools}</td>
                      {levels.map((level) => (
                        <td>{cell.perLevel[level.value]}</td>
                      ))}
                      <td>{cell.unanswered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
      <h2 class="utrecht-heading-2" id="ambities">
        {t('ambitionsHeading')}
      </h2>
      <p class="utrecht-paragraph">{t('ambitionsIntro')}</p>
      {page.ambitions.length === 0 ? (
        <p class="utrecht-paragraph">{t('ambitionsNone')}</p>
      ) : (
        <table class="utrecht-table" data-table="ambitions">
          <caption class="visually-hidden">{t('ambitionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col">{t('section')}</th>
              <th scope="col">{t('schools')}</th>
              <th scope="col">{t('byWhen')}</th>
            </tr>
          </thead>
          <tbody>
            {page.ambitions.map((need) => (
              <tr>
                <th scope="row">{need.item.title}</th>
                <td>{need.section.title}</td>
                <td>
                  {need.schools}{' '}
                  <a class="utrecht-link" href={insightPath(context, `/dekking/ambities/${encodeURIComponent(need.item.key)}`, filterParams(context))} aria-label={t('ambitionSchoolsLinkLabel', { item: need.item.title })}>
                    {t('ambitionSchoolsLink')}
                  </a>
                </td>
                <td>{need.byYear.map((entry) => `${entry.schoolYear || t('noYearGiven')}: ${entry.count}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="utrecht-heading-2">{t('exportHeading')}</h2>
      <ExportLinks context={context} kind="dekking" label={t('exportCoverage')} locale={props.locale} params={params} />
      <PdfLink context={context} kind="dekking" locale={props.locale} params={params} />
    </>
  );
}

export function ItemAmbitionsView(props: { page: ItemAmbitionsPage; locale: Locale }) {
  const t = insightT(props.locale);
  const { page } = props;
  const { context, item } = page;
  const view = `/dekking/ambities/${encodeURIComponent(item.key)}`;
  const params = filterParams(context);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('ambitionSchoolsTitle', { item: item.title, year: context.schoolYear })}</h1>
      <p class="utrecht-paragraph">{t('ambitionSchoolsIntro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${insightPath(context, '/dekking', params)}#ambities`}>
          {t('backToCoverage')}
        </a>
      </p>
      <YearPicker context={context} view={view} locale={props.locale} extra={params} />
      <FilterForm context={context} action={`${context.place.basePath}/inzicht${view}`} locale={props.locale} extra={pageSizeField(page.paging)} />
      {page.total === 0 ? (
        <p class="utrecht-paragraph">{t('ambitionSchoolsNone')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph" data-figure="ambition-count">
            {t('schools')}: {page.total} · {t('byWhen')}: {page.byYear.map((entry) => `${entry.schoolYear || t('noYearGiven')}: ${entry.count}`).join(' · ')}
          </p>
          <PagingNav context={context} paging={page.paging} view={view} params={params} locale={props.locale} />
          <table class="utrecht-table" data-table="ambition-schools">
            <caption>
              {t('ambitionSchoolsCaption')}
              {page.paging && <> {t('ambitionPageCaption', { first: page.paging.first, last: page.paging.last, total: page.paging.total, page: page.paging.page, pages: page.paging.pages })}</>}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('school')}</th>
                <th scope="col">{t('byWhen')}</th>
                <th scope="col">{t('ambitionTarget')}</th>
                <th scope="col">{t('ambitionNote')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr>
                  <th scope="row">
                    <a class="utrecht-link" href={insightPath(context, `/basisondersteuning/scholen/${entry.school.id}`)}>
                      {entry.school.name}
                    </a>
                  </th>
                  <td>{entry.schoolYear ?? t('noYearGiven')}</td>
                  <td>{entry.target ? describeAnswer(context.template, item, entry.target) : ''}</td>
                  <td>{entry.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <PagingNav context={context} paging={page.paging} view={view} params={params} locale={props.locale} />
        </>
      )}
    </>
  );
}
