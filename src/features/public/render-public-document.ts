/**
 * Public downloads of a published profile (SOP PDF, parent poster, school-guide chapter), rendered from the
 * public data only: the contacts the school marked public and no council advice — never the stored snapshots,
 * which were made for staff. Rendered files are kept in memory per profile version (one process; see README).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import type { DbOrTx } from '../../db/client.js';
import type { ProfileDocumentData } from '../documents/document-data.js';
import { renderKind } from '../documents/document-kinds.js';
import { logoFromDataUrl } from '../documents/load-document-data.js';
import { findPublicSchool, loadPublicContents, loadPublicSwv } from './public-data.js';
import { findPartnershipLogo } from './repository.js';

/** The URL name of each public download and the document kind it renders. Word files stay for staff. */
export const PUBLIC_DOCUMENTS = {
  sop: 'sop-pdf',
  ouderposter: 'ouderposter-a4-pdf',
  schoolgids: 'schoolgids-html',
  // The accessible web pages beside the PDFs (docs/decisions/0012-accessible-html-beside-untagged-pdf.md).
  'sop-webpagina': 'sop-html',
  'ouderposter-webpagina': 'ouderposter-html',
} as const;
export type PublicDocumentName = keyof typeof PUBLIC_DOCUMENTS;

export function isPublicDocumentName(value: string | undefined): value is PublicDocumentName {
  return value !== undefined && Object.hasOwn(PUBLIC_DOCUMENTS, value);
}

export interface PublicDocument {
  bytes: Buffer;
  mimeType: string;
  fileName: string;
  /** Changes whenever the profile changes. */
  version: string;
}

const MAX_CACHED = 24;
const cache = new Map<string, PublicDocument>();

export async function renderPublicDocument(options: { db: DbOrTx; clock: Clock; slug: string; locationCode: string; name: PublicDocumentName; cacheSeconds?: number }): Promise<PublicDocument> {
  const swv = await loadPublicSwv(options.db, options.slug, options.cacheSeconds);
  const school = findPublicSchool(swv, options.locationCode);
  const profile = school.published[0];
  if (!profile) throw new AppError('not_found');
  const version = `${profile.id}:${profile.updatedAt.getTime()}:${options.name}`;
  const hit = cache.get(version);
  if (hit) return hit;
  const [contents, logo] = await Promise.all([loadPublicContents(options.db, swv, [profile]), findPartnershipLogo(options.db, swv.partnership.id)]);
  const content = contents.get(profile.id)!;
  const optional = <K extends string>(key: K, value: string | null | undefined) => (value ? ({ [key]: value } as Record<K, string>) : {});
  const data: ProfileDocumentData = {
    branding: {
      partnershipName: swv.partnership.name,
      primaryColor: /^#[0-9a-fA-F]{6}$/.test(swv.partnership.primaryColor) ? swv.partnership.primaryColor : '#1f4e79',
      logo: logoFromDataUrl(logo),
      parentSupportPoint: swv.partnership.parentSupportPoint ?? undefined,
    },
    school: {
      name: school.name,
      locationCode: school.locationCode,
      boardName: school.boardName,
      ...optional('street', school.street),
      ...optional('postalCode', school.postalCode),
      ...optional('city', school.city),
      ...optional('website', school.website),
      ...optional('denomination', school.denomination),
      ...optional('districtName', school.districtName),
      // Only the contacts the school marked public reach this data: each is shown to parents.
      contacts: content.contacts.map((c) => ({ name: c.name, role: c.role, ...optional('topic', c.topic), ...optional('email', c.email), showToParents: true })),
    },
    schoolYear: profile.schoolYear,
    template: content.template,
    answers: content.answers,
    limits: content.limitsByKey,
    status: 'published',
    adoption: profile.adoptedOn ? { date: new Date(`${profile.adoptedOn}T12:00:00Z`), by: school.boardName } : undefined,
    generatedAt: options.clock.now(),
  };
  const rendered = await renderKind(data, PUBLIC_DOCUMENTS[options.name]);
  const document: PublicDocument = { bytes: rendered.bytes, mimeType: rendered.mimeType, fileName: rendered.fileName, version };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(version, document);
  return document;
}

/**
 * A stand-alone page as served to every visitor: it styles itself with inline <style>, which the CSP allows by each
 * block's SHA-256 (a nonce would differ per request, and these bytes are kept in the public cache); no favicon
 * request to a missing file.
 */
export function standAlonePage(bytes: Buffer): { html: string; styleHashes: string[] } {
  const html = bytes.toString('utf8').replace(/<head>/, '<head>\n  <link rel="icon" href="data:,">');
  const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => `sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}`);
  return { html, styleHashes };
}
