/**
 * Shared by the one-page posters: vector marks (✓, →, –) that do not depend on a font glyph,
 * status tags with words (never colour alone), and the search for the largest font size
 * that still fits the content on exactly one page.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { isAnswered, type AnswerValue, type NormStatus } from '../../templates/model/answer.js';
import type { ScaleOption } from '../../templates/model/template.js';
import { measurePdfPages, renderPdf } from './pdf-runtime.js';
import { STATUS_COLORS } from './profile-view.js';

export type PosterSize = 'A4' | 'A3';

export const POSTER_LIMITS = {
  /** Smallest font size still readable on paper (pt, at A4; A3 scales it up). */
  minFontSizePt: 8,
  /** Largest body font size tried (pt, at A4). */
  maxFontSizePt: 12,
  /** Font sizes are tried in steps of this size. */
  fontStepPt: 0.5,
  /** Upper bound on layout passes per poster (a binary search needs ~4). */
  maxAttempts: 12,
} as const;

/** A3 is A4 scaled by √2: scaling every measure keeps the line breaks, so a fit on A4 is a fit on A3. */
export const PAGE_SCALE: Record<PosterSize, number> = { A4: 1, A3: Math.SQRT2 };

export type MarkKind = 'offered' | 'working-on' | 'not-yet' | 'info';

/**
 * The mark of a poster entry. Only an answer that meets the SWV's norm gets the ✓ "Dit bieden wij".
 * An answer that says the school does not offer it gets "Nog niet op onze school": below the norm,
 * a chosen scale option the template marks `notOffered` (e.g. "Niet beschikbaar"), or, for items
 * without a norm, a plain "Nee" or no option chosen. Other answers to items without a norm are
 * descriptive ("Goed om te weten"). An ambition ("not yet, but we intend to") always reads as such.
 */
export function markFor(status: NormStatus, value: AnswerValue | null | undefined, chosen?: Pick<ScaleOption, 'notOffered'>): MarkKind {
  if (status === 'ambition') return 'working-on';
  if (status === 'below') return 'not-yet';
  // The norm check could not judge the answer: never a ✓ (the tag says "Kan niet beoordelen").
  if (status === 'cannot-judge') return 'info';
  if (chosen?.notOffered && isAnswered(value)) return 'not-yet';
  if (status === 'meets') return 'offered';
  if (status === 'no-norm' && isAnswered(value) && (value === false || (Array.isArray(value) && value.length === 0))) return 'not-yet';
  return 'info';
}

/**
 * Which entries a crowded poster keeps (lower first): what the school offers against the norm and
 * what it does not offer yet (a parent needs both), then what it is working on, then unanswered
 * norm items, and descriptive items last.
 */
export function posterPriority(status: NormStatus, mark: MarkKind): number {
  if (mark === 'not-yet' || mark === 'offered') return 0;
  if (mark === 'working-on') return 1;
  return status === 'unanswered' ? 2 : 3;
}

/** The `count` most important entries (lowest priority first, then template order), shown in template order. */
export function selectByPriority<T extends { priority: number }>(entries: T[], count: number): T[] {
  if (count >= entries.length) return entries;
  const keep = new Set(
    entries
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => a.entry.priority - b.entry.priority || a.index - b.index)
      .slice(0, Math.max(0, count))
      .map(({ entry }) => entry),
  );
  return entries.filter((entry) => keep.has(entry));
}

export const MARK_WORDS: Record<MarkKind, string> = {
  offered: 'Dit bieden wij',
  'working-on': 'Hier werken wij aan',
  'not-yet': 'Nog niet op onze school',
  info: 'Goed om te weten',
};

export const MARK_COLORS: Record<MarkKind, { fg: string; bg: string }> = {
  offered: STATUS_COLORS.meets,
  'working-on': STATUS_COLORS.ambition,
  'not-yet': STATUS_COLORS.below,
  info: { fg: '#1f4e79', bg: '#e4eef8' },
};

/** A round mark with a drawn symbol, `size` pt wide. */
export function markCanvas(kind: MarkKind, size: number): Content {
  const r = size / 2;
  const color = MARK_COLORS[kind].fg;
  const w = Math.max(1, size * 0.12);
  const symbol =
    kind === 'offered'
      ? [{ type: 'polyline' as const, points: [{ x: r * 0.5, y: r * 1.02 }, { x: r * 0.85, y: r * 1.38 }, { x: r * 1.5, y: r * 0.62 }], lineWidth: w, lineColor: '#ffffff', lineCap: 'round' as const }]
      : kind === 'working-on'
        ? [
            { type: 'line' as const, x1: r * 0.5, y1: r, x2: r * 1.45, y2: r, lineWidth: w, lineColor: '#ffffff', lineCap: 'round' as const },
            { type: 'polyline' as const, points: [{ x: r * 1.05, y: r * 0.6 }, { x: r * 1.45, y: r }, { x: r * 1.05, y: r * 1.4 }], lineWidth: w, lineColor: '#ffffff', lineCap: 'round' as const },
          ]
        : kind === 'not-yet'
          ? [{ type: 'line' as const, x1: r * 0.55, y1: r, x2: r * 1.45, y2: r, lineWidth: w, lineColor: '#ffffff', lineCap: 'round' as const }]
          : [
              { type: 'line' as const, x1: r, y1: r * 0.9, x2: r, y2: r * 1.45, lineWidth: w, lineColor: '#ffffff', lineCap: 'round' as const },
              { type: 'ellipse' as const, x: r, y: r * 0.55, r1: w * 0.6, r2: w * 0.6, color: '#ffffff' },
            ];
  return { canvas: [{ type: 'ellipse', x: r, y: r, r1: r, r2: r, color }, ...symbol] };
}

/**
 * Split entries over two columns in order, so both columns end about level.
 * (pdfmake's snaking columns did not move nested column content on; a split by weight is predictable.)
 */
export function balanceColumns<T>(entries: T[], weight: (entry: T) => number): [T[], T[]] {
  const total = entries.reduce((sum, e) => sum + weight(e), 0);
  let acc = 0;
  let split = entries.length;
  for (let i = 0; i < entries.length; i++) {
    const w = weight(entries[i] as T);
    if (acc + w / 2 > total / 2) {
      split = i;
      break;
    }
    acc += w;
  }
  return [entries.slice(0, split), entries.slice(split)];
}

/** Tag with words on a light background; the words carry the meaning. */
export function tagText(kind: MarkKind, words: string, fontSize: number): Content {
  const colors = MARK_COLORS[kind];
  return { text: ` ${words} `, fontSize, bold: true, color: colors.fg, background: colors.bg };
}

export interface FitResult {
  bytes: Buffer;
  fontSize: number;
  pageCount: number;
}

/** Candidate font sizes from large to small, in steps. */
function sizes(max: number, min: number, step: number): number[] {
  const list: number[] = [];
  for (let s = max; s >= min - 1e-9; s -= step) list.push(Math.round(s * 100) / 100);
  return list;
}

type Build = (fontSize: number, onPageCount: (count: number) => void) => TDocumentDefinitions;

/**
 * Largest font size (within the limits) at which `build` lays out on one page, found by a
 * bounded binary search over layout-only passes; `null` when even the minimum does not fit.
 */
export async function findFittingFontSize(
  build: Build,
  limits: { max?: number; min?: number } = {},
): Promise<number | null> {
  const list = sizes(limits.max ?? POSTER_LIMITS.maxFontSizePt, limits.min ?? POSTER_LIMITS.minFontSizePt, POSTER_LIMITS.fontStepPt);
  const fits = async (size: number) => (await measurePdfPages((onCount) => build(size, onCount))) <= 1;
  let attempts = 0;
  const smallest = list.at(-1);
  if (smallest === undefined) return null;
  if (!(await fits(list[0] ?? smallest))) {
    attempts += 1;
    if (!(await fits(smallest))) return null;
    // Invariant: list[hi] fits, list[lo] does not.
    let lo = 0;
    let hi = list.length - 1;
    while (hi - lo > 1 && attempts < POSTER_LIMITS.maxAttempts) {
      const mid = (lo + hi) >> 1;
      attempts += 1;
      if (await fits(list[mid] ?? smallest)) hi = mid;
      else lo = mid;
    }
    return list[hi] ?? smallest;
  }
  return list[0] ?? smallest;
}

/** Render at a font size known to fit, and check the page count for real. */
export async function renderAtSize(build: Build, fontSize: number): Promise<FitResult> {
  const { bytes, pageCount } = await renderPdf((onCount) => build(fontSize, onCount));
  return { bytes, fontSize, pageCount };
}
