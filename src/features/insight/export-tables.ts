/** The insight views as tables for CSV/XLSX: the same figures as on screen, labels not keys. */
import type { Locale } from '../../ui/i18n.js';
import { translator } from '../../ui/i18n.js';
import { CELL_STATUSES, type Tally } from './figures.js';
import { PROFILE_STATUS_LABELS } from '../cycle/profile-status.js';
import { PROFILE_STATUSES } from '../questionnaire/api.js';
import type { BasicSupportPage, MatrixRow } from './load-basic-support.js';
import type { NationalFigures, NationalInsight } from './load-national-insight.js';
import type { AmbitionEntry, AmbitionNeed, CoveragePage } from './load-coverage.js';
import { describeAnswer } from '../templates/model/answer.js';
import type { TemplateDefinition } from '../templates/model/template.js';
import type { YearComparisonPage } from './load-year-comparison.js';
import { insightMessages } from './messages.js';
import type { Cell, SheetTable } from './sheets.js';
import { pupilsText } from './views/shared.js';

export function matrixTables(page: BasicSupportPage, locale: Locale): SheetTable[] {
  const t = translator(insightMessages, locale);
  return [{ name: t('exportMatrix'), headers: matrixHeaders(page, locale), rows: page.rows.map((row) => matrixRowCells(row, locale)) }, itemTotalsTable(page, locale)];
}

/** The matrix sheet's headers: school columns, one per item ("section — item"), the totals per status. */
export function matrixHeaders(page: BasicSupportPage, locale: Locale): string[] {
  const t = translator(insightMessages, locale);
  return [
    t('school'),
    t('colLocationCode'),
    t('board'),
    t('district'),
    t('pupils'),
    ...page.items.map(({ section, item }) => `${section.title} — ${item.title}`),
    ...CELL_STATUSES.map((status) => t(`cell.${status}`)),
  ];
}

export function matrixRowCells(row: MatrixRow, locale: Locale): Cell[] {
  const t = translator(insightMessages, locale);
  return [
    row.school.name,
    row.school.locationCode,
    row.school.boardName,
    row.school.districtName ?? t('noDistrict'),
    pupilsText(row.school.pupils, t),
    ...row.cells.map((status) => t(`cell.${status}`)),
    ...CELL_STATUSES.map((status) => row.totals[status]),
  ];
}

/** Per item, the tally against both norms (every school in view, also when the screen shows a page). */
export function itemTotalsTable(page: BasicSupportPage, locale: Locale): SheetTable {
  const t = translator(insightMessages, locale);
  const statusHeaders = CELL_STATUSES.map((status) => t(`cell.${status}`));
  const tallyCells = (tally: Tally | null): Cell[] => CELL_STATUSES.map((status) => (tally ? tally[status] : null));
  return {
    name: t('itemTotalsHeading'),
    headers: [
      t('section'),
      t('item'),
      ...statusHeaders.map((label) => `${t('swvNormShort')}: ${label}`),
      ...(page.hasNational ? statusHeaders.map((label) => `${t('nationalNormShort')}: ${label}`) : []),
    ],
    rows: page.itemTotals.map(({ entry, swv, national }) => [entry.section.title, entry.item.title, ...tallyCells(swv), ...(page.hasNational ? tallyCells(national) : [])]),
  };
}

/** The holes and the offer per district or board (the ambitions follow as a streamed sheet: ambitionsSheetHeaders). */
export function coverageTables(page: CoveragePage, locale: Locale): SheetTable[] {
  const t = translator(insightMessages, locale);
  const groupHeader = page.by === 'board' ? t('board') : t('district');
  return [
    {
      name: t('holesHeading'),
      headers: [t('section'), t('item'), t('district'), t('nearest'), t('elsewhere')],
      rows: page.holes.map((hole) => [hole.sectionTitle, hole.itemTitle, hole.group.name, hole.nearest?.label ?? t('nearestNone'), hole.elsewhereCount === 0 ? t('elsewhereNone') : hole.elsewhere.join(', ')]),
    },
    {
      name: t('offerHeading', { by: page.by === 'board' ? t('byBoard') : t('byDistrict') }),
      headers: [t('section'), t('item'), groupHeader, t('level'), t('colSchoolsOffering')],
      rows: page.items.flatMap(({ section, item, levels, cells }) =>
        cells.flatMap((cell) => [
          ...levels.map((level): Cell[] => [section.title, item.title, cell.group.name, level.label, cell.perLevel[level.value] ?? 0]),
          [section.title, item.title, cell.group.name, t('notAnswered'), cell.unanswered],
        ]),
      ),
    },
  ];
}

/** The ambitions sheet of the coverage export: every ambition (streamed a few items at a time, export-view.ts). */
export function ambitionsSheetHeaders(locale: Locale): { name: string; headers: string[] } {
  const t = translator(insightMessages, locale);
  return { name: t('ambitionsHeading'), headers: [t('section'), t('item'), t('school'), t('byWhen'), t('ambitionTarget'), t('ambitionNote')] };
}

export function ambitionRowCells(template: TemplateDefinition, need: AmbitionNeed, entry: AmbitionEntry, locale: Locale): Cell[] {
  const t = translator(insightMessages, locale);
  return [need.section.title, need.item.title, entry.school.name, entry.schoolYear ?? t('noYearGiven'), entry.target ? describeAnswer(template, need.item, entry.target) : '', entry.note ?? ''];
}

export function compareTables(page: YearComparisonPage, locale: Locale): SheetTable[] {
  const t = translator(insightMessages, locale);
  const previous = page.previousYear ?? '–';
  const label = { same: '', 'norm-changed': t('normChanged'), changed: t('changedItem'), new: t('newItem') };
  return [
    {
      name: t('compareTitle', { previous, year: page.context.schoolYear }),
      headers: [t('section'), t('item'), t('status'), t('meetsBefore', { year: previous }), t('meetsNow', { year: page.context.schoolYear }), t('roseSchools'), t('fellSchools')],
      rows: page.items.map((row): Cell[] => [
        row.entry.section.title,
        row.entry.item.title,
        label[row.comparability],
        row.meetsBefore,
        row.meetsNow,
        row.rose.map((school) => school.name).join(', '),
        row.fell.map((school) => school.name).join(', '),
      ]),
    },
  ];
}

/** The national view: one row per SWV with the same figures as on screen, the totals row last; pupils as numbers. */
export function nationalTables(page: NationalInsight, locale: Locale): SheetTable[] {
  const t = translator(insightMessages, locale);
  const labels = PROFILE_STATUS_LABELS[locale];
  const figures = (row: NationalFigures, hasRound: boolean): Cell[] => [
    row.schools,
    row.withProfile,
    row.pupils.exact,
    row.pupils.fewerThanFive,
    row.pupils.otherRanges,
    ...PROFILE_STATUSES.map((status) => (hasRound ? row.statusCounts[status] : null)),
    hasRound ? row.late : null,
    hasRound && row.share !== null ? Math.round(row.share * 1000) / 10 : null,
    hasRound ? row.below : null,
    hasRound ? row.cannotJudge : null,
    hasRound ? row.holes : null,
  ];
  return [
    {
      name: t('exportNational'),
      headers: [
        t('colPartnership'),
        t('schools'),
        t('colProfiles'),
        t('pupils'),
        t('colFewerThanFive'),
        t('colRanges'),
        ...PROFILE_STATUSES.map((status) => labels[status]),
        t('colLate'),
        `${t('colShare')} (%)`,
        t('colBelow'),
        t('colCannotJudge'),
        t('colHoles'),
      ],
      rows: [
        ...page.rows.map((row): Cell[] => [row.name, ...figures(row, row.hasRound)]),
        [t('totalsRow', { count: page.rows.length }), ...figures(page.totals, true)],
      ],
    },
  ];
}
