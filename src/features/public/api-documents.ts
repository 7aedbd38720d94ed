/**
 * The open-data API's documents (api-schemas.ts) from the public data: the SWV with its schools, one school's
 * current published profile, and the CSV of the support offer per location. Only published profiles.
 */
import type { DbOrTx } from '../../db/client.js';
import type { ApiSchoolDetail, ApiSwv } from './api-schemas.js';
import { findPublicSchool, loadPublicContents, loadPublicSwv, type PublicSchool, type PublicSwv } from './public-data.js';

export interface ApiResult<T> {
  document: T;
  /** The newest change among the profiles it shows (Last-Modified). */
  lastModified: Date | null;
}

function newest(dates: Array<Date | null>): Date | null {
  const times = dates.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

function schoolEntry(swv: PublicSwv, school: PublicSchool, baseUrl: string): ApiSwv['schools'][number] {
  const profile = school.published[0]!;
  const slug = swv.partnership.slug;
  const code = encodeURIComponent(school.locationCode);
  return {
    locationCode: school.locationCode,
    name: school.name,
    street: school.street,
    postalCode: school.postalCode,
    city: school.city,
    district: school.districtName,
    denomination: school.denomination,
    sector: school.sector,
    schoolTypes: school.schoolTypes,
    board: school.boardName,
    website: school.website,
    schoolYear: profile.schoolYear,
    adoptedOn: profile.adoptedOn,
    publishedAt: profile.publishedAt?.toISOString() ?? null,
    url: `${baseUrl}/${slug}/scholen/${code}`,
    api: `${baseUrl}/api/${slug}/scholen/${code}`,
  };
}

export async function loadApiSwv(options: { db: DbOrTx; slug: string; baseUrl: string; cacheSeconds?: number }): Promise<ApiResult<ApiSwv>> {
  const swv = await loadPublicSwv(options.db, options.slug, options.cacheSeconds);
  const point = swv.partnership.parentSupportPoint;
  return {
    document: {
      swv: {
        slug: swv.partnership.slug,
        name: swv.partnership.name,
        sector: swv.partnership.sector,
        url: `${options.baseUrl}/${swv.partnership.slug}`,
        parentSupportPoint: point ? { name: point.name, phone: point.phone ?? null, email: point.email ?? null, website: point.website ?? null } : null,
      },
      schools: swv.schools.map((school) => schoolEntry(swv, school, options.baseUrl)),
    },
    lastModified: newest(swv.schools.map((school) => school.published[0]!.updatedAt)),
  };
}

export async function loadApiSchool(options: { db: DbOrTx; slug: string; locationCode: string; baseUrl: string; cacheSeconds?: number }): Promise<ApiResult<ApiSchoolDetail>> {
  const swv = await loadPublicSwv(options.db, options.slug, options.cacheSeconds);
  const school = findPublicSchool(swv, options.locationCode);
  const profile = school.published[0]!;
  const content = (await loadPublicContents(options.db, swv, [profile])).get(profile.id)!;
  return {
    document: {
      swv: { slug: swv.partnership.slug, name: swv.partnership.name },
      school: schoolEntry(swv, school, options.baseUrl),
      archiveYears: school.published.slice(1).map((p) => p.schoolYear),
      items: content.rows.map((row) => ({
        key: row.key,
        section: row.sectionTitle,
        title: row.title,
        answer: row.answer,
        normStatus: row.status,
        norm: row.norm,
        parentText: row.parentText,
        notOffered: row.notOffered,
        ambition: row.ambition,
        role: row.role,
      })),
      limits: content.limits.map((limit) => ({ section: limit.sectionTitle, text: limit.text })),
      contacts: content.contacts.map((c) => ({ name: c.name, role: c.role, topic: c.topic, email: c.email })),
    },
    lastModified: profile.updatedAt,
  };
}

const CSV_COLUMNS = ['vestiging', 'school', 'plaats', 'schooljaar', 'onderdeel', 'sleutel', 'vraag', 'antwoord', 'norm', 'normstatus'] as const;

function csvField(value: string): string {
  // Quote every field; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row per school and item (items with an answer or a norm), for municipalities and school finders. */
export async function exportSupportCsv(options: { db: DbOrTx; slug: string; cacheSeconds?: number }): Promise<ApiResult<string>> {
  const swv = await loadPublicSwv(options.db, options.slug, options.cacheSeconds);
  const profiles = swv.schools.map((school) => school.published[0]!);
  const contents = await loadPublicContents(options.db, swv, profiles);
  const lines = [CSV_COLUMNS.join(',')];
  for (const school of swv.schools) {
    const profile = school.published[0]!;
    for (const row of contents.get(profile.id)!.rows) {
      if (row.isText && row.answer === '') continue;
      lines.push([school.locationCode, school.name, school.city ?? '', profile.schoolYear, row.sectionTitle, row.key, row.title, row.answer, row.norm ?? '', row.status].map(csvField).join(','));
    }
  }
  return { document: `${lines.join('\r\n')}\r\n`, lastModified: newest(profiles.map((p) => p.updatedAt)) };
}
