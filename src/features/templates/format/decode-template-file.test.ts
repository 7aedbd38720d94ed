import { describe, expect, it } from 'vitest';
import { decodeTemplateFile } from './decode-template-file.js';

describe('decodeTemplateFile', () => {
  it('reads UTF-8 as is and a Windows-1252 / Latin-1 file without replacement characters', () => {
    const text = 'titel: "Basisondersteuning — Zoë’s café, ’s-Hertogenbosch"\n';
    expect(decodeTemplateFile(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    // The same text as Windows-1252 bytes: ë = 0xEB, é = 0xE9, — = 0x97, ’ = 0x92.
    const cp1252 = Uint8Array.from([...'titel: "Basisondersteuning \u0097 Zo\u00eb\u0092s caf\u00e9, \u0092s-Hertogenbosch"\n'].map((ch) => ch.charCodeAt(0)));
    const decoded = decodeTemplateFile(cp1252);
    expect(decoded).toEqual({ ok: true, text, encoding: 'windows-1252' });
    expect(JSON.stringify(decoded)).not.toContain('\ufffd');
  });

  it('refuses a file with a NUL byte (not a text file)', () => {
    expect(decodeTemplateFile(Uint8Array.from([0x61, 0x00, 0x62]))).toEqual({ ok: false, problem: 'fileNotText' });
  });
});
