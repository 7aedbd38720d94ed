/**
 * For the questionnaire's save path: refuse a school's parent text when the parent poster would no
 * longer fit on one A4 page (at the smallest readable font size), with a Dutch message that says
 * what to do. Call it before storing a changed parent text; it does not write anything.
 *
 * The layout (15–170 ms of CPU) runs in the render pool's worker threads, not on the request's event loop, so
 * other requests are not held up while a parent text is checked (bench/README.md, Autosave, "Parent texts"). The
 * loop only loads what the poster is made of (loadParentPosterData: ParentPosterData, not the whole document data)
 * and posts it to a worker, which runs at a lower CPU priority than the loop (render-worker.ts).
 */
import type { DbOrTx } from '../../db/client.js';
import type { ParentPosterData } from './document-data.js';
import { loadParentPosterData } from './load-document-data.js';
import { checkParentTextFitsData, type ParentTextCheck } from './render/parent-text-fit.js';
import { renderPool } from './render/render-pool.js';

export { loadParentPosterData };
export { checkParentTextFitsData, type ParentTextCheck };

let inline = false;

/** Bench only: run the check on the event loop, as before (bench/autosave.bench.ts compares both in one run). */
export function runPosterFitInline(value: boolean): void {
  inline = value;
}

/** The check for data already loaded: in a render worker (in this thread under vitest or when workers cannot start). */
export function checkParentTextFitsOffLoop(data: ParentPosterData, itemKey: string, parentText: string | null): Promise<ParentTextCheck> {
  return inline ? checkParentTextFitsData(data, itemKey, parentText) : renderPool().checkParentTextFit(data, itemKey, parentText);
}

/** Loads what the profile's parent poster is made of and checks the new parent text for one item. */
export async function checkParentTextFits(options: { db: DbOrTx; profileId: string; itemKey: string; parentText: string | null }): Promise<ParentTextCheck> {
  const data = await loadParentPosterData(options.db, options.profileId);
  return checkParentTextFitsOffLoop(data, options.itemKey, options.parentText);
}
