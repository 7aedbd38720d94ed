/** @jsxImportSource hono/jsx */
/**
 * The platform administrator's national view: one row per SWV (sortable by the column headings, no JavaScript), a
 * totals row, the national status chart with its table and a bar chart of each SWV's share beside the table that
 * holds the same figures; prints as the table (filters and links hidden by the print rules of app.css).
 */
import { formatNumber } from '../../../ui/dates.js';
import type { Locale } from '../../../ui/i18n.js';
import { PROFILE_STATUS_LABELS } from '../../cycle/profile-status.js';
import { PROFILE_STATUSES } from '../../questionnaire/api.js';
import { percent } from '../figures.js';
import type { NationalFigures, NationalInsight, NationalSort, SortDirection } from '../load-national-insight.js';
import type { InsightTranslate } from '../messages.js';
import { insightT, queryString, TallyChart } from './shared.js';

export const NATIONAL_PATH = '/beheer/inzicht';

const COLUMN_KEY: Record<NationalSort, Parameters<InsightTranslate>[0]> = {
  naam: 'colPartnership',
  scholen: 'schools',
  leerlingen: 'pupils',
  laat: 'colLate',
  norm: 'colShare',
  onder: 'colBelow',
  'kan-niet': 'colCannotJudge',
  gaten: 'colHoles',
};

function number(value: number, locale: Locale): string {
  return formatNumber(value, locale);
}

/** Pupils as a sum of the exact counts; schools counted as "<5" (or another range) are named beside it, never added. */
export function pupilsTotalText(figures: NationalFigures, t: InsightTranslate, locale: Locale): string {
  const parts = [number(figures.pupils.exact, locale)];
  if (figures.pupils.fewerThanFive > 0) parts.push(t('pupilsFewerThanFive', { count: figures.pupils.fewerThanFive }));
  if (figures.pupils.otherRanges > 0) parts.push(t('pupilsOtherRanges', { count: figures.pupils.otherRanges }));
  return parts.join(' ');
}

function SortHeader(props: { page: NationalInsight; column: NationalSort; t: InsightTranslate }) {
  const { page, column, t } = props;
  const current = page.sort === column;
  const next: SortDirection = current ? (page.direction === 'op' ? 'af' : 'op') : column === 'naam' ? 'op' : 'af';
  const label = t(COLUMN_KEY[column]);
  return (
    <th scope="col" aria-sort={current ? (page.direction === 'op' ? 'ascending' : 'descending') : undefined}>
      <a class="utrecht-link" href={`${NATIONAL_PATH}${queryString({ jaar: page.schoolYear, sorteer: column, richting: next })}`}>
        {label}
        {current && <span aria-hidden="true">{page.direction === 'op' ? ' ▲' : ' ▼'}</span>}
        <span class="visually-hidden"> ({t('sortBy', { column: label, direction: next === 'op' ? t('sortAscending') : t('sortDescending') })})</span>
      </a>
    </th>
  );
}

/** Bars of each SWV's share meeting the norm (SVG, hidden from screen readers: the table's column holds the figures). */
function ShareChart(props: { page: NationalInsight; t: InsightTranslate }) {
  const rows = props.page.rows.filter((row) => row.hasRound);
  if (rows.length === 0) return null;
  const rowHeight = 24;
  const labelWidth = 260;
  const barWidth = 300;
  const height = rows.length * rowHeight + 8;
  const title = props.t('shareChart');
  return (
    <figure class="insight-chart" aria-labelledby="share-chart-caption">
      <svg width={labelWidth + barWidth + 60} height={height} viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} aria-hidden="true" focusable="false">
        {rows.map((row, index) => {
          const y = 4 + index * rowHeight;
          const width = Math.round((row.share ?? 0) * barWidth);
          const name = row.name.length > 34 ? `${row.name.slice(0, 33)}…` : row.name;
          return (
            <g>
              <text x={labelWidth - 8} y={y + 16} text-anchor="end" font-size="13" fill="#1a1a1a">
                {name}
              </text>
              <rect x={labelWidth} y={y + 3} width={barWidth} height={rowHeight - 8} fill="#f1f1f1" stroke="#767676" stroke-width="1" />
              <rect x={labelWidth} y={y + 3} width={Math.max(width, 1)} height={rowHeight - 8} fill="#1b5e20" />
              <text x={labelWidth + barWidth + 6} y={y + 16} font-size="13" fill="#1a1a1a">
                {percent(row.share)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="share-chart-caption" class="utrecht-paragraph">
        {props.t('shareChartCaption', { title })}
      </figcaption>
    </figure>
  );
}

function FigureCells(props: { figures: NationalFigures; hasRound: boolean; year: string; t: InsightTranslate; locale: Locale }) {
  const { figures, t, locale } = props;
  return (
    <>
      <td>{number(figures.schools, locale)}</td>
      <td>{number(figures.withProfile, locale)}</td>
      <td>{pupilsTotalText(figures, t, locale)}</td>
      {props.hasRound ? (
        <>
          {PROFILE_STATUSES.map((status) => (
            <td>{number(figures.statusCounts[status], locale)}</td>
          ))}
          <td>{number(figures.late, locale)}</td>
          <td>{percent(figures.share)}</td>
          <td>{number(figures.below, locale)}</td>
          <td>{number(figures.cannotJudge, locale)}</td>
          <td>{number(figures.holes, locale)}</td>
        </>
      ) : (
        <td colspan={PROFILE_STATUSES.length + 5}>{t('noRound', { year: props.year })}</td>
      )}
    </>
  );
}

export function NationalInsightView(props: { page: NationalInsight; locale: Locale }) {
  const t = insightT(props.locale);
  const { page } = props;
  const labels = PROFILE_STATUS_LABELS[props.locale];
  const exportHref = (format: 'csv' | 'xlsx') => `${NATIONAL_PATH}/export${queryString({ jaar: page.schoolYear, sorteer: page.sort, richting: page.direction, formaat: format })}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('nationalTitle', { year: page.schoolYear })}</h1>
      <p class="utrecht-paragraph">{t('nationalIntro', { year: page.schoolYear })}</p>
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
                  <a class="utrecht-link" href={`${NATIONAL_PATH}${queryString({ jaar: year, sorteer: page.sort, richting: page.direction })}`}>
                    {year}
                  </a>
                )}
              </>
            ))}
          </p>
        </nav>
      )}
      {page.rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('nationalNone')}</p>
      ) : (
        <>
          <section class="insight-matrix-wrap" tabindex={0} aria-labelledby="national-caption">
            <table class="utrecht-table insight-national">
              <caption id="national-caption">
                {t('nationalCaption', {
                  year: page.schoolYear,
                  column: t(COLUMN_KEY[page.sort]),
                  direction: page.direction === 'op' ? t('sortAscending') : t('sortDescending'),
                })}
              </caption>
              <thead>
                <tr>
                  <SortHeader page={page} column="naam" t={t} />
                  <SortHeader page={page} column="scholen" t={t} />
                  <th scope="col">{t('colProfiles')}</th>
                  <SortHeader page={page} column="leerlingen" t={t} />
                  {PROFILE_STATUSES.map((status) => (
                    <th scope="col">{labels[status]}</th>
                  ))}
                  <SortHeader page={page} column="laat" t={t} />
                  <SortHeader page={page} column="norm" t={t} />
                  <SortHeader page={page} column="onder" t={t} />
                  <SortHeader page={page} column="kan-niet" t={t} />
                  <SortHeader page={page} column="gaten" t={t} />
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr>
                    <th scope="row">
                      <a class="utrecht-link" href={`/swv/${row.partnershipId}/inzicht${row.hasRound ? queryString({ jaar: page.schoolYear }) : ''}`}>
                        {row.name}
                      </a>
                    </th>
                    <FigureCells figures={row} hasRound={row.hasRound} year={page.schoolYear} t={t} locale={props.locale} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('totalsRow', { count: page.rows.length })}</th>
                  <FigureCells figures={page.totals} hasRound year={page.schoolYear} t={t} locale={props.locale} />
                </tr>
              </tfoot>
            </table>
          </section>
          <p class="utrecht-paragraph insight-hint">
            {t('colHoles')}: {t('colHolesHint')}.
          </p>
          <ShareChart page={page} t={t} />
          <TallyChart tally={page.totals.tally} title={t('nationalChart')} locale={props.locale} id="national-chart" />
        </>
      )}
      <h2 class="utrecht-heading-2">{t('exportHeading')}</h2>
      <p class="utrecht-paragraph insight-export">
        {t('exportNational')}:{' '}
        <a class="utrecht-link" href={exportHref('csv')} download>
          {t('exportCsv')}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={exportHref('xlsx')} download>
          {t('exportXlsx')}
        </a>
      </p>
    </>
  );
}
