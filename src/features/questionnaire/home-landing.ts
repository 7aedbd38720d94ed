/**
 * A school editor with exactly one place lands on that school's current profile (status, progress,
 * deadline) instead of choosing from a list of one (registered from src/features/register.ts).
 */
import { homeLandings } from '../accounts/home-landings.js';
import { schoolYearOf } from '../templates/school-year.js';
import { listProfilesOfSchool } from './profiles-repository.js';

homeLandings.push(async (c, principal) => {
  const [only, ...others] = principal.memberships;
  if (!only || others.length > 0 || only.role !== 'school_editor' || !only.schoolId) return null;
  // The newest profile of this school year or later (the next year's profile opens before this one ends).
  const current = schoolYearOf(c.var.deps.clock.now());
  const [newest] = await listProfilesOfSchool(c.var.deps.db, only.schoolId);
  return newest && newest.schoolYear >= current ? `/profielen/${newest.id}` : null;
});
