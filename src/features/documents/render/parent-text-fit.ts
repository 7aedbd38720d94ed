/**
 * Would the parent poster still fit on one A4 page (at the smallest readable font size) with a school's new parent
 * text? Pure (plain data in, a verdict out), so it runs where the layout work belongs: in a render worker
 * (render-pool.ts), or in this thread where workers cannot run. ../check-poster-fit.ts is the save path's entry.
 */
import { listItems } from '../../templates/model/template.js';
import type { ParentPosterData } from '../document-data.js';
import { parentPosterFits, parentPosterTooFullMessage, POSTER_LIMITS } from './index.js';
import { parentTextOf } from './parent-texts.js';

/** `fontSize`: a body size (pt) at which the poster fits — the smallest readable one; rendering picks the largest. */
export type ParentTextCheck = { ok: true; fontSize: number } | { ok: false; message: string };

/** Pure: would the poster of `data` still fit with `parentText` for `itemKey`? */
export async function checkParentTextFitsData(data: ParentPosterData, itemKey: string, parentText: string | null): Promise<ParentTextCheck> {
  const item = listItems(data.template).find((entry) => entry.item.key === itemKey)?.item;
  const text = parentText?.trim() ? parentText.trim() : null;
  if (item && text && text.length > item.parentTextMaxLength) {
    return {
      ok: false,
      message: `De tekst voor ouders bij "${item.title}" is ${text.length} tekens lang; er passen er ${item.parentTextMaxLength} op de ouderposter. Maak de tekst ${text.length - item.parentTextMaxLength} tekens korter.`,
    };
  }
  if (!item?.posters.parent) {
    return { ok: true, fontSize: 0 };
  }
  const current = data.answers[itemKey] ?? { value: null, ambition: null, parentText: null };
  const next: ParentPosterData = { ...data, answers: { ...data.answers, [itemKey]: { ...current, parentText: text } } };
  // One layout pass in the common case (parentPosterFits); the best font size is searched only when rendering.
  if (await parentPosterFits(next)) return { ok: true, fontSize: POSTER_LIMITS.minFontSizePt };
  // A poster that is already too full (the template's own titles and texts, or other items) must not
  // block a school from a change that makes it no fuller: the poster then shows the most important
  // entries whole, and the school can still shorten texts one by one.
  if ((parentTextOf(data.template, item, { ...current, parentText: text }) ?? '').length <= (parentTextOf(data.template, item, current) ?? '').length && !(await parentPosterFits(data))) {
    return { ok: true, fontSize: POSTER_LIMITS.minFontSizePt };
  }
  return {
    ok: false,
    message:
      `Met deze tekst past de ouderposter niet meer op één pagina, ook niet met de kleinste leesbare letter. ` +
      `Maak de tekst bij "${item.title}" korter, of maak andere teksten voor ouders korter. ${parentPosterTooFullMessage(next)}`,
  };
}
