/**
 * All answers of a school year as one sheet: one row per school, one column per item headed "section — item" with
 * the answer in words (labels, not keys), and beside every normed item its status against the SWV's norm (and the
 * national norm where the item has one). Written row by row to a stream (CSV, or XLSX through xlsx-stream.ts); the
 * answers are read in batches of profiles, one primary-key query per batch, so memory stays flat for an SWV of any
 * size.
 */
import type { Writable } from 'node:stream';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import { translator, type Locale } from '../../ui/i18n.js';
import type { Authorized } from '../../ui/route.js';
import { PROFILE_STATUS_LABELS } from '../cycle/profile-status.js';
import type { ProfileStatus } from '../questionnaire/api.js';
import { describeAnswer, isAnswered } from '../templates/model/answer.js';
import { listItems } from '../templates/model/template.js';
import { cellStatus } from './figures.js';
import { loadInsightContext, loadPlaceContext, type InsightContext, type InsightPlace } from './insight-context.js';
import { insightMessages } from './messages.js';
import { listAnswerRowsOfProfiles, type ProfileAnswerSheetRow } from './repository.js';
import { openRowWriter, type Cell, type ExportFormat } from './sheets.js';
import { pupilsText } from './views/shared.js';

/**
 * Profiles per query. Small on purpose: a batch's rows stay alive while its rows are written (with awaits between),
 * and rows that live through two young-generation collections move to the old generation, which V8 collects late.
 * At 20 profiles (~4,000 answer rows) a batch is gone before the next collection, so the heap stays flat; at 100
 * every batch was promoted and the 7,000-school export peaked ~200 MB above the process's floor (bench/README.md).
 */
const BATCH = 20;

export interface AnswersExport {
  fileName: string;
  write(output: Writable): Promise<void>;
}

function prepare(db: DbOrTx, context: InsightContext, format: ExportFormat, locale: Locale, slug: string): AnswersExport {
  const t = translator(insightMessages, locale);
  const statusLabels = PROFILE_STATUS_LABELS[locale];
  const items = listItems(context.template);
  const headers = [t('school'), t('colLocationCode'), t('board'), t('district'), t('colSector'), t('pupils'), t('status')];
  for (const { section, item } of items) {
    const title = `${section.title} — ${item.title}`;
    headers.push(title);
    if (item.norm) headers.push(t('colNormStatus', { title }));
    if (item.nationalNorm) headers.push(t('colNationalStatus', { title }));
  }
  const schools = context.schools;
  return {
    fileName: `antwoorden-${slug}-${context.schoolYear}.${format}`,
    async write(output) {
      const writer = openRowWriter(format, output, `${t('item')} ${context.schoolYear}`, headers);
      for (let start = 0; start < schools.length; start += BATCH) {
        const batch = schools.slice(start, start + BATCH);
        const rows = await listAnswerRowsOfProfiles(db, batch.map((school) => school.profileId!));
        const byProfile = new Map<string, Map<string, ProfileAnswerSheetRow>>();
        for (const row of rows) {
          const map = byProfile.get(row.profileId) ?? new Map<string, ProfileAnswerSheetRow>();
          map.set(row.itemKey, row);
          byProfile.set(row.profileId, map);
        }
        for (const school of batch) {
          const answers = byProfile.get(school.profileId!) ?? new Map<string, ProfileAnswerSheetRow>();
          const cells: Cell[] = [
            school.name,
            school.locationCode,
            school.boardName,
            school.districtName ?? t('noDistrict'),
            school.sector ?? '',
            pupilsText(school.pupils, t),
            school.status ? statusLabels[school.status as ProfileStatus] : '',
          ];
          for (const { item } of items) {
            const row = answers.get(item.key);
            cells.push(row && isAnswered(row.value) ? describeAnswer(context.template, item, row.value) : '');
            if (item.norm) cells.push(t(`cell.${cellStatus(row, 'swv')}`));
            if (item.nationalNorm) cells.push(t(`cell.${cellStatus(row, 'national')}`));
          }
          await writer.addRow(cells);
        }
      }
      await writer.finish();
    },
  };
}

/** For the SWV's or board's readers (the place comes from the authorized scope). */
export async function exportAnswers(options: { db: DbOrTx; clock: Clock; auth: Authorized; schoolYear?: string | undefined; format: ExportFormat; locale: Locale }): Promise<AnswersExport> {
  const context = await loadInsightContext({ ...options, filters: {} });
  return prepare(options.db, context, options.format, options.locale, slugOf(context.place));
}

/** For the operator's CLI: every school of one SWV (`export answers --swv <slug>`); the caller found the SWV. */
export async function exportAnswersOfPartnership(options: {
  db: DbOrTx;
  clock: Clock;
  partnership: { id: string; name: string; slug: string };
  schoolYear: string;
  format: ExportFormat;
}): Promise<AnswersExport> {
  const place: InsightPlace = { partnershipId: options.partnership.id, boardId: null, name: options.partnership.name, basePath: `/swv/${options.partnership.id}` };
  const context = await loadPlaceContext({ db: options.db, clock: options.clock, place, schoolYear: options.schoolYear, filters: {} });
  return prepare(options.db, context, options.format, 'nl', options.partnership.slug);
}

function slugOf(place: InsightPlace): string {
  return place.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
