/** Applies a previewed district import: postcode lists by their names, CBS wijk codes by the names given on the preview. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { ALREADY_APPLIED } from './messages.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { unsafeAssignDistricts } from './assign-districts.js';
import type { DistrictImportPayload } from './preview-district-import.js';
import { markRegisterImportApplied, findRegisterImport } from './repository.js';

export async function confirmDistrictImport(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; importId: string; wijkNames: Record<string, string> }): Promise<number> {
  assertInScope('confirmDistrictImport', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  const stored = await findRegisterImport(options.db, { partnershipId, id: options.importId, kind: 'districts', now: options.clock.now() });
  if (!stored) throw new AppError('not_found');
  if (stored.appliedAt) throw new AppError('invalid_state', ALREADY_APPLIED);
  const payload = stored.payload as DistrictImportPayload;
  const named = (key: string) => (payload.source === 'cbs' ? (options.wijkNames[key] ?? '').trim() : key);
  const wijkNames = payload.source === 'cbs' ? Object.fromEntries([...new Set(payload.matches.map((m) => m.key))].filter((code) => named(code)).map((code) => [code, named(code)])) : {};
  // Asserted above: this is the one check (assignDistricts would repeat it).
  const count = await unsafeAssignDistricts({
    db: options.db,
    clock: options.clock,
    auth: options.auth,
    partnershipId,
    // An unnamed CBS wijk leaves its schools as they are.
    assignments: payload.matches.filter((m) => named(m.key)).map((m) => ({ schoolId: m.schoolId, districtName: named(m.key) })),
    wijkNames,
    source: payload.source,
  });
  await markRegisterImportApplied(options.db, stored.id, options.clock.now());
  return count;
}
