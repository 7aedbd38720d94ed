/** Hostile input and bad days (issue 16): each finding of the probe, with a test that failed before its fix. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { TEST_DATABASE_KINDS } from './support/test-db.js';

const RESET_LINK = /http:\/\/opensop\.test(\/wachtwoord-herstellen\/\S+)/;
const INVITE_LINK = /http:\/\/opensop\.test(\/uitnodiging\/\S+)/;
const NEW_PASSWORD = { password: 'een heel nieuw wachtwoord', passwordRepeat: 'een heel nieuw wachtwoord' };

for (const kind of TEST_DATABASE_KINDS) {
  describe(`security (${kind})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => t?.close());

    async function lastLink(to: string, pattern: RegExp): Promise<string> {
      await t.runJobs();
      return pattern.exec(t.mailer.sent.findLast((m) => m.to === to)!.text)![1]!;
    }

    it('a newer reset link voids the older one', async () => {
      const client = await TestClient.anonymous(t.app);
      await client.post('/wachtwoord-vergeten', { email: 'directie@regenboog.example' });
      const older = await lastLink('directie@regenboog.example', RESET_LINK);
      await client.post('/wachtwoord-vergeten', { email: 'directie@regenboog.example' });
      const newer = await lastLink('directie@regenboog.example', RESET_LINK);
      expect(newer).not.toBe(older);
      const attacker = await TestClient.anonymous(t.app);
      expect((await attacker.get(older)).status).toBe(410);
      expect((await attacker.post(older, NEW_PASSWORD)).status).toBe(410);
      expect((await client.post(newer, NEW_PASSWORD)).status).toBe(303);
    });

    it('using a link to set a password voids every other open reset link of that user', async () => {
      const admin = await TestClient.signedIn(t, t.demo.userIds['swv@voorbeeldstad.example']!);
      await admin.post(`/swv/${t.demo.partnershipId}/gebruikers`, { name: 'Sam Snel', email: 'sam@horizon.example', role: 'school_editor', placeId: t.demo.schoolIds['horizon']! });
      const invitation = await lastLink('sam@horizon.example', INVITE_LINK);
      const client = await TestClient.anonymous(t.app);
      await client.post('/wachtwoord-vergeten', { email: 'sam@horizon.example' });
      const reset = await lastLink('sam@horizon.example', RESET_LINK);
      expect((await client.post(invitation, NEW_PASSWORD)).status).toBe(303);
      const attacker = await TestClient.anonymous(t.app);
      expect((await attacker.post(reset, { password: 'overgenomen wachtwoord', passwordRepeat: 'overgenomen wachtwoord' })).status).toBe(410);
    });
  });
}
