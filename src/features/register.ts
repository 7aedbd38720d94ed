/**
 * Imports every feature module that plugs into shared registries (routes, jobs,
 * demo steps, school page blocks). One import here per capability.
 */
export {};
