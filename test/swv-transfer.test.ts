/**
 * Moving house (issue 16): one SWV with everything it owns is exported to one archive, imported into an empty
 * installation, and exported again — the two archives describe the same data (ids mapped). Secrets stay behind;
 * new people get a link to choose a password; an account that already exists gets its roles only by consent.
 */
import { and, eq, sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { AppError } from '../src/auth/app-error.js';
import type { DatabaseHandle } from '../src/db/client.js';
import { tableByName, tableShape, uncoveredSwvTables, SECRET_COLUMNS, SWV_EXCLUDED_TABLES, SWV_TABLES, ALL_TABLES } from '../src/db/swv-tables.js';
import { getTableConfig, pgTable, text } from 'drizzle-orm/pg-core';
import { insertMembership } from '../src/features/accounts/repository.js';
import { invitations, memberships, users, userTokens } from '../src/features/accounts/schema.js';
import { renderKind } from '../src/features/documents/document-kinds.js';
import { loadDocumentDataFor } from '../src/features/documents/load-document-data.js';
import { insertSnapshot } from '../src/features/documents/repository.js';
import { pollQuestions, pollResponses, polls, pollTexts } from '../src/features/pupil-poll/schema.js';
import { diversityCategories, diversityGroupCounts, diversityGroups, diversityProfileDisclosures, diversityYearSettings } from '../src/features/diversity/schema.js';
import { plausibilityVerdicts } from '../src/features/plausibility/schema.js';
import { pupilVoiceRecords } from '../src/features/pupil-voice/schema.js';
import { findProfile } from '../src/features/questionnaire/profiles-repository.js';
import { answers } from '../src/features/questionnaire/schema.js';
import { cbsWijkDistricts, schoolInspectionVerdicts, schoolPupilCounts } from '../src/features/register/schema.js';
import { supportPointSignals, supportPointThemes } from '../src/features/support-point/schema.js';
import { districts, schools } from '../src/features/partnerships/schema.js';
import { exportSwv } from '../src/features/swv-transfer/export-swv.js';
import { importSwv, type SwvImportResult } from '../src/features/swv-transfer/import-swv.js';
import { jobs } from '../src/jobs/schema.js';
import { createTestApp, TestClient, type TestApp } from './support/test-app.js';
import { openTestDatabase, TEST_DATABASE_KINDS } from './support/test-db.js';
import { summaryMismatches } from './support/answer-summaries-check.js';
import { changedTables, tableChecksums } from './support/table-checksums.js';

type Rows = Record<string, Record<string, unknown>[]>;

function readArchive(bytes: Uint8Array): { tables: Rows; documents: Record<string, Uint8Array>; manifest: Record<string, unknown> } {
  const entries = unzipSync(bytes);
  const tables: Rows = {};
  const documents: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(entries)) {
    if (name.startsWith('tables/')) {
      tables[name.slice('tables/'.length, -'.jsonl'.length)] = new TextDecoder()
        .decode(data)
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    }
    if (name.startsWith('documents/')) documents[name.slice('documents/'.length)] = data;
  }
  return { tables, documents, manifest: JSON.parse(new TextDecoder().decode(entries['manifest.json']!)) as Record<string, unknown> };
}

/** Renames every id in the second archive back to the id it had in the first, drops identity numbers, sorts rows. */
function normalise(tables: Rows, back: (table: string, id: string) => string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, rows] of Object.entries(tables)) {
    const shape = tableShape(name);
    out[name] = rows
      .map((source) => {
        const row = { ...source };
        for (const column of shape.identityColumns) delete row[column];
        if (shape.ownId) row[shape.ownId] = back(name, String(row[shape.ownId]));
        for (const [column, target] of Object.entries(shape.references)) if (typeof row[column] === 'string') row[column] = back(target, row[column] as string);
        return JSON.stringify(row, Object.keys(row).sort());
      })
      .sort();
  }
  return out;
}

async function exportBytes(testApp: { db: DatabaseHandle['db'] }, clock: TestApp['clock'], slug: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await exportSwv({ db: testApp.db, clock, slug, write: (chunk) => chunks.push(chunk) });
  return new Uint8Array(Buffer.concat(chunks));
}

describe('the tables an SWV owns', () => {
  it('covers every table that relates to an SWV or its people: exported, or excluded with a reason', () => {
    expect(uncoveredSwvTables()).toEqual([]);
    const names = ALL_TABLES.map((table) => getTableConfig(table).name);
    for (const name of [...SWV_TABLES.map((t) => t.name), ...Object.keys(SWV_EXCLUDED_TABLES)]) expect(names).toContain(name);
  });

  it('names a new table that belongs to an SWV (directly, through a school, or through a person) until it is listed', () => {
    const notes = pgTable('school_notes', { id: text('id').primaryKey(), schoolId: text('school_id').references(() => schools.id) });
    const reads = pgTable('note_reads', { noteId: text('note_id').references(() => notes.id), at: text('at') });
    const userKeys = pgTable('user_keys', { userId: text('user_id').references(() => users.id), secret: text('secret') });
    const loose = pgTable('loose_settings', { key: text('key').primaryKey(), value: text('value') });
    expect(uncoveredSwvTables([...ALL_TABLES, notes, reads, userKeys, loose])).toEqual(['note_reads', 'school_notes', 'user_keys']);
  });

  it('exports a table that holds secrets only by an allow-list, and every column of it is either exported or named a secret', () => {
    for (const table of SWV_TABLES.filter((t) => t.only)) {
      const columns = getTableConfig(tableByName(table.name)).columns.map((column) => column.name).sort();
      expect(columns).toEqual([...table.only!, ...(SECRET_COLUMNS[table.name] ?? [])].sort());
    }
    expect(SWV_TABLES.find((t) => t.name === 'users')!.only).not.toContain('password_hash');
  });

  it('lists the exported tables so that each comes after every table it references (the import order)', () => {
    const order = SWV_TABLES.map((table) => table.name);
    for (const [index, name] of order.entries()) {
      for (const target of Object.values(tableShape(name).references)) {
        if (target !== name) expect({ name, target, before: order.indexOf(target) < index }).toEqual({ name, target, before: true });
      }
    }
  });
});

describe.each(TEST_DATABASE_KINDS)('swv export and import (%s)', (kind) => {
  let source: TestApp;
  let target: DatabaseHandle;
  let first: Uint8Array;
  let imported: SwvImportResult;

  beforeAll(async () => {
    source = await createTestApp(kind, { now: '2026-10-12T10:00:00+02:00' });
    const { db } = source.deps;
    const demo = source.demo;
    const now = source.clock.now();
    const regenboog = demo.schoolIds['regenboog']!;
    const profile = (await findProfile(db, regenboog, '2026-2027'))!;
    // Autosaved answers (history rows) through the app.
    const ib = await TestClient.signedIn(source, demo.userIds['ib@regenboog.example']!);
    await db.delete(answers).where(and(eq(answers.profileId, profile.id), eq(answers.itemKey, 'aantal-leerlingen')));
    expect((await ib.postJson(`/profielen/${profile.id}/antwoorden`, { itemKey: 'aantal-leerlingen', field: 'value', value: 287, baseRevision: 0 })).status).toBe(200);
    expect((await ib.postJson(`/profielen/${profile.id}/antwoorden`, { itemKey: 'aantal-leerlingen', field: 'value', value: 291, baseRevision: 1 })).status).toBe(200);
    // A change by the platform administrator: that person comes along without a role.
    await db.execute(sql`insert into answer_history (profile_id, item_key, before, after, changed_by, changed_at)
      values (${profile.id}, 'onderwijsconcept', null, ${JSON.stringify({ value: 'Daltononderwijs' })}::jsonb, ${demo.userIds['beheer@opensop.example']!}, ${now})`);
    // A generated document, stored as the app stores it.
    const data = await loadDocumentDataFor(db, source.clock, profile);
    const files = [await renderKind(data, 'sop-docx'), await renderKind(data, 'ouderposter-html')];
    await insertSnapshot(db, { id: crypto.randomUUID(), profileId: profile.id, partnershipId: demo.partnershipId, schoolId: regenboog, schoolYear: '2026-2027', reason: 'submitted', createdAt: now, createdBy: demo.userIds['ib@regenboog.example']! }, files);
    // The newer tables: register facts, the people around the profile, the diversity index.
    const [district] = await db.select().from(districts).where(eq(districts.partnershipId, demo.partnershipId));
    await db.insert(schoolPupilCounts).values({ schoolId: regenboog, partnershipId: demo.partnershipId, countedOn: '2025-10-01', low: 312, high: 312, fileName: 'leerlingen-2025.csv', importedAt: now });
    await db.insert(schoolInspectionVerdicts).values({ id: crypto.randomUUID(), schoolId: regenboog, partnershipId: demo.partnershipId, verdict: 'Voldoende', decidedOn: '2024-03-14', fileName: 'oordelen.csv', importedAt: now });
    await db.insert(cbsWijkDistricts).values({ partnershipId: demo.partnershipId, wijkCode: 'WK099901', districtId: district!.id, updatedAt: now });
    await db.insert(plausibilityVerdicts).values({ profileId: profile.id, partnershipId: demo.partnershipId, schoolId: regenboog, verdict: 'plausible_with_remarks', conversationOn: '2026-10-05', agreements: 'De school beschrijft de aanpak bij dyslexie concreter.', recordedBy: demo.userIds['adviseur@voorbeeldstad.example']!, recordedByName: 'Olga Ouwehand', recordedAt: now });
    await db.insert(pupilVoiceRecords).values({ profileId: profile.id, methods: ['pupil_council', 'class_discussions'], consultedOn: '2026-09-24', summary: 'De leerlingenraad wil meer rustige werkplekken.', followUp: 'Twee stilteplekken in de bovenbouw.', updatedBy: demo.userIds['ib@regenboog.example']!, updatedAt: now });
    const themeId = crypto.randomUUID();
    await db.insert(supportPointThemes).values({ id: themeId, partnershipId: demo.partnershipId, name: 'Thuiszitters', position: 1, createdAt: now });
    await db.insert(supportPointSignals).values({ id: crypto.randomUUID(), partnershipId: demo.partnershipId, themeId, schoolId: regenboog, itemKey: 'aantal-leerlingen', occurredOn: '2026-09-30', description: 'Ouders vragen naar de wachtlijst voor de plusklas.', recordedBy: demo.userIds['steunpunt@voorbeeldstad.example']!, recordedAt: now });
    const categoryId = crypto.randomUUID();
    const groupId = crypto.randomUUID();
    await db.insert(diversityCategories).values({ id: categoryId, partnershipId: demo.partnershipId, name: 'Extra ondersteuning gedrag', factorHundredths: 150, position: 1, createdAt: now, updatedAt: now });
    await db.insert(diversityGroups).values({ id: groupId, partnershipId: demo.partnershipId, schoolId: regenboog, schoolYear: '2026-2027', name: 'Groep 5', pupilCount: 27, updatedBy: demo.userIds['ib@regenboog.example']!, updatedAt: now });
    await db.insert(diversityGroupCounts).values({ groupId, categoryId, pupils: 4 });
    await db.insert(diversityYearSettings).values({ partnershipId: demo.partnershipId, schoolYear: '2027-2028', arithmetic: 'weighted-group-size' }).onConflictDoNothing();
    const questionId = crypto.randomUUID();
    const pollId = crypto.randomUUID();
    await db.insert(pollQuestions).values({ id: questionId, partnershipId: demo.partnershipId, kind: 'choice', text: 'Krijg jij hulp als je iets moeilijk vindt?', options: ['Ja', 'Soms', 'Nee'], position: 1, createdAt: now });
    await db.insert(polls).values({ id: pollId, partnershipId: demo.partnershipId, schoolId: regenboog, groupName: 'Groep 7', code: 'KWP4RT', questions: [], openedAt: now, expiresAt: new Date(now.getTime() + 7 * 86_400_000), openedBy: demo.userIds['ib@regenboog.example']! });
    await db.insert(pollResponses).values({ id: crypto.randomUUID(), pollId, choices: { [questionId]: 0 } });
    await db.insert(pollTexts).values({ id: crypto.randomUUID(), pollId, questionId, text: 'Meer rustige plekken graag.', status: 'released' });
    await db.insert(diversityProfileDisclosures).values({ profileId: profile.id, includeIndex: true, updatedBy: demo.userIds['ib@regenboog.example']!, updatedAt: now }).onConflictDoNothing();
    // The second SWV has rows of its own, and one of the first SWV's people has a role there too: none of that may travel.
    await db.insert(supportPointThemes).values({ id: crypto.randomUUID(), partnershipId: source.other.partnershipId, name: 'Rivierthema', position: 1, createdAt: now });
    await insertMembership(db, { userId: demo.userIds['ib@regenboog.example']!, role: 'council_member', schoolId: source.other.schoolId }, now);

    first = await exportBytes(source.deps, source.clock, 'voorbeeldstad');
    target = await openTestDatabase(kind);
    imported = await importSwv({ db: target.db, clock: source.clock, archive: first, baseUrl: 'https://sop.nieuw.example' });
  }, 180_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('exports every table of the SWV with rows, its documents, and a manifest with the left-out tables', () => {
    const archive = readArchive(first);
    for (const table of SWV_TABLES) expect({ table: table.name, rows: (archive.tables[table.name]?.length ?? 0) > 0 }).toEqual({ table: table.name, rows: true });
    expect(archive.manifest).toMatchObject({ format: 'opensop-swv-export', swv: { slug: 'voorbeeldstad' }, documents: 2, excluded: SWV_EXCLUDED_TABLES });
    expect(archive.tables['answer_history']!.map((row) => row['after'])).toEqual(expect.arrayContaining([expect.objectContaining({ value: 287 }), expect.objectContaining({ value: 291 })]));
    expect(Object.keys(archive.documents)).toHaveLength(2);
  });

  it('leaves the imported insight summary equal to the imported answer rows (the triggers fill it as rows arrive)', async () => {
    expect(await summaryMismatches(target.db)).toEqual([]);
  });

  it('carries no secrets and nothing of another SWV', () => {
    const text = new TextDecoder().decode(first);
    const archive = readArchive(first);
    expect(Object.keys(archive.tables['users']![0]!)).not.toContain('password_hash');
    const json = JSON.stringify(archive.tables);
    expect(json).not.toContain('$argon2');
    for (const secret of [source.other.partnershipId, source.other.schoolId, 'Rivierthema', 'rivierenland', 'Waterlelie']) expect(json).not.toContain(secret);
    expect(text).not.toContain('token_hash');
    // The platform administrator comes along as the author of a change, without the platform role.
    expect(archive.tables['users']!.map((row) => row['email'])).toContain('beheer@opensop.example');
    expect(archive.tables['memberships']!.map((row) => row['role'])).not.toContain('platform_admin');
  });

  it('imports into an empty installation, and the export from there describes the same data', async () => {
    const second = readArchive(await exportBytes(target, source.clock, 'voorbeeldstad'));
    const original = readArchive(first);
    const backIds = new Map<string, Map<string, string>>();
    for (const [table, ids] of imported.ids) backIds.set(table, new Map([...ids].map(([oldId, newId]) => [newId, oldId])));
    const back = (table: string, id: string) => {
      const found = backIds.get(table)?.get(id);
      if (!found) throw new Error(`${table} ${id} is not an imported id`);
      return found;
    };
    expect(normalise(second.tables, back)).toEqual(normalise(original.tables, (_table, id) => id));
    const documentIds = backIds.get('document_files')!;
    expect(Object.keys(second.documents).map((id) => documentIds.get(id)).sort()).toEqual(Object.keys(original.documents).sort());
    for (const [id, bytes] of Object.entries(second.documents)) expect(Buffer.compare(Buffer.from(bytes), Buffer.from(original.documents[documentIds.get(id)!]!))).toBe(0);
    // New ids everywhere.
    expect(imported.partnershipId).not.toBe(source.demo.partnershipId);
  });

  it('gives the new accounts no password, and mails each active person with a role a link to choose one', async () => {
    const accounts = await target.db.select().from(users);
    expect(accounts.every((user) => user.passwordHash === null)).toBe(true);
    const mails = (await target.db.select().from(jobs).where(eq(jobs.kind, 'mail.send'))).map((job) => job.payload as { to: string; text: string });
    const withRole = new Set(readArchive(first).tables['memberships']!.map((row) => row['user_id']));
    expect(mails).toHaveLength(withRole.size);
    expect(mails.map((mail) => mail.to)).not.toContain('beheer@opensop.example');
    const ib = mails.find((mail) => mail.to === 'ib@regenboog.example')!;
    expect(ib.text).toContain('https://sop.nieuw.example/uitnodiging/');
    expect(imported.invitedToSetPassword).toHaveLength(withRole.size);
    const tokens = await target.db.select().from(userTokens).where(eq(userTokens.purpose, 'invitation'));
    expect(tokens).toHaveLength(withRole.size);
    // The link opens the page where the person chooses a password.
    const app = createApp({ deps: { ...source.deps, db: target.db } });
    const page = await app.request(ib.text.match(/https:\/\/sop\.nieuw\.example(\/uitnodiging\/\S+)/)![1]!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Fatima el Idrissi');
  });

  it('refuses an SWV whose short name exists, and changes nothing', async () => {
    const before = await tableChecksums(target.db);
    await expect(importSwv({ db: target.db, clock: source.clock, archive: first, baseUrl: 'https://sop.nieuw.example' })).rejects.toThrow(/bestaat hier al een samenwerkingsverband/);
    expect(changedTables(before, await tableChecksums(target.db))).toEqual([]);
  });

  it('refuses a file that is not an SWV export', async () => {
    const error = await importSwv({ db: target.db, clock: source.clock, archive: new TextEncoder().encode('geen zip'), baseUrl: 'https://x.example' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).userMessage).toContain('geen export van een samenwerkingsverband');
    const written: Uint8Array[] = [];
    await expect(exportSwv({ db: target.db, clock: source.clock, slug: 'nergens', write: (chunk) => written.push(chunk) })).rejects.toThrow('Er is geen samenwerkingsverband met korte naam "nergens"');
    expect(written).toEqual([]);
  });

  it('offers the roles of an account that already exists there as invitations to accept, and gives none', async () => {
    const elsewhere = await openTestDatabase(kind);
    try {
      const existingId = crypto.randomUUID();
      await elsewhere.db.insert(users).values({ id: existingId, email: 'adviseur@voorbeeldstad.example', name: 'O. Ouwehand', passwordHash: 'bestaand', createdAt: source.clock.now() });
      const result = await importSwv({ db: elsewhere.db, clock: source.clock, archive: first, baseUrl: 'https://sop.elders.example' });
      expect(result.awaitingConsent).toEqual([{ email: 'adviseur@voorbeeldstad.example', role: 'partnership_adviser' }]);
      expect(await elsewhere.db.select().from(memberships).where(eq(memberships.userId, existingId))).toEqual([]);
      const [invitation] = await elsewhere.db.select().from(invitations).where(eq(invitations.userId, existingId));
      // The adviser was limited to one board: the invitation carries that board.
      expect(invitation).toMatchObject({ role: 'partnership_adviser', partnershipId: result.partnershipId, boardId: result.ids.get('boards')!.get(source.demo.boardIds['spov']!) });
      const [account] = await elsewhere.db.select().from(users).where(eq(users.id, existingId));
      expect(account).toMatchObject({ name: 'O. Ouwehand', passwordHash: 'bestaand' });
      const [verdict] = await elsewhere.db.select().from(plausibilityVerdicts);
      expect(verdict!.recordedBy).toBe(existingId);
      const mails = (await elsewhere.db.select().from(jobs).where(eq(jobs.kind, 'mail.send'))).map((job) => job.payload as { to: string; text: string });
      expect(mails.find((mail) => mail.to === 'adviseur@voorbeeldstad.example')!.text).toContain('https://sop.elders.example/uitnodiging-rol/');
    } finally {
      await elsewhere.close();
    }
  }, 120_000);
});
