/**
 * The insight home and the coverage view as an A4 PDF for a board meeting, rendered on the server with the same
 * pdfmake set-up as the SOP (documents/render/pdf-runtime.ts: fonts from the package, no URL or file access). Figures
 * as tables; the norm chart as a simple vector bar (rectangles) with the same figures in a table beside it, so colour
 * never carries the meaning alone. Text from the insight catalogue (Dutch, or English for an English reader).
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Locale } from '../../ui/i18n.js';
import { formatDate } from '../../ui/dates.js';
import { PROFILE_STATUS_LABELS } from '../cycle/profile-status.js';
import { PDF_FONT, renderPdf } from '../documents/api.js';
import { PROFILE_STATUSES } from '../questionnaire/api.js';
import { CELL_STATUSES, percent, type Tally } from './figures.js';
import type { CoveragePage } from './load-coverage.js';
import type { InsightHome } from './load-insight-home.js';
import { insightMessages, type InsightTranslate } from './messages.js';
import { translator } from '../../ui/i18n.js';

const MUTED = '#555555';
/** Status colours of the bar; each segment is also named in the table beside it. */
const STATUS_COLOURS: Record<(typeof CELL_STATUSES)[number], string> = {
  meets: '#2e7d32',
  below: '#c62828',
  ambition: '#ef6c00',
  'cannot-judge': '#1565c0',
  unanswered: '#9e9e9e',
};
/** At most this many rows of a long list on paper; the rest is counted ("en nog …"). */
const LIST_LIMIT = 40;

const heading = (text: string): Content => ({ text, fontSize: 14, bold: true, margin: [0, 14, 0, 6], headlineLevel: 1 });
const paragraph = (text: string): Content => ({ text, margin: [0, 0, 0, 6] });

function table(header: string[], rows: TableCell[][], widths?: Array<string | number>): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widths ?? header.map((_, index) => (index === 0 ? '*' : 'auto')),
      body: [header.map((text) => ({ text, bold: true, fillColor: '#eeeeee' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 0, 0, 8],
  };
}

/** The tally as a stacked horizontal bar (vector rectangles) with the figures in a table beside it. */
function tallyBlock(tally: Tally, t: InsightTranslate): Content {
  const total = CELL_STATUSES.reduce((sum, status) => sum + tally[status], 0);
  const width = 220;
  let x = 0;
  const bars = CELL_STATUSES.filter((status) => tally[status] > 0).map((status) => {
    const w = total === 0 ? 0 : (tally[status] / total) * width;
    const rect = { type: 'rect' as const, x, y: 0, w, h: 16, color: STATUS_COLOURS[status] };
    x += w;
    return rect;
  });
  return {
    columns: [
      { width: width + 10, canvas: bars.length > 0 ? bars : [{ type: 'rect', x: 0, y: 0, w: width, h: 16, lineColor: MUTED }] },
      {
        width: '*',
        ...(table(
          [t('status'), t('total'), '%'],
          CELL_STATUSES.map((status) => [
            { text: [{ text: '■ ', color: STATUS_COLOURS[status] }, t(`cell.${status}`)] },
            { text: String(tally[status]), alignment: 'right' },
            { text: percent(total === 0 ? null : tally[status] / total), alignment: 'right' },
          ]),
          ['*', 'auto', 'auto'],
        ) as object),
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 8],
  } as Content;
}

function more<T>(list: T[], t: InsightTranslate): Content[] {
  return list.length > LIST_LIMIT ? [{ text: t('pdfMore', { count: list.length - LIST_LIMIT }), italics: true, color: MUTED, margin: [0, 0, 0, 8] }] : [];
}

function definition(title: string, subtitle: string, content: Content[], orientation: 'portrait' | 'landscape', t: InsightTranslate, onPageCount: (count: number) => void): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: [40, 40, 40, 50],
    info: { title, creator: 'OpenSOP' },
    defaultStyle: { font: PDF_FONT, fontSize: 10, lineHeight: 1.2 },
    content: [{ text: title, fontSize: 18, bold: true, margin: [0, 0, 0, 4] }, { text: subtitle, color: MUTED, margin: [0, 0, 0, 10] }, ...content],
    footer: (currentPage, pageCount) => {
      onPageCount(pageCount);
      return { margin: [40, 18, 40, 0], columns: [{ text: title, fontSize: 8, color: MUTED }, { text: t('pdfPage', { page: currentPage, pages: pageCount }), fontSize: 8, color: MUTED, alignment: 'right' }] };
    },
    pageBreakBefore: (node, queries) => Boolean(node.headlineLevel) && queries.getFollowingNodesOnPage().length === 0,
  };
}

/** The insight home on A4 (portrait): the round, the norm with its chart and gaps, the coverage holes. */
export async function renderInsightHomePdf(home: InsightHome, locale: Locale, today: string): Promise<Buffer> {
  const t = translator(insightMessages, locale);
  const { context } = home;
  const labels = PROFILE_STATUS_LABELS[locale];
  const deadline = formatDate(context.cycle.submitDeadline, locale);
  const judged = home.swv.tally.meets + home.swv.tally.below + home.swv.tally.ambition + home.swv.tally['cannot-judge'];
  const content: Content[] = [
    paragraph(t('pdfIntro', { place: context.place.name, year: context.schoolYear })),
    heading(t('roundHeading')),
    table(
      [t('status'), t('schools')],
      [
        ...PROFILE_STATUSES.map((status) => [labels[status], { text: String(home.statusCounts[status]), alignment: 'right' }] as TableCell[]),
        ...(home.withoutProfile > 0 ? [[t('withoutProfile'), { text: String(home.withoutProfile), alignment: 'right' }] as TableCell[]] : []),
      ],
      ['*', 80],
    ),
    paragraph(
      home.daysToDeadline > 0
        ? t('daysToDeadline', { days: home.daysToDeadline, date: deadline })
        : home.daysToDeadline === 0
          ? t('deadlineToday', { date: deadline })
          : t('deadlinePassed', { days: -home.daysToDeadline, date: deadline }),
    ),
    { text: t('lateHeading'), bold: true, margin: [0, 4, 0, 4] },
    home.late.length === 0
      ? paragraph(t('lateNone'))
      : table(
          [t('school'), t('status')],
          home.late.slice(0, LIST_LIMIT).map(({ school, submittedLate }) => [school.name, submittedLate ? t('lateSubmitted') : t('lateNotSubmitted')]),
          ['*', 'auto'],
        ),
    ...more(home.late, t),
    heading(t('normHeading')),
    judged === 0 ? paragraph(t('shareNone')) : paragraph(t('shareMeets', { share: percent(home.swv.share), meets: home.swv.tally.meets, judged })),
    ...(home.national && home.national.share !== null
      ? [paragraph(t('shareMeetsNational', { share: percent(home.national.share), meets: home.national.tally.meets, judged: home.national.tally.meets + home.national.tally.below + home.national.tally.ambition + home.national.tally['cannot-judge'] }))]
      : []),
    tallyBlock(home.swv.tally, t),
    { text: t('largestGaps'), bold: true, margin: [0, 4, 0, 4] },
    home.largestGaps.length === 0
      ? paragraph(t('largestGapsNone'))
      : { ol: home.largestGaps.map(({ entry, gaps, schools }) => `${entry.item.title} — ${t('gapLine', { count: gaps, total: schools })}`), margin: [0, 0, 0, 8] },
    heading(t('holesHeading')),
    ...(home.holes.length === 0
      ? [paragraph(t('holesNone'))]
      : [
          paragraph(t('holesCount', { count: home.holes.length })),
          table(
            [t('item'), t('district'), t('nearest')],
            home.holes.slice(0, LIST_LIMIT).map((hole) => [hole.itemTitle, hole.group.name, hole.nearest ? hole.nearest.label : t('nearestNone')]),
            ['*', 'auto', 'auto'],
          ),
          ...more(home.holes, t),
        ]),
  ];
  const title = `${t('insightTitle', { year: context.schoolYear })} — ${context.place.name}`;
  const subtitle = t('pdfMadeOn', { date: formatDate(today, locale) });
  return (await renderPdf((onPageCount) => definition(title, subtitle, content, 'portrait', t, onPageCount))).bytes;
}

/** The coverage view on A4 (landscape): the holes, the offer per district or board per item, the ambitions. */
export async function renderCoveragePdf(page: CoveragePage, locale: Locale, today: string): Promise<Buffer> {
  const t = translator(insightMessages, locale);
  const { context } = page;
  const by = page.by === 'board' ? t('byBoard') : t('byDistrict');
  const content: Content[] = [heading(t('holesTableCaption'))];
  if (page.holes.length === 0) content.push(paragraph(t('holesNone')));
  else {
    content.push(
      table(
        [t('item'), t('district'), t('nearest'), t('elsewhere')],
        page.holes.slice(0, LIST_LIMIT * 3).map((hole) => [
          hole.itemTitle,
          hole.group.name,
          hole.nearest ? hole.nearest.label : t('nearestNone'),
          hole.elsewhereCount === 0 ? t('elsewhereNone') : `${hole.elsewhere.join(', ')}${hole.elsewhereCount > hole.elsewhere.length ? ` ${t('elsewhereMore', { count: hole.elsewhereCount - hole.elsewhere.length })}` : ''}`,
        ]),
        ['*', 'auto', 'auto', '*'],
      ),
    );
    if (page.holes.length > LIST_LIMIT * 3) content.push({ text: t('pdfMore', { count: page.holes.length - LIST_LIMIT * 3 }), italics: true, color: MUTED });
  }
  content.push(heading(t('offerHeading', { by })));
  if (page.items.length === 0) content.push(paragraph(t('noCoverageItems')));
  for (const entry of page.items) {
    content.push({ text: entry.item.title, bold: true, margin: [0, 6, 0, 3], headlineLevel: 2 } as Content);
    content.push(
      table(
        [page.by === 'board' ? t('board') : t('district'), ...entry.levels.map((level) => level.label), t('notAnswered')],
        entry.cells.map((cell) => [
          cell.group.name,
          ...entry.levels.map((level) => ({ text: String(cell.perLevel[level.value] ?? 0), alignment: 'right' }) as TableCell),
          { text: String(cell.unanswered), alignment: 'right' },
        ]),
        ['*', ...entry.levels.map(() => 'auto'), 'auto'],
      ),
    );
  }
  content.push(heading(t('ambitionsHeading')));
  if (page.ambitions.length === 0) content.push(paragraph(t('ambitionsNone')));
  else
    content.push(
      table(
        [t('item'), t('schools'), t('byWhen')],
        page.ambitions.map((need) => [
          need.item.title,
          { text: String(need.schools), alignment: 'right' },
          need.byYear.map((year) => `${year.schoolYear || t('noYearGiven')}: ${year.count}`).join(' · '),
        ]),
        ['*', 'auto', '*'],
      ),
    );
  const title = `${t('coverageTitle', { year: context.schoolYear })} — ${context.place.name}`;
  const subtitle = t('pdfMadeOn', { date: formatDate(today, locale) });
  return (await renderPdf((onPageCount) => definition(title, subtitle, content, 'landscape', t, onPageCount))).bytes;
}
