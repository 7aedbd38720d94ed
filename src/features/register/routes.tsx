/** @jsxImportSource hono/jsx */
/** The register's imports: DUO locations (with the SWV's choice of locations), pupil counts, inspection verdicts, districts. */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { Alert, type FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { parseForm, readFormAll } from '../../ui/forms.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam } from '../partnerships/scopes.js';
import { confirmLocationImport } from './confirm-location-import.js';
import { loadLocationPreview } from './load-location-preview.js';
import { registerMessages, type RegisterTranslate } from './messages.js';
import { previewLocationImport, type LocationChoice } from './preview-location-import.js';
import { registerBulkInvitationRoutes } from './bulk-invitation-routes.js';
import { registerDistrictRoutes } from './district-routes.js';
import { registerPublicDataRoutes } from './public-data-routes.js';
import { LocationPreviewView, LocationUploadView } from './views/locations.js';
import { loadRegisterUploadPage } from './load-register-upload-page.js';

const m = (c: AppContext) => translator(registerMessages, c.var.locale);
export const MAX_UPLOAD_MB = 50;
/** The request-body limit of an upload route: two files of MAX_UPLOAD_MB and the form around them (src/ui/request-guards.ts). */
export const UPLOAD_ROUTE = { maxBodyBytes: (2 * MAX_UPLOAD_MB + 1) * 1024 * 1024 };

/** The posted multipart form: text fields and the named files' bytes (empty files count as absent). */
export async function readUpload(c: AppContext, fileFields: string[]): Promise<{ values: Record<string, string>; files: Record<string, { name: string; bytes: Uint8Array } | null>; tooLarge: string | null }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const files: Record<string, { name: string; bytes: Uint8Array } | null> = {};
  let tooLarge: string | null = null;
  for (const [key, raw] of Object.entries(body)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value;
  }
  for (const field of fileFields) {
    const raw = body[field];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value instanceof File && value.size > 0) {
      if (value.size > MAX_UPLOAD_MB * 1024 * 1024) tooLarge = field;
      files[field] = { name: value.name || 'bestand.csv', bytes: new Uint8Array(await value.arrayBuffer()) };
    } else files[field] = null;
  }
  return { values, files, tooLarge };
}

export function uploadErrors(error: unknown, fallbackField: string): FieldErrors {
  if (error instanceof AppError && error.code === 'invalid_input') return { [(error.details as { field?: string } | undefined)?.field ?? fallbackField]: error.userMessage ?? '' };
  throw error;
}

function choiceSchema(t: RegisterTranslate) {
  return z.object({
    selection: z.enum(['membership', 'brin', 'all', 'pick'], { error: t('selection') }).default('membership'),
    swvCode: z.string().trim().max(40).optional().default(''),
    brinList: z.string().trim().max(20_000).optional().default(''),
  });
}

async function uploadPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, values: Record<string, string>, notice?: string) {
  const page = await loadRegisterUploadPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  const partnershipId = page.partnership.id;
  return renderPage(c, {
    title: m(c)('importTitle'),
    partnershipId,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: page.breadcrumbs,
    children: (
      <>
        {notice && (
          <Alert type="ok" role="status">
            {notice}
          </Alert>
        )}
        <LocationUploadView partnershipId={partnershipId} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} />
      </>
    ),
  });
}

export function registerRegisterRoutes(table: RouteTable): void {
  const manage = permission('partnership.manage', fromPartnershipParam);

  table.get('/swv/:partnershipId/scholen/importeren', manage, (c, auth) => {
    const done = /^(\d+)\.(\d+)\.(\d+)$/.exec(c.req.query('klaar') ?? '');
    return uploadPage(c, auth, {}, {}, done ? m(c)('importDone', { added: done[1]!, changed: done[2]!, archived: done[3]! }) : undefined);
  });

  table.post('/swv/:partnershipId/scholen/importeren', manage, async (c, auth) => {
    const t = m(c);
    const { values, files, tooLarge } = await readUpload(c, ['file', 'membership']);
    if (tooLarge) return uploadPage(c, auth, { [tooLarge]: t('fileTooLarge', { max: MAX_UPLOAD_MB }) }, values);
    const parsed = parseForm(choiceSchema(t), values);
    if (!parsed.ok) return uploadPage(c, auth, parsed.errors, values);
    if (!files['file']) return uploadPage(c, auth, { file: t('fileRequired') }, values);
    const { selection, swvCode, brinList } = parsed.data;
    const choice: LocationChoice =
      selection === 'membership'
        ? { mode: 'membership', membership: files['membership']?.bytes ?? null, swvCode }
        : selection === 'brin'
          ? { mode: 'brin', list: brinList.split(/[\s,;]+/).filter(Boolean) }
          : { mode: selection };
    try {
      const partnershipId = c.req.param('partnershipId')!;
      const importId = await previewLocationImport({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, fileName: files['file'].name, file: files['file'].bytes, choice, t });
      return c.redirect(`/swv/${partnershipId}/scholen/importeren/${importId}`, 303);
    } catch (error) {
      return uploadPage(c, auth, uploadErrors(error, 'file'), values);
    }
  }, UPLOAD_ROUTE);

  table.get('/swv/:partnershipId/scholen/importeren/:importId', manage, async (c, auth) => {
    const page = await loadLocationPreview({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, importId: c.req.param('importId')! });
    return renderPage(c, {
      title: m(c)('previewTitle'),
      partnershipId: page.partnership.id,
      breadcrumbs: [
        [page.partnership.name, `/swv/${page.partnership.id}`],
        [m(c)('importTitle'), `/swv/${page.partnership.id}/scholen/importeren`],
      ],
      children: <LocationPreviewView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} />,
    });
  });

  table.post('/swv/:partnershipId/scholen/importeren/:importId', manage, async (c, auth) => {
    const form = await readFormAll(c);
    const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []).filter((v) => v.length <= 64);
    const partnershipId = c.req.param('partnershipId')!;
    const result = await confirmLocationImport({
      db: c.var.deps.db,
      clock: c.var.deps.clock,
      auth: authorized(auth),
      partnershipId,
      importId: c.req.param('importId')!,
      addCodes: list(form['add']),
      archiveIds: list(form['archive']),
      t: m(c),
    });
    return c.redirect(`/swv/${partnershipId}/scholen/importeren?klaar=${result.added}.${result.changed}.${result.archived}`, 303);
  });

  registerPublicDataRoutes(table);
  registerDistrictRoutes(table);
  registerBulkInvitationRoutes(table);
}
