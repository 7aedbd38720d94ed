/**
 * The opening of every loader of a profile's cycle pages: the profile, its school and round, and the
 * authorization check of the request's profile id against the route's permission (outsiders 404).
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope, type Scope } from '../../auth/policy.js';
import { queryAll, type DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool } from '../partnerships/api.js';
import { getProfile, type ProfileRow } from '../questionnaire/api.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import type { TemplateDefinition } from '../templates/model/template.js';
import { getCycleFor, type CycleRow } from './repository.js';

export interface ProfileContext {
  profile: ProfileRow;
  school: { id: string; name: string };
  cycle: CycleRow | null;
  template: TemplateDefinition;
  scope: Scope & { level: 'school' };
}

export async function loadProfileContext(db: DbOrTx, auth: Authorized, profileId: string): Promise<ProfileContext> {
  const profile = await getProfile(db, profileId);
  if (!profile) throw new AppError('not_found');
  const school = await getSchool(db, profile.schoolId);
  if (!school) throw new AppError('not_found');
  const scope = { level: 'school' as const, partnershipId: profile.partnershipId, boardId: school.boardId, schoolId: school.id };
  assertInScope('loadProfileContext', auth, { schoolId: school.id });
  const [cycle, template] = await queryAll(db, [() => getCycleFor(db, profile.partnershipId, profile.schoolYear), () => loadTemplateDefinition(db, profile.templateVersionId)]);
  return { profile, school: { id: school.id, name: school.name }, cycle, template, scope };
}
