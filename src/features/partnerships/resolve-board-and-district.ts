/** Shared by adding and editing a school: the chosen board (or a new one by its number) and the district by name. */
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { DbOrTx } from '../../db/client.js';
import type { PartnershipTranslate } from './messages.js';
import { findBoardByNumber, findBoardInPartnership, findDistrictByName, insertBoard, insertDistrict } from './repository.js';

interface Actor {
  userId: string | null;
  now: Date;
}

/**
 * The board of a school: one of the SWV's boards, or — by its bevoegd gezag number — an existing board with that
 * number or a new one (its name is then required). The number is the board's identity within the SWV.
 */
export async function resolveBoard(
  tx: DbOrTx,
  options: { partnershipId: string; boardId: string; newBoardNumber: string; newBoardName: string; actor: Actor; t: PartnershipTranslate },
): Promise<string> {
  const { partnershipId, actor, t } = options;
  if (options.boardId) {
    const board = await findBoardInPartnership(tx, partnershipId, options.boardId);
    if (!board) throw new AppError('invalid_input', t('chooseOwnBoard'), { field: 'boardId' });
    return board.id;
  }
  if (!options.newBoardNumber) throw new AppError('invalid_input', t('chooseBoardOrNew'), { field: options.newBoardName ? 'newBoardNumber' : 'boardId' });
  const existing = await findBoardByNumber(tx, partnershipId, options.newBoardNumber);
  if (existing) return existing.id;
  if (!options.newBoardName) throw new AppError('invalid_input', t('newBoardNameRequired', { number: options.newBoardNumber }), { field: 'newBoardName' });
  const board = { id: crypto.randomUUID(), partnershipId, name: options.newBoardName, boardNumber: options.newBoardNumber, nameSetBySwv: true };
  await insertBoard(tx, board);
  await recordAudit(tx, { at: actor.now, actorUserId: actor.userId, partnershipId, action: 'board.add', entityType: 'board', entityId: board.id, after: board });
  return board.id;
}

/** The district with this name in the SWV, created when new; null for an empty name. */
export async function resolveDistrict(tx: DbOrTx, options: { partnershipId: string; name: string; actor: Actor }): Promise<string | null> {
  const { partnershipId, name, actor } = options;
  if (!name) return null;
  const district = await findDistrictByName(tx, partnershipId, name);
  if (district) return district.id;
  const row = { id: crypto.randomUUID(), partnershipId, name };
  await insertDistrict(tx, row);
  await recordAudit(tx, { at: actor.now, actorUserId: actor.userId, partnershipId, action: 'district.add', entityType: 'district', entityId: row.id, after: row });
  return row.id;
}
