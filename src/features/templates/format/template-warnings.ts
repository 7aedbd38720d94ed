/**
 * What is allowed in a template but will surprise the SWV in the documents: said as warnings (the
 * file is still valid and imports), at import, on `template validate` and in the editor.
 * - No item or section asks for the school's limits ("wat kan de school niet?"): then none reach
 *   the SOP's limits chapter, the school-guide chapter or the parent poster.
 * - A free-text item carries a `parentText`: the documents show the school's own text there, never
 *   the template's sentence, so that text is not used.
 */
import type { TemplateDefinition } from '../model/template.js';
import type { TemplateReferenceIssue } from './validate-template-references.js';

export function templateWarnings(template: TemplateDefinition): TemplateReferenceIssue[] {
  const warnings: TemplateReferenceIssue[] = [];
  const asksLimits = template.sections.some((section) => section.asksLimits || section.items.some((item) => item.role === 'limits'));
  if (!asksLimits) {
    warnings.push({
      path: ['sections'],
      message:
        'geen enkele vraag of onderdeel vraagt naar de grenzen van de ondersteuning (wat kan de school niet?), dus er komen geen grenzen in het SOP, het hoofdstuk voor de schoolgids en de ouderposter; zet "role: limits" bij de tekstvraag die daarnaar vraagt, of "asksLimits: true" bij een onderdeel',
    });
  }
  template.sections.forEach((section, sectionIndex) =>
    section.items.forEach((item, itemIndex) => {
      if ((item.kind === 'text' || item.kind === 'longtext') && item.parentText !== undefined) {
        warnings.push({
          path: ['sections', sectionIndex, 'items', itemIndex, 'parentText'],
          message: `bij een tekstvraag tonen de documenten de tekst van de school (of haar eigen tekst voor ouders), niet deze "parentText"; schrijf een kop voor ouders in "parentTitle" en haal "parentText" weg`,
        });
      }
    }),
  );
  return warnings;
}
