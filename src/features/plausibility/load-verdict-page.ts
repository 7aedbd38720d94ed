import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool } from '../partnerships/api.js';
import { getProfile } from '../questionnaire/api.js';
import { getVerdict, type VerdictRow } from './repository.js';

export interface VerdictPage {
  profile: { id: string; schoolYear: string; partnershipId: string; status: string };
  schoolName: string;
  verdict: VerdictRow | null;
}

/** The adviser's form: the profile, its school and the verdict recorded so far. */
export async function loadVerdictPage(options: { db: Database; auth: Authorized; profileId: string }): Promise<VerdictPage> {
  const { db, auth, profileId } = options;
  const profile = await getProfile(db, profileId);
  if (!profile) throw new AppError('not_found');
  assertInScope('loadVerdictPage', auth, { schoolId: profile.schoolId });
  const [school, verdict] = [await getSchool(db, profile.schoolId), await getVerdict(db, profile.id)];
  return {
    profile: { id: profile.id, schoolYear: profile.schoolYear, partnershipId: profile.partnershipId, status: profile.status },
    schoolName: school?.name ?? '',
    verdict,
  };
}
