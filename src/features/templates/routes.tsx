/** @jsxImportSource hono/jsx */
/**
 * SWV admin pages for the questionnaire template: list and versions, file import and export,
 * the editor of a draft version, "Bekijk als school", publishing and the comparison between
 * versions. Every route: permission 'template.manage' at the SWV from :partnershipId; ids of
 * versions are checked against that SWV in the queries (another SWV's version is a 404).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Child } from 'hono/jsx';
import { projectRoot } from '../../config/project-root.js';
import { TEMPLATE_SCHEMA_FILE } from './format/template-json-schema.js';
import { AppError } from '../../auth/app-error.js';
import { checkTemplatePosterFit } from '../documents/check-template-poster-fit.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { uiMessages } from '../../ui/messages.js';
import { readFormAll } from '../../ui/forms.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { getPartnership } from '../partnerships/repository.js';
import { fromPartnershipParam, requireUuid } from '../partnerships/scopes.js';
import { locateErrors } from './editor/check-definition.js';
import * as edits from './editor/edits.js';
import {
  generalField,
  generalValues,
  itemField,
  itemValues,
  newItemValues,
  readGeneral,
  readItem,
  readScale,
  readSection,
  scaleField,
  scaleValues,
  sectionField,
  sectionValues,
  text,
  type FormValues,
} from './editor/form-input.js';
import { adoptNationalSetFile } from './adopt-national-set-file.js';
import { templateFile } from './export-template.js';
import type { TemplateFileError } from './format/parse-template-file.js';
import { templateMessages } from './messages.js';
import { findScale } from './model/template.js';
import { publishVersion } from './publish-version.js';
import { findPredecessor, findVersionInPartnership, listTemplates, listTemplateVersions, type TemplateVersionRow } from './repository.js';
import { saveDraftEdit } from './save-draft-edit.js';
import { schoolYearChoices } from './school-year.js';
import { startNewDraft } from './start-new-draft.js';
import { uploadTemplate } from './upload-template.js';
import { EditorErrorSummary, type EditorError } from './views/fields.js';
import { GeneralForm, ItemForm, ScaleCopyForm, ScaleForm, SectionForm } from './views/forms.js';
import { findSourceScale, listScaleSources } from './scale-sources.js';
import { ComparePage, ConfirmRemovePage, ListPage, PreviewPage, PublishPage, SectionPage, VersionPage, WelcomePreviewPage, type Notice } from './views/pages.js';

const m = (c: AppContext) => translator(templateMessages, c.var.locale);
type T = ReturnType<typeof m>;

const access = permission('template.manage', fromPartnershipParam);
const BASE = '/swv/:partnershipId/vragenlijsten';
const VERSION = `${BASE}/versies/:templateVersionId`;
const MAX_FILE_BYTES = 1_000_000;

/** Notices after a redirect: a fixed list, never text from the request. */
const NOTICES = {
  opgeslagen: { key: 'saved', type: 'ok' },
  gepubliceerd: { key: 'published', type: 'ok' },
  'concept-gestart': { key: 'draftStarted', type: 'ok' },
  geimporteerd: { key: 'imported', type: 'ok' },
  verplaatst: { key: 'moved', type: 'ok' },
  'verwijderd-onderdeel': { key: 'removedSection', type: 'ok' },
  'verwijderd-vraag': { key: 'removedItem', type: 'ok' },
  'verwijderd-schaal': { key: 'removedScale', type: 'ok' },
  gewijzigd: { key: 'conflictList', type: 'warning' },
  'concept-bestaat': { key: 'draftExists', type: 'warning' },
  'landelijke-set': { key: 'nationalAdopted', type: 'ok' },
  'schaal-overgenomen': { key: 'scaleCopied', type: 'ok' },
} as const satisfies Record<string, { key: keyof typeof templateMessages.nl; type: Notice['type'] }>;

function noticeFrom(c: AppContext): Notice | undefined {
  const name = c.req.query('melding');
  if (!name || !(name in NOTICES)) return undefined;
  const notice = NOTICES[name as keyof typeof NOTICES];
  return { type: notice.type, text: m(c)(notice.key) };
}

function partnershipIdOf(auth: Authorized): string {
  if (auth.scope.level === 'platform') throw new AppError('not_found');
  return auth.scope.partnershipId;
}

export interface Loaded {
  version: TemplateVersionRow;
  partnershipName: string;
  base: string;
  vbase: string;
  breadcrumbs: Array<[string, string]>;
}

async function loadVersion(c: AppContext, auth: Authorized | null): Promise<Loaded> {
  const partnershipId = partnershipIdOf(authorized(auth));
  const db = c.var.deps.db;
  const version = await findVersionInPartnership(db, partnershipId, requireUuid(c.req.param('templateVersionId')));
  if (!version) throw new AppError('not_found');
  const partnership = await getPartnership(db, partnershipId);
  if (!partnership) throw new AppError('not_found');
  const base = `/swv/${partnershipId}/vragenlijsten`;
  const vbase = `${base}/versies/${version.id}`;
  const t = m(c);
  return {
    version,
    partnershipName: partnership.name,
    base,
    vbase,
    breadcrumbs: [
      [partnership.name, `/swv/${partnershipId}`],
      [t('listTitle'), base],
      [t('versionTitle', { name: version.definition.name, number: version.number }), vbase],
    ],
  };
}

/** The row after a removed one (or before it, when it was the last): where the keyboard focus goes. */
function neighbourAnchor(rows: Array<{ key: string }>, key: string, prefix: 'item' | 'section'): string | undefined {
  const index = rows.findIndex((row) => row.key === key);
  const neighbour = rows[index + 1] ?? rows[index - 1];
  return neighbour ? `${prefix}-${neighbour.key}` : undefined;
}

function requireDraft(c: AppContext, loaded: Loaded): void {
  if (loaded.version.status !== 'draft') throw new AppError('invalid_state', m(c)('notDraft'));
}

function findSection(loaded: Loaded, key: string | undefined) {
  const section = loaded.version.definition.sections.find((candidate) => candidate.key === key);
  if (!section) throw new AppError('not_found');
  return section;
}

function findItem(loaded: Loaded, key: string | undefined) {
  for (const section of loaded.version.definition.sections) {
    const item = section.items.find((candidate) => candidate.key === key);
    if (item) return { section, item };
  }
  throw new AppError('not_found');
}

function findScaleOrThrow(loaded: Loaded, key: string | undefined) {
  const scale = findScale(loaded.version.definition, key);
  if (!scale) throw new AppError('not_found');
  return scale;
}

// ---------------------------------------------------------------------------
// Saving an edit and showing its outcome

interface FormState {
  values: FormValues;
  errors: Record<string, string>;
  summary: EditorError[];
  others: TemplateFileError[];
  warning?: string | undefined;
  revision: number;
  status: number;
}

type RenderForm = (state: FormState) => Promise<Response>;

async function saveEdit(
  c: AppContext,
  auth: Authorized | null,
  options: {
    loaded: Loaded;
    values: FormValues;
    edit: edits.TemplateEdit;
    fieldOf: (relativePath: string) => string;
    labelOf: (field: string) => string;
    numberErrors?: string[];
    success: string;
    render: RenderForm;
  },
): Promise<Response> {
  const t = m(c);
  const { values, render } = options;
  const posted = Number(text(values, 'revision'));
  const revision = Number.isInteger(posted) ? posted : -1;
  const result = await saveDraftEdit({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), versionId: options.loaded.version.id, revision, edit: options.edit });
  if (result.ok) return c.redirect(options.success, 303);
  if (result.reason === 'conflict') {
    return render({ values, errors: {}, summary: [], others: [], warning: t('conflict'), revision: result.revision, status: 409 });
  }
  const errors: Record<string, string> = {};
  const summary: EditorError[] = [];
  const add = (field: string, message: string) => {
    if (errors[field]) return;
    errors[field] = message;
    summary.push({ field, label: options.labelOf(field), message });
  };
  for (const field of options.numberErrors ?? []) add(field, t('notANumber'));
  if (result.reason === 'refused') {
    add(result.field ?? '_form', result.message);
    return render({ values, errors, summary, others: [], revision: options.loaded.version.revision, status: 409 });
  }
  const located = locateErrors(result.errors, result.at);
  for (const { field, message } of located.fields) add(options.fieldOf(field), message);
  return render({ values, errors, summary, others: located.others, revision: options.loaded.version.revision, status: 400 });
}

function emptyState(values: FormValues, revision: number): FormState {
  return { values, errors: {}, summary: [], others: [], revision, status: 200 };
}

export function registerTemplateRoutes(table: RouteTable): void {
  // -------------------------------------------------------------------------
  // List, import, new draft

  const listPage = async (c: AppContext, auth: Authorized | null, upload?: { errors: TemplateFileError[]; fileError?: string }, status = 200) => {
    const t = m(c);
    const partnershipId = partnershipIdOf(authorized(auth));
    const db = c.var.deps.db;
    const partnership = await getPartnership(db, partnershipId);
    if (!partnership) throw new AppError('not_found');
    const all = await listTemplates(db, partnershipId);
    const withVersions = await Promise.all(all.map(async (template) => ({ template, versions: await listTemplateVersions(db, template.id) })));
    return renderPage(c, {
      title: t('listTitle'),
      partnershipId,
      status,
      breadcrumbs: [[partnership.name, `/swv/${partnershipId}`]],
      children: (
        <ListPage
          t={t}
          ui={translator(uiMessages, c.var.locale)}
          csrf={c.var.csrfToken}
          base={`/swv/${partnershipId}/vragenlijsten`}
          templates={withVersions}
          notice={noticeFrom(c)}
          uploadErrors={upload?.errors ?? []}
          fileError={upload?.fileError}
        />
      ),
    });
  };

  table.get(BASE, access, (c, auth) => listPage(c, auth));

  // The format documentation and the JSON Schema, as they are in the repository (docs/).
  table.get(`${BASE}/formaat`, access, async (c) =>
    c.body(await readFile(path.join(projectRoot(), 'docs', 'template-format.md'), 'utf8'), 200, { 'Content-Type': 'text/markdown; charset=utf-8', 'Content-Disposition': 'inline; filename="template-format.md"' }),
  );
  table.get(`${BASE}/template.schema.json`, access, async (c) =>
    c.body(await readFile(path.join(projectRoot(), TEMPLATE_SCHEMA_FILE), 'utf8'), 200, { 'Content-Type': 'application/schema+json; charset=utf-8' }),
  );

  table.post(`${BASE}/importeren`, access, async (c, auth) => {
    const t = m(c);
    const body = await c.req.parseBody();
    const file = body['file'];
    if (!(file instanceof File) || file.size === 0) return listPage(c, auth, { errors: [], fileError: t('fileMissing') }, 400);
    if (file.size > MAX_FILE_BYTES) return listPage(c, auth, { errors: [], fileError: t('fileTooLarge') }, 400);
    const result = await uploadTemplate({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), fileName: file.name, source: await file.text() });
    if (!result.ok) return listPage(c, auth, { errors: result.errors }, 400);
    return c.redirect(`/swv/${partnershipIdOf(authorized(auth))}/vragenlijsten/versies/${result.versionId}?melding=geimporteerd`, 303);
  });

  table.post(`${BASE}/:templateId/nieuwe-conceptversie`, access, async (c, auth) => {
    const partnershipId = partnershipIdOf(authorized(auth));
    try {
      const { versionId } = await startNewDraft({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), templateId: requireUuid(c.req.param('templateId')) });
      return c.redirect(`/swv/${partnershipId}/vragenlijsten/versies/${versionId}?melding=concept-gestart`, 303);
    } catch (error) {
      const draftId = error instanceof AppError && error.code === 'conflict' ? (error.details as { versionId?: string } | undefined)?.versionId : undefined;
      if (draftId) return c.redirect(`/swv/${partnershipId}/vragenlijsten/versies/${draftId}?melding=concept-bestaat`, 303);
      throw error;
    }
  });

  // -------------------------------------------------------------------------
  // One version: overview, download, compare, publish

  table.get(VERSION, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    const t = m(c);
    const versions = await listTemplateVersions(c.var.deps.db, loaded.version.templateId);
    return renderPage(c, {
      title: t('versionTitle', { name: loaded.version.definition.name, number: loaded.version.number }),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs.slice(0, 2),
      clientScript: loaded.version.status === 'draft' ? 'editor-focus.js' : undefined,
      children: <VersionPage t={t} csrf={c.var.csrfToken} loaded={loaded} hasDraft={versions.some((v) => v.status === 'draft')} notice={noticeFrom(c)} />,
    });
  });

  table.post(`${VERSION}/landelijke-set`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const t = m(c);
    const body = await c.req.parseBody();
    const file = body['file'];
    const section = typeof body['section'] === 'string' && body['section'] !== '' ? body['section'] : undefined;
    const versions = await listTemplateVersions(c.var.deps.db, loaded.version.templateId);
    const page = (errors: { nationalErrors?: TemplateFileError[]; nationalFileError?: string }) =>
      renderPage(c, {
        title: t('versionTitle', { name: loaded.version.definition.name, number: loaded.version.number }),
        partnershipId: loaded.version.partnershipId,
        status: 400,
        breadcrumbs: loaded.breadcrumbs.slice(0, 2),
        children: <VersionPage t={t} csrf={c.var.csrfToken} loaded={loaded} hasDraft={versions.some((v) => v.status === 'draft')} notice={undefined} {...errors} />,
      });
    if (!(file instanceof File) || file.size === 0) return page({ nationalFileError: t('fileMissing') });
    if (file.size > MAX_FILE_BYTES) return page({ nationalFileError: t('fileTooLarge') });
    const result = await adoptNationalSetFile({
      db: c.var.deps.db,
      clock: c.var.deps.clock,
      partnershipId: partnershipIdOf(authorized(auth)),
      actorUserId: authorized(auth).principal.userId,
      source: await file.text(),
      fileName: file.name,
      versionId: loaded.version.id,
      intoSection: section,
    });
    if (!result.ok) return page({ nationalErrors: result.errors });
    return c.redirect(`${loaded.vbase}?melding=landelijke-set`, 303);
  });

  table.get(`${VERSION}/bestand`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    const { yaml, fileName } = templateFile(loaded.version);
    return c.body(yaml, 200, { 'Content-Type': 'application/yaml; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
  });

  table.get(`${VERSION}/vergelijken`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    const t = m(c);
    const previous = await findPredecessor(c.var.deps.db, loaded.version.templateId, loaded.version.number);
    return renderPage(c, {
      title: previous ? t('compareTitle', { number: loaded.version.number, previous: previous.number }) : t('compare'),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      children: <ComparePage t={t} loaded={loaded} previous={previous} />,
    });
  });

  const publishPage = async (c: AppContext, loaded: Loaded, values: FormValues, error?: string) => {
    const t = m(c);
    // The SWV learns before its schools do when its poster items cannot fit one page (documents capability).
    const posterFit = await checkTemplatePosterFit(loaded.version.definition);
    const posterWarning = posterFit.fits ? undefined : t('posterFitWarning', { detail: posterFit.message });
    return renderPage(c, {
      title: t('publishTitle', { number: loaded.version.number }),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      status: error ? 400 : 200,
      children: (
        <PublishPage
          t={t}
          posterWarning={posterWarning}
          ui={translator(uiMessages, c.var.locale)}
          csrf={c.var.csrfToken}
          loaded={loaded}
          choices={schoolYearChoices(c.var.deps.clock.now())}
          value={text(values, 'schoolYear')}
          error={error}
        />
      ),
    });
  };

  table.get(`${VERSION}/publiceren`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    return publishPage(c, loaded, {});
  });

  table.post(`${VERSION}/publiceren`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const values = await readFormAll(c);
    const schoolYear = text(values, 'schoolYear');
    if (!schoolYear) return publishPage(c, loaded, values, m(c)('schoolYearRequired'));
    try {
      await publishVersion({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), versionId: loaded.version.id, schoolYear });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) return publishPage(c, loaded, values, error.userMessage);
      throw error;
    }
    return c.redirect(`${loaded.vbase}?melding=gepubliceerd`, 303);
  });

  // -------------------------------------------------------------------------
  // Editor: general and welcome page

  const generalLabel = (t: T) => (field: string) => {
    if (field.startsWith('panels.')) {
      const [, index, part] = field.split('.');
      return t(part === 'body' ? 'panelBody' : 'panelTitle', { n: Number(index) + 1 });
    }
    const labels: Record<string, string> = { name: t('name'), description: t('description'), sector: t('sector'), welcomeTitle: t('welcomeTitle'), welcomeIntro: t('welcomeIntro') };
    return labels[field] ?? t('generalTitle');
  };

  const generalPage = (c: AppContext, loaded: Loaded) => (state: FormState) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    return renderPage(c, {
      title: t('generalTitle'),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      status: state.status,
      children: (
        <EditorFrame t={t} ui={ui} title={t('generalTitle')} state={state}>
          <GeneralForm t={t} csrf={c.var.csrfToken} action={`${loaded.vbase}/algemeen`} revision={state.revision} values={state.values} errors={state.errors} saveLabel={ui('save')} cancelHref={loaded.vbase} cancelLabel={ui('cancel')} />
        </EditorFrame>
      ),
    });
  };

  table.get(`${VERSION}/algemeen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    return generalPage(c, loaded)(emptyState(generalValues(loaded.version.definition), loaded.version.revision));
  });

  table.post(`${VERSION}/algemeen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const values = await readFormAll(c);
    return saveEdit(c, auth, {
      loaded,
      values,
      edit: edits.updateGeneral(readGeneral(values)),
      fieldOf: generalField,
      labelOf: generalLabel(m(c)),
      success: `${loaded.vbase}?melding=opgeslagen`,
      render: generalPage(c, loaded),
    });
  });

  // -------------------------------------------------------------------------
  // Editor: sections

  const sectionLabel = (t: T) => (field: string) =>
    ({ key: t('sectionKey'), kind: t('sectionKind'), title: t('sectionTitle'), promise: t('promise'), intro: t('intro'), asksLimits: t('asksLimits') })[field] ?? t('sectionTitle');

  const newSectionPage = (c: AppContext, loaded: Loaded) => (state: FormState) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    return renderPage(c, {
      title: t('sectionTitleNew'),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      status: state.status,
      children: (
        <EditorFrame t={t} ui={ui} title={t('sectionTitleNew')} state={state}>
          <SectionForm isNew t={t} csrf={c.var.csrfToken} action={`${loaded.vbase}/onderdelen/nieuw`} revision={state.revision} values={state.values} errors={state.errors} saveLabel={t('addSection')} cancelHref={loaded.vbase} cancelLabel={ui('cancel')} />
        </EditorFrame>
      ),
    });
  };

  table.get(`${VERSION}/onderdelen/nieuw`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    return newSectionPage(c, loaded)(emptyState({ kind: 'promise' }, loaded.version.revision));
  });

  table.post(`${VERSION}/onderdelen/nieuw`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const values = await readFormAll(c);
    const section = readSection(values);
    return saveEdit(c, auth, {
      loaded,
      values,
      edit: edits.addSection(section),
      fieldOf: sectionField,
      labelOf: sectionLabel(m(c)),
      success: `${loaded.vbase}/onderdelen/${encodeURIComponent(String(section['key']))}?melding=opgeslagen`,
      render: newSectionPage(c, loaded),
    });
  });

  const sectionPage = (c: AppContext, loaded: Loaded, sectionKey: string) => (state: FormState) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const section = findSection(loaded, sectionKey);
    return renderPage(c, {
      title: t('sectionTitleEdit', { name: section.title }),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      status: state.status,
      clientScript: 'editor-focus.js',
      children: (
        <SectionPage t={t} ui={ui} csrf={c.var.csrfToken} loaded={loaded} section={section} state={state} notice={noticeFrom(c)}>
          <SectionForm
            isNew={false}
            t={t}
            csrf={c.var.csrfToken}
            action={`${loaded.vbase}/onderdelen/${section.key}`}
            revision={state.revision}
            values={state.values}
            errors={state.errors}
            saveLabel={ui('save')}
            cancelHref={loaded.vbase}
            cancelLabel={t('backToVersion', { number: loaded.version.number })}
          />
        </SectionPage>
      ),
    });
  };

  table.get(`${VERSION}/onderdelen/:templateSectionKey`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const section = findSection(loaded, c.req.param('templateSectionKey'));
    return sectionPage(c, loaded, section.key)(emptyState(sectionValues(section), loaded.version.revision));
  });

  table.post(`${VERSION}/onderdelen/:templateSectionKey`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const section = findSection(loaded, c.req.param('templateSectionKey'));
    const values = { ...(await readFormAll(c)), key: section.key };
    return saveEdit(c, auth, {
      loaded,
      values,
      edit: edits.updateSection(section.key, readSection(values)),
      fieldOf: sectionField,
      labelOf: sectionLabel(m(c)),
      success: `${loaded.vbase}/onderdelen/${section.key}?melding=opgeslagen`,
      render: sectionPage(c, loaded, section.key),
    });
  });

  /** Move and remove buttons: on a conflict or refusal, back to the list with a notice. */
  /** `anchor`: the row to return to (and focus) after the change, e.g. "item-aanbod-dyslexie". */
  const quickEdit = async (c: AppContext, auth: Authorized | null, loaded: Loaded, edit: edits.TemplateEdit, back: string, done: string, anchor?: string) => {
    const values = await readFormAll(c);
    const posted = Number(text(values, 'revision'));
    const result = await saveDraftEdit({
      db: c.var.deps.db,
      clock: c.var.deps.clock,
      auth: authorized(auth),
      versionId: loaded.version.id,
      revision: Number.isInteger(posted) ? posted : -1,
      edit,
    });
    if (result.ok) return c.redirect(`${back}?melding=${done}${anchor ? `#${anchor}` : ''}`, 303);
    if (result.reason === 'refused') throw new AppError('invalid_state', result.message);
    if (result.reason === 'invalid') throw new AppError('invalid_state', result.errors.map((e) => e.message).join(' '));
    return c.redirect(`${back}?melding=gewijzigd`, 303);
  };

  const direction = async (c: AppContext): Promise<'up' | 'down' | null> => {
    const values = await readFormAll(c);
    const value = text(values, 'richting');
    return value === 'up' || value === 'down' ? value : null;
  };

  table.post(`${VERSION}/onderdelen/:templateSectionKey/verplaatsen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const section = findSection(loaded, c.req.param('templateSectionKey'));
    const to = await direction(c);
    if (!to) return c.redirect(loaded.vbase, 303);
    return quickEdit(c, auth, loaded, edits.moveSection(section.key, to), loaded.vbase, 'verplaatst', `section-${section.key}`);
  });

  const confirmPage = (c: AppContext, loaded: Loaded, options: { what: 'section' | 'item' | 'scale'; name: string; body: string; action: string; back: string; refusal?: string }) => {
    const t = m(c);
    return renderPage(c, {
      title: t(`confirmRemoveTitle_${options.what}`, { name: options.name }),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      children: <ConfirmRemovePage t={t} csrf={c.var.csrfToken} revision={loaded.version.revision} {...options} />,
    });
  };

  table.get(`${VERSION}/onderdelen/:templateSectionKey/verwijderen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const section = findSection(loaded, c.req.param('templateSectionKey'));
    const t = m(c);
    return confirmPage(c, loaded, {
      what: 'section',
      name: section.title,
      body: t(section.items.length === 1 ? 'confirmRemoveSectionOne' : 'confirmRemoveSection', { name: section.title, count: section.items.length }),
      action: `${loaded.vbase}/onderdelen/${section.key}/verwijderen`,
      back: loaded.vbase,
    });
  });

  table.post(`${VERSION}/onderdelen/:templateSectionKey/verwijderen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const section = findSection(loaded, c.req.param('templateSectionKey'));
    const values = await readFormAll(c);
    if (text(values, 'bevestigen') !== 'ja') return c.redirect(`${loaded.vbase}/onderdelen/${section.key}/verwijderen`, 303);
    return quickEdit(c, auth, loaded, edits.removeSection(section.key), loaded.vbase, 'verwijderd-onderdeel', neighbourAnchor(loaded.version.definition.sections, section.key, 'section'));
  });

  table.get(`${VERSION}/onderdelen/:templateSectionKey/voorbeeld`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    const section = findSection(loaded, c.req.param('templateSectionKey'));
    const t = m(c);
    return renderPage(c, {
      title: t('previewTitle', { name: section.title }),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      children: <PreviewPage t={t} locale={c.var.locale} loaded={loaded} section={section} now={c.var.deps.clock.now()} />,
    });
  });

  table.get(`${VERSION}/welkom/voorbeeld`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    const t = m(c);
    return renderPage(c, {
      title: t('previewWelcomeTitle'),
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      children: <WelcomePreviewPage t={t} locale={c.var.locale} loaded={loaded} now={c.var.deps.clock.now()} />,
    });
  });

  // -------------------------------------------------------------------------
  // Editor: items

  const itemLabel = (t: T) => (field: string) =>
    ({
      key: t('itemKey'),
      kind: t('itemKind'),
      title: t('itemTitle'),
      hint: t('hint'),
      help: t('help'),
      group: t('group'),
      scale: t('scale'),
      norm: t('normLegend'),
      normLabel: `${t('normLegend')} — ${t('normLabel')}`,
      normMin: `${t('normLegend')} — ${t('normMin')}`,
      normMax: `${t('normLegend')} — ${t('normMax')}`,
      nationalNorm: t('nationalNormLegend'),
      nationalNormLabel: `${t('nationalNormLegend')} — ${t('normLabel')}`,
      nationalNormMin: `${t('nationalNormLegend')} — ${t('normMin')}`,
      nationalNormMax: `${t('nationalNormLegend')} — ${t('normMax')}`,
      origin: t('origin'),
      ambition: t('ambition'),
      parentText: t('parentText'),
      parentTextEditable: t('parentTextEditable'),
      parentTextMaxLength: t('parentTextMaxLength'),
      posters: t('postersLegend'),
      required: t('required'),
      min: t('min'),
      max: t('max'),
      unit: t('unit'),
      maxLength: t('maxLength'),
      sectionKey: t('itemSection'),
    })[field] ?? t('itemTitle');

  const itemPage = (c: AppContext, loaded: Loaded, options: { isNew: boolean; action: string; title: string; back: string }) => (state: FormState) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    return renderPage(c, {
      title: options.title,
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      status: state.status,
      children: (
        <EditorFrame t={t} ui={ui} title={options.title} state={state}>
          <ItemForm
            isNew={options.isNew}
            t={t}
            csrf={c.var.csrfToken}
            action={options.action}
            revision={state.revision}
            values={state.values}
            errors={state.errors}
            template={loaded.version.definition}
            saveLabel={options.isNew ? t('addItem') : ui('save')}
            cancelHref={options.back}
            cancelLabel={ui('cancel')}
          />
        </EditorFrame>
      ),
    });
  };

  /** The item form posted with "refresh": show it again for the chosen kind and scale, save nothing. */
  const isRefresh = (values: FormValues) => text(values, '_action') === 'refresh';

  table.get(`${VERSION}/onderdelen/:templateSectionKey/vragen/nieuw`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const section = findSection(loaded, c.req.param('templateSectionKey'));
    const t = m(c);
    const values = newItemValues(section.key);
    values['scale'] = loaded.version.definition.scales[0]?.key ?? '';
    const back = `${loaded.vbase}/onderdelen/${section.key}`;
    return itemPage(c, loaded, { isNew: true, action: `${back}/vragen/nieuw`, title: t('itemTitleNew', { section: section.title }), back })(emptyState(values, loaded.version.revision));
  });

  table.post(`${VERSION}/onderdelen/:templateSectionKey/vragen/nieuw`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const section = findSection(loaded, c.req.param('templateSectionKey'));
    const t = m(c);
    const values = await readFormAll(c);
    const back = `${loaded.vbase}/onderdelen/${section.key}`;
    const render = itemPage(c, loaded, { isNew: true, action: `${back}/vragen/nieuw`, title: t('itemTitleNew', { section: section.title }), back });
    if (isRefresh(values)) return render(emptyState(values, Number(text(values, 'revision')) || loaded.version.revision));
    const { item, sectionKey, numberErrors } = readItem(values);
    const target = loaded.version.definition.sections.some((s) => s.key === sectionKey) ? sectionKey : section.key;
    return saveEdit(c, auth, {
      loaded,
      values,
      edit: edits.addItem(target, item),
      fieldOf: itemField,
      labelOf: itemLabel(t),
      numberErrors,
      success: `${loaded.vbase}/onderdelen/${target}?melding=opgeslagen`,
      render,
    });
  });

  table.get(`${VERSION}/vragen/:templateItemKey`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const { section, item } = findItem(loaded, c.req.param('templateItemKey'));
    const t = m(c);
    const back = `${loaded.vbase}/onderdelen/${section.key}`;
    return itemPage(c, loaded, { isNew: false, action: `${loaded.vbase}/vragen/${item.key}`, title: t('itemTitleEdit', { name: item.title }), back })(
      emptyState(itemValues(item, section.key), loaded.version.revision),
    );
  });

  table.post(`${VERSION}/vragen/:templateItemKey`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const { section, item: current } = findItem(loaded, c.req.param('templateItemKey'));
    const t = m(c);
    const values = { ...(await readFormAll(c)), key: current.key };
    const back = `${loaded.vbase}/onderdelen/${section.key}`;
    const render = itemPage(c, loaded, { isNew: false, action: `${loaded.vbase}/vragen/${current.key}`, title: t('itemTitleEdit', { name: current.title }), back });
    if (isRefresh(values)) return render(emptyState(values, Number(text(values, 'revision')) || loaded.version.revision));
    const { item, sectionKey, numberErrors } = readItem(values);
    const target = loaded.version.definition.sections.some((s) => s.key === sectionKey) ? sectionKey : section.key;
    return saveEdit(c, auth, {
      loaded,
      values,
      edit: edits.updateItem(current.key, item, target),
      fieldOf: itemField,
      labelOf: itemLabel(t),
      numberErrors,
      success: `${loaded.vbase}/onderdelen/${target}?melding=opgeslagen`,
      render,
    });
  });

  table.post(`${VERSION}/vragen/:templateItemKey/verplaatsen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const { section, item } = findItem(loaded, c.req.param('templateItemKey'));
    const back = `${loaded.vbase}/onderdelen/${section.key}`;
    const to = await direction(c);
    if (!to) return c.redirect(back, 303);
    return quickEdit(c, auth, loaded, edits.moveItem(item.key, to), back, 'verplaatst', `item-${item.key}`);
  });

  table.get(`${VERSION}/vragen/:templateItemKey/verwijderen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const { section, item } = findItem(loaded, c.req.param('templateItemKey'));
    return confirmPage(c, loaded, {
      what: 'item',
      name: item.title,
      body: m(c)('confirmRemoveItem', { name: item.title }),
      action: `${loaded.vbase}/vragen/${item.key}/verwijderen`,
      back: `${loaded.vbase}/onderdelen/${section.key}`,
    });
  });

  table.post(`${VERSION}/vragen/:templateItemKey/verwijderen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const { section, item } = findItem(loaded, c.req.param('templateItemKey'));
    const values = await readFormAll(c);
    if (text(values, 'bevestigen') !== 'ja') return c.redirect(`${loaded.vbase}/vragen/${item.key}/verwijderen`, 303);
    return quickEdit(c, auth, loaded, edits.removeItem(item.key), `${loaded.vbase}/onderdelen/${section.key}`, 'verwijderd-vraag', neighbourAnchor(section.items, item.key, 'item'));
  });

  // -------------------------------------------------------------------------
  // Editor: scales

  const scaleLabel = (t: T) => (field: string) => {
    if (field.startsWith('options.')) {
      const [, index, part] = field.split('.');
      const partLabel = { value: t('optionValue'), label: t('optionLabel'), description: t('optionDescription'), parentLabel: t('optionParentLabel'), notOffered: t('optionNotOffered') }[part ?? ''];
      return index === undefined ? t('optionsLegend') : `${t('optionLegend', { n: Number(index) + 1 })}${partLabel ? ` — ${partLabel}` : ''}`;
    }
    return ({ key: t('scaleKey'), name: t('scaleName'), options: t('optionsLegend') } as Record<string, string>)[field] ?? t('scaleName');
  };

  const scaleSources = (c: AppContext, loaded: Loaded) => {
    const t = m(c);
    return listScaleSources(
      c.var.deps.db,
      loaded.version.partnershipId,
      (name) => t('scaleSourceExample', { name }),
      (name, number, year) => (year ? t('scaleSourceVersionYear', { name, number, year }) : t('scaleSourceVersion', { name, number })),
    );
  };

  const scalePage = (c: AppContext, loaded: Loaded, options: { isNew: boolean; action: string; title: string }) => async (state: FormState) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const sources = options.isNew ? await scaleSources(c, loaded) : [];
    return renderPage(c, {
      title: options.title,
      partnershipId: loaded.version.partnershipId,
      breadcrumbs: loaded.breadcrumbs,
      status: state.status,
      children: (
        <EditorFrame t={t} ui={ui} title={options.title} state={state}>
          <ScaleForm
            isNew={options.isNew}
            t={t}
            csrf={c.var.csrfToken}
            action={options.action}
            revision={state.revision}
            values={state.values}
            errors={state.errors}
            saveLabel={options.isNew ? t('addScale') : ui('save')}
            cancelHref={loaded.vbase}
            cancelLabel={ui('cancel')}
          />
          {options.isNew && (
            <ScaleCopyForm t={t} csrf={c.var.csrfToken} action={`${loaded.vbase}/schalen/overnemen`} revision={state.revision} sources={sources} values={state.values} errors={state.errors} />
          )}
        </EditorFrame>
      ),
    });
  };

  table.get(`${VERSION}/schalen/nieuw`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const t = m(c);
    return scalePage(c, loaded, { isNew: true, action: `${loaded.vbase}/schalen/nieuw`, title: t('scaleTitleNew') })(emptyState({}, loaded.version.revision));
  });

  table.post(`${VERSION}/schalen/nieuw`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const t = m(c);
    const values = await readFormAll(c);
    return saveEdit(c, auth, {
      loaded,
      values,
      edit: edits.addScale(readScale(values) as unknown as edits.RawObject),
      fieldOf: scaleField,
      labelOf: scaleLabel(t),
      success: `${loaded.vbase}?melding=opgeslagen`,
      render: scalePage(c, loaded, { isNew: true, action: `${loaded.vbase}/schalen/nieuw`, title: t('scaleTitleNew') }),
    });
  });

  table.post(`${VERSION}/schalen/overnemen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const t = m(c);
    const values = await readFormAll(c);
    const render = scalePage(c, loaded, { isNew: true, action: `${loaded.vbase}/schalen/nieuw`, title: t('scaleTitleNew') });
    const labelOf = (field: string) => (field === 'bron' ? t('copyScaleSource') : field === 'copyKey' ? t('copyScaleKey') : scaleLabel(t)(field));
    const refuse = (message: string) =>
      render({ values, errors: { bron: message }, summary: [{ field: 'bron', label: labelOf('bron'), message }], others: [], revision: loaded.version.revision, status: 400 });
    const chosen = text(values, 'bron');
    const separator = chosen?.lastIndexOf('|') ?? -1;
    if (!chosen || separator < 0) return refuse(t('copyScaleMissing'));
    const scale = await findSourceScale(c.var.deps.db, loaded.version.partnershipId, chosen.slice(0, separator), chosen.slice(separator + 1));
    if (!scale) return refuse(t('copyScaleGone'));
    return saveEdit(c, auth, {
      loaded,
      values,
      edit: edits.copyScale(scale, text(values, 'copyKey')),
      fieldOf: (field) => (field === 'key' ? 'copyKey' : scaleField(field)),
      labelOf,
      success: `${loaded.vbase}?melding=schaal-overgenomen`,
      render,
    });
  });

  table.get(`${VERSION}/schalen/:templateScaleKey`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const scale = findScaleOrThrow(loaded, c.req.param('templateScaleKey'));
    const t = m(c);
    return scalePage(c, loaded, { isNew: false, action: `${loaded.vbase}/schalen/${scale.key}`, title: t('scaleTitleEdit', { name: scale.name }) })(
      emptyState(scaleValues(scale), loaded.version.revision),
    );
  });

  table.post(`${VERSION}/schalen/:templateScaleKey`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const scale = findScaleOrThrow(loaded, c.req.param('templateScaleKey'));
    const t = m(c);
    const values = { ...(await readFormAll(c)), key: scale.key };
    const { name, options } = readScale(values);
    return saveEdit(c, auth, {
      loaded,
      values,
      edit: edits.updateScale(scale.key, { name, options }),
      fieldOf: scaleField,
      labelOf: scaleLabel(t),
      success: `${loaded.vbase}?melding=opgeslagen`,
      render: scalePage(c, loaded, { isNew: false, action: `${loaded.vbase}/schalen/${scale.key}`, title: t('scaleTitleEdit', { name: scale.name }) }),
    });
  });

  table.get(`${VERSION}/schalen/:templateScaleKey/verwijderen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const scale = findScaleOrThrow(loaded, c.req.param('templateScaleKey'));
    let refusal: string | undefined;
    try {
      edits.removeScale(scale.key).apply(structuredClone(loaded.version.definition));
    } catch (error) {
      if (!(error instanceof edits.EditRefused)) throw error;
      refusal = error.message;
    }
    return confirmPage(c, loaded, {
      what: 'scale',
      name: scale.name,
      body: m(c)('confirmRemoveScale', { name: scale.name }),
      action: `${loaded.vbase}/schalen/${scale.key}/verwijderen`,
      back: loaded.vbase,
      ...(refusal ? { refusal } : {}),
    });
  });

  table.post(`${VERSION}/schalen/:templateScaleKey/verwijderen`, access, async (c, auth) => {
    const loaded = await loadVersion(c, auth);
    requireDraft(c, loaded);
    const scale = findScaleOrThrow(loaded, c.req.param('templateScaleKey'));
    const values = await readFormAll(c);
    if (text(values, 'bevestigen') !== 'ja') return c.redirect(`${loaded.vbase}/schalen/${scale.key}/verwijderen`, 303);
    return quickEdit(c, auth, loaded, edits.removeScale(scale.key), loaded.vbase, 'verwijderd-schaal');
  });
}

/** Title, conflict warning and error summary above an editor form. */
function EditorFrame(props: { t: T; ui: ReturnType<typeof translator<keyof typeof uiMessages.nl>>; title: string; state: FormState; children: Child }) {
  const { t, ui, state } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      {state.warning && (
        <div class="utrecht-alert utrecht-alert--warning" role="alert">
          {state.warning}
        </div>
      )}
      <EditorErrors t={t} title={ui('errorSummaryTitle')} state={state} />
      <p class="utrecht-paragraph editor-hint">{t('editorHint')}</p>
      {props.children}
    </>
  );
}

function EditorErrors(props: { t: T; title: string; state: FormState }) {
  return (
    <EditorErrorSummary
      title={props.title}
      errors={props.state.summary}
      others={props.state.others}
      othersTitle={props.t('otherErrorsTitle')}
      atPath={(path) => props.t('otherErrorAt', { path })}
    />
  );
}
