/** The only code that queries the conversation guide's tables. */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { ConversationGuide } from './guide-format.js';
import { conversationConclusions, conversationGuides } from './schema.js';

export type ConversationGuideRow = typeof conversationGuides.$inferSelect;
export type ConclusionRow = typeof conversationConclusions.$inferSelect;

export async function findGuideOfTemplate(db: DbOrTx, templateId: string): Promise<ConversationGuideRow | null> {
  const [row] = await db.select().from(conversationGuides).where(eq(conversationGuides.templateId, templateId));
  return row ?? null;
}

export function listGuidesOfPartnership(db: DbOrTx, partnershipId: string): Promise<ConversationGuideRow[]> {
  return db.select().from(conversationGuides).where(eq(conversationGuides.partnershipId, partnershipId));
}

/** Creates the template's guide or replaces its definition. */
export async function upsertGuide(db: DbOrTx, row: { partnershipId: string; templateId: string; definition: ConversationGuide; updatedBy: string | null; updatedAt: Date }): Promise<void> {
  await db
    .insert(conversationGuides)
    .values({ id: crypto.randomUUID(), ...row })
    .onConflictDoUpdate({ target: conversationGuides.templateId, set: { definition: row.definition, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

export function listConclusions(db: DbOrTx, profileIds: string[]): Promise<ConclusionRow[]> {
  if (profileIds.length === 0) return Promise.resolve([]);
  return db.select().from(conversationConclusions).where(inArray(conversationConclusions.profileId, profileIds));
}

export async function findConclusion(db: DbOrTx, profileId: string, sectionKey: string): Promise<ConclusionRow | null> {
  const [row] = await db.select().from(conversationConclusions).where(and(eq(conversationConclusions.profileId, profileId), eq(conversationConclusions.sectionKey, sectionKey)));
  return row ?? null;
}

export async function upsertConclusion(db: DbOrTx, row: { profileId: string; sectionKey: string; text: string; updatedBy: string | null; updatedAt: Date }): Promise<void> {
  await db
    .insert(conversationConclusions)
    .values(row)
    .onConflictDoUpdate({ target: [conversationConclusions.profileId, conversationConclusions.sectionKey], set: { text: row.text, updatedBy: row.updatedBy, updatedAt: row.updatedAt } });
}

export async function deleteConclusion(db: DbOrTx, profileId: string, sectionKey: string): Promise<void> {
  await db.delete(conversationConclusions).where(and(eq(conversationConclusions.profileId, profileId), eq(conversationConclusions.sectionKey, sectionKey)));
}
