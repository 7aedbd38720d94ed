/**
 * Imports every feature module that plugs into shared registries (jobs,
 * demo steps, school page blocks, CLI commands). One line per capability.
 */
import './templates/demo-step.js';
