/** A board's page: its schools. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getBoard, listSchoolsOfBoard, type BoardRow, type SchoolRow } from './repository.js';

export interface BoardPage {
  board: BoardRow;
  schools: SchoolRow[];
}

export async function loadBoardPage(options: { db: Database; auth: Authorized; boardId: string }): Promise<BoardPage> {
  assertInScope('loadBoardPage', options.auth, { boardId: options.boardId });
  const id = options.boardId;
  const board = await getBoard(options.db, id);
  if (!board) throw new AppError('not_found');
  return { board, schools: await listSchoolsOfBoard(options.db, id) };
}
