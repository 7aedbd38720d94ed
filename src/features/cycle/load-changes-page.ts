/** "Wat is er veranderd sinds vorig jaar" for one profile (read-only; the school, the council and the SWV). */
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { loadProfileChanges, type ProfileChanges } from './profile-changes.js';
import { loadProfileContext } from './profile-context.js';

export interface ChangesPage {
  profile: { id: string; schoolId: string; schoolYear: string; partnershipId: string };
  schoolName: string;
  changes: ProfileChanges;
}

export async function loadChangesPage(options: { db: Database; clock: Clock; auth: Authorized; profileId: string }): Promise<ChangesPage> {
  const { profile, school } = await loadProfileContext(options.db, options.auth, options.profileId);
  const changes = await loadProfileChanges(options.db, profile);
  return { profile: { id: profile.id, schoolId: profile.schoolId, schoolYear: profile.schoolYear, partnershipId: profile.partnershipId }, schoolName: school.name, changes };
}
