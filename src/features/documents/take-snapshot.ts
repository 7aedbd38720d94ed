/**
 * The job behind requestDocumentSnapshot: renders every output of a profile and stores them as
 * one immutable snapshot (document_snapshots + document_files) in one transaction, audited.
 * Snapshots are never updated or deleted; a retried job may store a second, identical one.
 */
import { recordAudit } from '../../audit/record-audit.js';
import type { JobDefinition } from '../../jobs/queue.js';
import type { AppDeps } from '../../ui/context.js';
import { getProfile } from '../questionnaire/profiles-repository.js';
import { renderEveryKind } from './document-kinds.js';
import { loadDocumentDataFor } from './load-document-data.js';
import { insertSnapshot } from './repository.js';
import { documentSnapshotJobKind } from './request-document-snapshot.js';

type SnapshotPayload = { profileId: string; reason: 'submitted' | 'adopted'; actorUserId: string | null };

export async function takeDocumentSnapshot(deps: Pick<AppDeps, 'db' | 'clock'>, request: SnapshotPayload): Promise<string | null> {
  const { db, clock } = deps;
  const profile = await getProfile(db, request.profileId);
  if (!profile) return null; // the profile is gone: nothing to keep
  const data = await loadDocumentDataFor(db, clock, profile);
  const files = await renderEveryKind(data);
  const id = crypto.randomUUID();
  const at = clock.now();
  await db.transaction(async (tx) => {
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
      after: { profileId: profile.id, reason: request.reason, status: profile.status, files: files.map((f) => ({ kind: f.kind, size: f.bytes.length })) },
      at,
    });
  });
  return id;
}

export function documentSnapshotJob(deps: AppDeps): JobDefinition<SnapshotPayload> {
  return {
    ...documentSnapshotJobKind,
    run: async (payload) => ({ snapshotId: await takeDocumentSnapshot(deps, payload) }),
  };
}
