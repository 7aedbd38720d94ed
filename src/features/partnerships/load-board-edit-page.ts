/** The form to edit a board, and the question before archiving it. */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { countActiveSchoolsOfBoard, getBoard, getPartnership, type BoardRow } from './repository.js';

export interface BoardEditPage {
  partnership: { id: string; name: string };
  board: BoardRow;
  activeSchoolCount: number;
}

export async function loadBoardEditPage(options: { db: Database; auth: Authorized; boardId: string }): Promise<BoardEditPage> {
  const { db } = options;
  assertInScope('loadBoardEditPage', options.auth, { boardId: options.boardId });
  const board = await getBoard(db, options.boardId);
  const partnership = board ? await getPartnership(db, board.partnershipId) : null;
  if (!board || !partnership) throw new AppError('not_found');
  return { partnership: { id: partnership.id, name: partnership.name }, board, activeSchoolCount: await countActiveSchoolsOfBoard(db, board.id) };
}
