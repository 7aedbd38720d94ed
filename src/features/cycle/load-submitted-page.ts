/** The confirmation after submitting: the profile's school, year and status, for "what happens next". */
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { ProfileStatus } from '../questionnaire/api.js';
import { loadProfileContext } from './profile-context.js';
import type { BoardNotice } from './schema.js';

export interface SubmittedPage {
  profile: { id: string; schoolId: string; schoolYear: string; partnershipId: string; status: ProfileStatus };
  schoolName: string;
  /** When the board hears it can adopt (the round's setting). */
  boardNotice: BoardNotice;
}

export async function loadSubmittedPage(options: { db: Database; clock: Clock; auth: Authorized; profileId: string }): Promise<SubmittedPage> {
  const { profile, school, cycle } = await loadProfileContext(options.db, options.auth, options.profileId);
  return {
    profile: { id: profile.id, schoolId: profile.schoolId, schoolYear: profile.schoolYear, partnershipId: profile.partnershipId, status: profile.status },
    schoolName: school.name,
    boardNotice: cycle?.boardNotice ?? 'after_council',
  };
}
