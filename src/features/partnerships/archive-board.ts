import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import type { PartnershipTranslate } from './messages.js';
import { countActiveSchoolsOfBoard, getBoard, updateBoard } from './repository.js';

/** An SWV admin archives a board that no longer has schools in the register (or restores it). */
export async function archiveBoard(options: { db: Database; clock: Clock; auth: Authorized; boardId: string; restore?: boolean; t: PartnershipTranslate }): Promise<void> {
  const { db, clock, auth, t } = options;
  // A board's scope carries the board's own SWV (boardScope), so the board id is the one check.
  assertInScope('archiveBoard', auth, { boardId: options.boardId });
  const boardId = options.boardId;
  await db.transaction(async (tx) => {
    const board = await getBoard(tx, boardId);
    if (!board) throw new AppError('not_found');
    const archivedAt = options.restore ? null : clock.now();
    if ((board.archivedAt === null) === (archivedAt === null)) return;
    const schoolCount = await countActiveSchoolsOfBoard(tx, boardId);
    if (archivedAt && schoolCount > 0) throw new AppError('invalid_state', t('boardHasSchools', { count: schoolCount }));
    await updateBoard(tx, boardId, { archivedAt });
    await recordAudit(tx, {
      at: clock.now(),
      actorUserId: auth.principal.userId,
      partnershipId: board.partnershipId,
      action: options.restore ? 'board.restore' : 'board.archive',
      entityType: 'board',
      entityId: boardId,
      before: { archivedAt: board.archivedAt },
      after: { archivedAt },
    });
  });
}
