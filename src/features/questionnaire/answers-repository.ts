/** Reads and writes answers. The questionnaire owns writing; documents and dashboards read through here. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Answer } from '../templates/model/answer.js';
import { answers } from './schema.js';

/** Prefix of the item keys under which "Wat kan de school niet" texts are stored, per section. */
export const LIMITS_KEY_PREFIX = 'limits:';

export interface ProfileAnswers {
  /** By item key. */
  answers: Record<string, Answer & { revision: number; carriedOver: boolean; updatedAt: Date }>;
  /** "Wat kan de school niet" by section key. */
  limits: Record<string, string>;
}

export async function listAnswers(db: DbOrTx, profileId: string): Promise<ProfileAnswers> {
  const rows = await db.select().from(answers).where(eq(answers.profileId, profileId));
  const result: ProfileAnswers = { answers: {}, limits: {} };
  for (const row of rows) {
    if (row.itemKey.startsWith(LIMITS_KEY_PREFIX)) {
      if (typeof row.value === 'string' && row.value.trim()) result.limits[row.itemKey.slice(LIMITS_KEY_PREFIX.length)] = row.value;
      continue;
    }
    result.answers[row.itemKey] = {
      value: row.value ?? null,
      ambition: row.ambition ?? null,
      parentText: row.parentText ?? null,
      revision: row.revision,
      carriedOver: row.carriedOver,
      updatedAt: row.updatedAt,
    };
  }
  return result;
}
