/** The column reader of year over year (SummaryColumns) classes every packed code as cellStatus reads it. */
import { describe, expect, it } from 'vitest';
import { cellStatus } from './figures.js';
import type { InsightSchool } from './repository.js';
import { countCoverageFromSummaries, countCoverageInColumns, SchoolSummaries, schoolsWithChoice, schoolsWithChoiceInColumns, SummaryColumns, SWV_CLASS, type PackedSchool } from './summary.js';

describe('SummaryColumns', () => {
  it('gives every one of the 32 status codes the class of its cellStatus (ambition and below alike, cannot judge apart)', () => {
    const slots = { slotOf: new Map([['other', 0], ['item', 1]]), options: [null, null] };
    const bySchool = new Map<string, PackedSchool>();
    for (let code = 0; code < 32; code++) bySchool.set(`school-${code}`, { slots, statuses: `0${String.fromCharCode(48 + code)}`, choices: '--', lastSavedAt: null });
    const summaries = new SchoolSummaries(bySchool);
    const ids = [...bySchool.keys(), 'no-profile'];
    const classes = new SummaryColumns(summaries, ids).swvClasses('item');
    const expected = { meets: SWV_CLASS.meets, below: SWV_CLASS.below, ambition: SWV_CLASS.below, 'cannot-judge': SWV_CLASS.cannotJudge, unanswered: SWV_CLASS.none };
    for (const [index, id] of ids.entries()) expect([id, classes[index]]).toEqual([id, expected[cellStatus(summaries.cell(id, 'item'), 'swv')]]);
    expect(new SummaryColumns(summaries, ids).swvClasses('not-in-template').every((value) => value === SWV_CLASS.none)).toBe(true);
  });

  it('counts coverage and finds the offering schools as the per-cell reader does, over two template versions', () => {
    // Two versions that number the items differently and order the options differently.
    const v1 = { slotOf: new Map([['a', 0], ['b', 1]]), options: [['x', 'y', 'z'], ['p', 'q']] };
    const v2 = { slotOf: new Map([['b', 0], ['a', 1]]), options: [['q', 'p'], ['z', 'y', 'x']] };
    const bySchool = new Map<string, PackedSchool>();
    const schools: InsightSchool[] = [];
    for (let n = 0; n < 40; n++) {
      const id = `s${n}`;
      schools.push({ id, boardId: `board-${n % 3}`, districtId: n % 4 === 0 ? null : `district-${n % 5}` } as InsightSchool);
      if (n % 7 === 6) continue; // no profile this year
      const slots = n % 2 === 0 ? v1 : v2;
      const pick = (count: number, salt: number) => ((n * 7 + salt) % (count + 1) === count ? '-' : String.fromCharCode(48 + ((n * 7 + salt) % (count + 1))));
      bySchool.set(id, { slots, statuses: '00', choices: `${pick(slots.options[0]!.length, 1)}${pick(slots.options[1]!.length, 2)}`, lastSavedAt: null });
    }
    const summaries = new SchoolSummaries(bySchool);
    const columns = new SummaryColumns(summaries, schools.map((school) => school.id));
    const sorted = <T,>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();
    for (const by of ['district', 'board'] as const) {
      expect(sorted(countCoverageInColumns(columns, schools, ['a', 'b', 'c'], by))).toEqual(sorted(countCoverageFromSummaries(summaries, schools, ['a', 'b', 'c'], by)));
    }
    const pairs = [{ itemKey: 'a', value: 'x' }, { itemKey: 'b', value: 'q' }, { itemKey: 'c', value: 'x' }];
    expect(sorted(schoolsWithChoiceInColumns(columns, schools, pairs))).toEqual(sorted(schoolsWithChoice(summaries, schools, pairs)));
    expect(countCoverageInColumns(columns, schools, ['a'], 'district').length).toBeGreaterThan(3);
  });
});
