import { AppError } from '../../auth/app-error.js';
import { assertInScope, can } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getProfile } from '../questionnaire/api.js';
import { getDisclosure } from './repository.js';
import { schoolIndexOf, type SchoolIndex } from './school-index.js';

export interface ProfileDisclosure {
  profileId: string;
  schoolYear: string;
  included: boolean;
  index: SchoolIndex | null;
  canChange: boolean;
}

/** The school's choice to show its index in this profile's limits, with the figures that would be shown. */
export async function loadProfileDisclosure(options: { db: Database; auth: Authorized; profileId: string }): Promise<ProfileDisclosure> {
  const { db, auth } = options;
  const profile = await getProfile(db, options.profileId);
  if (!profile) throw new AppError('not_found');
  assertInScope('loadProfileDisclosure', auth, { schoolId: profile.schoolId });
  const disclosure = await getDisclosure(db, profile.id);
  return {
    profileId: profile.id,
    schoolYear: profile.schoolYear,
    included: disclosure?.includeIndex ?? false,
    index: await schoolIndexOf(db, profile, profile.schoolYear),
    canChange: can(auth.principal, 'diversity.includeInProfile', auth.scope),
  };
}
