/**
 * What other features may use of templates (docs/conventions.md, "Boundaries"): the repository functions
 * another feature calls (reads, and the few writes it makes in its own transaction) and the types and constants of
 * its rows. Another feature imports this module, never templates's repository or schema.
 */
export { findTemplateByKey, getTemplateVersion, listTemplateVersions, listTemplates } from './repository.js';
// The command line checks a template file before it imports it.
export { parseTemplateFile } from './format/parse-template-file.js';
export type { TemplateFileError } from './format/parse-template-file.js';
export { findTemplateInPartnership, latestVersion } from './repository.js';
export { describeFileError, parseDataFile } from './format/parse-data-file.js';
export type { DataFileIssue, DataFileResult } from './format/parse-data-file.js';
export { formatPath, locateInDocument } from './format/parse-template-file.js';
export { decodeTemplateFile } from './format/decode-template-file.js';
