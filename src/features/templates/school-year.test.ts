import { describe, expect, it } from 'vitest';
import { versionYearWarning } from './school-year.js';

describe('versionYearWarning', () => {
  it('warns, in Dutch, when a cycle uses a version published for another school year', () => {
    expect(versionYearWarning({ number: 3, schoolYear: '2026-2027' }, '2027-2028')).toBe(
      'Versie 3 van de vragenlijst is gepubliceerd voor schooljaar 2026-2027, niet voor 2027-2028. Scholen vullen dan die vragenlijst in. Is dat de bedoeling, dan kunt u zo verder; anders publiceert u eerst een versie voor 2027-2028 en kiest u die.',
    );
  });

  it('says nothing when the years match or are unknown', () => {
    expect(versionYearWarning({ number: 3, schoolYear: '2027-2028' }, '2027-2028')).toBeNull();
    expect(versionYearWarning(undefined, '2027-2028')).toBeNull();
    expect(versionYearWarning({ number: 1, schoolYear: null }, '2027-2028')).toBeNull();
    expect(versionYearWarning({ number: 1, schoolYear: '2026-2027' }, 'volgend jaar')).toBeNull();
  });
});
