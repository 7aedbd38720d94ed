import { describe, expect, it } from 'vitest';
import { careLoadFigure, combinedCareLoad, groupCareLoad, roundIndex } from './care-load.js';

describe('care load (diversity index arithmetic)', () => {
  it('counts the pupils without a special need at factor 1', () => {
    // 26 pupils: 3 at 1,5, 2 at 2, 1 at 4 → 20×1 + 4,5 + 4 + 4 = 32,5 points; 32,5 ÷ 26 = 1,25
    const load = groupCareLoad({ pupilCount: 26, counts: [{ pupils: 3, factorHundredths: 150 }, { pupils: 2, factorHundredths: 200 }, { pupils: 1, factorHundredths: 400 }] });
    expect(load.pointsHundredths).toBe(3250);
    expect(load.index).toBe(1.25);
  });

  it('gives 1,0 for a group without any special need, also without categories', () => {
    expect(groupCareLoad({ pupilCount: 24, counts: [] }).index).toBe(1);
    expect(groupCareLoad({ pupilCount: 24, counts: [{ pupils: 0, factorHundredths: 400 }] }).index).toBe(1);
  });

  it('has no index for an empty group (zero pupils), and zero points', () => {
    expect(groupCareLoad({ pupilCount: 0, counts: [{ pupils: 0, factorHundredths: 200 }] })).toEqual({ pupils: 0, pointsHundredths: 0, index: null });
  });

  it('handles a group where every pupil has a need', () => {
    expect(groupCareLoad({ pupilCount: 8, counts: [{ pupils: 8, factorHundredths: 400 }] }).index).toBe(4);
  });

  it('refuses more pupils in categories than in the group', () => {
    expect(() => groupCareLoad({ pupilCount: 2, counts: [{ pupils: 3, factorHundredths: 150 }] })).toThrow();
  });

  it('combines groups by total points over total pupils, not by averaging indexes', () => {
    const small = groupCareLoad({ pupilCount: 10, counts: [{ pupils: 10, factorHundredths: 200 }] }); // index 2
    const large = groupCareLoad({ pupilCount: 30, counts: [] }); // index 1
    const school = combinedCareLoad([small, large]);
    expect(school).toEqual({ pupils: 40, pointsHundredths: 5000, index: 1.25 });
    expect(combinedCareLoad([]).index).toBeNull();
    expect(combinedCareLoad([groupCareLoad({ pupilCount: 0, counts: [] }), large]).index).toBe(1);
  });

  it('rounds for display to two decimals', () => {
    const load = groupCareLoad({ pupilCount: 3, counts: [{ pupils: 1, factorHundredths: 150 }] }); // 3,5 / 3
    expect(roundIndex(load.index!)).toBe(1.17);
  });

  it('gives the figure of the chosen arithmetic, skipping empty groups in the weighted group size', () => {
    const a = groupCareLoad({ pupilCount: 25, counts: [{ pupils: 5, factorHundredths: 200 }] }); // 30 points, index 1,2
    const b = groupCareLoad({ pupilCount: 20, counts: [] }); // 20 points, index 1
    const empty = groupCareLoad({ pupilCount: 0, counts: [] });
    expect(careLoadFigure([a], 'points-per-pupil')).toBe(1.2);
    expect(careLoadFigure([a], 'weighted-group-size')).toBe(30);
    expect(careLoadFigure([a, b, empty], 'points-per-pupil')).toBe(50 / 45);
    expect(careLoadFigure([a, b, empty], 'weighted-group-size')).toBe(25);
    expect(careLoadFigure([empty], 'weighted-group-size')).toBeNull();
    expect(careLoadFigure([empty], 'points-per-pupil')).toBeNull();
    expect(careLoadFigure([], 'weighted-group-size')).toBeNull();
  });

  it('keeps factors below 1 and a factor of 0 exact (a category that lightens the load)', () => {
    const load = groupCareLoad({ pupilCount: 4, counts: [{ pupils: 2, factorHundredths: 0 }, { pupils: 1, factorHundredths: 75 }] });
    expect(load.pointsHundredths).toBe(175);
    expect(load.index).toBe(0.4375);
  });

  it('counts a group whose pupils are all in one category and one with one pupil', () => {
    expect(groupCareLoad({ pupilCount: 1, counts: [{ pupils: 1, factorHundredths: 150 }] }).index).toBe(1.5);
    expect(groupCareLoad({ pupilCount: 1, counts: [] }).index).toBe(1);
  });
});
