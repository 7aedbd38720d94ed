/** @jsxImportSource hono/jsx */
/** The editor of a draft, part 2: items (add, edit, move within or to another section, remove). */
import type { AppContext } from '../../ui/context.js';
import type { Authorized, RouteTable } from '../../ui/route.js';
import type { EditorFailure } from './editor/editor-result.js';
import { itemValues, newItemValues, type FormValues } from './editor/form-input.js';
import { loadItemEditor } from './load-item-editor.js';
import { loadSectionEditor } from './load-section-editor.js';
import { moveTemplateEntry } from './move-template-entry.js';
import { removeTemplateEntry } from './remove-template-entry.js';
import { access, itemParams, readEditorForm, readParams, sectionParams, useCaseContext, VERSION, versionRef, type EditorForm } from './route-input.js';
import { saveTemplateItem } from './save-template-item.js';
import { editorStatus, ItemEditorView, type EditorState } from './views/editor-pages.js';
import { ConfirmRemoveView, removalTitle } from './views/pages.js';
import { sectionEditorPath, versionPath } from './views/paths.js';
import { renderVersionPage, templateTexts } from './views/render.js';

/** What the form shows: the stored item, the posted values after "Formulier bijwerken", or the posted values after a failed save. */
type Shown = { kind: 'stored' } | { kind: 'refreshed'; form: EditorForm } | { kind: 'failed'; values: FormValues; failure: EditorFailure };

function stateOf(shown: Shown, stored: FormValues, revision: number): EditorState {
  if (shown.kind === 'stored') return { values: stored, revision };
  if (shown.kind === 'refreshed') return { values: shown.form.values, revision: shown.form.postedRevision ?? revision };
  return { values: shown.values, revision: shown.failure.revision, failure: shown.failure };
}

async function renderNewItem(c: AppContext, auth: Authorized | null, shown: Shown) {
  const { t, ui } = templateTexts(c);
  const { templateVersionId, templateSectionKey } = readParams(c, sectionParams);
  const page = await loadSectionEditor({ ...useCaseContext(c, auth), versionId: templateVersionId, sectionKey: templateSectionKey });
  const stored = { ...newItemValues(page.section.key), scale: page.version.definition.scales[0]?.key ?? '' };
  const state = stateOf(shown, stored, page.version.revision);
  return renderVersionPage(c, page, {
    title: t('itemTitleNew', { section: page.section.title }),
    status: editorStatus(state),
    children: <ItemEditorView t={t} ui={ui} csrf={c.var.csrfToken} page={page} state={state} />,
  });
}

async function renderItem(c: AppContext, auth: Authorized | null, shown: Shown) {
  const { t, ui } = templateTexts(c);
  const { templateVersionId, templateItemKey } = readParams(c, itemParams);
  const page = await loadItemEditor({ ...useCaseContext(c, auth), versionId: templateVersionId, itemKey: templateItemKey });
  const state = stateOf(shown, itemValues(page.item, page.section.key), page.version.revision);
  return renderVersionPage(c, page, {
    title: t('itemTitleEdit', { name: page.item.title }),
    status: editorStatus(state),
    children: <ItemEditorView t={t} ui={ui} csrf={c.var.csrfToken} page={page} state={state} />,
  });
}

export function registerItemRoutes(table: RouteTable): void {
  table.get(`${VERSION}/onderdelen/:templateSectionKey/vragen/nieuw`, access, (c, auth) => renderNewItem(c, auth, { kind: 'stored' }));

  table.post(`${VERSION}/onderdelen/:templateSectionKey/vragen/nieuw`, access, async (c, auth) => {
    const { templateVersionId, templateSectionKey } = readParams(c, sectionParams);
    const form = await readEditorForm(c);
    if (form.refresh) return renderNewItem(c, auth, { kind: 'refreshed', form });
    const result = await saveTemplateItem({ ...useCaseContext(c, auth), versionId: templateVersionId, sectionKey: templateSectionKey, revision: form.revision, values: form.values });
    if (!result.ok) return renderNewItem(c, auth, { kind: 'failed', values: form.values, failure: result });
    return c.redirect(`${sectionEditorPath(versionRef(auth, templateVersionId), result.sectionKey)}?melding=opgeslagen`, 303);
  });

  table.get(`${VERSION}/vragen/:templateItemKey`, access, (c, auth) => renderItem(c, auth, { kind: 'stored' }));

  table.post(`${VERSION}/vragen/:templateItemKey`, access, async (c, auth) => {
    const { templateVersionId, templateItemKey } = readParams(c, itemParams);
    const form = await readEditorForm(c);
    if (form.refresh) return renderItem(c, auth, { kind: 'refreshed', form });
    const result = await saveTemplateItem({ ...useCaseContext(c, auth), versionId: templateVersionId, itemKey: templateItemKey, revision: form.revision, values: form.values });
    if (!result.ok) return renderItem(c, auth, { kind: 'failed', values: form.values, failure: result });
    return c.redirect(`${sectionEditorPath(versionRef(auth, templateVersionId), result.sectionKey)}?melding=opgeslagen`, 303);
  });

  table.post(`${VERSION}/vragen/:templateItemKey/verplaatsen`, access, async (c, auth) => {
    const { templateVersionId, templateItemKey } = readParams(c, itemParams);
    const form = await readEditorForm(c);
    const moved = await moveTemplateEntry({ ...useCaseContext(c, auth), versionId: templateVersionId, revision: form.revision, what: 'item', key: templateItemKey, direction: form.direction });
    const back = sectionEditorPath(versionRef(auth, templateVersionId), moved.sectionKey ?? '');
    if (moved.outcome === 'unchanged') return c.redirect(back, 303);
    return c.redirect(moved.outcome === 'moved' ? `${back}?melding=verplaatst#${moved.anchor}` : `${back}?melding=gewijzigd`, 303);
  });

  table.get(`${VERSION}/vragen/:templateItemKey/verwijderen`, access, async (c, auth) => {
    const { t } = templateTexts(c);
    const { templateVersionId, templateItemKey } = readParams(c, itemParams);
    const page = await loadItemEditor({ ...useCaseContext(c, auth), versionId: templateVersionId, itemKey: templateItemKey });
    const target = { what: 'item', section: page.section, item: page.item } as const;
    return renderVersionPage(c, page, { title: removalTitle(t, target), children: <ConfirmRemoveView t={t} csrf={c.var.csrfToken} page={page} target={target} /> });
  });

  table.post(`${VERSION}/vragen/:templateItemKey/verwijderen`, access, async (c, auth) => {
    const { templateVersionId, templateItemKey } = readParams(c, itemParams);
    const form = await readEditorForm(c);
    const removed = await removeTemplateEntry({ ...useCaseContext(c, auth), versionId: templateVersionId, revision: form.revision, what: 'item', key: templateItemKey, confirmed: form.confirmed });
    const version = versionRef(auth, templateVersionId);
    if (removed.outcome === 'unconfirmed') return c.redirect(versionPath(version, `/vragen/${templateItemKey}/verwijderen`), 303);
    const back = sectionEditorPath(version, removed.sectionKey ?? '');
    if (removed.outcome === 'conflict') return c.redirect(`${back}?melding=gewijzigd`, 303);
    return c.redirect(`${back}?melding=verwijderd-vraag${removed.anchor ? `#${removed.anchor}` : ''}`, 303);
  });
}
