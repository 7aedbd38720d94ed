/** @jsxImportSource hono/jsx */
/** The SWV's batch ZIP: ask for one export of a school year, follow it, download it. */
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import { contentDisposition } from '../../ui/content-disposition.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam, requireUuid } from '../partnerships/scopes.js';
import { loadBatchExportPage } from './load-batch-export-page.js';
import { documentMessages } from './messages.js';
import { openExportDownload } from './open-export-download.js';
import { batchExportInput, requestBatchExport } from './request-batch-export.js';
import { BatchExportView } from './views/batch-export.js';

const m = (c: AppContext) => translator(documentMessages, c.var.locale);
const access = permission('documents.batch', fromPartnershipParam);

async function batchPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, values: Record<string, string>, notice?: string) {
  const page = await loadBatchExportPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  return renderPage(c, {
    title: m(c)('batchTitle'),
    partnershipId: page.partnership.id,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
    clientScript: page.inProgress ? 'documents-progress.js' : undefined,
    children: <BatchExportView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} notice={notice} />,
  });
}

export function registerBatchExportRoutes(table: RouteTable): void {
  table.get('/swv/:partnershipId/documenten', access, (c, auth) => batchPage(c, auth, {}, {}, c.req.query('aangevraagd') === '1' ? m(c)('exportStarted') : undefined));

  table.post('/swv/:partnershipId/documenten', access, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(batchExportInput(m(c)), values);
    if (!parsed.ok) return batchPage(c, auth, parsed.errors, values);
    const partnershipId = c.req.param('partnershipId')!;
    try {
      await requestBatchExport({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, schoolYear: parsed.data.schoolYear });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return batchPage(c, auth, { schoolYear: error.userMessage ?? m(c)('chooseYear') }, values);
      throw error;
    }
    return c.redirect(`/swv/${partnershipId}/documenten?aangevraagd=1`, 303);
  });

  table.get('/swv/:partnershipId/documenten/:exportId/zip', access, async (c, auth) => {
    const download = await openExportDownload({
      db: c.var.deps.db,
      auth: authorized(auth),
      partnershipId: c.req.param('partnershipId')!,
      exportId: requireUuid(c.req.param('exportId')),
    });
    if (!download.ok) throw new AppError('invalid_state', m(c)(download.reason === 'expired' ? 'zipExpired' : 'zipNotReady'));
    return c.body(download.body, 200, {
      'Content-Type': 'application/zip',
      'Content-Length': String(download.size),
      'Content-Disposition': contentDisposition('attachment', download.fileName),
      'Cache-Control': 'private, no-store',
    });
  });
}
