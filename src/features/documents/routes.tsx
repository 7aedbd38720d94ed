/** @jsxImportSource hono/jsx */
/** Downloads of a profile's documents, stored snapshots, and the SWV's batch ZIP. */
import { AppError } from '../../auth/app-error.js';
import { Alert, Button, CsrfField, ErrorSummary, SelectField, StatusTag, type FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { contentDisposition } from '../../ui/content-disposition.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { uiMessages } from '../../ui/messages.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { authorized, permission, type RouteTable } from '../../ui/route.js';
import { formatDutchDate, amsterdamDate } from '../cycle/editability.js';
import { listCycles } from '../cycle/repository.js';
import { getPartnership } from '../partnerships/repository.js';
import { fromPartnershipParam, requireUuid } from '../partnerships/scopes.js';
import { fromProfileParam } from '../questionnaire/scopes.js';
import { isDocumentKind, type DocumentKind } from './document-kinds.js';
import { ACCESSIBLE_ALTERNATIVE } from './render/index.js';
import { getProfileDocument, getProfileDocuments, getSnapshotDocument, type DownloadedFile } from './get-profile-documents.js';
import { documentMessages, formatSize } from './messages.js';
import { openExportDownload } from './open-export-download.js';
import { listExports } from './repository.js';
import { batchExportInput, requestBatchExport } from './request-batch-export.js';

const m = (c: AppContext) => translator(documentMessages, c.var.locale);

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

function formatDateTime(date: Date): string {
  return `${formatDutchDate(amsterdamDate(date))}, ${new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(date)}`;
}

export function registerDocumentRoutes(table: RouteTable): void {
  table.get('/profielen/:profileId/documenten', permission('documents.download', fromProfileParam), async (c, auth) => {
    const t = m(c);
    const profileId = c.req.param('profileId')!;
    const listing = await getProfileDocuments({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId });
    const { profile, servedSnapshot } = listing;
    const year = profile.schoolYear;
    const reason = (r: string) => (r === 'submitted' ? t('reasonSubmitted') : r === 'adopted' ? t('reasonAdopted') : t('reasonArchive'));
    const base = `/profielen/${profile.id}/documenten`;
    return renderPage(c, {
      title: `${t('pageTitle', { year })} – ${listing.schoolName}`,
      partnershipId: profile.partnershipId,
      breadcrumbs: [
        [listing.schoolName, `/scholen/${profile.schoolId}`],
        [`SOP ${year}`, `/profielen/${profile.id}`],
      ],
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('pageTitle', { year })}</h1>
          <p class="utrecht-paragraph">{t('intro')}</p>
          {listing.closedOn ? (
            <Alert type="info">
              {servedSnapshot
                ? t('closedIntro', { year, date: formatDutchDate(listing.closedOn), snapshotDate: formatDateTime(servedSnapshot.createdAt) })
                : t('closedNoSnapshot', { year })}
            </Alert>
          ) : (
            <p class="utrecht-paragraph">{t('liveIntro')}</p>
          )}
          <h2 class="utrecht-heading-2">{t('currentHeading')}</h2>
          <table class="utrecht-table documents-table">
            <caption class="visually-hidden">{t('currentHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('document')}</th>
                <th scope="col">{t('format')}</th>
                <th scope="col">{t('size')}</th>
              </tr>
            </thead>
            <tbody>
              {listing.files.map((file) => (
                <tr>
                  <td>
                    <a class="utrecht-link" href={`${base}/${file.kind}`} {...(file.inline ? {} : { download: file.fileName })} data-kind={file.kind}>
                      {t(`kind.${file.kind}`)}
                    </a>
                    {ACCESSIBLE_ALTERNATIVE[file.kind] && (
                      <>
                        {' · '}
                        <a class="utrecht-link" href={`${base}/${ACCESSIBLE_ALTERNATIVE[file.kind]}`} data-accessible-for={file.kind}>
                          {t('accessibleVersion')}
                        </a>
                      </>
                    )}
                  </td>
                  <td>{file.fileName}</td>
                  <td>{file.size === null ? t('sizeOnDownload') : formatSize(file.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 class="utrecht-heading-2" id="schoolgids-html">
            {t('copyHtmlHeading')}
          </h2>
          <p class="utrecht-paragraph">{t('copyHtmlIntro')}</p>
          <div class="utrecht-form-field utrecht-form-field--textarea">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="schoolgids-html-fragment">
                {t('copyHtmlLabel')}
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <textarea class="utrecht-textarea documents-html" id="schoolgids-html-fragment" readonly rows={12} spellcheck={false}>
                {listing.schoolGuideFragment}
              </textarea>
            </div>
          </div>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${base}/schoolgids-html`} download={listing.files.find((f) => f.kind === 'schoolgids-html')?.fileName ?? 'schoolgids.html'}>
              {t('copyHtmlDownload')}
            </a>
          </p>
          <h2 class="utrecht-heading-2">{t('snapshotsHeading')}</h2>
          <p class="utrecht-paragraph">{t('snapshotsIntro')}</p>
          {listing.snapshots.length === 0 ? (
            <p class="utrecht-paragraph">{t('noSnapshots')}</p>
          ) : (
            listing.snapshots.map((snapshot) => (
              <section class="documents-snapshot" aria-labelledby={`snapshot-${snapshot.id}`}>
                <h3 class="utrecht-heading-3" id={`snapshot-${snapshot.id}`}>
                  {t('snapshotCaption', { date: formatDateTime(snapshot.createdAt), reason: reason(snapshot.reason) })}
                </h3>
                <ul class="utrecht-unordered-list">
                  {snapshot.files.map((file) => (
                    <li>
                      <a class="utrecht-link" href={`${base}/snapshots/${snapshot.id}/${file.kind}`}>
                        {isDocumentKind(file.kind) ? t(`kind.${file.kind}`) : file.fileName}
                      </a>{' '}
                      ({formatSize(file.size)})
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      ),
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

  const batchPage = async (c: AppContext, errors: FieldErrors, values: Record<string, string>, notice?: string) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const db = c.var.deps.db;
    const id = c.req.param('partnershipId')!;
    const partnership = await getPartnership(db, id);
    if (!partnership) throw new AppError('not_found');
    const [cycles, exports] = await Promise.all([listCycles(db, id), listExports(db, id)]);
    const years = [...new Set(cycles.map((cycle) => cycle.schoolYear))].sort().reverse();
    const tone = { queued: 'neutral', running: 'info', done: 'success', failed: 'danger', expired: 'neutral' } as const;
    return renderPage(c, {
      title: t('batchTitle'),
      partnershipId: id,
      status: Object.keys(errors).length ? 400 : 200,
      breadcrumbs: [[partnership.name, `/swv/${id}`]],
      clientScript: exports.some((e) => e.status === 'queued' || e.status === 'running') ? 'documents-progress.js' : undefined,
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('batchTitle')}</h1>
          {notice && <Alert type="ok">{notice}</Alert>}
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['schoolYear']} />
          <p class="utrecht-paragraph">{t('batchIntro')}</p>
          {years.length === 0 ? (
            <p class="utrecht-paragraph">{t('noYears')}</p>
          ) : (
            <form method="post" action={`/swv/${id}/documenten`} novalidate>
              <CsrfField token={c.var.csrfToken} />
              <SelectField
                name="schoolYear"
                label={t('schoolYear')}
                hint={t('schoolYearHint')}
                value={values['schoolYear'] ?? years[0]}
                error={errors['schoolYear']}
                options={years.map((year) => ({ value: year, label: year }))}
              />
              <Button>{t('startBatch')}</Button>
            </form>
          )}
          <h2 class="utrecht-heading-2">{t('exportsHeading')}</h2>
          {exports.length === 0 ? (
            <p class="utrecht-paragraph">{t('noExports')}</p>
          ) : (
            <>
              <table class="utrecht-table documents-table" id="documents-exports">
                <caption class="visually-hidden">{t('exportsHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('schoolYear')}</th>
                    <th scope="col">{t('requested')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('progress')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('download')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {exports.map((e) => {
                    // Exports stored before ZIPs were chunked have no chunks: shown as replaced.
                    const status = e.status === 'done' && e.chunkCount === null ? 'expired' : e.status;
                    return (
                      <tr data-export-status={status}>
                        <td>{e.schoolYear}</td>
                        <td>{formatDateTime(e.createdAt)}</td>
                        <td>
                          <StatusTag tone={tone[status]}>{t(`exportStatus.${status}`)}</StatusTag>
                        </td>
                        <td>
                          {e.progress ? (
                            <>
                              <progress max={e.progress.total} value={e.progress.done} aria-label={t('progress')}></progress>{' '}
                              {t('progressText', { done: e.progress.done, total: e.progress.total })}
                              {e.progress.failed?.length ? (
                                <ul class="utrecht-unordered-list documents-failed">
                                  {e.progress.failed.map((f) => (
                                    <li>{t('schoolFailed', { school: f.school })}</li>
                                  ))}
                                </ul>
                              ) : null}
                            </>
                          ) : null}
                        </td>
                        <td>
                          {status === 'done' && e.size !== null ? (
                            <a class="utrecht-link" href={`/swv/${id}/documenten/${e.id}/zip`}>
                              {t('downloadZip', { size: formatSize(e.size) })}
                            </a>
                          ) : status === 'failed' ? (
                            t('exportFailed')
                          ) : status === 'expired' ? (
                            t('exportExpired')
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={`/swv/${id}/documenten`} id="documents-refresh">
                  {t('refresh')}
                </a>
              </p>
            </>
          )}
        </>
      ),
    });
  };

  table.get('/swv/:partnershipId/documenten', permission('documents.batch', fromPartnershipParam), (c) =>
    batchPage(c, {}, {}, c.req.query('aangevraagd') === '1' ? m(c)('exportStarted') : undefined),
  );

  table.post('/swv/:partnershipId/documenten', permission('documents.batch', fromPartnershipParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(batchExportInput, values);
    if (!parsed.ok) return batchPage(c, parsed.errors, values);
    const partnershipId = c.req.param('partnershipId')!;
    const cycles = await listCycles(c.var.deps.db, partnershipId);
    if (!cycles.some((cycle) => cycle.schoolYear === parsed.data.schoolYear)) return batchPage(c, { schoolYear: m(c)('chooseYear') }, values);
    try {
      await requestBatchExport({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, schoolYear: parsed.data.schoolYear });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return batchPage(c, { schoolYear: error.userMessage ?? m(c)('chooseYear') }, values);
      throw error;
    }
    return c.redirect(`/swv/${partnershipId}/documenten?aangevraagd=1`, 303);
  });

  table.get('/swv/:partnershipId/documenten/:exportId/zip', permission('documents.batch', fromPartnershipParam), async (c, auth) => {
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
