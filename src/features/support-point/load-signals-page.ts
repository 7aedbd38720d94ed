import { assertInScope, can } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { listSchoolsOfPartnership } from '../partnerships/api.js';
import { listSignalItems, loadProfilePromises, type ProfilePromise } from './profile-items.js';
import { countSignals, countSignalsByItem, listSignals, listThemes } from './repository.js';

/** Below this count a school × theme cell is shown as "fewer than 5" outside the support point's own view. */
export const MASK_BELOW = 5;

export interface SignalCount {
  schoolName: string | null;
  themeName: string;
  /** The exact count, or null when masked. */
  count: number | null;
}

export interface SignalsPage {
  partnershipId: string;
  themes: Array<{ id: string; name: string }>;
  schools: Array<{ id: string; name: string }>;
  counts: SignalCount[];
  /** The support point's own view: exact counts, every description, and the form. */
  isSupportPoint: boolean;
  canManageThemes: boolean;
  signals: Array<{ id: string; occurredOn: string; themeName: string; schoolName: string | null; schoolId: string | null; description: string; sharedWithSchool: boolean }>;
  /** The items a signal can touch (the support point's form). */
  items: Array<{ key: string; title: string }>;
  /** Signals per school, theme and item beside what the school's newest profile says on that item (counts masked as above). */
  beside: Array<{ schoolName: string; themeName: string; count: number | null; itemKey: string; promise: ProfilePromise | null }>;
}

/** Masks counts below 5 unless the viewer is the support point itself. */
export function maskCounts(rows: Array<{ schoolName: string | null; themeName: string; count: number }>, exact: boolean): SignalCount[] {
  return rows.map((row) => ({ schoolName: row.schoolName, themeName: row.themeName, count: exact || row.count >= MASK_BELOW ? row.count : null }));
}

export async function loadSignalsPage(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<SignalsPage> {
  const { db, auth, partnershipId } = options;
  assertInScope('loadSignalsPage', auth, { partnershipId });
  const scope = { level: 'partnership' as const, partnershipId };
  const isSupportPoint = can(auth.principal, 'signals.record', scope);
  const [themes, schools, counts, byItem] = [await listThemes(db, partnershipId), await listSchoolsOfPartnership(db, partnershipId), await countSignals(db, partnershipId), await countSignalsByItem(db, partnershipId)];
  const promises = await loadProfilePromises(
    db,
    byItem.map((row) => ({ schoolId: row.schoolId!, itemKey: row.itemKey! })),
  );
  const beside = byItem.map((row) => ({
    schoolName: row.schoolName,
    themeName: row.themeName,
    count: maskCounts([{ schoolName: row.schoolName, themeName: row.themeName, count: row.count }], isSupportPoint)[0]!.count,
    itemKey: row.itemKey!,
    promise: promises.get(`${row.schoolId}|${row.itemKey}`) ?? null,
  }));
  return {
    partnershipId,
    themes: themes.map((theme) => ({ id: theme.id, name: theme.name })),
    schools: schools.map((school) => ({ id: school.id, name: school.name })),
    counts: maskCounts(counts, isSupportPoint),
    isSupportPoint,
    canManageThemes: can(auth.principal, 'signals.manageThemes', scope),
    signals: isSupportPoint ? await listSignals(db, partnershipId) : [],
    items: isSupportPoint ? await listSignalItems(db, partnershipId) : [],
    beside,
  };
}
