/** @jsxImportSource hono/jsx */
/** Pieces every insight view shares: the year picker, the export links, the status chart (SVG) with its table. */
import { translator, type Locale } from '../../../ui/i18n.js';
import { itemAnchor } from '../../questionnaire/views/shared.js';
import { sectionPath } from '../../questionnaire/views/shared.js';
import { CELL_STATUSES, type CellStatus, type Tally } from '../figures.js';
import type { InsightContext } from '../insight-context.js';
import { insightMessages, type InsightTranslate } from '../messages.js';

export const insightT = (locale: Locale): InsightTranslate => translator(insightMessages, locale);

/** Query string of the current year and filters, plus changes; empty values are left out. */
export function queryString(params: Record<string, string | undefined | null>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}

export function insightPath(context: InsightContext, view: string, params: Record<string, string | undefined | null> = {}): string {
  return `${context.place.basePath}/inzicht${view}${queryString({ jaar: context.schoolYear, ...params })}`;
}

export function YearPicker(props: { context: InsightContext; view: string; locale: Locale; extra?: Record<string, string | undefined> }) {
  const t = insightT(props.locale);
  const { context } = props;
  if (context.years.length < 2) return null;
  return (
    <nav aria-label={t('otherYears')} class="year-nav">
      <p class="utrecht-paragraph">
        {t('otherYears')}:{' '}
        {context.years.map((year, index) => (
          <>
            {index > 0 && ' · '}
            {year === context.schoolYear ? (
              <strong aria-current="page">{year}</strong>
            ) : (
              <a class="utrecht-link" href={`${context.place.basePath}/inzicht${props.view}${queryString({ ...(props.extra ?? {}), jaar: year })}`}>
                {year}
              </a>
            )}
          </>
        ))}
      </p>
    </nav>
  );
}

export function ExportLinks(props: { context: InsightContext; kind: string; label: string; locale: Locale; params?: Record<string, string | undefined> }) {
  const t = insightT(props.locale);
  const href = (format: 'csv' | 'xlsx') => insightPath(props.context, `/export/${props.kind}`, { ...(props.params ?? {}), formaat: format });
  return (
    <p class="utrecht-paragraph insight-export">
      {props.label}:{' '}
      <a class="utrecht-link" href={href('csv')} download>
        {t('exportCsv')}
      </a>{' '}
      ·{' '}
      <a class="utrecht-link" href={href('xlsx')} download>
        {t('exportXlsx')}
      </a>
    </p>
  );
}

/** The A4 PDF of the home or the coverage view, with the page's year and filters. */
export function PdfLink(props: { context: InsightContext; kind: 'overzicht' | 'dekking'; locale: Locale; params?: Record<string, string | undefined> }) {
  const t = insightT(props.locale);
  return (
    <p class="utrecht-paragraph insight-export">
      <a class="utrecht-link" href={insightPath(props.context, `/pdf/${props.kind}`, props.params ?? {})} download>
        {t('pdfDownload')}
      </a>
    </p>
  );
}

export function CellMark(props: { status: CellStatus; locale: Locale; href?: string | null }) {
  const t = insightT(props.locale);
  const inner = (
    <>
      <span aria-hidden="true">{t(`cellShort.${props.status}`)}</span>
      <span class="visually-hidden">{t(`cell.${props.status}`)}</span>
    </>
  );
  return props.href ? (
    <a class="insight-cell-link" href={props.href}>
      {inner}
    </a>
  ) : (
    inner
  );
}

export function StatusWord(props: { status: CellStatus | null; locale: Locale }) {
  if (!props.status) return <span>–</span>;
  const tone = { meets: 'success', below: 'danger', ambition: 'warning', 'cannot-judge': 'info', unanswered: 'neutral' }[props.status];
  return <span class={`status-tag status-tag--${tone}`}>{insightT(props.locale)(`cell.${props.status}`)}</span>;
}

export function answerHref(profileId: string | null, sectionKey: string, itemKey: string): string | null {
  return profileId ? `${sectionPath(profileId, sectionKey)}#${itemAnchor(itemKey)}` : null;
}

export function Legend(props: { locale: Locale }) {
  const t = insightT(props.locale);
  return (
    <dl class="insight-legend" aria-label={t('legend')}>
      {CELL_STATUSES.map((status) => (
        <div>
          <dt class={`insight-cell insight-cell--${status}`}>{t(`cellShort.${status}`)}</dt>
          <dd>{t(`cell.${status}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A horizontal bar chart of a tally, drawn on the server as SVG (works without JavaScript, prints well). Each bar
 * carries its label and number in text and a pattern of its own, so colour never carries the meaning alone; the
 * table beside it holds the same figures for screen readers (the SVG itself is hidden from them).
 */
export function TallyChart(props: { tally: Tally; title: string; locale: Locale; id: string }) {
  const t = insightT(props.locale);
  const max = Math.max(1, ...CELL_STATUSES.map((status) => props.tally[status]));
  const rowHeight = 28;
  const labelWidth = 170;
  const barWidth = 260;
  const height = CELL_STATUSES.length * rowHeight + 8;
  return (
    <figure class="insight-chart" aria-labelledby={`${props.id}-caption`}>
      <div class="insight-chart__body">
        <svg width={labelWidth + barWidth + 60} height={height} viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} aria-hidden="true" focusable="false">
          <defs>
            <pattern id={`${props.id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#fdecee" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#9b0018" stroke-width="3" />
            </pattern>
            <pattern id={`${props.id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill="#fff3e0" />
              <circle cx="3" cy="3" r="1.6" fill="#7a4100" />
            </pattern>
          </defs>
          {CELL_STATUSES.map((status, index) => {
            const y = 4 + index * rowHeight;
            const width = Math.round((props.tally[status] / max) * barWidth);
            const fill = { meets: '#1b5e20', below: `url(#${props.id}-hatch)`, ambition: `url(#${props.id}-dots)`, 'cannot-judge': '#0b4f8a', unanswered: '#bdbdbd' }[status];
            return (
              <g>
                <text x={labelWidth - 8} y={y + 18} text-anchor="end" font-size="14" fill="#1a1a1a">
                  {t(`cell.${status}`)}
                </text>
                <rect x={labelWidth} y={y + 3} width={Math.max(width, 1)} height={rowHeight - 8} fill={fill} stroke="#1a1a1a" stroke-width="1" />
                <text x={labelWidth + Math.max(width, 1) + 6} y={y + 18} font-size="14" fill="#1a1a1a">
                  {props.tally[status]}
                </text>
              </g>
            );
          })}
        </svg>
        <table class="utrecht-table insight-chart__table">
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {CELL_STATUSES.map((status) => (
              <tr>
                <th scope="row">{t(`cell.${status}`)}</th>
                <td>{props.tally[status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption id={`${props.id}-caption`} class="utrecht-paragraph">
        {t('chartCaption', { title: props.title })}
      </figcaption>
    </figure>
  );
}

/** A DUO pupil count as people read it: "<5" stays "fewer than 5", never a number. */
export function pupilsText(pupils: { low: number; high: number } | null, t: InsightTranslate): string {
  if (!pupils) return '–';
  if (pupils.low === pupils.high) return String(pupils.low);
  if (pupils.low === 1 && pupils.high === 4) return t('fewerThanFive');
  return t('pupilsBetween', { low: pupils.low, high: pupils.high });
}
