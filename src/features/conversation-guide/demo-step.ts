/**
 * Demo data for the conversation guide (issue 15): the demo SWV adopted the example guide for its template, and
 * Daltonschool Horizon recorded conclusions last year and one so far this year.
 */
import { demoSteps } from '../demo/seed-demo-data.js';
import { listProfilesOfSchool } from '../questionnaire/api.js';
import { listTemplates } from '../templates/api.js';
import { exampleGuide } from './example-guide.js';
import { upsertConclusion, upsertGuide } from './repository.js';

const CONCLUSIONS: Array<Record<string, string>> = [
  {
    algemeen: 'Het team herkent de school in de gegevens. Sinds vorig jaar zijn er meer nieuwkomers in de onderbouw; dat nemen we op in het SOP.',
    'belofte-1': 'Veiligheid in de klas is op orde; op het plein in de pauzes niet altijd. Afspraak: vaste pleinwachten en een korte evaluatie na de herfstvakantie.',
  },
  {
    'belofte-1': 'De pleinwachten werken. Het team wil de leerlingenraad vragen hoe zij het plein nu ervaren.',
  },
];

demoSteps.push(async ({ db, clock, ids }) => {
  const now = clock.now();
  for (const template of await listTemplates(db, ids.partnershipId)) {
    await upsertGuide(db, { partnershipId: ids.partnershipId, templateId: template.id, definition: exampleGuide(), updatedBy: null, updatedAt: now });
  }
  const schoolId = ids.schoolIds['horizon'];
  if (!schoolId) return;
  const profiles = (await listProfilesOfSchool(db, schoolId)).sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)).slice(-2);
  const sets = profiles.length === 2 ? CONCLUSIONS : CONCLUSIONS.slice(1);
  for (const [i, profile] of profiles.entries()) {
    for (const [sectionKey, text] of Object.entries(sets[i] ?? {})) await upsertConclusion(db, { profileId: profile.id, sectionKey, text, updatedBy: null, updatedAt: now });
  }
});
