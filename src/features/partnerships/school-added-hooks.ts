import type { DbOrTx } from '../../db/client.js';

/**
 * Work other features do when a school is added, inside the same transaction (the cycle prepares the
 * school's profile when a cycle is running). A registry, so partnerships does not import those features.
 */
// Takes every school added in one go (a DUO import adds thousands): a hook looks up what it needs once, not per school.
export type SchoolAddedHook = (tx: DbOrTx, event: { schoolIds: string[]; partnershipId: string; actorUserId: string | null; now: Date }) => Promise<void>;
export const schoolAddedHooks: SchoolAddedHook[] = [];
