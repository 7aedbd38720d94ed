/** @jsxImportSource hono/jsx */
/** The basic-support matrix with its filters, totals per school and per item (both norms side by side), chart and table. */
import { ProfileListCellView } from '../../cycle/views/shared.js';
import { Button, SelectField } from '../../../ui/components.js';
import type { Locale } from '../../../ui/i18n.js';
import { raw } from 'hono/html';
import { escapeHtml } from '../../documents/api.js';
import { CELL_STATUSES, type CellStatus, type Tally } from '../figures.js';
import type { InsightContext } from '../insight-context.js';
import { MATRIX_PAGE_SIZE, type BasicSupportPage, type MatrixPaging } from '../load-basic-support.js';
import type { InsightTranslate } from '../messages.js';
import { answerHref, ExportLinks, insightPath, insightT, Legend, pupilsText, TallyChart, YearPicker } from './shared.js';

/**
 * One matrix cell as markup, the same as `<td class…><CellMark …/></td>`, written as a string: a matrix of 300 schools
 * has ~45,000 cells, and a JSX component per cell cost more than loading the figures (bench/README.md, Insight).
 */
function cellMarkup(locale: Locale): (status: CellStatus, href: string | null) => string {
  const t = insightT(locale);
  const inner = Object.fromEntries(
    CELL_STATUSES.map((status) => [status, `<span aria-hidden="true">${escapeHtml(t(`cellShort.${status}`))}</span><span class="visually-hidden">${escapeHtml(t(`cell.${status}`))}</span>`]),
  ) as Record<CellStatus, string>;
  return (status, href) =>
    `<td class="insight-cell insight-cell--${status}">${href ? `<a class="insight-cell-link" href="${escapeHtml(href)}">${inner[status]}</a>` : inner[status]}</td>`;
}

export function filterParams(context: InsightContext, which?: string): Record<string, string | undefined> {
  const f = context.filters;
  return { bestuur: f.boardId, wijk: f.districtId, sector: f.sector, onderdeel: f.sectionKey, norm: which === 'national' ? 'landelijk' : undefined };
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
  return [...seen.values()];
}

export function FilterForm(props: { context: InsightContext; action: string; locale: Locale; withSection?: boolean; which?: string; hasNational?: boolean; extra?: Record<string, string> }) {
  const t = insightT(props.locale);
  const { context } = props;
  const f = context.filters;
  const boards = unique(context.allSchools, (s) => s.boardId).map((s) => ({ value: s.boardId, label: s.boardName })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const districtList = unique(context.allSchools, (s) => s.districtId ?? 'none').map((s) => ({ value: s.districtId ?? 'none', label: s.districtName ?? t('noDistrict') }));
  const districts = districtList.sort((a, b) => (a.value === 'none' ? 1 : b.value === 'none' ? -1 : a.label.localeCompare(b.label, 'nl')));
  const sectors = unique(context.allSchools.filter((s) => s.sector), (s) => s.sector!).map((s) => ({ value: s.sector!, label: s.sector! }));
  return (
    <form method="get" action={props.action} class="filter-form">
      <input type="hidden" name="jaar" value={context.schoolYear} />
      {Object.entries(props.extra ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {!context.place.boardId && boards.length > 1 && <SelectField name="bestuur" label={t('filterBoard')} value={f.boardId} emptyLabel={t('allBoards')} options={boards} />}
      {districts.length > 1 && <SelectField name="wijk" label={t('filterDistrict')} value={f.districtId} emptyLabel={t('allDistricts')} options={districts} />}
      {sectors.length > 1 && <SelectField name="sector" label={t('filterSector')} value={f.sector} emptyLabel={t('allSectors')} options={sectors} />}
      {props.withSection && (
        <SelectField
          name="onderdeel"
          label={t('filterSection')}
          value={f.sectionKey}
          emptyLabel={t('allSections')}
          options={context.template.sections.filter((section) => section.items.some((item) => item.norm || item.nationalNorm)).map((section) => ({ value: section.key, label: section.title }))}
        />
      )}
      {props.hasNational && (
        <SelectField
          name="norm"
          label={t('filterNorm')}
          value={props.which === 'national' ? 'landelijk' : 'swv'}
          options={[
            { value: 'swv', label: t('normSwv') },
            { value: 'landelijk', label: t('normNational') },
          ]}
        />
      )}
      <Button variant="secondary">{t('filter')}</Button>
    </form>
  );
}

function TallyCells(props: { tally: Tally | null }) {
  if (!props.tally) return <td colspan={CELL_STATUSES.length}>–</td>;
  return (
    <>
      {CELL_STATUSES.map((status) => (
        <td>{props.tally![status]}</td>
      ))}
    </>
  );
}

function TallyHeaders(props: { t: InsightTranslate; prefix: string }) {
  return (
    <>
      {CELL_STATUSES.map((status) => (
        <th scope="col">
          {props.prefix}: {props.t(`cell.${status}`)}
        </th>
      ))}
    </>
  );
}

/** Previous / next page of a big place's matrix or year comparison (links with rel, the same filters and page size). */
/** The page size chosen (`?aantal=`) as a hidden field of a filter form, so filtering keeps it (a new filter starts at page 1). */
export function pageSizeField(paging: MatrixPaging | undefined): Record<string, string> {
  return paging && paging.size !== MATRIX_PAGE_SIZE ? { aantal: String(paging.size) } : {};
}

export function PagingNav(props: { context: InsightContext; paging: MatrixPaging | undefined; view: string; params: Record<string, string | undefined>; locale: Locale }) {
  const t = insightT(props.locale);
  const paging = props.paging;
  if (!paging) return null;
  const href = (page: number) =>
    insightPath(props.context, props.view, { ...props.params, aantal: paging.size === MATRIX_PAGE_SIZE ? undefined : String(paging.size), pagina: page === 1 ? undefined : String(page) });
  return (
    <nav class="insight-paging" aria-label={t('pagingNav')}>
      <p class="utrecht-paragraph">
        {paging.page > 1 && (
          <>
            <a class="utrecht-link" rel="prev" href={href(paging.page - 1)}>
              ← {t('previousPage', { size: paging.size })}
            </a>{' '}
            ·{' '}
          </>
        )}
        <span aria-current="page">{t('pageOf', { page: paging.page, pages: paging.pages })}</span>
        {paging.page < paging.pages && (
          <>
            {' '}
            ·{' '}
            <a class="utrecht-link" rel="next" href={href(paging.page + 1)}>
              {t('nextPage', { size: Math.min(paging.size, paging.total - paging.last) })} →
            </a>
          </>
        )}
      </p>
    </nav>
  );
}

export function MatrixView(props: { page: BasicSupportPage; locale: Locale }) {
  const t = insightT(props.locale);
  const { page } = props;
  const { context } = page;
  const params = filterParams(context, page.which);
  const cellHtml = cellMarkup(props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('matrixTitle', { year: context.schoolYear })}</h1>
      <p class="utrecht-paragraph">{t('matrixIntro')}</p>
      <YearPicker context={context} view="/basisondersteuning" locale={props.locale} extra={params} />
      <FilterForm context={context} action={`${context.place.basePath}/inzicht/basisondersteuning`} locale={props.locale} withSection which={page.which} hasNational={page.hasNational} extra={pageSizeField(page.paging)} />
      {page.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('noNormedItems')}</p>
      ) : page.rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('noSchoolsInView')}</p>
      ) : (
        <>
          <TallyChart tally={page.overall} title={t('chartOverall')} locale={props.locale} id="matrix-chart" />
          <Legend locale={props.locale} />
          <PagingNav context={context} paging={page.paging} view="/basisondersteuning" params={params} locale={props.locale} />
          <section class="insight-matrix-wrap" tabindex={0} aria-label={t('matrixCaption')}>
            <table class="utrecht-table insight-matrix">
              <caption>
                {t('matrixCaption')}
                {page.paging && (
                  <>
                    {' '}
                    {t('pageCaption', { first: page.paging.first, last: page.paging.last, total: page.paging.total, page: page.paging.page, pages: page.paging.pages })}
                  </>
                )}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('school')}</th>
                  <th scope="col">{t('pupils')}</th>
                  {page.items.map(({ item }, index) => (
                    <th scope="col" class="insight-matrix__item">
                      <a class="utrecht-link" href={insightPath(context, `/basisondersteuning/vragen/${item.key}`, { norm: params.norm })} title={item.title}>
                        <span aria-hidden="true">{index + 1}</span>
                        <span class="visually-hidden">{item.title}</span>
                      </a>
                    </th>
                  ))}
                  {CELL_STATUSES.map((status) => (
                    <th scope="col">{t(`cell.${status}`)}</th>
                  ))}
                  {page.columns.map((column) => (
                    <th scope="col">{column.heading[props.locale]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr>
                    <th scope="row">
                      <a class="utrecht-link" href={insightPath(context, `/basisondersteuning/scholen/${row.school.id}`)}>
                        {row.school.name}
                      </a>
                    </th>
                    <td>{pupilsText(row.school.pupils, t)}</td>
                    {raw(row.cells.map((status, index) => cellHtml(status, answerHref(row.school.profileId, page.items[index]!.section.key, page.items[index]!.item.key))).join(''))}
                    {CELL_STATUSES.map((status) => (
                      <td>{row.totals[status]}</td>
                    ))}
                    {page.columns.map((column) => (
                      <ProfileListCellView column={column} profileId={row.school.profileId} locale={props.locale} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <PagingNav context={context} paging={page.paging} view="/basisondersteuning" params={params} locale={props.locale} />
          <h2 class="utrecht-heading-2">{t('itemTotalsHeading')}</h2>
          <section class="insight-matrix-wrap" tabindex={0} aria-label={t('itemTotalsCaption')}>
            <table class="utrecht-table insight-item-totals">
              <caption class="visually-hidden">{t('itemTotalsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('item')}</th>
                  <th scope="col">{t('section')}</th>
                  <TallyHeaders t={t} prefix={t('swvNormShort')} />
                  {page.hasNational && <TallyHeaders t={t} prefix={t('nationalNormShort')} />}
                </tr>
              </thead>
              <tbody>
                {page.itemTotals.map(({ entry, swv, national }) => (
                  <tr>
                    <td>{page.items.findIndex((candidate) => candidate.item.key === entry.item.key) + 1 || ''}</td>
                    <th scope="row">
                      <a class="utrecht-link" href={insightPath(context, `/basisondersteuning/vragen/${entry.item.key}`)}>
                        {entry.item.title}
                      </a>
                    </th>
                    <td>{entry.section.title}</td>
                    <TallyCells tally={swv} />
                    {page.hasNational && <TallyCells tally={national} />}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <h2 class="utrecht-heading-2">{t('exportHeading')}</h2>
      <ExportLinks context={context} kind="basisondersteuning" label={t('exportMatrix')} locale={props.locale} params={params} />
      <ExportLinks context={context} kind="antwoorden" label={t('exportAnswers', { year: context.schoolYear })} locale={props.locale} />
    </>
  );
}
