/** @jsxImportSource hono/jsx */
/** Downloads of a profile's documents and its stored snapshots; the SWV's batch ZIP is in batch-routes.tsx. */
import { AppError } from '../../auth/app-error.js';
import { contentDisposition } from '../../ui/content-disposition.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type RouteTable } from '../../ui/route.js';
import { requireUuid } from '../partnerships/scopes.js';
import { fromProfileParam } from '../questionnaire/scopes.js';
import { registerBatchExportRoutes } from './batch-routes.js';
import { isDocumentKind, type DocumentKind } from './document-kinds.js';
import { getProfileDocument, getProfileDocuments, getSnapshotDocument, type DownloadedFile } from './get-profile-documents.js';
import { documentMessages } from './messages.js';
import { ProfileDocumentsView } from './views/profile-documents.js';

function kindParam(c: AppContext): DocumentKind {
  const kind = c.req.param('kind');
  if (!isDocumentKind(kind)) throw new AppError('not_found');
  return kind;
}

function sendFile(c: AppContext, file: DownloadedFile): Response {
  let body: Uint8Array | string = file.bytes;
  if (file.inline && file.mimeType.startsWith('text/html')) {
    // The stand-alone pages carry their own <style>; allow it under this response's CSP nonce.
    // No favicon request to a missing file from a stand-alone page.
    body = Buffer.from(file.bytes)
      .toString('utf8')
      .replace(/<style>/g, `<style nonce="${c.var.nonce}">`)
      .replace(/<head>/, '<head>\n  <link rel="icon" href="data:,">');
  }
  return c.body(body as never, 200, {
    'Content-Type': file.mimeType,
    'Content-Disposition': contentDisposition(file.inline ? 'inline' : 'attachment', file.fileName),
    'Cache-Control': 'private, no-store',
  });
}

export function registerDocumentRoutes(table: RouteTable): void {
  table.get('/profielen/:profileId/documenten', permission('documents.download', fromProfileParam), async (c, auth) => {
    const t = translator(documentMessages, c.var.locale);
    const listing = await getProfileDocuments({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId: c.req.param('profileId')! });
    const { profile } = listing;
    return renderPage(c, {
      title: `${t('pageTitle', { year: profile.schoolYear })} – ${listing.schoolName}`,
      partnershipId: profile.partnershipId,
      breadcrumbs: [
        [listing.schoolName, `/scholen/${profile.schoolId}`],
        [`SOP ${profile.schoolYear}`, `/profielen/${profile.id}`],
      ],
      children: <ProfileDocumentsView listing={listing} locale={c.var.locale} />,
    });
  });

  table.get('/profielen/:profileId/documenten/snapshots/:snapshotId/:kind', permission('documents.download', fromProfileParam), async (c, auth) => {
    const file = await getSnapshotDocument({
      db: c.var.deps.db,
      clock: c.var.deps.clock,
      auth: authorized(auth),
      profileId: c.req.param('profileId')!,
      snapshotId: requireUuid(c.req.param('snapshotId')),
      kind: kindParam(c),
    });
    return sendFile(c, file);
  });

  table.get('/profielen/:profileId/documenten/:kind', permission('documents.download', fromProfileParam), async (c, auth) => {
    const file = await getProfileDocument({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId: c.req.param('profileId')!, kind: kindParam(c) });
    return sendFile(c, file);
  });

  registerBatchExportRoutes(table);
}
