import { demoSteps } from '../demo/seed-demo-data.js';
import { insertProfile } from '../questionnaire/profiles-repository.js';
import { findTemplateByKey, latestVersion } from '../templates/repository.js';
import { insertCycle } from './repository.js';

/**
 * The demo SWV's cycle for 2026-2027 with a profile for every school.
 * De Regenboog and De Vlinder stay editable for the questionnaire and cycle demos.
 */
demoSteps.push(async ({ db, clock, ids }) => {
  const template = await findTemplateByKey(db, ids.partnershipId, 'zoetermeer-po');
  const version = template && (await latestVersion(db, template.id, 'published'));
  if (!version) throw new Error('demo: het voorbeeldsjabloon is niet gepubliceerd');
  const now = clock.now();
  await insertCycle(db, {
    id: crypto.randomUUID(),
    partnershipId: ids.partnershipId,
    schoolYear: '2026-2027',
    opensOn: '2026-02-01',
    submitDeadline: '2026-11-01',
    closesOn: '2026-12-24',
    templateVersionId: version.id,
    openedAt: now,
    createdAt: now,
  });
  for (const schoolId of Object.values(ids.schoolIds)) {
    await insertProfile(db, { id: crypto.randomUUID(), partnershipId: ids.partnershipId, schoolId, schoolYear: '2026-2027', templateVersionId: version.id, createdAt: now });
  }
});
