/** Scope loaders: turn an id in the path into its place in the tenant tree, or 404. */
import { AppError } from '../../auth/app-error.js';
import type { Scope } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { AppContext } from '../../ui/context.js';
import { findBoardPlace, findPartnershipPlace, findSchoolPlace } from './repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requireUuid(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw new AppError('not_found');
  return value;
}

export async function partnershipScope(db: DbOrTx, partnershipId: string | undefined): Promise<Scope> {
  const id = requireUuid(partnershipId);
  const row = await findPartnershipPlace(db, id);
  if (!row) throw new AppError('not_found');
  return { level: 'partnership', partnershipId: row.id };
}

export async function boardScope(db: DbOrTx, boardId: string | undefined): Promise<Scope> {
  const id = requireUuid(boardId);
  const row = await findBoardPlace(db, id);
  if (!row) throw new AppError('not_found');
  return { level: 'board', partnershipId: row.partnershipId, boardId: row.id };
}

export async function schoolScope(db: DbOrTx, schoolId: string | undefined): Promise<Scope & { level: 'school' }> {
  const id = requireUuid(schoolId);
  const row = await findSchoolPlace(db, id);
  if (!row) throw new AppError('not_found');
  return { level: 'school', partnershipId: row.partnershipId, boardId: row.boardId, schoolId: row.id };
}

export const fromPartnershipParam = async (c: AppContext) => ({ scope: await partnershipScope(c.var.deps.db, c.req.param('partnershipId')) });
export const fromBoardParam = async (c: AppContext) => ({ scope: await boardScope(c.var.deps.db, c.req.param('boardId')) });
export const fromSchoolParam = async (c: AppContext) => ({ scope: await schoolScope(c.var.deps.db, c.req.param('schoolId')) });
export const platformScope = async () => ({ scope: { level: 'platform' } as Scope });
