import { demoCycleDates } from '../demo/demo-years.js';
import { demoSteps } from '../demo/seed-demo-data.js';
import { loadExampleTemplate } from './example-templates.js';
import { importTemplate } from './import-template.js';

/** The demo SWV works with the Zoetermeer example template, published for the previous and the current school year. */
demoSteps.push(async ({ db, clock, ids }) => {
  await importTemplate({ db, clock, partnershipId: ids.partnershipId, definition: loadExampleTemplate('zoetermeer-po'), actorUserId: null, publishForYear: demoCycleDates(clock.now()).current.schoolYear });
});
