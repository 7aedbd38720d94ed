import { demoCycleDates } from '../demo/demo-years.js';
import { demoSteps } from '../demo/seed-demo-data.js';
import { demoPartnership } from '../demo/demo-organisation.js';
import { loadDemoTemplate } from './example-templates.js';
import { importTemplate } from './import-template.js';

/** The demo SWV works with the Zoetermeer example template (named after the demo SWV), published for the previous and the current school year. */
demoSteps.push(async ({ db, clock, ids }) => {
  await importTemplate({ db, clock, partnershipId: ids.partnershipId, definition: loadDemoTemplate(demoPartnership.name), actorUserId: null, publishForYear: demoCycleDates(clock.now()).current.schoolYear });
});
