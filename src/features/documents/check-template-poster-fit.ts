/**
 * For the template editor (SWV admin): does the parent poster still fit on one A4 page when a
 * school writes every editable parent text at its maximum length? Checked on publishing a template
 * version (and may be shown while editing), so the SWV learns before schools do that its poster
 * items and maximum lengths are too much for one page. Pure: template in, verdict out.
 */
import type { Answer } from '../templates/model/answer.js';
import { findScale, type TemplateDefinition } from '../templates/model/template.js';
import type { ProfileDocumentData } from './document-data.js';
import { checkParentPosterFits, listParentPosterEntries, POSTER_LIMITS } from './render/index.js';

export type TemplatePosterFit = { fits: true; fontSize: number } | { fits: false; message: string };

const FILLER = 'Wij helpen uw kind in de klas en in een klein groepje, samen met u en met de leerkracht. ';

function textOfLength(length: number): string {
  return FILLER.repeat(Math.ceil(length / FILLER.length)).slice(0, length).trimEnd();
}

/** A school that answers every parent-poster item with the norm's answer and writes the longest parent texts allowed. */
function worstCaseData(template: TemplateDefinition): ProfileDocumentData {
  const answers: Record<string, Answer> = {};
  for (const section of template.sections) {
    for (const item of section.items) {
      if (!item.posters.parent) continue;
      const options = findScale(template, item.scale)?.options ?? [];
      // The longest option label gives the longest tag under the entry.
      const longestOption = options.slice().sort((a, b) => (b.parentLabel ?? b.label).length - (a.parentLabel ?? a.label).length)[0];
      const value = item.norm?.accept?.[0] ?? longestOption?.value ?? null;
      answers[item.key] = { value, ambition: null, parentText: item.parentTextEditable ? textOfLength(item.parentTextMaxLength) : null };
    }
  }
  return {
    branding: { partnershipName: 'Samenwerkingsverband', primaryColor: '#1f4e79', parentSupportPoint: { name: 'Ouder- en jeugdsteunpunt', phone: '010 123 45 67', email: 'steunpunt@example.nl', website: 'https://www.example.nl/ouders' } },
    school: {
      name: 'Basisschool Voorbeeld',
      locationCode: '00AA00',
      boardName: 'Schoolbestuur',
      website: 'https://www.basisschool-voorbeeld.nl',
      contacts: [{ name: 'Voornaam Achternaam', role: 'Intern begeleider', topic: 'Extra ondersteuning en aanmelding', email: 'ib@basisschool-voorbeeld.nl' }],
    },
    schoolYear: '2026-2027',
    template,
    answers,
    limits: {},
    status: 'in_progress',
    generatedAt: new Date(0),
  };
}

export async function checkTemplatePosterFit(template: TemplateDefinition): Promise<TemplatePosterFit> {
  const data = worstCaseData(template);
  const result = await checkParentPosterFits(data);
  if (result.fits && result.fontSize !== null) return { fits: true, fontSize: result.fontSize };
  const entries = listParentPosterEntries(data);
  const editable = entries.filter((e) => e.item.parentTextEditable).sort((a, b) => b.item.parentTextMaxLength - a.item.parentTextMaxLength);
  const examples = editable.slice(0, 3).map((e) => `"${e.title}" (${e.item.parentTextMaxLength} tekens)`);
  return {
    fits: false,
    message:
      `De ouderposter past niet op één A4-pagina als scholen alle ${entries.length} teksten voor ouders zo lang maken als toegestaan, ook niet met de kleinste leesbare letter (${POSTER_LIMITS.minFontSizePt} pt). ` +
      `Zet minder vragen op de ouderposter, of maak de maximale lengte van de teksten voor ouders kleiner${examples.length ? `, bijvoorbeeld bij ${examples.join(', ')}` : ''}. ` +
      'Anders weigert het systeem later de teksten van scholen die niet meer passen.',
  };
}
