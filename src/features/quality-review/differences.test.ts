import { describe, expect, it } from 'vitest';
import { differenceOf, rowStatus, stepsApart } from './differences.js';
import { QUALITY_FORMAT, type QualityStandards } from './model.js';

const standards: QualityStandards = {
  format: QUALITY_FORMAT,
  name: 'Basiskwaliteit SWV Rijnmond',
  scale: [
    { key: 'zwak', label: 'Zwak' },
    { key: 'op-orde', label: 'Op orde' },
    { key: 'sterk', label: 'Sterk' },
  ],
  domains: [{ key: 'klimaat', title: 'Schoolklimaat', indicators: [{ key: 'veilig', text: 'De school meet de veiligheid jaarlijks.' }, { key: 'pesten', text: 'Er is een pestcoördinator.' }] }],
};

const checklists = (self: Record<string, string | null>, review: Record<string, string | null>, resolutions: Record<string, string | null> = {}) => ({
  standards,
  selfRatings: new Map(Object.entries(self).map(([k, levelKey]) => [k, { levelKey }])),
  reviewRatings: new Map(Object.entries(review).map(([k, levelKey]) => [k, { levelKey }])),
  resolutions: new Map(Object.entries(resolutions).map(([k, agreedLevelKey]) => [k, { agreedLevelKey }])),
});

describe('differences between self-assessment and review', () => {
  it('is a difference only when both rated and the levels differ', () => {
    expect(rowStatus(checklists({ veilig: 'sterk' }, { veilig: 'sterk' }), 'veilig')).toBe('same');
    expect(rowStatus(checklists({ veilig: 'sterk' }, { veilig: 'op-orde' }), 'veilig')).toBe('difference');
    expect(rowStatus(checklists({ veilig: 'sterk' }, {}), 'veilig')).toBe('incomplete');
    expect(rowStatus(checklists({ veilig: null }, { veilig: 'zwak' }), 'veilig')).toBe('incomplete');
  });

  it('is discussed with a note and resolved once a level is agreed', () => {
    expect(rowStatus(checklists({ veilig: 'sterk' }, { veilig: 'zwak' }, { veilig: null }), 'veilig')).toBe('discussed');
    expect(rowStatus(checklists({ veilig: 'sterk' }, { veilig: 'zwak' }, { veilig: 'op-orde' }), 'veilig')).toBe('resolved');
  });

  it('refuses unknown indicators and indicators without a difference', () => {
    expect(differenceOf(checklists({ veilig: 'sterk' }, { veilig: 'zwak' }), 'veilig')).toEqual({ indicatorKey: 'veilig' });
    expect(differenceOf(checklists({ veilig: 'sterk' }, { veilig: 'sterk' }), 'veilig')).toBeNull();
    expect(differenceOf(checklists({ anders: 'sterk' }, { anders: 'zwak' }), 'anders')).toBeNull();
  });

  it('counts steps by position in the scale, not by any numeric value', () => {
    expect(stepsApart(standards, 'sterk', 'zwak')).toBe(2);
    expect(stepsApart(standards, 'zwak', 'op-orde')).toBe(-1);
  });
});
