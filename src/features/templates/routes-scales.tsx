/** @jsxImportSource hono/jsx */
/** The editor of a draft, part 3: answer scales (add, copy from another template or an example, edit, remove). */
import type { AppContext } from '../../ui/context.js';
import type { Authorized, RouteTable } from '../../ui/route.js';
import { copyTemplateScale } from './copy-template-scale.js';
import type { EditorFailure } from './editor/editor-result.js';
import { scaleValues, type FormValues } from './editor/form-input.js';
import { loadScaleEditor } from './load-scale-editor.js';
import { loadScaleRemoval } from './load-scale-removal.js';
import { removeTemplateEntry } from './remove-template-entry.js';
import { access, copyScaleInput, readEditorForm, readParams, scaleParams, useCaseContext, VERSION, versionParams, versionRef } from './route-input.js';
import { saveTemplateScale } from './save-template-scale.js';
import { editorStatus, ScaleEditorView, type EditorState } from './views/editor-pages.js';
import { ConfirmRemoveView, removalTitle } from './views/pages.js';
import { versionPath } from './views/paths.js';
import { renderVersionPage, templateTexts } from './views/render.js';

/** The scale form: new (`scaleKey` undefined) or existing; after a failed save with the posted values. */
async function renderScale(c: AppContext, auth: Authorized | null, scaleKey: string | undefined, form?: { values: FormValues; failure: EditorFailure }) {
  const { t, ui } = templateTexts(c);
  const page = await loadScaleEditor({ ...useCaseContext(c, auth), versionId: readParams(c, versionParams).templateVersionId, scaleKey });
  const state: EditorState = form
    ? { values: form.values, revision: form.failure.revision, failure: form.failure }
    : { values: page.scale ? scaleValues(page.scale) : {}, revision: page.version.revision };
  return renderVersionPage(c, page, {
    title: page.scale ? t('scaleTitleEdit', { name: page.scale.name }) : t('scaleTitleNew'),
    status: editorStatus(state),
    children: <ScaleEditorView t={t} ui={ui} csrf={c.var.csrfToken} page={page} state={state} />,
  });
}

export function registerScaleRoutes(table: RouteTable): void {
  table.get(`${VERSION}/schalen/nieuw`, access, (c, auth) => renderScale(c, auth, undefined));

  table.post(`${VERSION}/schalen/nieuw`, access, async (c, auth) => {
    const { templateVersionId } = readParams(c, versionParams);
    const form = await readEditorForm(c);
    const result = await saveTemplateScale({ ...useCaseContext(c, auth), versionId: templateVersionId, revision: form.revision, values: form.values });
    if (!result.ok) return renderScale(c, auth, undefined, { values: form.values, failure: result });
    return c.redirect(`${versionPath(versionRef(auth, templateVersionId))}?melding=opgeslagen`, 303);
  });

  table.post(`${VERSION}/schalen/overnemen`, access, async (c, auth) => {
    const { templateVersionId } = readParams(c, versionParams);
    const form = await readEditorForm(c);
    const result = await copyTemplateScale({ ...useCaseContext(c, auth), versionId: templateVersionId, revision: form.revision, ...copyScaleInput(form.values) });
    if (!result.ok) return renderScale(c, auth, undefined, { values: form.values, failure: result });
    return c.redirect(`${versionPath(versionRef(auth, templateVersionId))}?melding=schaal-overgenomen`, 303);
  });

  table.get(`${VERSION}/schalen/:templateScaleKey`, access, (c, auth) => renderScale(c, auth, readParams(c, scaleParams).templateScaleKey));

  table.post(`${VERSION}/schalen/:templateScaleKey`, access, async (c, auth) => {
    const { templateVersionId, templateScaleKey } = readParams(c, scaleParams);
    const form = await readEditorForm(c);
    const result = await saveTemplateScale({ ...useCaseContext(c, auth), versionId: templateVersionId, scaleKey: templateScaleKey, revision: form.revision, values: form.values });
    if (!result.ok) return renderScale(c, auth, templateScaleKey, { values: form.values, failure: result });
    return c.redirect(`${versionPath(versionRef(auth, templateVersionId))}?melding=opgeslagen`, 303);
  });

  table.get(`${VERSION}/schalen/:templateScaleKey/verwijderen`, access, async (c, auth) => {
    const { t } = templateTexts(c);
    const { templateVersionId, templateScaleKey } = readParams(c, scaleParams);
    const page = await loadScaleRemoval({ ...useCaseContext(c, auth), versionId: templateVersionId, scaleKey: templateScaleKey });
    const target = { what: 'scale', scale: page.scale, refusal: page.refusal } as const;
    return renderVersionPage(c, page, { title: removalTitle(t, target), children: <ConfirmRemoveView t={t} csrf={c.var.csrfToken} page={page} target={target} /> });
  });

  table.post(`${VERSION}/schalen/:templateScaleKey/verwijderen`, access, async (c, auth) => {
    const { templateVersionId, templateScaleKey } = readParams(c, scaleParams);
    const form = await readEditorForm(c);
    const removed = await removeTemplateEntry({ ...useCaseContext(c, auth), versionId: templateVersionId, revision: form.revision, what: 'scale', key: templateScaleKey, confirmed: form.confirmed });
    const back = versionPath(versionRef(auth, templateVersionId));
    if (removed.outcome === 'unconfirmed') return c.redirect(`${back}/schalen/${templateScaleKey}/verwijderen`, 303);
    return c.redirect(removed.outcome === 'conflict' ? `${back}?melding=gewijzigd` : `${back}?melding=verwijderd-schaal`, 303);
  });
}
