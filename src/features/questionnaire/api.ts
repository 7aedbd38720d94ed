/**
 * What other features may use of questionnaire (docs/conventions.md, "Boundaries"): the repository functions
 * another feature calls (reads, and the few writes it makes in its own transaction) and the types and constants of
 * its rows. Another feature imports this module, never questionnaire's repository or schema.
 */
export { LIMITS_KEY_PREFIX, listAnswers, listAnswersOfProfiles } from './answers-repository.js';
export type { ProfileAnswers } from './answers-repository.js';
export { findProfile, getProfile, insertProfile, listProfilesOfPartnership, listProfilesOfSchool, markProfileInProgress } from './profiles-repository.js';
export type { ProfileRow } from './profiles-repository.js';
export { PROFILE_STATUSES } from './schema.js';
export type { CouncilOutcome, CouncilSay, ProfileStatus } from './schema.js';
export { listItemAnswers } from './answers-repository.js';
