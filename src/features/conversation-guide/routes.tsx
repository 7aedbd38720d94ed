/** @jsxImportSource hono/jsx */
/** The conversation guide (issue 15): the SWV's guide per template, the school's guide beside its profile. Thin. */
import { AppError } from '../../auth/app-error.js';
import type { AppContext } from '../../ui/context.js';
import { readForm } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam } from '../partnerships/scopes.js';
import { fromProfileParam } from '../questionnaire/scopes.js';
import { readUpload, TEMPLATE_UPLOAD_ROUTE } from '../templates/route-input.js';
import { exportGuide } from './export-guide.js';
import { importGuide } from './import-guide.js';
import { loadGuideEditor } from './load-guide-editor.js';
import { loadGuideOverview } from './load-guide-overview.js';
import { loadSchoolGuidePage } from './load-school-guide-page.js';
import { conversationGuideT } from './messages.js';
import { parseConclusionForm, saveConclusion } from './save-conclusion.js';
import { parseGuideSectionForm, saveGuideSection } from './save-guide-section.js';
import { GuideEditorView, GuideOverviewView, guidePath, SchoolGuideView, type ConclusionState, type EditorState } from './views/pages.js';

const deps = (c: AppContext, auth: Authorized | null) => ({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth) });
const ids = (c: AppContext) => ({ partnershipId: c.req.param('partnershipId')!, templateId: c.req.param('templateId')! });
const EMPTY_EDITOR: EditorState = { errors: {}, posted: null, saved: null, fileErrors: [], fileWarnings: [], fileProblem: null, imported: null };

async function editorPage(c: AppContext, auth: Authorized | null, state: Partial<EditorState> = {}, status = 200) {
  const page = await loadGuideEditor({ ...deps(c, auth), ...ids(c) });
  const t = conversationGuideT(c.var.locale);
  const saved = c.req.query('opgeslagen');
  const imported = c.req.query('ingelezen');
  return renderPage(c, {
    title: t('editorTitle', { template: page.template.name }),
    partnershipId: page.template.partnershipId,
    status,
    breadcrumbs: [[t('overviewTitle'), `/swv/${page.template.partnershipId}/gespreksleidraad`]],
    children: (
      <GuideEditorView
        page={page}
        locale={c.var.locale}
        csrfToken={c.var.csrfToken}
        state={{ ...EMPTY_EDITOR, saved: page.sections.find((s) => s.key === saved)?.title ?? null, imported: imported && /^\d{1,3}$/.test(imported) ? Number(imported) : null, ...state }}
      />
    ),
  });
}

async function schoolPage(c: AppContext, auth: Authorized | null, state: ConclusionState = { errors: {}, posted: null, saved: c.req.query('opgeslagen') === '1' }, status = 200) {
  const page = await loadSchoolGuidePage({ ...deps(c, auth), profileId: c.req.param('profileId')! });
  const t = conversationGuideT(c.var.locale);
  const print = c.req.query('afdruk') === '1';
  return renderPage(c, {
    title: print ? t('printTitle', { school: page.school.name, year: page.profile.schoolYear }) : t('schoolTitle', { year: page.profile.schoolYear }),
    status,
    breadcrumbs: print
      ? []
      : [
          [page.school.name, `/scholen/${page.school.id}`],
          [page.profile.schoolYear, `/profielen/${page.profile.id}`],
        ],
    children: <SchoolGuideView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} state={state} print={print} now={c.var.deps.clock.now()} />,
  });
}

export function registerConversationGuideRoutes(table: RouteTable): void {
  const manage = permission('conversationGuide.manage', fromPartnershipParam);
  const EDITOR = '/swv/:partnershipId/vragenlijsten/:templateId/gespreksleidraad';

  table.get('/swv/:partnershipId/gespreksleidraad', manage, async (c, auth) => {
    const page = await loadGuideOverview({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')! });
    return renderPage(c, {
      title: conversationGuideT(c.var.locale)('overviewTitle'),
      partnershipId: page.partnership.id,
      breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
      children: <GuideOverviewView page={page} locale={c.var.locale} />,
    });
  });

  table.get(EDITOR, manage, (c, auth) => editorPage(c, auth));
  table.post(EDITOR, manage, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseGuideSectionForm(values, c.var.locale);
    const posted = { section: values['section'] ?? '', values };
    if (!parsed.ok) return editorPage(c, auth, { errors: parsed.errors, posted }, 400);
    try {
      await saveGuideSection({ ...deps(c, auth), ...ids(c), section: parsed.section });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return editorPage(c, auth, { errors: { section: error.userMessage ?? '' }, posted }, 400);
      throw error;
    }
    const { partnershipId, templateId } = ids(c);
    return c.redirect(`${guidePath(partnershipId, templateId)}?opgeslagen=${parsed.section.key}#guide-${parsed.section.key}`, 303);
  });

  table.post(
    `${EDITOR}/importeren`,
    manage,
    async (c, auth) => {
      const t = conversationGuideT(c.var.locale);
      const contentType = c.req.header('content-type') ?? '';
      let source: string | null = null;
      if (contentType.startsWith('multipart/form-data')) {
        const upload = await readUpload(c);
        if (!upload.ok) return editorPage(c, auth, { fileProblem: t(upload.problem) }, upload.problem === 'fileTooLarge' ? 413 : 400);
        source = upload.text;
      } else if ((await readForm(c))['voorbeeld'] !== '1') {
        return editorPage(c, auth, { fileProblem: t('fileMissing') }, 400);
      }
      const result = await importGuide({ ...deps(c, auth), ...ids(c), source });
      if (!result.ok) return editorPage(c, auth, { fileErrors: result.errors }, 400);
      if (result.warnings.length) return editorPage(c, auth, { fileWarnings: result.warnings, imported: result.sections });
      const { partnershipId, templateId } = ids(c);
      return c.redirect(`${guidePath(partnershipId, templateId)}?ingelezen=${result.sections}`, 303);
    },
    TEMPLATE_UPLOAD_ROUTE,
  );

  table.get(`${EDITOR}/bestand`, manage, async (c, auth) => {
    const file = await exportGuide({ ...deps(c, auth), ...ids(c) });
    return c.body(file.text, 200, { 'content-type': 'application/yaml; charset=utf-8', 'content-disposition': `attachment; filename="${file.fileName}"` });
  });

  const SCHOOL = '/profielen/:profileId/gespreksleidraad';
  table.get(SCHOOL, permission('conversationGuide.view', fromProfileParam), (c, auth) => schoolPage(c, auth));
  table.post(SCHOOL, permission('conversationGuide.recordConclusions', fromProfileParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseConclusionForm(values, c.var.locale);
    const section = values['section'] ?? '';
    const posted = { section, conclusion: values[`conclusion_${section}`] ?? '', stored: null as string | null };
    if (!parsed.ok) return schoolPage(c, auth, { errors: parsed.errors, posted, saved: false }, 400);
    try {
      await saveConclusion({ ...deps(c, auth), profileId: c.req.param('profileId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'invalid_input' || error.code === 'conflict')) {
        const stored = (error.details as { stored?: string } | undefined)?.stored ?? null;
        const t = conversationGuideT(c.var.locale);
        const message = error.code === 'conflict' ? `${t('conclusionConflict')} ${t('conclusionStored', { text: stored || '—' })}` : (error.userMessage ?? '');
        return schoolPage(c, auth, { errors: { [`conclusion_${section}`]: message }, posted: { ...posted, stored }, saved: false }, error.code === 'conflict' ? 409 : 400);
      }
      throw error;
    }
    return c.redirect(`/profielen/${c.req.param('profileId')}/gespreksleidraad?opgeslagen=1#guide-${parsed.data.section}`, 303);
  });
}
