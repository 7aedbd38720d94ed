import { describe, expect, it } from 'vitest';
import { findPersonalData, passesElfproef } from './personal-data.js';

describe('findPersonalData', () => {
  const year = 2027;
  it('finds e-mail addresses', () => {
    expect(findPersonalData('Moeder mailde via j.jansen@gmail.com over de weigering.', year)).toBe('email');
  });
  it('finds Dutch phone numbers in the usual notations', () => {
    for (const text of ['Bel 06-12345678 terug', 'tel 010 123 45 67', 'nummer +31 6 1234 5678', '0031 (0)6 12345678', '0612345678', 'bel moeder op 06-12345678.']) expect(findPersonalData(text, year), text).toBe('phone');
  });
  it('finds a BSN only when it passes the elfproef', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(findPersonalData('BSN 111222333 genoemd', year)).toBe('bsn');
    expect(findPersonalData('BSN 1112.22.333', year)).toBe('bsn');
    expect(findPersonalData('Kenmerk 123456789 van de gemeente', year)).toBeNull();
  });
  it('finds dates of birth: next to "geboren", or in school-age birth years', () => {
    expect(findPersonalData('Leerling geboren op 3-4-1990, nu volwassen', year)).toBe('birthDate');
    expect(findPersonalData('Kind van 12 maart 2016 zit thuis', year)).toBe('birthDate');
    expect(findPersonalData('Kind (14/05/2018) zit thuis', year)).toBe('birthDate');
  });
  it('leaves ordinary signals alone: dates of this school year, counts, years', () => {
    for (const text of [
      'Ouders melden dat de school de aanmelding weigerde op 14-01-2027 zonder onderzoek.',
      'Drie gezinnen melden wachttijd voor dyslexieonderzoek sinds 2025.',
      'Gesprek op 2 februari 2027 met de intern begeleider over gedrag in groep 6.',
      'Postcode 2711 AB, 25 leerlingen in de klas, 1,5 uur per week extra.',
    ]) expect(findPersonalData(text, year), text).toBeNull();
  });
});
