/**
 * What other features may use of the public pages' views (docs/conventions.md, "Boundaries"): the layout the pupil
 * poll's pages share with the parents' pages.
 */
export { PublicLayout, publicHref } from './layout.js';
