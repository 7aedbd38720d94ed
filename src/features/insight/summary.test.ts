/** The column reader of year over year (SummaryColumns) classes every packed code as cellStatus reads it. */
import { describe, expect, it } from 'vitest';
import { cellStatus } from './figures.js';
import { SchoolSummaries, SummaryColumns, SWV_CLASS, type PackedSchool } from './summary.js';

describe('SummaryColumns', () => {
  it('gives every one of the 32 status codes the class of its cellStatus (ambition and below alike, cannot judge apart)', () => {
    const slots = { slotOf: new Map([['other', 0], ['item', 1]]), options: [null, null] };
    const bySchool = new Map<string, PackedSchool>();
    for (let code = 0; code < 32; code++) bySchool.set(`school-${code}`, { slots, statuses: `0${String.fromCharCode(48 + code)}`, choices: '--', lastSavedAt: null });
    const summaries = new SchoolSummaries(bySchool);
    const ids = [...bySchool.keys(), 'no-profile'];
    const classes = new SummaryColumns(summaries, ids).swvClasses('item');
    const expected = { meets: SWV_CLASS.meets, below: SWV_CLASS.below, ambition: SWV_CLASS.below, 'cannot-judge': SWV_CLASS.cannotJudge, unanswered: SWV_CLASS.none };
    ids.forEach((id, index) => expect([id, classes[index]]).toEqual([id, expected[cellStatus(summaries.cell(id, 'item'), 'swv')]]));
    expect(new SummaryColumns(summaries, ids).swvClasses('not-in-template').every((value) => value === SWV_CLASS.none)).toBe(true);
  });
});
