/**
 * The insight home and coverage views as A4 PDFs for a board meeting (issue 12): linked from both views, rendered
 * on the server, and the figures of the page are in the PDF's text (parsed back with pdfjs). A board's PDF holds
 * only its own schools.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

async function pdfText(response: Response): Promise<{ text: string; pages: number; size: number[] }> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  const first = await doc.getPage(1);
  const size = first.view.slice(2).map((value) => Math.round(value));
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
  }
  const pages = doc.numPages;
  await doc.destroy();
  // pdfjs gives a word broken after a hyphen ("SOP-" / "ronde") as two items.
  return { text: text.replace(/\s+/g, ' ').replace(/- /g, '-'), pages, size };
}

const decode = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();

for (const kind of TEST_DATABASE_KINDS) {
  describe(`insight as A4 PDF (${kind})`, () => {
    let app: TestApp;
    let admin: TestClient;
    let board: TestClient;
    let swvBase: string;

    beforeAll(async () => {
      app = await createTestApp(kind);
      admin = await TestClient.signedIn(app, app.demo.userIds['swv@voorbeeldstad.example']!);
      board = await TestClient.signedIn(app, app.demo.userIds['bestuur@spov.example']!);
      swvBase = `/swv/${app.demo.partnershipId}/inzicht`;
    });
    afterAll(async () => app?.close());

    it('links the home to its PDF, which holds the round, the share meeting the norm and the gaps of the page', async () => {
      const html = await (await admin.get(swvBase)).text();
      const link = /href="([^"]*\/pdf\/overzicht[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      expect(link, 'a PDF link on the home').toBeDefined();
      const response = await admin.get(link!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain('inzicht-2026-2027.pdf');
      const pdf = await pdfText(response);
      // A4 portrait: 595 × 842 points.
      expect(pdf.size).toEqual([595, 842]);
      expect(pdf.text).toContain('Inzicht 2026-2027');
      expect(pdf.text, pdf.text.slice(0, 600)).toContain('De SOP-ronde');
      const share = /data-figure="share"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
      expect(share, 'the share on the page').toBeDefined();
      const sentence = decode(share!);
      // The same sentence, with the same figures, as on screen.
      expect(pdf.text).toContain(sentence.slice(0, 40));
      const percentage = /(\d+%)/.exec(sentence)![1]!;
      expect(pdf.text).toContain(percentage);
      const gaps = /data-figure="gaps"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1];
      if (gaps) for (const [, title] of gaps.matchAll(/<a [^>]*>([^<]+)<\/a>/g)) expect(pdf.text).toContain(decode(title!).slice(0, 30));
      // Every status of the chart is named in its table beside it (colour never carries the meaning alone).
      for (const status of ['Voldoet', 'Onder de norm', 'Ambitie', 'Kan niet beoordelen', 'Niet beantwoord']) expect(pdf.text).toContain(status);
    });

    it('links coverage to its landscape PDF with the holes, the offer per district and the ambitions; a board sees its own schools only', async () => {
      const html = await (await admin.get(`${swvBase}/dekking?per=bestuur`)).text();
      const link = /href="([^"]*\/pdf\/dekking[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
      expect(link).toContain('per=bestuur');
      const pdf = await pdfText(await admin.get(link!));
      expect(pdf.size).toEqual([842, 595]);
      expect(pdf.text).toContain('Dekkend netwerk 2026-2027');
      expect(pdf.text).toContain('Stichting Katholiek Onderwijs De Linde');
      const own = await pdfText(await board.get(`/besturen/${app.demo.boardIds['spov']}/inzicht/pdf/dekking?per=bestuur`));
      expect(own.text).toContain('Dekkend netwerk 2026-2027');
      expect(own.text).not.toContain('Stichting Katholiek Onderwijs De Linde');
      expect(own.text).not.toContain('Sint Jozefschool');
    });

    it('answers 404 for an unknown PDF and for another board', async () => {
      expect((await admin.get(`${swvBase}/pdf/matrix`)).status).toBe(404);
      expect((await board.get(`/besturen/${app.demo.boardIds['linde']}/inzicht/pdf/overzicht`)).status).toBe(404);
    });
  });
}
