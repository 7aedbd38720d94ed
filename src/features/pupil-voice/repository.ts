/** The only module that reads and writes pupil_voice_records. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { pupilVoiceRecords } from './schema.js';

export type PupilVoiceRow = typeof pupilVoiceRecords.$inferSelect;

export async function getPupilVoice(db: DbOrTx, profileId: string): Promise<PupilVoiceRow | null> {
  const [row] = await db.select().from(pupilVoiceRecords).where(eq(pupilVoiceRecords.profileId, profileId));
  return row ?? null;
}

export async function savePupilVoice(db: DbOrTx, row: PupilVoiceRow): Promise<void> {
  const { profileId, ...rest } = row;
  await db.insert(pupilVoiceRecords).values(row).onConflictDoUpdate({ target: pupilVoiceRecords.profileId, set: rest });
}
