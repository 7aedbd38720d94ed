/** @jsxImportSource hono/jsx */
/**
 * The editor of a draft, part 1: the general form (name, welcome page), sections (add, edit, move,
 * remove) and "Bekijk als school" for a section and the welcome page (any version).
 */
import type { AppContext } from '../../ui/context.js';
import type { Authorized, RouteTable } from '../../ui/route.js';
import type { EditorFailure } from './editor/editor-result.js';
import { generalValues, sectionValues, type FormValues } from './editor/form-input.js';
import { loadSectionEditor } from './load-section-editor.js';
import { loadTemplatePreview } from './load-template-preview.js';
import { loadTemplateVersion } from './load-template-version.js';
import { moveTemplateEntry } from './move-template-entry.js';
import { removeTemplateEntry } from './remove-template-entry.js';
import { access, readEditorForm, readParams, sectionParams, useCaseContext, VERSION, versionParams, versionRef } from './route-input.js';
import { saveTemplateGeneral } from './save-template-general.js';
import { saveTemplateSection } from './save-template-section.js';
import { editorStatus, GeneralEditorView, NewSectionEditorView, type EditorState } from './views/editor-pages.js';
import { noticeFrom } from './views/notices.js';
import { ConfirmRemoveView, PreviewPage, removalTitle, SectionEditorView, WelcomePreviewPage } from './views/pages.js';
import { sectionEditorPath, versionPath } from './views/paths.js';
import { renderVersionPage, templateTexts } from './views/render.js';

const deps = useCaseContext;

function state(values: FormValues, revision: number, failure?: EditorFailure): EditorState {
  return failure ? { values, revision: failure.revision, failure } : { values, revision };
}

async function renderGeneral(c: AppContext, auth: Authorized | null, form?: { values: FormValues; failure: EditorFailure }) {
  const { t, ui } = templateTexts(c);
  const page = await loadTemplateVersion({ ...deps(c, auth), versionId: readParams(c, versionParams).templateVersionId, draftOnly: true });
  const shown = form ? state(form.values, page.version.revision, form.failure) : state(generalValues(page.version.definition), page.version.revision);
  return renderVersionPage(c, page, { title: t('generalTitle'), status: editorStatus(shown), children: <GeneralEditorView t={t} ui={ui} csrf={c.var.csrfToken} page={page} state={shown} /> });
}

async function renderNewSection(c: AppContext, auth: Authorized | null, form?: { values: FormValues; failure: EditorFailure }) {
  const { t, ui } = templateTexts(c);
  const page = await loadTemplateVersion({ ...deps(c, auth), versionId: readParams(c, versionParams).templateVersionId, draftOnly: true });
  const shown = form ? state(form.values, page.version.revision, form.failure) : state({ kind: 'promise' }, page.version.revision);
  return renderVersionPage(c, page, { title: t('sectionTitleNew'), status: editorStatus(shown), children: <NewSectionEditorView t={t} ui={ui} csrf={c.var.csrfToken} page={page} state={shown} /> });
}

async function renderSection(c: AppContext, auth: Authorized | null, form?: { values: FormValues; failure: EditorFailure }) {
  const { t, ui } = templateTexts(c);
  const { templateVersionId, templateSectionKey } = readParams(c, sectionParams);
  const page = await loadSectionEditor({ ...deps(c, auth), versionId: templateVersionId, sectionKey: templateSectionKey });
  const shown = form ? state(form.values, page.version.revision, form.failure) : state(sectionValues(page.section), page.version.revision);
  return renderVersionPage(c, page, {
    title: t('sectionTitleEdit', { name: page.section.title }),
    status: editorStatus(shown),
    clientScript: 'editor-focus.js',
    children: <SectionEditorView t={t} ui={ui} csrf={c.var.csrfToken} page={page} state={shown} notice={form ? undefined : noticeFrom(t, c.req.query('melding'))} />,
  });
}

export function registerSectionRoutes(table: RouteTable): void {
  table.get(`${VERSION}/algemeen`, access, (c, auth) => renderGeneral(c, auth));

  table.post(`${VERSION}/algemeen`, access, async (c, auth) => {
    const { templateVersionId } = readParams(c, versionParams);
    const form = await readEditorForm(c);
    const result = await saveTemplateGeneral({ ...deps(c, auth), versionId: templateVersionId, revision: form.revision, values: form.values });
    if (!result.ok) return renderGeneral(c, auth, { values: form.values, failure: result });
    return c.redirect(`${versionPath(versionRef(auth, templateVersionId))}?melding=opgeslagen`, 303);
  });

  table.get(`${VERSION}/onderdelen/nieuw`, access, (c, auth) => renderNewSection(c, auth));

  table.post(`${VERSION}/onderdelen/nieuw`, access, async (c, auth) => {
    const { templateVersionId } = readParams(c, versionParams);
    const form = await readEditorForm(c);
    const result = await saveTemplateSection({ ...deps(c, auth), versionId: templateVersionId, revision: form.revision, values: form.values });
    if (!result.ok) return renderNewSection(c, auth, { values: form.values, failure: result });
    return c.redirect(`${sectionEditorPath(versionRef(auth, templateVersionId), encodeURIComponent(result.sectionKey))}?melding=opgeslagen`, 303);
  });

  table.get(`${VERSION}/onderdelen/:templateSectionKey`, access, (c, auth) => renderSection(c, auth));

  table.post(`${VERSION}/onderdelen/:templateSectionKey`, access, async (c, auth) => {
    const { templateVersionId, templateSectionKey } = readParams(c, sectionParams);
    const form = await readEditorForm(c);
    const result = await saveTemplateSection({ ...deps(c, auth), versionId: templateVersionId, sectionKey: templateSectionKey, revision: form.revision, values: form.values });
    if (!result.ok) return renderSection(c, auth, { values: form.values, failure: result });
    return c.redirect(`${sectionEditorPath(versionRef(auth, templateVersionId), result.sectionKey)}?melding=opgeslagen`, 303);
  });

  table.post(`${VERSION}/onderdelen/:templateSectionKey/verplaatsen`, access, async (c, auth) => {
    const { templateVersionId, templateSectionKey } = readParams(c, sectionParams);
    const form = await readEditorForm(c);
    const moved = await moveTemplateEntry({ ...deps(c, auth), versionId: templateVersionId, revision: form.revision, what: 'section', key: templateSectionKey, direction: form.direction });
    const back = versionPath(versionRef(auth, templateVersionId));
    if (moved.outcome === 'unchanged') return c.redirect(back, 303);
    return c.redirect(moved.outcome === 'moved' ? `${back}?melding=verplaatst#${moved.anchor}` : `${back}?melding=gewijzigd`, 303);
  });

  table.get(`${VERSION}/onderdelen/:templateSectionKey/verwijderen`, access, async (c, auth) => {
    const { t } = templateTexts(c);
    const { templateVersionId, templateSectionKey } = readParams(c, sectionParams);
    const page = await loadSectionEditor({ ...deps(c, auth), versionId: templateVersionId, sectionKey: templateSectionKey });
    const target = { what: 'section', section: page.section } as const;
    return renderVersionPage(c, page, { title: removalTitle(t, target), children: <ConfirmRemoveView t={t} csrf={c.var.csrfToken} page={page} target={target} /> });
  });

  table.post(`${VERSION}/onderdelen/:templateSectionKey/verwijderen`, access, async (c, auth) => {
    const { templateVersionId, templateSectionKey } = readParams(c, sectionParams);
    const form = await readEditorForm(c);
    const removed = await removeTemplateEntry({ ...deps(c, auth), versionId: templateVersionId, revision: form.revision, what: 'section', key: templateSectionKey, confirmed: form.confirmed });
    const back = versionPath(versionRef(auth, templateVersionId));
    if (removed.outcome === 'unconfirmed') return c.redirect(`${back}/onderdelen/${templateSectionKey}/verwijderen`, 303);
    if (removed.outcome === 'conflict') return c.redirect(`${back}?melding=gewijzigd`, 303);
    return c.redirect(`${back}?melding=verwijderd-onderdeel${removed.anchor ? `#${removed.anchor}` : ''}`, 303);
  });

  table.get(`${VERSION}/onderdelen/:templateSectionKey/voorbeeld`, access, async (c, auth) => {
    const { t } = templateTexts(c);
    const { templateVersionId, templateSectionKey } = readParams(c, sectionParams);
    const page = await loadTemplatePreview({ ...deps(c, auth), versionId: templateVersionId, sectionKey: templateSectionKey });
    const section = page.section!;
    return renderVersionPage(c, page, { title: t('previewTitle', { name: section.title }), children: <PreviewPage t={t} locale={c.var.locale} page={{ ...page, section }} /> });
  });

  table.get(`${VERSION}/welkom/voorbeeld`, access, async (c, auth) => {
    const { t } = templateTexts(c);
    const page = await loadTemplatePreview({ ...deps(c, auth), versionId: readParams(c, versionParams).templateVersionId });
    return renderVersionPage(c, page, { title: t('previewWelcomeTitle'), children: <WelcomePreviewPage t={t} locale={c.var.locale} page={page} /> });
  });
}
