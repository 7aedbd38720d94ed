/**
 * What other features may use of pupil-voice (docs/conventions.md, "Boundaries"): the documents read a profile's
 * record for the school-guide chapter. Another feature imports this module, never pupil-voice's repository or schema.
 */
export { getPupilVoice } from './repository.js';
