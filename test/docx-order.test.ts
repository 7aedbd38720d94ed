/**
 * Every .docx we generate keeps the element order Word enforces (test/support/wordml-order.ts), for every example
 * template and the inline one, and for every Word output of the registry (the SOP and the school-guide chapter). mammoth, used by the
 * other document tests, forgives what Word refuses; test/docx-libreoffice.test.ts has LibreOffice open every one.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_MIME_TYPES, OUTPUT_KINDS, outputSpec } from '../src/features/documents/render/index.js';
import { buildDocumentFixture, inlineTemplate, loadExampleTemplates } from '../src/features/documents/render/test-fixtures.js';
import { wordOrderProblems } from './support/wordml-order.js';

/** Every Word kind the app renders (live downloads, snapshots, the batch ZIP and the CLI all use this registry). */
const WORD_KINDS = OUTPUT_KINDS.filter((kind) => outputSpec(kind).mimeType === DOCUMENT_MIME_TYPES.docx);

function problemsIn(bytes: Uint8Array): Record<string, string[]> {
  const parts = unzipSync(bytes);
  const found: Record<string, string[]> = {};
  // The check has something to check: paragraph properties are there (runs and tables only in some outputs).
  const body = strFromU8(parts['word/document.xml']!);
  for (const parent of ['<w:pPr>']) if (!body.includes(parent)) found['word/document.xml'] = [`no ${parent} to check`];
  for (const [name, content] of Object.entries(parts)) {
    if (!name.startsWith('word/') || !name.endsWith('.xml')) continue;
    const problems = wordOrderProblems(strFromU8(content));
    if (problems.length > 0) found[name] = [...new Set(problems)];
  }
  return found;
}

describe('WordprocessingML element order', () => {
  it('finds a child out of order, and one its parent does not allow (the check can fail)', () => {
    expect(wordOrderProblems('<w:pPr><w:jc w:val="left"/><w:spacing w:after="0"/></w:pPr>')).toEqual(['w:spacing comes after w:jc in w:pPr']);
    expect(wordOrderProblems('<w:rPr><w:sz w:val="20"/><w:b/></w:rPr>')).toEqual(['w:b comes after w:sz in w:rPr']);
    expect(wordOrderProblems('<w:tblPr><w:tblLook w:val="04A0"/><w:tblW w:w="0"/></w:tblPr>')).toEqual(['w:tblW comes after w:tblLook in w:tblPr']);
    expect(wordOrderProblems('<w:rPr><w:pStyle w:val="x"/></w:rPr>')).toEqual(['w:pStyle is not allowed in w:rPr']);
    expect(wordOrderProblems('<w:pPr><w:pStyle w:val="Kop1"/><w:spacing/><w:rPr><w:b/><w:sz w:val="2"/></w:rPr></w:pPr>')).toEqual([]);
  });

  it('covers every Word kind in the output registry', () => {
    expect(WORD_KINDS).toEqual(['sop-docx', 'schoolgids-docx']);
  });

  const templates = [...loadExampleTemplates(), { name: 'inline', template: inlineTemplate() }];
  for (const { name, template } of templates) {
    const data = buildDocumentFixture(template);
    for (const kind of WORD_KINDS) {
      const render = outputSpec(kind).render;
      it(`${kind} for ${name} has every property child in Word's order`, async () => {
        expect(problemsIn(new Uint8Array(await render(data)))).toEqual({});
      });
      it(`${kind} for ${name} is reproducible byte for byte (fixed ZIP entry times)`, async () => {
        expect((await render(data)).equals(await render(data))).toBe(true);
      });
    }
  }
});
