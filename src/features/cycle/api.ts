/**
 * What other features may use of cycle (docs/conventions.md, "Boundaries"): the repository functions
 * another feature calls (reads, and the few writes it makes in its own transaction) and the types and constants of
 * its rows. Another feature imports this module, never cycle's repository or schema.
 */
export { getCycleFor, listCycles, listOpenReviewRemarks } from './repository.js';
export type { CycleRow } from './repository.js';
