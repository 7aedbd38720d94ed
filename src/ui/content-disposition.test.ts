import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('keeps a Dutch name with diacritics and quotes whole, with a readable ASCII fallback', () => {
    const name = 'Schoolondersteuningsprofiel "De Zeeën" – Basisschool \'t Kievitsnest, Zoë.pdf';
    const header = contentDisposition('attachment', name);
    expect(header).toMatch(/^attachment; filename="/);
    expect(header).toContain(`filename*=UTF-8''`);
    // The quotes inside the name do not end the parameter: a parser reads back exactly the name.
    const parsed = parse(header);
    expect(parsed.type).toBe('attachment');
    expect(parsed.parameters['filename']).toBe(name);
    // Old clients read the fallback: accents dropped, the dash plain, the quotes escaped, no "?".
    const fallback = parse(header, { extended: false }).parameters['filename'];
    expect(fallback).toBe('Schoolondersteuningsprofiel "De Zeeen" - Basisschool \'t Kievitsnest, Zoe.pdf');
    expect(header).not.toContain('?');
  });

  it('sends a plain ASCII name as it is, inline when asked', () => {
    const header = contentDisposition('inline', 'ouderposter-2026-2027.html');
    expect(parse(header)).toEqual({ type: 'inline', parameters: { filename: 'ouderposter-2026-2027.html' } });
    expect(header).not.toContain('filename*');
  });

  it('never sends an empty fallback', () => {
    expect(asciiFileName('😀')).toBe('document');
    expect(parse(contentDisposition('attachment', 'Ω.docx'), { extended: false }).parameters['filename']).toBe('docx');
  });
});
