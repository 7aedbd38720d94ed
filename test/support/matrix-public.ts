/**
 * Authorization matrix: the public pages for parents (issue 13) — open to everyone, signed in or not, in any SWV.
 * Parameters point at SWV A's slug, De Regenboog's location code and its newest published school year.
 */
import { and, desc, eq } from 'drizzle-orm';
import { profiles } from '../../src/features/questionnaire/schema.js';
import type { PersonaGroups } from './matrix-expectations.js';
import type { TestApp } from './test-app.js';

export const PUBLIC_ROUTES = [
  'GET /api/openapi.json',
  'GET /api/:swvSlug',
  'GET /api/:swvSlug/scholen/:locationCode',
  'GET /api/:swvSlug/aanbod.csv',
  'GET /embed/:swvSlug/scholen/:locationCode',
  'GET /toegankelijkheid',
  'GET /privacy',
  'GET /:swvSlug/huisstijl.css',
  'GET /:swvSlug',
  'GET /:swvSlug/zoeken',
  'GET /:swvSlug/vergelijk',
  'GET /:swvSlug/scholen/:locationCode',
  'GET /:swvSlug/scholen/:locationCode/:publishedYear',
  'GET /:swvSlug/scholen/:locationCode/documenten/:publicDocument',
] as const;

export function publicExpectations<P extends string>(groups: PersonaGroups<P>): Record<string, readonly P[]> {
  return Object.fromEntries(PUBLIC_ROUTES.map((key) => [key, groups.EVERYONE]));
}

export async function publicMatrixParams(testApp: TestApp): Promise<Record<string, string>> {
  const [published] = await testApp.deps.db
    .select({ schoolYear: profiles.schoolYear })
    .from(profiles)
    .where(and(eq(profiles.schoolId, testApp.demo.schoolIds['regenboog']!), eq(profiles.status, 'published')))
    .orderBy(desc(profiles.schoolYear))
    .limit(1);
  if (!published) throw new Error('matrix-public: the demo data has no published profile of De Regenboog');
  return { swvSlug: 'voorbeeldstad', locationCode: '12AB00', publishedYear: published.schoolYear, publicDocument: 'schoolgids' };
}
