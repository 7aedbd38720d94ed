/**
 * Which of a profile's texts reach parents, and the plain-language hints for each (issue 13): the school's own
 * parent texts (posters, the school-guide chapter, public pages) and the free-text answers with a role, which the
 * documents quote for parents (limits, extra support, …). Shown beside the field and on the check page.
 */
import { plainLanguageHints, type JargonWord, type PlainLanguageHint } from '../partnerships/plain-language.js';
import type { Answer } from '../templates/model/answer.js';
import type { TemplateDefinition } from '../templates/model/template.js';

export interface ParentTextHints {
  sectionKey: string;
  itemKey: string;
  title: string;
  /** Which text: the school's parent version, or the answer itself. */
  field: 'parentText' | 'value';
  hints: PlainLanguageHint[];
}

export function parentTextHints(template: TemplateDefinition, answers: Record<string, Pick<Answer, 'value' | 'parentText'>>, wordList: readonly JargonWord[]): ParentTextHints[] {
  const found: ParentTextHints[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      const answer = answers[item.key];
      if (!answer) continue;
      if (item.parentTextEditable && answer.parentText) {
        const hints = plainLanguageHints(answer.parentText, wordList);
        if (hints.length) found.push({ sectionKey: section.key, itemKey: item.key, title: item.title, field: 'parentText', hints });
      }
      if (item.role && (item.kind === 'text' || item.kind === 'longtext') && typeof answer.value === 'string') {
        const hints = plainLanguageHints(answer.value, wordList);
        if (hints.length) found.push({ sectionKey: section.key, itemKey: item.key, title: item.title, field: 'value', hints });
      }
    }
  }
  return found;
}
