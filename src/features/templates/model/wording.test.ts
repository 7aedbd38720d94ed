import { describe, expect, it } from 'vitest';
import { capitalize, isSupportCoordinatorRole, resolveWording, sectorWordingDefaults } from './wording.js';

describe('sector wording (templates/sector-wording.yaml)', () => {
  it('has every word for po and for vo', () => {
    const defaults = sectorWordingDefaults();
    expect(defaults.po.firstContact).toBe('leerkracht');
    expect(defaults.po.supportCoordinator).toBe('intern begeleider');
    expect(defaults.vo.firstContact).toBe('mentor');
    expect(defaults.vo.supportCoordinator).toBe('zorgcoördinator');
    expect(defaults.vo.parentPosterIntro).not.toMatch(/\bkind\b/);
  });

  it('takes the template\'s own words first, then its sector\'s', () => {
    const words = resolveWording({ sector: 'vo', wording: { promise: 'standaard', promises: 'standaarden' } });
    expect(words).toMatchObject({ promise: 'standaard', promises: 'standaarden', firstContact: 'mentor', staff: 'docenten' });
    expect(resolveWording({ sector: 'po' })).toEqual(sectorWordingDefaults().po);
  });

  it('recognises the support coordinator in a school\'s contact list by its name or another name', () => {
    const po = resolveWording({ sector: 'po' });
    expect(isSupportCoordinatorRole(po, 'Intern begeleider')).toBe(true);
    expect(isSupportCoordinatorRole(po, "IB'er groep 1-4")).toBe(true);
    expect(isSupportCoordinatorRole(po, 'Directeur')).toBe(false);
    expect(isSupportCoordinatorRole(po, 'Bibliotheek')).toBe(false);
    const vo = resolveWording({ sector: 'vo' });
    expect(isSupportCoordinatorRole(vo, 'Zorgcoordinator onderbouw')).toBe(true);
    expect(isSupportCoordinatorRole(vo, 'Intern begeleider')).toBe(false);
  });

  it('capitalizes a word that starts a label', () => {
    expect(capitalize('belofte')).toBe('Belofte');
    expect(capitalize('ondersteuningscoördinator')).toBe('Ondersteuningscoördinator');
  });
});
