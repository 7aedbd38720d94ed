/**
 * Imports every feature module that plugs into shared registries (jobs,
 * demo steps, school page blocks, CLI commands, overview links). One line per plug-in;
 * order matters for demo steps (templates before the cycle).
 */
import './templates/demo-step.js';
import './cycle/demo-step.js';
