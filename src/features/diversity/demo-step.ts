/**
 * Demo data for the diversity index (issue 15): the demo SWV uses the example categories (from the previous school
 * year on, with the heavy category's factor raised to 2,25 from this year on, so the overview shows that a change
 * of factors leaves last year alone), and several demo schools have groups with counts over two school years.
 * Counts only, never names. De Regenboog and De Vlinder are left empty for the walkthroughs and tests.
 */
import { demoCycleDates } from '../demo/demo-years.js';
import { demoSteps } from '../demo/seed-demo-data.js';
import { exampleIndex } from './index-format.js';
import { insertCategory, insertGroupsWithCounts, upsertCategoryFactor, type GroupCountRow } from './repository.js';

const SCHOOLS = ['horizon', 'klimop', 'sint-jozef', 'fontein', 'wereldwijzer'] as const;
const GROUPS = ['Groep 1/2a', 'Groep 1/2b', 'Groep 3', 'Groep 4', 'Groep 5', 'Groep 6', 'Groep 7', 'Groep 8'];

demoSteps.push(async ({ db, clock, ids }) => {
  const now = clock.now();
  const { previous, current } = demoCycleDates(now);
  const categoryIds: string[] = [];
  let position = 0;
  for (const category of exampleIndex().categories) {
    const id = crypto.randomUUID();
    categoryIds.push(id);
    await insertCategory(db, { id, partnershipId: ids.partnershipId, name: category.name, factorHundredths: category.factorHundredths, position: ++position, createdAt: now, updatedAt: now });
    await upsertCategoryFactor(db, { categoryId: id, schoolYear: previous.schoolYear, factorHundredths: category.factorHundredths });
  }
  await upsertCategoryFactor(db, { categoryId: categoryIds[2]!, schoolYear: current.schoolYear, factorHundredths: 225 });
  const groups: Parameters<typeof insertGroupsWithCounts>[1] = [];
  const allCounts: GroupCountRow[] = [];
  for (const [s, key] of SCHOOLS.entries()) {
    const schoolId = ids.schoolIds[key];
    if (!schoolId) continue;
    for (const [y, year] of [previous.schoolYear, current.schoolYear].entries()) {
      // A fixed pattern per school and year: 5 to 8 groups of 19 to 29 pupils, some pupils in each category.
      for (const [g, name] of GROUPS.slice(0, 5 + ((s + y) % 4)).entries()) {
        const pupils = 19 + ((s * 7 + g * 3 + y * 5) % 11);
        const groupId = crypto.randomUUID();
        groups.push({ id: groupId, partnershipId: ids.partnershipId, schoolId, schoolYear: year, name, pupilCount: pupils, updatedBy: null, updatedAt: now });
        const counts = [(s + g + y) % 5, (s * 2 + g) % 4, (g + y + s) % 3, (s + g * y) % 2].map((n, i) => ({ groupId, categoryId: categoryIds[i]!, pupils: n }));
        allCounts.push(...counts.filter((c) => c.pupils > 0));
      }
    }
  }
  await insertGroupsWithCounts(db, groups, allCounts);
});
