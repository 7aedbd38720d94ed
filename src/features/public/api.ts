/** What other features may use of the public pages (test/feature-boundaries.test.ts). */
export { publicContentChanged } from './response-cache.js';
