import { demoPartnership } from '../demo/demo-organisation.js';
import { demoCycleDates } from '../demo/demo-years.js';
import { demoSteps } from '../demo/seed-demo-data.js';
import { loadDemoTemplate } from '../templates/example-templates.js';
import { importTemplate } from '../templates/import-template.js';
import type { TemplateDefinition } from '../templates/model/template.js';

/**
 * The questionnaire as it was the previous year (demo-years.ts): one item the SWV added this year is missing, one item
 * was worded differently, and one item was dropped since. Imported before the current year's version
 * (register.ts imports this step before the templates' step), so version numbers follow the years.
 */
export function previousYearTemplate(current: TemplateDefinition): TemplateDefinition {
  const copy = structuredClone(current);
  const promises = copy.sections.filter((section) => section.kind === 'promise');
  const first = promises[0]!;
  first.items.pop();
  const changed = promises[1]!.items[1]!;
  changed.title = `${changed.title.replace(/\?$/, '')} (vorige formulering)?`;
  first.items.push({
    key: 'overleg-peuterspeelzaal',
    kind: 'yesno',
    title: 'Heeft de school structureel overleg met de peuterspeelzaal of het kinderdagverblijf?',
    required: true,
    origin: 'swv',
    ambition: false,
    parentTextEditable: false,
    parentTextMaxLength: 250,
    posters: { parent: false, teacher: false },
  });
  return copy;
}

demoSteps.push(async ({ db, clock, ids }) => {
  await importTemplate({ db, clock, partnershipId: ids.partnershipId, definition: previousYearTemplate(loadDemoTemplate(demoPartnership.name)), actorUserId: null, publishForYear: demoCycleDates(clock.now()).previous.schoolYear });
});
