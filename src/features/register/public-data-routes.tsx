/** @jsxImportSource hono/jsx */
/** Importing DUO's pupil counts and the inspection's verdicts per location: upload, preview, confirm. */
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam } from '../partnerships/scopes.js';
import { confirmPublicDataImport } from './confirm-public-data-import.js';
import { loadPublicDataPreview } from './load-public-data-preview.js';
import { loadRegisterUploadPage } from './load-register-upload-page.js';
import { registerMessages } from './messages.js';
import { previewPublicDataImport, type PublicDataKind } from './preview-public-data-import.js';
import { lastCountDate } from './pupil-count-text.js';
import { MAX_UPLOAD_MB, readUpload, UPLOAD_ROUTE, uploadErrors } from './routes.js';
import { PUBLIC_DATA_PATHS, PublicDataPreviewView, PublicDataUploadView } from './views/public-data.js';

const m = (c: AppContext) => translator(registerMessages, c.var.locale);

async function uploadPage(c: AppContext, auth: Authorized | null, kind: PublicDataKind, errors: FieldErrors, values: Record<string, string>, notice?: string) {
  const page = await loadRegisterUploadPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  return renderPage(c, {
    title: kind === 'pupil_counts' ? m(c)('countsTitle') : m(c)('verdictsTitle'),
    partnershipId: page.partnership.id,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: page.breadcrumbs,
    children: <PublicDataUploadView partnershipId={page.partnership.id} kind={kind} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} notice={notice} />,
  });
}

export function registerPublicDataRoutes(table: RouteTable): void {
  const manage = permission('partnership.manage', fromPartnershipParam);
  for (const kind of ['pupil_counts', 'verdicts'] as const) {
    const base = `/swv/:partnershipId/${PUBLIC_DATA_PATHS[kind]}`;
    // Its own parameter name per kind: an id of one kind never opens the other's page.
    const param = kind === 'pupil_counts' ? 'countsImportId' : 'verdictsImportId';
    table.get(base, manage, (c, auth) => {
      const done = /^\d+$/.exec(c.req.query('klaar') ?? '');
      return uploadPage(c, auth, kind, {}, { countedOn: lastCountDate(c.var.deps.clock.now()) }, done ? m(c)('publicDone', { count: done[0] }) : undefined);
    });
    table.post(base, manage, async (c, auth) => {
      const t = m(c);
      const { values, files, tooLarge } = await readUpload(c, ['file']);
      if (tooLarge) return uploadPage(c, auth, kind, { file: t('fileTooLarge', { max: MAX_UPLOAD_MB }) }, values);
      if (!files['file']) return uploadPage(c, auth, kind, { file: t('fileRequired') }, values);
      const partnershipId = c.req.param('partnershipId')!;
      try {
        const importId = await previewPublicDataImport({
          db: c.var.deps.db,
          clock: c.var.deps.clock,
          auth: authorized(auth),
          partnershipId,
          kind,
          fileName: files['file'].name,
          file: files['file'].bytes,
          countedOn: (values['countedOn'] ?? '').trim().slice(0, 10),
          t,
        });
        return c.redirect(`/swv/${partnershipId}/${PUBLIC_DATA_PATHS[kind]}/${importId}`, 303);
      } catch (error) {
        return uploadPage(c, auth, kind, uploadErrors(error, 'file'), values);
      }
    }, UPLOAD_ROUTE);
    table.get(`${base}/:${param}`, manage, async (c, auth) => {
      const page = await loadPublicDataPreview({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, kind, importId: c.req.param(param)! });
      return renderPage(c, {
        title: m(c)('publicPreviewTitle', { title: kind === 'pupil_counts' ? m(c)('countsTitle') : m(c)('verdictsTitle') }),
        partnershipId: page.partnership.id,
        breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
        children: <PublicDataPreviewView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} />,
      });
    });
    table.post(`${base}/:${param}`, manage, async (c, auth) => {
      const partnershipId = c.req.param('partnershipId')!;
      const count = await confirmPublicDataImport({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, kind, importId: c.req.param(param)! });
      return c.redirect(`/swv/${partnershipId}/${PUBLIC_DATA_PATHS[kind]}?klaar=${count}`, 303);
    });
  }
}
