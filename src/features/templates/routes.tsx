/** @jsxImportSource hono/jsx */
/**
 * SWV admin pages for the questionnaire template: the list of templates and versions, file import
 * and export, a version's page (with the national set upload), publishing and the comparison between
 * versions. The editor's pages of a draft: routes-sections.tsx, routes-items.tsx, routes-scales.tsx.
 * Every route: permission 'template.manage' at the SWV from :partnershipId; the use cases read
 * versions with that SWV as tenant filter (another SWV's version is a 404).
 */
import { AppError } from '../../auth/app-error.js';
import type { AppContext } from '../../ui/context.js';
import { contentDisposition } from '../../ui/content-disposition.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, type Authorized, type RouteTable } from '../../ui/route.js';
import { adoptNationalSetUpload } from './adopt-national-set-upload.js';
import { downloadTemplateVersion } from './download-template-version.js';
import type { TemplateFileError } from './format/parse-template-file.js';
import { loadPublishPage } from './load-publish-page.js';
import { loadTemplateList } from './load-template-list.js';
import { loadTemplateVersion } from './load-template-version.js';
import { loadVersionComparison } from './load-version-comparison.js';
import { publishVersion } from './publish-version.js';
import { readTemplateFormatFile } from './read-template-format-file.js';
import { access, BASE, TEMPLATE_UPLOAD_ROUTE, readParams, readPublishForm, readUpload, templateParams, VERSION, versionParams, versionRef } from './route-input.js';
import { registerItemRoutes } from './routes-items.js';
import { registerScaleRoutes } from './routes-scales.js';
import { registerSectionRoutes } from './routes-sections.js';
import { startNewDraft } from './start-new-draft.js';
import { uploadTemplate } from './upload-template.js';
import { partnershipOf } from './version-in-scope.js';
import { noticeFrom } from './views/notices.js';
import { ComparePage, ListPage, PublishPage, VersionPage } from './views/pages.js';
import { templatesPath, versionPath } from './views/paths.js';
import { renderVersionPage, templateTexts } from './views/render.js';

async function renderList(c: AppContext, auth: Authorized | null, upload?: { errors: TemplateFileError[]; fileError?: string }) {
  const { t, ui } = templateTexts(c);
  const page = await loadTemplateList({ db: c.var.deps.db, auth: authorized(auth) });
  return renderPage(c, {
    title: t('listTitle'),
    partnershipId: page.partnershipId,
    status: upload ? 400 : 200,
    breadcrumbs: [[page.partnershipName, `/swv/${page.partnershipId}`]],
    children: <ListPage t={t} ui={ui} csrf={c.var.csrfToken} page={page} notice={noticeFrom(t, c.req.query('melding'))} uploadErrors={upload?.errors ?? []} fileError={upload?.fileError} />,
  });
}

async function renderVersion(c: AppContext, auth: Authorized | null, nationalUpload?: { nationalErrors?: TemplateFileError[]; nationalFileError?: string }) {
  const { t } = templateTexts(c);
  const { templateVersionId } = readParams(c, versionParams);
  const page = await loadTemplateVersion({ db: c.var.deps.db, auth: authorized(auth), versionId: templateVersionId, locale: c.var.locale, draftOnly: nationalUpload !== undefined });
  return renderVersionPage(c, page, {
    title: t('versionTitle', { name: page.version.definition.name, number: page.version.number }),
    status: nationalUpload ? 400 : 200,
    crumbs: 2,
    clientScript: page.version.status === 'draft' && !nationalUpload ? 'editor-focus.js' : undefined,
    children: <VersionPage t={t} csrf={c.var.csrfToken} page={page} notice={nationalUpload ? undefined : noticeFrom(t, c.req.query('melding'))} {...nationalUpload} />,
  });
}

async function renderPublish(c: AppContext, auth: Authorized | null, form?: { value: string | undefined; error: string | undefined }) {
  const { t, ui } = templateTexts(c);
  const { templateVersionId } = readParams(c, versionParams);
  const page = await loadPublishPage({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), versionId: templateVersionId, locale: c.var.locale });
  return renderVersionPage(c, page, {
    title: t('publishTitle', { number: page.version.number }),
    status: form?.error ? 400 : 200,
    children: <PublishPage t={t} ui={ui} csrf={c.var.csrfToken} page={page} value={form?.value} error={form?.error} />,
  });
}

export function registerTemplateRoutes(table: RouteTable): void {
  table.get(BASE, access, (c, auth) => renderList(c, auth));

  // The format documentation and the JSON Schema, as they are in the repository (docs/).
  table.get(`${BASE}/formaat`, access, async (c) => {
    const { text, contentType } = await readTemplateFormatFile({ which: 'docs' });
    return c.body(text, 200, { 'Content-Type': contentType, 'Content-Disposition': contentDisposition('inline', 'template-format.md') });
  });
  table.get(`${BASE}/template.schema.json`, access, async (c) => {
    const { text, contentType } = await readTemplateFormatFile({ which: 'schema' });
    return c.body(text, 200, { 'Content-Type': contentType });
  });

  table.post(`${BASE}/importeren`, access, async (c, auth) => {
    const upload = await readUpload(c);
    if (!upload.ok) return renderList(c, auth, { errors: [], fileError: templateTexts(c).t(upload.problem) });
    const result = await uploadTemplate({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), fileName: upload.file.name, source: upload.text });
    if (!result.ok) return renderList(c, auth, { errors: result.errors });
    return c.redirect(`${templatesPath(partnershipOf(authorized(auth)))}/versies/${result.versionId}?melding=geimporteerd`, 303);
  }, TEMPLATE_UPLOAD_ROUTE);

  table.post(`${BASE}/:templateId/nieuwe-conceptversie`, access, async (c, auth) => {
    const { templateId } = readParams(c, templateParams);
    const base = templatesPath(partnershipOf(authorized(auth)));
    try {
      const { versionId } = await startNewDraft({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), templateId });
      return c.redirect(`${base}/versies/${versionId}?melding=concept-gestart`, 303);
    } catch (error) {
      // One draft at a time: go to the draft there is.
      const draftId = error instanceof AppError && error.code === 'conflict' ? (error.details as { versionId?: string } | undefined)?.versionId : undefined;
      if (draftId) return c.redirect(`${base}/versies/${draftId}?melding=concept-bestaat`, 303);
      throw error;
    }
  });

  table.get(VERSION, access, (c, auth) => renderVersion(c, auth));

  table.post(`${VERSION}/landelijke-set`, access, async (c, auth) => {
    const { templateVersionId } = readParams(c, versionParams);
    const upload = await readUpload(c);
    if (!upload.ok) return renderVersion(c, auth, { nationalFileError: templateTexts(c).t(upload.problem) });
    const result = await adoptNationalSetUpload({
      db: c.var.deps.db,
      clock: c.var.deps.clock,
      auth: authorized(auth),
      locale: c.var.locale,
      versionId: templateVersionId,
      fileName: upload.file.name,
      source: upload.text,
      intoSection: upload.fields['section'] || undefined,
    });
    if (!result.ok) return renderVersion(c, auth, { nationalErrors: result.errors });
    return c.redirect(`${versionPath(versionRef(auth, templateVersionId))}?melding=landelijke-set`, 303);
  }, TEMPLATE_UPLOAD_ROUTE);

  table.get(`${VERSION}/bestand`, access, async (c, auth) => {
    const { templateVersionId } = readParams(c, versionParams);
    const { yaml, fileName } = await downloadTemplateVersion({ db: c.var.deps.db, auth: authorized(auth), versionId: templateVersionId, locale: c.var.locale });
    return c.body(yaml, 200, { 'Content-Type': 'application/yaml; charset=utf-8', 'Content-Disposition': contentDisposition('attachment', fileName) });
  });

  table.get(`${VERSION}/vergelijken`, access, async (c, auth) => {
    const { t } = templateTexts(c);
    const { templateVersionId } = readParams(c, versionParams);
    const page = await loadVersionComparison({ db: c.var.deps.db, auth: authorized(auth), versionId: templateVersionId, locale: c.var.locale });
    return renderVersionPage(c, page, {
      title: page.comparison ? t('compareTitle', { number: page.version.number, previous: page.comparison.previous.number }) : t('compare'),
      children: <ComparePage t={t} page={page} />,
    });
  });

  table.get(`${VERSION}/publiceren`, access, (c, auth) => renderPublish(c, auth));

  table.post(`${VERSION}/publiceren`, access, async (c, auth) => {
    const { templateVersionId } = readParams(c, versionParams);
    const { schoolYear } = await readPublishForm(c);
    if (!schoolYear) return renderPublish(c, auth, { value: undefined, error: templateTexts(c).t('schoolYearRequired') });
    try {
      await publishVersion({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), versionId: templateVersionId, schoolYear });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) return renderPublish(c, auth, { value: schoolYear, error: error.userMessage });
      throw error;
    }
    return c.redirect(`${versionPath(versionRef(auth, templateVersionId))}?melding=gepubliceerd`, 303);
  });

  registerSectionRoutes(table);
  registerItemRoutes(table);
  registerScaleRoutes(table);
}
