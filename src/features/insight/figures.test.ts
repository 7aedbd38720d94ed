/** The insight arithmetic on hand-made rows: statuses, shares, coverage holes, year-over-year comparability, CSV. */
import { describe, expect, it } from 'vitest';
import { diffTemplateVersions } from '../templates/model/diff-versions.js';
import { templateSchema, type TemplateInput } from '../templates/model/template.js';
import { buildTestTemplate } from '../templates/model/test-template.js';
import { cellStatus, computeCoverage, coverageHoles, emptyTally, meetsShare } from './figures.js';
import { compareStatuses, comparabilityOf } from './load-year-comparison.js';
import type { AnswerValueRow, InsightSchool } from './repository.js';
import { csvField, tablesToCsv } from './sheets.js';

function school(id: string, name: string, districtId: string | null, districtName: string | null, boardId = 'b1'): InsightSchool {
  return { id, name, locationCode: `${id}00`, boardId, boardName: boardId === 'b1' ? 'Stichting Noord' : 'Stichting Zuid', districtId, districtName, sector: 'po', schoolTypes: ['bao'], pupils: null, profileId: `p-${id}`, status: 'in_progress', submittedAt: null, templateVersionId: 'v' };
}

const coverageTemplate = templateSchema.parse({
  format: 'opensop-template/1',
  key: 'dekking',
  name: 'Dekking',
  scales: [
    {
      key: 'niveau',
      name: 'Niveau',
      options: [
        { value: 'school', label: 'Op schoolniveau' },
        { value: '3', label: 'Op wijkniveau' },
        { value: 'swv', label: 'Via het samenwerkingsverband' },
        { value: 'niet', label: 'Niet beschikbaar', notOffered: true },
      ],
    },
  ],
  sections: [{ key: 'extra', kind: 'extra', title: 'Extra', items: [{ key: 'dyscalculie', kind: 'availability', title: 'Aanbod dyscalculie', scale: 'niveau' }] }],
} satisfies TemplateInput);

describe('insight figures', () => {
  it('reads a cell from the stored statuses: cannot judge is its own status, below with an ambition is "ambition"', () => {
    expect(cellStatus(undefined, 'swv')).toBe('unanswered');
    expect(cellStatus({ normStatus: 'cannot-judge', nationalNormStatus: null, hasAmbition: false }, 'swv')).toBe('cannot-judge');
    expect(cellStatus({ normStatus: 'below', nationalNormStatus: 'meets', hasAmbition: true }, 'swv')).toBe('ambition');
    expect(cellStatus({ normStatus: 'below', nationalNormStatus: 'meets', hasAmbition: true }, 'national')).toBe('meets');
    expect(cellStatus({ normStatus: null, nationalNormStatus: null, hasAmbition: true }, 'swv')).toBe('ambition');
  });

  it('counts the share of judged answers only', () => {
    const tally = { ...emptyTally(), meets: 3, below: 1, 'cannot-judge': 1, unanswered: 10 };
    expect(meetsShare(tally)).toBeCloseTo(0.6);
    expect(meetsShare(emptyTally())).toBeNull();
  });

  it('finds the districts where no school offers it at school level, with the nearest level and who offers it elsewhere', () => {
    const schools = [school('a', 'De Esdoorn', 'd1', 'Centrum'), school('b', 'De Wilg', 'd2', 'Noord'), school('c', 'Het Anker', 'd2', 'Noord'), school('d', 'De Brug', null, null, 'b2')];
    // An option value that looks like a number ("3") stays an option, not a count.
    const values: AnswerValueRow[] = [
      { schoolId: 'a', itemKey: 'dyscalculie', value: 'school', ambition: null },
      { schoolId: 'b', itemKey: 'dyscalculie', value: '3', ambition: null },
      { schoolId: 'c', itemKey: 'dyscalculie', value: 'niet', ambition: null },
    ];
    const items = computeCoverage({ template: coverageTemplate, schools, values, by: 'district', noDistrict: 'Zonder wijk' });
    const cells = items[0]!.cells;
    expect(cells.map((cell) => cell.group.name)).toEqual(['Centrum', 'Noord', 'Zonder wijk']);
    expect(cells[1]!.perLevel).toEqual({ school: 0, '3': 1, swv: 0, niet: 1 });
    expect(cells[2]!.unanswered).toBe(1);
    const holes = coverageHoles(items, schools, values);
    expect(holes.map((hole) => [hole.group.name, hole.nearest?.label ?? null, hole.elsewhere])).toEqual([
      ['Noord', 'Op wijkniveau', ['De Esdoorn']],
      ['Zonder wijk', null, ['De Esdoorn']],
    ]);
    const perBoard = computeCoverage({ template: coverageTemplate, schools, values, by: 'board', noDistrict: 'Zonder wijk' });
    expect(perBoard[0]!.cells.map((cell) => [cell.group.name, cell.atSchool])).toEqual([
      ['Stichting Noord', 1],
      ['Stichting Zuid', 0],
    ]);
  });

  it('compares an item across versions only where the carry-over rule calls it the same, and marks a norm change', () => {
    const before = buildTestTemplate((input) => {
      input.sections[0]!.items![0]!.norm = { accept: ['actief-toegepast'] };
    });
    const normChanged = buildTestTemplate((input) => {
      input.sections[0]!.items![0]!.norm = { accept: ['actief-toegepast', 'beschikbaar'] };
    });
    const kindChanged = buildTestTemplate((input) => {
      input.sections[0]!.items![0] = { key: 'protocol-dyslexie', kind: 'yesno', title: 'Protocol dyslexie', norm: { equals: true } };
    });
    const diffOf = (next: typeof before) => diffTemplateVersions(before, next).items.find((item) => item.key === 'protocol-dyslexie');
    expect(comparabilityOf(diffOf(before))).toBe('same');
    expect(comparabilityOf(diffOf(normChanged))).toBe('norm-changed');
    expect(comparabilityOf(diffOf(kindChanged))).toBe('changed');
    expect(comparabilityOf(undefined)).toBe('new');
    expect(compareStatuses('below', 'meets')).toBe('rose');
    expect(compareStatuses('meets', 'ambition')).toBe('fell');
    expect(compareStatuses('cannot-judge', 'meets')).toBeNull();
    expect(compareStatuses('meets', 'cannot-judge')).toBeNull();
  });

  it('writes CSV that Dutch Excel opens: BOM, semicolons, quotes, no formulas', () => {
    expect(csvField('Wijk; Noord')).toBe('"Wijk; Noord"');
    expect(csvField('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
    expect(csvField(-3)).toBe('-3');
    expect(tablesToCsv([{ name: 'A', headers: ['School', 'Aantal'], rows: [['De "Wilg"', 3]] }])).toBe('\uFEFFSchool;Aantal\r\n"De ""Wilg""";3\r\n');
  });
});
