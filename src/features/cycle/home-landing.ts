/**
 * A council member (MR) with one school lands on what they can do there, not on a list of one place: the current
 * profile's cycle page once the school has submitted it (with "Advies geven"), else the school's page, which says
 * the council is e-mailed when it can advise (registered from src/features/register.ts).
 */
import { homeLandings } from '../accounts/home-landings.js';
import { listProfilesOfSchool } from '../questionnaire/api.js';
import { schoolYearOf } from '../templates/school-year.js';
import { FINAL_STATUSES } from './repository.js';

homeLandings.push(async (c, principal) => {
  const [only, ...others] = principal.memberships;
  if (!only || others.length > 0 || only.role !== 'council_member' || !only.schoolId) return null;
  // The newest profile of this school year or later (the next year's round runs before this year ends).
  const current = schoolYearOf(c.var.deps.clock.now());
  const [newest] = await listProfilesOfSchool(c.var.deps.db, only.schoolId);
  const submitted = newest && newest.schoolYear >= current && (FINAL_STATUSES as readonly string[]).includes(newest.status);
  return submitted ? `/profielen/${newest.id}/cyclus` : `/scholen/${only.schoolId}`;
});
