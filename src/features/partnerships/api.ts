/**
 * What other features may use of partnerships (docs/conventions.md, "Boundaries"): the repository functions
 * another feature calls (reads, and the few writes it makes in its own transaction) and the types and constants of
 * its rows. Another feature imports this module, never partnerships's repository or schema.
 */
export { archiveSchools, findBoardInPartnership, findSchoolInPartnership, findSchoolPlace, getBoard, getPartnership, getPartnershipBrand, getPartnershipBySlug, getSchool, insertBoards, insertSchools, listAllBoards, listBoards, listDistricts, listPartnerships, listSchoolContacts, listSchoolsOfBoard, listSchoolsOfPartnership, listSchoolsWithBoardNumbers, listSchoolsWithDistricts, replaceSchoolContacts, updateBoard, updateSchool } from './repository.js';
export type { BoardRow, PartnershipRow } from './repository.js';
export { listAllSchools } from './repository.js';
