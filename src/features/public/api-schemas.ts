/**
 * The open-data API's response shapes, as zod schemas: the OpenAPI 3.1 document (`/api/openapi.json`) is generated
 * from them (JSON Schema 2020-12), and test/public-api.test.ts validates real responses against that document.
 */
import { z } from 'zod';

const NORM_STATUSES = ['meets', 'below', 'ambition', 'unanswered', 'no-norm', 'cannot-judge'] as const;

export const supportPointSchema = z
  .object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), website: z.string().nullable() })
  .strict()
  .describe('Ouder- en jeugdsteunpunt of the SWV');

export const apiSchoolSchema = z
  .object({
    locationCode: z.string().describe('DUO location code (BRIN + vestigingsnummer), e.g. 12AB00'),
    name: z.string(),
    street: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    district: z.string().nullable().describe("The SWV's district (wijk)"),
    denomination: z.string().nullable(),
    sector: z.string().nullable().describe('po or vo'),
    schoolTypes: z.array(z.string()).describe('DUO school types, e.g. bao, sbo'),
    board: z.string(),
    website: z.string().nullable(),
    schoolYear: z.string().describe('School year of the published profile shown, e.g. 2026-2027'),
    adoptedOn: z.string().nullable().describe('Date the board adopted the profile (YYYY-MM-DD)'),
    publishedAt: z.string().nullable().describe('When the profile was published (ISO 8601)'),
    url: z.string().describe('Public page for parents'),
    api: z.string().describe('This school in the API'),
  })
  .strict();

export const apiSwvSchema = z
  .object({
    swv: z.object({ slug: z.string(), name: z.string(), sector: z.string(), url: z.string(), parentSupportPoint: supportPointSchema.nullable() }).strict(),
    schools: z.array(apiSchoolSchema).describe('Schools with a published profile; unpublished profiles never appear'),
  })
  .strict();
export type ApiSwv = z.infer<typeof apiSwvSchema>;

export const apiItemSchema = z
  .object({
    key: z.string(),
    section: z.string(),
    title: z.string().describe('The parent headline (B1) where the template has one'),
    answer: z.string().describe('The answer in words (labels, not option keys); empty when unanswered'),
    normStatus: z.enum(NORM_STATUSES).describe('Against the SWV norm of basic support; cannot-judge is "Kan niet beoordelen", never meets'),
    norm: z.string().nullable().describe('The norm in words'),
    parentText: z.string().nullable(),
    notOffered: z.boolean(),
    ambition: z.object({ target: z.string().nullable(), schoolYear: z.string().nullable(), note: z.string().nullable() }).strict().nullable(),
    role: z.string().nullable().describe('limits, extraSupport, parentInvolvement, ambitions, contact or vision (free-text items)'),
  })
  .strict();

export const apiSchoolDetailSchema = z
  .object({
    swv: z.object({ slug: z.string(), name: z.string() }).strict(),
    school: apiSchoolSchema,
    archiveYears: z.array(z.string()).describe('Earlier published school years'),
    items: z.array(apiItemSchema),
    limits: z.array(z.object({ section: z.string(), text: z.string() }).strict()).describe('What the school cannot offer'),
    contacts: z.array(z.object({ name: z.string(), role: z.string(), topic: z.string().nullable(), email: z.string().nullable() }).strict()).describe('Only contacts the school marked public'),
  })
  .strict();
export type ApiSchoolDetail = z.infer<typeof apiSchoolDetailSchema>;

export const apiErrorSchema = z.object({ error: z.string(), message: z.string() }).strict();

const json = (schema: z.ZodType) => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
};

/** The OpenAPI 3.1 document of the read-only API. */
export function buildOpenApiDocument(baseUrl: string): Record<string, unknown> {
  const slug = { name: 'swvSlug', in: 'path', required: true, schema: { type: 'string' }, description: 'The SWV short name, e.g. voorbeeldstad' };
  const code = { name: 'locationCode', in: 'path', required: true, schema: { type: 'string' }, description: 'DUO location code, e.g. 12AB00' };
  const cacheHeaders = {
    ETag: { schema: { type: 'string' } },
    'Last-Modified': { schema: { type: 'string' } },
    'Access-Control-Allow-Origin': { schema: { type: 'string' } },
  };
  const notFound = { description: 'Unknown SWV or school, or nothing published', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenSOP open data',
      version: '1.0.0',
      description: 'Published school support profiles (schoolondersteuningsprofielen) per SWV and per school. Read-only, no account; only published profiles.',
    },
    servers: [{ url: baseUrl }],
    paths: {
      '/api/{swvSlug}': {
        get: {
          operationId: 'getSwv',
          summary: 'The SWV and its schools with a published profile',
          parameters: [slug],
          responses: { '200': { description: 'OK', headers: cacheHeaders, content: { 'application/json': { schema: { $ref: '#/components/schemas/Swv' } } } }, '304': { description: 'Not modified' }, '404': notFound },
        },
      },
      '/api/{swvSlug}/scholen/{locationCode}': {
        get: {
          operationId: 'getSchool',
          summary: "A school's current published profile: items with answers as labels, norm status, ambitions, limits, public contacts",
          parameters: [slug, code],
          responses: { '200': { description: 'OK', headers: cacheHeaders, content: { 'application/json': { schema: { $ref: '#/components/schemas/School' } } } }, '304': { description: 'Not modified' }, '404': notFound },
        },
      },
      '/api/{swvSlug}/aanbod.csv': {
        get: {
          operationId: 'getSupportCsv',
          summary: 'The support offer per location as CSV (one row per school and item)',
          parameters: [slug],
          responses: { '200': { description: 'CSV (UTF-8, comma-separated, header row)', headers: cacheHeaders, content: { 'text/csv': { schema: { type: 'string' } } } }, '404': notFound },
        },
      },
    },
    components: {
      schemas: { Swv: json(apiSwvSchema), School: json(apiSchoolDetailSchema), Error: json(apiErrorSchema) },
    },
  };
}
