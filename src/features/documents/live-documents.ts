/**
 * Live rendering of a profile's documents, with a small in-process cache keyed by the profile's
 * content: the documents page (which shows sizes) and the downloads right after it render once.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { ProfileRow } from '../questionnaire/api.js';
import type { ProfileDocumentData } from './document-data.js';
import { DOCUMENT_KINDS, renderKind, type DocumentKind, type RenderedKind } from './document-kinds.js';
import { loadDocumentDataFor } from './load-document-data.js';

const MAX_PROFILES = 16;
const cache = new Map<string, { fingerprint: string; files: Map<DocumentKind, RenderedKind> }>();

function fingerprintOf(data: ProfileDocumentData, templateVersionId: string): string {
  const { generatedAt: _ignored, template: _template, branding, ...rest } = data;
  const hash = createHash('sha256');
  hash.update(templateVersionId);
  hash.update(JSON.stringify({ ...rest, branding: { ...branding, logo: branding.logo ? Buffer.from(branding.logo.data).toString('base64') : null } }));
  return hash.digest('hex');
}

function entryFor(profileId: string, fingerprint: string): Map<DocumentKind, RenderedKind> {
  const hit = cache.get(profileId);
  if (hit && hit.fingerprint === fingerprint) {
    cache.delete(profileId); // most recently used last
    cache.set(profileId, hit);
    return hit.files;
  }
  const files = new Map<DocumentKind, RenderedKind>();
  cache.delete(profileId);
  cache.set(profileId, { fingerprint, files });
  while (cache.size > MAX_PROFILES) cache.delete(cache.keys().next().value!);
  return files;
}

export async function renderLive(db: DbOrTx, clock: Clock, profile: ProfileRow, kinds: readonly DocumentKind[] = DOCUMENT_KINDS): Promise<RenderedKind[]> {
  const data = await loadDocumentDataFor(db, clock, profile);
  const files = entryFor(profile.id, fingerprintOf(data, profile.templateVersionId));
  const result: RenderedKind[] = [];
  for (const kind of kinds) {
    let file = files.get(kind);
    if (!file) {
      file = await renderKind(data, kind);
      files.set(kind, file);
    }
    result.push(file);
  }
  return result;
}
