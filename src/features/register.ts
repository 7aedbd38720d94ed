/**
 * Imports every feature module that plugs into shared registries (jobs,
 * demo steps, school page blocks, CLI commands, overview links). One line per plug-in;
 * order matters for demo steps (templates before the cycle).
 */
import './cycle/demo-previous-year.js';
import './templates/demo-step.js';
import './templates/overview-link.js';
import './cycle/demo-step.js';
import './cycle/plugins.js';
import './questionnaire/school-page-block.js';
import './questionnaire/home-landing.js';
import './cycle/home-landing.js';
import './documents/plugins.js';
import './register/plugins.js';
import './plausibility/plugins.js';
import './pupil-voice/plugins.js';
import './support-point/plugins.js';
import './insight/plugins.js';
import './diversity/plugins.js';
import './pupil-poll/plugins.js';
import './quality-review/plugins.js';
import './quality-review/demo-step.js';
import './audit-log/plugins.js';
import './swv-transfer/plugins.js';
import './conversation-guide/plugins.js';
import './diversity/demo-step.js';
import './conversation-guide/demo-step.js';
