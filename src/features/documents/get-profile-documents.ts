/**
 * What the documents page and the downloads of one profile serve: while the cycle runs, documents
 * rendered live from the current answers; after the cycle's close date, the latest stored snapshot
 * (falling back to live rendering when the profile was never submitted).
 */
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import type { Clock } from '../../config/clock.js';
import { queryAll, type DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { amsterdamDate } from '../cycle/editability.js';
import { getCycleFor } from '../cycle/api.js';
import { getSchool } from '../partnerships/api.js';
import { getProfile, type ProfileRow } from '../questionnaire/api.js';
import { DOCUMENT_KINDS, KIND_SPECS, type DocumentKind } from './document-kinds.js';
import { renderLive } from './live-documents.js';
import { loadDocumentDataFor } from './load-document-data.js';
import { documentBaseName, outputSpec } from './render/index.js';
import { renderSchoolGuideFragment } from './render/render-school-guide.js';
import { findLatestSnapshot, getSnapshotFile, listSnapshots, type SnapshotRow } from './repository.js';

interface Options {
  db: DbOrTx;
  clock: Clock;
  auth: Authorized;
  profileId: string;
}

/** The profile, only if it is the authorized school's (tenant filter). */
async function profileInScope(db: DbOrTx, auth: Authorized, profileId: string): Promise<ProfileRow> {
  const profile = await getProfile(db, profileId);
  if (!profile) throw new AppError('not_found');
  assertInScope('profileDocuments', auth, { partnershipId: profile.partnershipId, schoolId: profile.schoolId });
  return profile;
}

/** The cycle's close date when it has passed (Amsterdam time), else null. */
async function closedOn(db: DbOrTx, clock: Clock, profile: ProfileRow): Promise<string | null> {
  const cycle = await getCycleFor(db, profile.partnershipId, profile.schoolYear);
  if (!cycle) return null;
  return amsterdamDate(clock.now()) > cycle.closesOn ? cycle.closesOn : null;
}

export interface DocumentListing {
  profile: ProfileRow;
  schoolName: string;
  closedOn: string | null;
  /** The snapshot being served (after closing), or null for live documents. */
  servedSnapshot: SnapshotRow | null;
  /** Sizes are known only for stored files; live documents are rendered when downloaded. */
  files: Array<{ kind: DocumentKind; fileName: string; mimeType: string; size: number | null; inline: boolean }>;
  snapshots: Awaited<ReturnType<typeof listSnapshots>>;
  /** The school-guide chapter as an HTML fragment to paste into a website (cheap: no PDF rendering). */
  schoolGuideFragment: string;
}

export async function getProfileDocuments({ db, clock, auth, profileId }: Options): Promise<DocumentListing> {
  const profile = await profileInScope(db, auth, profileId);
  const [school, snapshots, closed] = await queryAll(db, [() => getSchool(db, profile.schoolId), () => listSnapshots(db, profile.id), () => closedOn(db, clock, profile)]);
  const latest = closed ? (snapshots[0] ?? null) : null;
  if (!school) throw new AppError('not_found');
  // The page lists the files without rendering them (rendering all eight took seconds); each renders on download.
  const base = documentBaseName({ schoolYear: profile.schoolYear, school: { name: school.name, locationCode: school.locationCode } });
  const files = latest
    ? latest.files
        .filter((f): f is typeof f & { kind: DocumentKind } => (DOCUMENT_KINDS as readonly string[]).includes(f.kind))
        .sort((a, b) => DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind))
        .map((f) => ({ kind: f.kind, fileName: f.fileName, mimeType: f.mimeType, size: f.size as number | null, inline: KIND_SPECS[f.kind].inline }))
    : DOCUMENT_KINDS.map((kind) => ({ kind, fileName: outputSpec(kind).fileName(base), mimeType: outputSpec(kind).mimeType, size: null, inline: KIND_SPECS[kind].inline }));
  const storedGuide = latest ? await getSnapshotFile(db, profile.id, latest.id, 'schoolgids-html') : null;
  const schoolGuideFragment = storedGuide
    ? fragmentOfPage(Buffer.from(storedGuide.bytes).toString('utf8'))
    : renderSchoolGuideFragment(await loadDocumentDataFor(db, clock, profile));
  return { profile, schoolName: school.name, closedOn: closed, servedSnapshot: latest, files, snapshots, schoolGuideFragment };
}

/** The <style> and <article> of a stored stand-alone school-guide page, as a fragment. */
function fragmentOfPage(html: string): string {
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1]?.replace(/^body \{[^}]*\}\n?/m, '').trim();
  const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? html;
  return style ? `<style>\n${style}\n</style>\n${article}\n` : `${article}\n`;
}

export interface DownloadedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  inline: boolean;
}

export async function getProfileDocument(options: Options & { kind: DocumentKind }): Promise<DownloadedFile> {
  const { db, clock, auth, profileId, kind } = options;
  const profile = await profileInScope(db, auth, profileId);
  const inline = KIND_SPECS[kind].inline;
  if (await closedOn(db, clock, profile)) {
    const latest = await findLatestSnapshot(db, profile.id);
    const stored = latest ? await getSnapshotFile(db, profile.id, latest.id, kind) : null;
    if (stored) return { fileName: stored.fileName, mimeType: stored.mimeType, bytes: stored.bytes, inline };
  }
  const [file] = await renderLive(db, clock, profile, [kind]);
  return { fileName: file!.fileName, mimeType: file!.mimeType, bytes: file!.bytes, inline };
}

export async function getSnapshotDocument(options: Options & { snapshotId: string; kind: DocumentKind }): Promise<DownloadedFile> {
  const { db, auth, profileId, snapshotId, kind } = options;
  const profile = await profileInScope(db, auth, profileId);
  // The snapshot must belong to this profile: another school's snapshot id gives 404.
  const stored = await getSnapshotFile(db, profile.id, snapshotId, kind);
  if (!stored) throw new AppError('not_found');
  return { fileName: stored.fileName, mimeType: stored.mimeType, bytes: stored.bytes, inline: KIND_SPECS[kind].inline };
}
