/** The only module that reads and writes templates and their versions. */
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { TemplateDefinition } from './model/template.js';
import { templates, templateVersions } from './schema.js';

export type TemplateRow = typeof templates.$inferSelect;
export type TemplateVersionRow = typeof templateVersions.$inferSelect;

export async function findTemplateByKey(db: DbOrTx, partnershipId: string, key: string): Promise<TemplateRow | null> {
  const [row] = await db.select().from(templates).where(and(eq(templates.partnershipId, partnershipId), eq(templates.key, key)));
  return row ?? null;
}

export async function getTemplate(db: DbOrTx, id: string): Promise<TemplateRow | null> {
  const [row] = await db.select().from(templates).where(eq(templates.id, id));
  return row ?? null;
}

export function listTemplates(db: DbOrTx, partnershipId: string): Promise<TemplateRow[]> {
  return db.select().from(templates).where(eq(templates.partnershipId, partnershipId)).orderBy(asc(templates.name));
}

export async function insertTemplate(db: DbOrTx, row: { id: string; partnershipId: string; key: string; name: string; createdAt: Date }): Promise<void> {
  await db.insert(templates).values(row);
}

export async function getTemplateVersion(db: DbOrTx, id: string): Promise<TemplateVersionRow | null> {
  const [row] = await db.select().from(templateVersions).where(eq(templateVersions.id, id));
  return row ?? null;
}

export function listTemplateVersions(db: DbOrTx, templateId: string): Promise<TemplateVersionRow[]> {
  return db.select().from(templateVersions).where(eq(templateVersions.templateId, templateId)).orderBy(desc(templateVersions.number));
}

export async function latestVersion(db: DbOrTx, templateId: string, status?: 'draft' | 'published'): Promise<TemplateVersionRow | null> {
  const [row] = await db
    .select()
    .from(templateVersions)
    .where(status ? and(eq(templateVersions.templateId, templateId), eq(templateVersions.status, status)) : eq(templateVersions.templateId, templateId))
    .orderBy(desc(templateVersions.number))
    .limit(1);
  return row ?? null;
}

export async function insertTemplateVersion(
  db: DbOrTx,
  row: {
    id: string;
    templateId: string;
    partnershipId: string;
    number: number;
    status: 'draft' | 'published';
    schoolYear?: string | null;
    definition: TemplateDefinition;
    createdBy?: string | null;
    createdAt: Date;
    publishedAt?: Date | null;
  },
): Promise<void> {
  await db.insert(templateVersions).values(row);
}

/** Replaces a draft's definition if nobody saved in between; returns false on a stale revision. */
export async function updateDraftDefinition(db: DbOrTx, versionId: string, expectedRevision: number, definition: TemplateDefinition): Promise<boolean> {
  const updated = await db
    .update(templateVersions)
    .set({ definition, revision: expectedRevision + 1 })
    .where(and(eq(templateVersions.id, versionId), eq(templateVersions.status, 'draft'), eq(templateVersions.revision, expectedRevision)))
    .returning({ id: templateVersions.id });
  return updated.length > 0;
}

export async function markPublished(db: DbOrTx, versionId: string, schoolYear: string, at: Date): Promise<boolean> {
  const updated = await db
    .update(templateVersions)
    .set({ status: 'published', schoolYear, publishedAt: at })
    .where(and(eq(templateVersions.id, versionId), eq(templateVersions.status, 'draft')))
    .returning({ id: templateVersions.id });
  return updated.length > 0;
}

// ---------------------------------------------------------------------------
// Tenant-filtered reads and editor writes (the SWV admin pages and the CLI)

/**
 * A version by id, whatever SWV it belongs to: no tenant filter, so the caller must assert the version's SWV
 * (`findVersionInScope` does, with `assertInScope`).
 */
export async function unsafeFindVersion(db: DbOrTx, versionId: string): Promise<TemplateVersionRow | null> {
  const [row] = await db.select().from(templateVersions).where(eq(templateVersions.id, versionId));
  return row ?? null;
}

/** A version, only when it belongs to the SWV; null for another SWV's version (the caller answers 404). */
export async function findVersionInPartnership(db: DbOrTx, partnershipId: string, versionId: string): Promise<TemplateVersionRow | null> {
  const [row] = await db
    .select()
    .from(templateVersions)
    .where(and(eq(templateVersions.id, versionId), eq(templateVersions.partnershipId, partnershipId)));
  return row ?? null;
}

export async function findTemplateInPartnership(db: DbOrTx, partnershipId: string, templateId: string): Promise<TemplateRow | null> {
  const [row] = await db.select().from(templates).where(and(eq(templates.id, templateId), eq(templates.partnershipId, partnershipId)));
  return row ?? null;
}

export async function findVersionByNumber(db: DbOrTx, templateId: string, number: number): Promise<TemplateVersionRow | null> {
  const [row] = await db.select().from(templateVersions).where(and(eq(templateVersions.templateId, templateId), eq(templateVersions.number, number)));
  return row ?? null;
}

/** The version just before `number` (its predecessor), if any. */
export async function findPredecessor(db: DbOrTx, templateId: string, number: number): Promise<TemplateVersionRow | null> {
  const [row] = await db
    .select()
    .from(templateVersions)
    .where(and(eq(templateVersions.templateId, templateId), lt(templateVersions.number, number)))
    .orderBy(desc(templateVersions.number))
    .limit(1);
  return row ?? null;
}

export async function findPublishedForYear(db: DbOrTx, templateId: string, schoolYear: string): Promise<TemplateVersionRow | null> {
  const [row] = await db
    .select()
    .from(templateVersions)
    .where(and(eq(templateVersions.templateId, templateId), eq(templateVersions.status, 'published'), eq(templateVersions.schoolYear, schoolYear)));
  return row ?? null;
}

export async function updateTemplateName(db: DbOrTx, templateId: string, name: string): Promise<void> {
  await db.update(templates).set({ name }).where(eq(templates.id, templateId));
}
