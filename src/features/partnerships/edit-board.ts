import { assertInScope } from '../../auth/policy.js';
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { PartnershipTranslate } from './messages.js';
import { findBoardByNumber, getBoard, updateBoard } from './repository.js';
import { boardNumberSchema } from './school-form.js';
import { publicContentChanged } from '../public/api.js';

export function editBoardInput(t: PartnershipTranslate) {
  return z.object({
    name: z.string().trim().min(2, { error: t('boardNameRequired') }).max(160, { error: t('maxChars', { max: 160 }) }),
    boardNumber: boardNumberSchema(t).refine((value) => value !== '', { error: t('boardNumberInvalid') }),
  });
}
export type EditBoardInput = z.infer<ReturnType<typeof editBoardInput>>;

/** An SWV admin sets a board's name (it then survives DUO imports) and its bevoegd gezag number (unique in the SWV). */
export async function editBoard(options: { db: Database; clock: Clock; auth: Authorized; boardId: string; input: EditBoardInput; t: PartnershipTranslate }): Promise<void> {
  const { db, clock, auth, input, t } = options;
  // A board's scope carries the board's own SWV (boardScope), so the board id is the one check.
  assertInScope('editBoard', auth, { boardId: options.boardId });
  const boardId = options.boardId;
  await db.transaction(async (tx) => {
    const before = await getBoard(tx, boardId);
    if (!before) throw new AppError('not_found');
    const other = await findBoardByNumber(tx, before.partnershipId, input.boardNumber);
    if (other && other.id !== boardId) throw new AppError('conflict', t('boardNumberTaken', { number: input.boardNumber, name: other.name }), { field: 'boardNumber' });
    const after = { name: input.name, boardNumber: input.boardNumber, nameSetBySwv: before.nameSetBySwv || input.name !== before.name };
    await updateBoard(tx, boardId, after);
    await recordAudit(tx, {
      at: clock.now(),
      actorUserId: auth.principal.userId,
      partnershipId: before.partnershipId,
      action: 'board.edit',
      entityType: 'board',
      entityId: boardId,
      before: { name: before.name, boardNumber: before.boardNumber, nameSetBySwv: before.nameSetBySwv },
      after,
    });
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
}
