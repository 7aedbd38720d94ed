/** Every table, gathered for drizzle (queries and drizzle-kit). Each feature owns its own schema file. */
export * from '../features/partnerships/schema.js';
export * from '../features/accounts/schema.js';
export * from '../features/templates/schema.js';
export * from '../features/questionnaire/schema.js';
export * from '../audit/schema.js';
export * from '../jobs/schema.js';
export * from '../features/cycle/schema.js';
export * from '../features/documents/schema.js';
export * from '../features/register/schema.js';
export * from '../features/plausibility/schema.js';
export * from '../features/pupil-voice/schema.js';
export * from '../features/support-point/schema.js';
export * from '../features/diversity/schema.js';
export * from '../features/pupil-poll/schema.js';
export * from '../features/conversation-guide/schema.js';
export * from '../features/quality-review/schema.js';
export * from '../features/insight/schema.js';
