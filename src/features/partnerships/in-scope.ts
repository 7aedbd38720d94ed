/**
 * One check for the use cases of this feature: an id from the request must lie inside the place the central
 * check authorized (`auth.scope`). Anything else is someone else's data: 404, as if it did not exist.
 */
import { AppError } from '../../auth/app-error.js';
import type { Authorized } from '../../ui/route.js';

export function partnershipInScope(auth: Authorized, partnershipId: string): string {
  if (auth.scope.level === 'platform' || auth.scope.partnershipId !== partnershipId) throw new AppError('not_found');
  return partnershipId;
}

export function boardInScope(auth: Authorized, boardId: string): string {
  if (auth.scope.level !== 'board' || auth.scope.boardId !== boardId) throw new AppError('not_found');
  return boardId;
}

export function schoolInScope(auth: Authorized, schoolId: string): string {
  if (auth.scope.level !== 'school' || auth.scope.schoolId !== schoolId) throw new AppError('not_found');
  return schoolId;
}
