/**
 * What other features may use of accounts (docs/conventions.md, "Boundaries"): the repository functions
 * another feature calls (reads, and the few writes it makes in its own transaction) and the types and constants of
 * its rows. Another feature imports this module, never accounts's repository or schema.
 */
export { deleteSessionsOfUser, findUserByEmail, insertMembership, insertMembershipScopes, insertUser, updatePassword } from './repository.js';
export { findUserNames } from './repository.js';
