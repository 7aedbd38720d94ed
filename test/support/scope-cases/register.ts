/** Scope-assertion cases: the SWV's register imports (DUO locations, pupil counts, verdicts, districts) and bulk invitations. */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { assignDistricts } from '../../../src/features/register/assign-districts.js';
import { confirmDistrictImport } from '../../../src/features/register/confirm-district-import.js';
import { confirmLocationImport } from '../../../src/features/register/confirm-location-import.js';
import { confirmPublicDataImport } from '../../../src/features/register/confirm-public-data-import.js';
import { loadDistrictsPage } from '../../../src/features/register/load-districts-page.js';
import { loadLocationPreview } from '../../../src/features/register/load-location-preview.js';
import { loadPublicDataPreview } from '../../../src/features/register/load-public-data-preview.js';
import { loadRegisterUploadPage } from '../../../src/features/register/load-register-upload-page.js';
import { registerMessages } from '../../../src/features/register/messages.js';
import { previewBulkInvitations } from '../../../src/features/register/preview-bulk-invitations.js';
import { previewDistrictImport } from '../../../src/features/register/preview-district-import.js';
import { previewLocationImport } from '../../../src/features/register/preview-location-import.js';
import { previewPublicDataImport } from '../../../src/features/register/preview-public-data-import.js';
import { registerImports } from '../../../src/features/register/schema.js';
import { schools } from '../../../src/features/partnerships/schema.js';
import { translator } from '../../../src/ui/i18n.js';
import { waitingImports } from '../matrix-register.js';
import { scopeCase, type ScopeCase, type ScopeCaseContext } from './context.js';
import { sendBulkInvitations } from '../../../src/features/register/send-bulk-invitations.js';

const t = translator(registerMessages, 'nl');
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/register/${name}`, import.meta.url)));
const manage = (ctx: ScopeCaseContext) => ctx.proof('swv@voorbeeldstad.example', 'partnership.manage', ctx.swvA());

/** Fresh waiting imports of every kind for SWV B (a preview or confirmation replaces the SWV's import of its kind). */
const importsOfB = (ctx: ScopeCaseContext) => waitingImports(ctx.testApp, ctx.testApp.other.partnershipId);

async function appliedAt(ctx: ScopeCaseContext, id: string): Promise<Date | null | undefined> {
  return (await ctx.db.select({ at: registerImports.appliedAt }).from(registerImports).where(eq(registerImports.id, id)))[0]?.at;
}

async function importsOfKind(ctx: ScopeCaseContext, kind: string): Promise<unknown> {
  return (await ctx.db.select({ id: registerImports.id }).from(registerImports).where(and(eq(registerImports.partnershipId, ctx.testApp.other.partnershipId), eq(registerImports.kind, kind))))
    .map((row) => row.id)
    .sort();
}

export const registerCases: ScopeCase[] = [
  {
    name: 'loadRegisterUploadPage',
    call: async (ctx) => loadRegisterUploadPage({ db: ctx.db, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId }),
  },
  {
    name: 'loadDistrictsPage',
    call: async (ctx) => loadDistrictsPage({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId }),
  },
  scopeCase({
    name: 'loadLocationPreview',
    setup: importsOfB,
    call: async (ctx, ids) => loadLocationPreview({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, importId: ids['importId']! }),
  }),
  scopeCase({
    name: 'loadPublicDataPreview',
    setup: importsOfB,
    call: async (ctx, ids) =>
      loadPublicDataPreview({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, kind: 'pupil_counts', importId: ids['countsImportId']! }),
  }),
  {
    name: 'previewBulkInvitations',
    call: async (ctx) =>
      previewBulkInvitations({
        db: ctx.db,
        auth: await manage(ctx),
        partnershipId: ctx.testApp.other.partnershipId,
        bytes: new TextEncoder().encode('Schoolcode\tE-mail\tNaam\tRol\n99ZZ00\tnieuw@rivierenland.example\tNina Rivier\tschoolteam'),
        locale: 'nl',
      }),
  },
  {
    name: 'assignDistricts',
    call: async (ctx) =>
      assignDistricts({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await manage(ctx),
        partnershipId: ctx.testApp.other.partnershipId,
        assignments: [{ schoolId: ctx.testApp.other.schoolId, districtName: 'Uiterwaarden' }],
        source: 'hand',
      }),
    observe: async (ctx) => (await ctx.db.select({ districtId: schools.districtId }).from(schools).where(eq(schools.id, ctx.testApp.other.schoolId)))[0]?.districtId ?? null,
  },
  scopeCase({
    name: 'confirmLocationImport',
    setup: importsOfB,
    call: async (ctx, ids) =>
      confirmLocationImport({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, importId: ids['importId']!, addCodes: [], archiveIds: [], t }),
    observe: (ctx, ids) => appliedAt(ctx, ids['importId']!),
  }),
  scopeCase({
    name: 'applyPublicData',
    setup: importsOfB,
    call: async (ctx, ids) =>
      confirmPublicDataImport({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, kind: 'verdicts', importId: ids['verdictsImportId']! }),
    observe: (ctx, ids) => appliedAt(ctx, ids['verdictsImportId']!),
  }),
  scopeCase({
    name: 'confirmDistrictImport',
    setup: importsOfB,
    call: async (ctx, ids) =>
      confirmDistrictImport({ db: ctx.db, clock: ctx.testApp.clock, auth: await manage(ctx), partnershipId: ctx.testApp.other.partnershipId, importId: ids['districtsImportId']!, wijkNames: {} }),
    observe: (ctx, ids) => appliedAt(ctx, ids['districtsImportId']!),
  }),
  {
    name: 'sendBulkInvitations',
    // Rows that name no school of B's register: nothing is sent, and the answer is B's register's check of them.
    call: async (ctx) =>
      sendBulkInvitations({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await manage(ctx),
        partnershipId: ctx.testApp.other.partnershipId,
        data: Buffer.from('Schoolcode\tE-mail\tNaam\tRol\n11AA00\tbulk@rivierenland.example\tBart Rivier\tschoolteam').toString('base64'),
        baseUrl: 'http://opensop.test',
        locale: 'nl',
      }),
  },
  {
    name: 'previewDistrictImport',
    call: async (ctx) =>
      previewDistrictImport({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await manage(ctx),
        partnershipId: ctx.testApp.other.partnershipId,
        source: 'postcodes',
        fileName: 'wijken.csv',
        file: fixture('postcodes-wijken.csv'),
        t,
      }),
    observe: (ctx) => importsOfKind(ctx, 'districts'),
  },
  {
    name: 'previewLocationImport',
    call: async (ctx) =>
      previewLocationImport({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await manage(ctx),
        partnershipId: ctx.testApp.other.partnershipId,
        fileName: 'vestigingen-po.csv',
        file: fixture('vestigingen-po.csv'),
        choice: { mode: 'pick' },
        t,
      }),
    observe: (ctx) => importsOfKind(ctx, 'locations'),
  },
  {
    name: 'readPublicDataImport',
    call: async (ctx) =>
      previewPublicDataImport({
        db: ctx.db,
        clock: ctx.testApp.clock,
        auth: await manage(ctx),
        partnershipId: ctx.testApp.other.partnershipId,
        kind: 'pupil_counts',
        fileName: 'leerlingen-po.csv',
        file: fixture('leerlingen-po.csv'),
        countedOn: '',
        t,
      }),
    observe: (ctx) => importsOfKind(ctx, 'pupil_counts'),
  },
];
