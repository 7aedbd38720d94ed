/** @jsxImportSource hono/jsx */
/** Bulk invitations (issue 11): paste or upload a table, see every row checked, then send. */
import { z } from 'zod';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { baseUrl } from '../../ui/request.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam } from '../partnerships/scopes.js';
import { loadRegisterUploadPage } from './load-register-upload-page.js';
import { registerMessages } from './messages.js';
import { previewBulkInvitations } from './preview-bulk-invitations.js';
import { readUpload, UPLOAD_ROUTE, uploadErrors } from './routes.js';
import { sendBulkInvitations } from './send-bulk-invitations.js';
import { BulkInvitationFormView, BulkInvitationPreviewView, BulkInvitationResultView, bulkInvitationsPath } from './views/bulk-invitations.js';

const m = (c: AppContext) => translator(registerMessages, c.var.locale);

const sendSchema = z.object({ data: z.string().min(1).max(4_000_000).regex(/^[A-Za-z0-9+/=]+$/) });

async function formPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, table: string) {
  const page = await loadRegisterUploadPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  return renderPage(c, {
    title: m(c)('bulkTitle'),
    partnershipId: page.partnership.id,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [
      [page.partnership.name, `/swv/${page.partnership.id}`],
      [m(c)('bulkToUsers'), `/swv/${page.partnership.id}/gebruikers`],
    ],
    children: <BulkInvitationFormView partnershipId={page.partnership.id} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} table={table} />,
  });
}

export function registerBulkInvitationRoutes(table: RouteTable): void {
  const manage = permission('partnership.manage', fromPartnershipParam);
  const path = bulkInvitationsPath(':partnershipId');

  table.get(path, manage, (c, auth) => formPage(c, auth, {}, ''));

  table.post(
    path,
    manage,
    async (c, auth) => {
      const upload = await readUpload(c, ['bestand']);
      const pasted = upload.values['tabel'] ?? '';
      if (upload.tooLarge) return formPage(c, auth, { tabel: m(c)('fileTooLarge', { max: 50 }) }, pasted);
      const bytes = upload.files['bestand']?.bytes ?? (pasted.trim() ? new TextEncoder().encode(pasted) : null);
      try {
        const preview = await previewBulkInvitations({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, bytes, locale: c.var.locale });
        return renderPage(c, {
          title: m(c)('bulkPreviewTitle'),
          partnershipId: preview.partnership.id,
          breadcrumbs: [
            [preview.partnership.name, `/swv/${preview.partnership.id}`],
            [m(c)('bulkTitle'), bulkInvitationsPath(preview.partnership.id)],
          ],
          children: <BulkInvitationPreviewView preview={preview} locale={c.var.locale} csrfToken={c.var.csrfToken} />,
        });
      } catch (error) {
        return formPage(c, auth, uploadErrors(error, 'tabel'), pasted);
      }
    },
    UPLOAD_ROUTE,
  );

  table.post(
    `${path}/versturen`,
    manage,
    async (c, auth) => {
      const parsed = parseForm(sendSchema, await readForm(c));
      if (!parsed.ok) return formPage(c, auth, { tabel: m(c)('bulkNothing') }, '');
      try {
        const result = await sendBulkInvitations({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, data: parsed.data.data, baseUrl: baseUrl(c), locale: c.var.locale });
        return renderPage(c, {
          title: m(c)('bulkResultTitle'),
          partnershipId: result.preview.partnership.id,
          breadcrumbs: [[result.preview.partnership.name, `/swv/${result.preview.partnership.id}`]],
          children: <BulkInvitationResultView preview={result.preview} outcome={result.outcome} sent={result.sent} locale={c.var.locale} />,
        });
      } catch (error) {
        return formPage(c, auth, uploadErrors(error, 'tabel'), '');
      }
    },
    UPLOAD_ROUTE,
  );
}
