/**
 * The questionnaire's view parts other features show: the norm status tag and an item's anchor (the cycle's check
 * pages, insight), the section address, and the questionnaire pages themselves for the template editor's preview.
 */
export { itemAnchor, NormStatusTag, PlainLanguageTips } from './item-field.js';
export { type PreviewLinks, SectionPage, sectionPath, WelcomePage } from './pages.js';
