/**
 * The text of an uploaded template file (issue 16): UTF-8 (with or without a byte-order mark) as is; a file that
 * is not valid UTF-8 is read as Windows-1252 (a superset of Latin-1: what Word and older Windows editors save),
 * so "Zoë" arrives as "Zoë" instead of replacement characters. A NUL byte means it is no text file at all.
 */
export type DecodedTemplateFile = { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | { ok: false; problem: 'fileNotText' };

export function decodeTemplateFile(bytes: Uint8Array): DecodedTemplateFile {
  if (bytes.includes(0)) return { ok: false, problem: 'fileNotText' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's characters at 0x80–0x9F (Latin-1 has control codes there); undefined bytes stay as Latin-1. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

// Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x92 became U+0092, not ’), so map by hand.
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
