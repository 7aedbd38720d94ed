import { z } from 'zod';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import { defineJobKind, enqueueJob } from '../../jobs/queue.js';
import { freezeDocumentData } from './frozen-document-data.js';
import { loadDocumentData } from './load-document-data.js';

export const documentSnapshotJobKind = defineJobKind(
  'documents.snapshot',
  z.object({
    profileId: z.uuid(),
    reason: z.enum(['submitted', 'adopted', 'archive']),
    actorUserId: z.string().nullable(),
    /** When the transition happened (ISO); the snapshot carries this date. Absent in requests queued before it existed. */
    at: z.string().optional(),
    /** The document data as of the transition (frozen-document-data.ts), rendered by the job. */
    frozen: z.string().optional(),
  }),
);

export type SnapshotRequest = { profileId: string; reason: 'submitted' | 'adopted' | 'archive'; actorUserId: string | null; at?: Date };

/**
 * Asks for an immutable snapshot of a profile's documents. Called inside the transaction that
 * submits or adopts the profile: the document data (answers, status, advice, adoption) are
 * frozen right here, as of the transition, with the transition's date; the documents are
 * rendered from these frozen data by a background job (take-snapshot.ts), so a change made
 * after the transition never shows up in the snapshot.
 */
export async function requestDocumentSnapshot(db: DbOrTx, clock: Clock, request: SnapshotRequest): Promise<void> {
  const at = request.at ?? clock.now();
  const data = await loadDocumentData(db, { now: () => at }, request.profileId);
  await enqueueJob(
    db,
    documentSnapshotJobKind,
    { profileId: request.profileId, reason: request.reason, actorUserId: request.actorUserId, at: at.toISOString(), frozen: freezeDocumentData(data) },
    { now: clock.now() },
  );
}
