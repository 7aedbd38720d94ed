/**
 * The job behind requestDocumentSnapshot: renders every output of a profile from the document
 * data frozen at the transition and stores them as one immutable snapshot (document_snapshots +
 * document_files) dated at the transition, in one transaction, audited.
 * Snapshots are never updated or deleted; a retried job may store a second, identical one.
 */
import { recordAudit } from '../../audit/record-audit.js';
import type { DbOrTx } from '../../db/client.js';
import type { JobDefinition } from '../../jobs/queue.js';
import type { AppDeps } from '../../ui/context.js';
import { getProfile } from '../questionnaire/api.js';
import type { ProfileDocumentData } from './document-data.js';
import { renderEveryKind } from './document-kinds.js';
import { thawDocumentData } from './frozen-document-data.js';
import { loadDocumentDataFor } from './load-document-data.js';
import { insertSnapshot } from './repository.js';
import { documentSnapshotJobKind, type SnapshotRequest } from './request-document-snapshot.js';

type SnapshotPayload = Omit<SnapshotRequest, 'at'> & { at?: string | undefined; frozen?: string | undefined };

async function storeSnapshot(
  db: DbOrTx,
  profile: { id: string; partnershipId: string; schoolId: string; schoolYear: string },
  request: Pick<SnapshotRequest, 'reason' | 'actorUserId'>,
  data: ProfileDocumentData,
  at: Date,
): Promise<string> {
  const files = await renderEveryKind(data);
  const id = crypto.randomUUID();
  const write = async (tx: DbOrTx) => {
    await insertSnapshot(
      tx,
      { id, profileId: profile.id, partnershipId: profile.partnershipId, schoolId: profile.schoolId, schoolYear: profile.schoolYear, reason: request.reason, createdAt: at, createdBy: request.actorUserId },
      files,
    );
    await recordAudit(tx, {
      actorUserId: request.actorUserId,
      partnershipId: profile.partnershipId,
      action: 'documents.snapshot',
      entityType: 'document_snapshot',
      entityId: id,
      after: { profileId: profile.id, reason: request.reason, status: data.status, files: files.map((f) => ({ kind: f.kind, size: f.bytes.length })) },
      at,
    });
  };
  // In a transaction of our own (a savepoint when the caller, e.g. the demo seed, is in one already).
  await db.transaction((tx) => write(tx));
  return id;
}

export async function takeDocumentSnapshot(deps: Pick<AppDeps, 'db' | 'clock'>, request: SnapshotPayload): Promise<string | null> {
  const { db, clock } = deps;
  const profile = await getProfile(db, request.profileId);
  if (!profile) return null; // the profile is gone: nothing to keep
  const at = request.at ? new Date(request.at) : clock.now();
  // Requests queued before frozen data existed are rendered from the profile as it is now.
  const data = request.frozen ? thawDocumentData(request.frozen) : await loadDocumentDataFor(db, { now: () => at }, profile);
  return storeSnapshot(db, profile, request, data, at);
}

/**
 * Renders and stores a snapshot right away (no job), e.g. for the archived year in the demo seed:
 * the documents of the profile as it is now, dated `at` (default: now). Works inside a transaction.
 */
export async function takeDocumentSnapshotNow(db: DbOrTx, clock: { now(): Date }, request: SnapshotRequest): Promise<string | null> {
  const profile = await getProfile(db, request.profileId);
  if (!profile) return null;
  const at = request.at ?? clock.now();
  const data = await loadDocumentDataFor(db, { now: () => at }, profile);
  return storeSnapshot(db, profile, request, data, at);
}

export function documentSnapshotJob(deps: AppDeps): JobDefinition<SnapshotPayload> {
  return {
    ...documentSnapshotJobKind,
    run: async (payload) => ({ snapshotId: await takeDocumentSnapshot(deps, payload) }),
  };
}
