import { describe, expect, it } from 'vitest';
import { chooseYear } from './insight-context.js';

describe('chooseYear', () => {
  it('says in the reader’s language that there is no round (yet)', () => {
    expect(() => chooseYear([], undefined, '2026-12-03', 'en')).toThrow(expect.objectContaining({ userMessage: expect.stringContaining('There is no SOP round yet') }));
    expect(() => chooseYear([], '2030-2031', '2026-12-03', 'en')).toThrow(expect.objectContaining({ userMessage: expect.stringContaining('no SOP round for school year 2030-2031') }));
    expect(() => chooseYear([], '2030-2031', '2026-12-03', 'nl')).toThrow(expect.objectContaining({ userMessage: expect.stringContaining('Voor schooljaar 2030-2031 is er geen SOP-ronde') }));
  });
});
