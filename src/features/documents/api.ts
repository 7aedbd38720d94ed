/**
 * What other features may use of documents (docs/conventions.md, "Boundaries"). Another feature imports this module,
 * never documents' repository, schema or internals.
 */
export { PDF_FONT, renderPdf } from './render/pdf-runtime.js';
export { escapeHtml } from './render/profile-view.js';
