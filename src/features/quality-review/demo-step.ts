/**
 * Demo data for the self-assessment with review checklist (issue 15): the demo SWV works with the shipped example
 * standards (still marked as an example); four schools rated themselves this school year; the adviser's shared
 * review of De Regenboog differs on three indicators — one resolved, one being discussed, one still open.
 */
import { demoSteps } from '../demo/seed-demo-data.js';
import { schoolYearOf } from '../templates/school-year.js';
import { loadExampleStandards } from './example-standards.js';
import { indicatorsOf } from './model.js';
import { insertAssessment, replaceRatings, saveResolution, saveStandards } from './repository.js';

type Ratings = Record<string, [string, string?]>;

/** The school's own ratings: mostly "voldoende", with its strengths and weak spots. */
const SELF: Record<string, { by: string; name: string; ratings: Ratings }> = {
  regenboog: {
    by: 'ib@regenboog.example',
    name: 'Fatima el Idrissi',
    ratings: {
      'aanbod-kerndoelen': ['goed', 'Methodes dekken de kerndoelen; jaarlijks getoetst in de werkgroep aanbod.'],
      'aanbod-doorgaande-lijn': ['goed', 'Leerlijnen van groep 1 t/m 8 staan in het kwaliteitshandboek.'],
      'zicht-analyse': ['goed', 'Groepsbesprekingen drie keer per jaar met de intern begeleider.'],
      'didactiek-afstemming': ['goed', 'Instructie op drie niveaus in alle groepen.'],
      'klimaat-veiligheid': ['voldoende', 'Veiligheidsmonitor jaarlijks in groep 5 t/m 8.'],
      'resultaten-ambities': ['voldoende', 'Schoolambities vastgesteld in het jaarplan.'],
    },
  },
  klimop: { by: 'ib@klimop.example', name: 'Intern begeleider De Klimop', ratings: { 'aanbod-kerndoelen': ['voldoende'], 'zicht-volgsysteem': ['goed'], 'klimaat-pesten': ['voldoende'], 'resultaten-eindtoets': ['onvoldoende', 'Twee jaar onder de signaleringswaarde rekenen; verbeterplan loopt.'] } },
  horizon: { by: 'ib@horizon.example', name: 'Yusuf Demir', ratings: { 'aanbod-kerndoelen': ['goed'], 'didactiek-uitleg': ['excellent', 'Dalton: uitleg in kleine kringen, dagelijks.'], 'klimaat-omgang': ['goed'] } },
  'sint-jozef': { by: 'ib@sint-jozef.example', name: 'Intern begeleider Sint Jozef', ratings: { 'aanbod-kerndoelen': ['voldoende'], 'zicht-ouders': ['goed'], 'klimaat-veiligheid': ['voldoende'] } },
};

/** The adviser's review of De Regenboog: differs on "doorgaande lijn" (resolved), "analyse" (discussed), "afstemming" (open). */
const REVIEW: Ratings = {
  'aanbod-kerndoelen': ['goed', 'Aanbod in orde.'],
  'aanbod-doorgaande-lijn': ['voldoende', 'Lijn groep 2 naar 3 is in de praktijk nog niet overal zichtbaar.'],
  'zicht-analyse': ['voldoende', 'Analyses zijn beschrijvend; conclusies voor de instructie ontbreken soms.'],
  'didactiek-afstemming': ['voldoende', 'In twee van de vier bezochte groepen één instructieniveau gezien.'],
  'klimaat-veiligheid': ['voldoende'],
  'resultaten-ambities': ['voldoende'],
};

demoSteps.push(async ({ db, clock, ids }) => {
  const now = clock.now();
  const schoolYear = schoolYearOf(now);
  const standards = loadExampleStandards();
  const known = new Set(indicatorsOf(standards).map((indicator) => indicator.key));
  await saveStandards(db, { partnershipId: ids.partnershipId, definition: standards, updatedBy: ids.userIds['swv@voorbeeldstad.example'] ?? null, updatedAt: now });
  const rows = (ratings: Ratings) => Object.entries(ratings).filter(([key]) => known.has(key)).map(([indicatorKey, [levelKey, remark]]) => ({ indicatorKey, levelKey, remark: remark ?? null }));
  for (const [school, self] of Object.entries(SELF)) {
    const schoolId = ids.schoolIds[school];
    if (!schoolId) continue;
    const id = crypto.randomUUID();
    await insertAssessment(db, { id, partnershipId: ids.partnershipId, schoolId, schoolYear, kind: 'self', updatedBy: ids.userIds[self.by] ?? null, updatedByName: self.name, updatedAt: now });
    await replaceRatings(db, id, rows(self.ratings));
  }
  const adviser = ids.userIds['adviseur@voorbeeldstad.example'] ?? null;
  const reviewId = crypto.randomUUID();
  const visit = new Date(now.getTime() - 14 * 86_400_000).toISOString().slice(0, 10);
  await insertAssessment(db, { id: reviewId, partnershipId: ids.partnershipId, schoolId: ids.schoolIds['regenboog']!, schoolYear, kind: 'review', visitedOn: visit, sharedAt: now, updatedBy: adviser, updatedByName: 'Olga Ouwehand', updatedAt: now });
  await replaceRatings(db, reviewId, rows(REVIEW));
  await saveResolution(db, {
    reviewId,
    indicatorKey: 'aanbod-doorgaande-lijn',
    agreedLevelKey: 'voldoende',
    note: 'Besproken met IB en directie: de overgang van groep 2 naar 3 wordt dit jaar uitgewerkt; tot dan voldoende.',
    recordedBy: adviser,
    recordedByName: 'Olga Ouwehand',
    recordedAt: now,
  });
  await saveResolution(db, { reviewId, indicatorKey: 'zicht-analyse', agreedLevelKey: null, note: 'Voorbeeld van een groepsanalyse meenemen naar het volgende gesprek.', recordedBy: adviser, recordedByName: 'Olga Ouwehand', recordedAt: now });
});
