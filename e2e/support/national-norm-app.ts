/**
 * A second app for e2e/questionnaire.spec.ts, on the integration tests' app (test/support/test-app.ts): the
 * demo data plus the example national set (templates/national/landelijke-norm-voorbeeld.yaml) adopted into a
 * new draft, given an SWV norm of its own on one item, and published for 2027-2028. The demo's clock
 * (12 October 2026) cannot open a 2027-2028 cycle — cycles may not overlap — so De Regenboog's 2026-2027
 * profile is pointed at that version, as templates-national.test.ts does. Run with tsx; prints one JSON line
 * { url, profileId, session } and serves until killed. Static files come from dist/ (built by the e2e server).
 */
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { loadPrincipal } from '../../src/features/accounts/repository.js';
import { startSession } from '../../src/features/accounts/sessions.js';
import { findProfile } from '../../src/features/questionnaire/profiles-repository.js';
import { answers, profiles } from '../../src/features/questionnaire/schema.js';
import { adoptNationalSetFile } from '../../src/features/templates/adopt-national-set-file.js';
import { publishVersion } from '../../src/features/templates/publish-version.js';
import { findTemplateByKey, latestVersion } from '../../src/features/templates/repository.js';
import { applyDraftEdit } from '../../src/features/templates/save-draft-edit.js';
import { startNewDraft } from '../../src/features/templates/start-new-draft.js';
import type { Authorized } from '../../src/ui/route.js';
import { createTestApp } from '../../test/support/test-app.js';

const testApp = await createTestApp('pglite', { now: process.env['CLOCK_NOW'] ?? '2026-10-12T10:00:00+02:00' });
const { db } = testApp.deps;
const { clock, demo } = testApp;
const adminId = demo.userIds['swv@voorbeeldstad.example']!;
const auth: Authorized = { principal: (await loadPrincipal(db, adminId))!, permission: 'template.manage', scope: { level: 'partnership', partnershipId: demo.partnershipId } };

const template = (await findTemplateByKey(db, demo.partnershipId, 'zoetermeer-po'))!;
const { versionId } = await startNewDraft({ db, clock, auth, templateId: template.id });
const source = readFileSync(new URL('../../templates/national/landelijke-norm-voorbeeld.yaml', import.meta.url), 'utf8');
const adopted = await adoptNationalSetFile({ db, clock, partnershipId: demo.partnershipId, actorUserId: adminId, source, fileName: 'landelijke-norm-voorbeeld.yaml', versionId });
if (!adopted.ok) throw new Error(`adopting the national set failed: ${JSON.stringify(adopted.errors)}`);
// The SWV adds its own, wider norm to one national item: both statuses show, and can differ.
const draft = (await latestVersion(db, template.id, 'draft'))!;
const edited = await applyDraftEdit({
  db,
  clock,
  partnershipId: demo.partnershipId,
  actorUserId: adminId,
  versionId,
  revision: draft.revision,
  edit: {
    action: 'item.update',
    target: 'landelijk-lezen-rekenen',
    apply(definition) {
      const item = definition.sections.flatMap((section) => section.items).find((candidate) => candidate.key === 'landelijk-lezen-rekenen')!;
      item.norm = { accept: ['in-de-school', 'met-hulp-van-buiten', 'elders'] };
      return null;
    },
  },
});
if (!edited.ok) throw new Error(`adding the SWV norm failed: ${JSON.stringify(edited)}`);
await publishVersion({ db, clock, auth, versionId, schoolYear: '2027-2028' });

const profile = (await findProfile(db, demo.schoolIds['regenboog']!, '2026-2027'))!;
await db.update(profiles).set({ templateVersionId: versionId }).where(eq(profiles.id, profile.id));
await db.delete(answers).where(eq(answers.profileId, profile.id));
const { token } = await startSession(db, clock, demo.userIds['ib@regenboog.example']!);

const server = serve({ fetch: testApp.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}`, profileId: profile.id, session: token })}\n`);
});
const stop = () => server.close(() => void testApp.close().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
