/**
 * Plain language at input (issue 13): a school writing texts for parents gets tips — the SWV's jargon with a
 * plainer word, long sentences, long words — beside the field and on the check page, before it submits.
 * The SWV edits its word list in its settings; until then the shipped example list applies.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerships } from '../src/features/partnerships/schema.js';
import { answers, profiles } from '../src/features/questionnaire/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

for (const kind of TEST_DATABASE_KINDS) {
  describe(`plain-language tips for parent texts (${kind})`, () => {
    let t: TestApp;
    let ib: TestClient;
    let admin: TestClient;
    let profileId: string;
    const settingsPath = () => `/swv/${t.demo.partnershipId}/instellingen`;
    const settings = { name: 'SWV PO Voorbeeldstad', primaryColor: '#0b5563' };

    beforeAll(async () => {
      t = await createTestApp(kind);
      ib = await TestClient.signedIn(t, t.demo.userIds['ib@regenboog.example']!);
      admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      const [profile] = await t.deps.db
        .select()
        .from(profiles)
        .where(and(eq(profiles.schoolId, t.demo.schoolIds['regenboog']!), eq(profiles.schoolYear, '2026-2027')));
      profileId = profile!.id;
    }, 300_000);
    afterAll(async () => t?.close());

    it('tips the school on jargon from the example list and on a long sentence, beside the field and on the check page', async () => {
      const [stored] = await t.deps.db.select().from(answers).where(and(eq(answers.profileId, profileId), eq(answers.itemKey, 'ouders-toelichting')));
      const text =
        'Wij bespreken het OPP van uw kind twee keer per jaar met u. Als uw kind meer nodig heeft dan wat wij in de klas kunnen bieden dan overleggen wij eerst met u en daarna met de intern begeleider van de school.';
      const saved = await ib.postJson(`/profielen/${profileId}/antwoorden`, { itemKey: 'ouders-toelichting', field: 'value', value: text, baseRevision: stored?.revision ?? 0 });
      expect(saved.status).toBe(200);

      const section = await (await ib.get(`/profielen/${profileId}/onderdelen/belofte-3`)).text();
      expect(section).toContain('Tips voor taal die ouders begrijpen:');
      expect(section).toContain('“OPP” is vaktaal. Schrijf bijvoorbeeld: plan voor de ontwikkeling van uw kind (ontwikkelingsperspectief).');
      expect(section).toContain('De zin die begint met “Als uw kind meer nodig heeft …” heeft 29 woorden.');

      const check = await (await ib.get(`/profielen/${profileId}/controleren`)).text();
      expect(check).toContain('Taal voor ouders');
      expect(check).toContain('“OPP” is vaktaal.');
    });

    it('follows the SWV\'s own word list once it writes one, and names the line of a mistake', async () => {
      const page = await (await admin.get(settingsPath())).text();
      expect(page).toContain('Dit is de voorbeeldlijst van OpenSOP.');
      expect(page).toContain('OPP = plan voor de ontwikkeling van uw kind');

      const wrong = await admin.post(settingsPath(), { ...settings, parentWordList: 'OPP = ontwikkelingsplan\n= zonder woord' });
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toContain('Regel 2: zet het woord vóór het isgelijkteken.');
      const [unchanged] = await t.deps.db.select({ list: partnerships.parentWordList }).from(partnerships).where(eq(partnerships.id, t.demo.partnershipId));
      expect(unchanged!.list).toBeNull();

      expect((await admin.post(settingsPath(), { ...settings, parentWordList: '# Onze lijst\ntwee keer per jaar = in het najaar en het voorjaar' })).status).toBe(200);
      const [own] = await t.deps.db.select({ list: partnerships.parentWordList }).from(partnerships).where(eq(partnerships.id, t.demo.partnershipId));
      expect(own!.list).toEqual([{ word: 'twee keer per jaar', instead: 'in het najaar en het voorjaar' }]);

      const section = await (await ib.get(`/profielen/${profileId}/onderdelen/belofte-3`)).text();
      expect(section).toContain('“twee keer per jaar” is vaktaal. Schrijf bijvoorbeeld: in het najaar en het voorjaar.');
      expect(section).not.toContain('“OPP” is vaktaal');
    });
  });
}
