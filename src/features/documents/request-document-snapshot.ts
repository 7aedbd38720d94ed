import { z } from 'zod';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import { defineJobKind, enqueueJob } from '../../jobs/queue.js';

export const documentSnapshotJobKind = defineJobKind(
  'documents.snapshot',
  z.object({ profileId: z.uuid(), reason: z.enum(['submitted', 'adopted']), actorUserId: z.string().nullable() }),
);

/**
 * Asks for an immutable snapshot of a profile's documents. Called inside the transaction that
 * submits or adopts the profile, so the request is stored exactly when the state changes;
 * the documents are rendered by a background job (features/documents).
 */
export async function requestDocumentSnapshot(
  db: DbOrTx,
  clock: Clock,
  request: { profileId: string; reason: 'submitted' | 'adopted'; actorUserId: string | null },
): Promise<void> {
  await enqueueJob(db, documentSnapshotJobKind, request, { now: clock.now() });
}
