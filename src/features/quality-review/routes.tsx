/** @jsxImportSource hono/jsx */
/**
 * Self-assessment with review checklist (issue 15): the SWV's standards (form and file), the school's
 * self-assessment, the reviewer's checklist, the two side by side with their differences, the overviews. Thin.
 */
import { AppError } from '../../auth/app-error.js';
import { can } from '../../auth/policy.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromBoardParam, fromPartnershipParam, fromSchoolParam } from '../partnerships/scopes.js';
import { decodeTemplateFile } from '../templates/api.js';
import { loadChecklistPage } from './load-checklist-page.js';
import { loadQualityOverview } from './load-quality-overview.js';
import { loadSchoolQualityPage } from './load-school-quality-page.js';
import { exportStandards, loadStandardsPage } from './load-standards-page.js';
import { qualityT } from './messages.js';
import { resolveDifference, resolveDifferenceInput } from './resolve-difference.js';
import { saveChecklist } from './save-checklist.js';
import { importStandardsFile, parseStandardsForm, saveStandards } from './save-standards.js';
import type { QualityAssessmentKind } from './schema.js';
import { serializeStandards, type StandardsFileError } from './standards-file.js';
import { ChecklistView, QualityOverviewView, SchoolQualityView, StandardsView } from './views/pages.js';

const MAX_FILE_BYTES = 256 * 1024;
const deps = (c: AppContext, auth: Authorized | null) => ({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth) });
const fieldOf = (error: AppError, fallback: string) => (error.details as { field?: string } | undefined)?.field ?? fallback;

async function standardsPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string> | null = null, fileErrors: StandardsFileError[] = []) {
  const page = await loadStandardsPage({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')! });
  return renderPage(c, {
    title: qualityT(c.var.locale)('standardsTitle'),
    partnershipId: page.partnership.id,
    status: Object.keys(errors).length || fileErrors.length ? 400 : 200,
    breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
    children: <StandardsView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} saved={c.req.query('opgeslagen')} fileErrors={fileErrors} />,
  });
}

async function checklistPage(c: AppContext, auth: Authorized | null, kind: QualityAssessmentKind, errors: FieldErrors = {}, values: Record<string, string> | null = null) {
  const page = await loadChecklistPage({ ...deps(c, auth), schoolId: c.req.param('schoolId')!, schoolYear: values?.['schoolYear'] ?? c.req.query('jaar'), kind });
  const t = qualityT(c.var.locale);
  return renderPage(c, {
    title: kind === 'self' ? t('selfTitle', { school: page.school.name }) : t('reviewTitle', { school: page.school.name }),
    partnershipId: page.school.partnershipId,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [
      [page.school.name, `/scholen/${page.school.id}`],
      [t('comparisonTitle', { school: page.school.name }), `/scholen/${page.school.id}/kwaliteit?jaar=${page.schoolYear}`],
    ],
    children: <ChecklistView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} saved={c.req.query('opgeslagen') === '1'} />,
  });
}

async function schoolPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string> | null = null) {
  const page = await loadSchoolQualityPage({ ...deps(c, auth), schoolId: c.req.param('schoolId')!, schoolYear: values?.['schoolYear'] ?? c.req.query('jaar') });
  return renderPage(c, {
    title: qualityT(c.var.locale)('comparisonTitle', { school: page.school.name }),
    partnershipId: page.school.partnershipId,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [[page.school.name, `/scholen/${page.school.id}`]],
    children: <SchoolQualityView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} notice={c.req.query('melding')} />,
  });
}

export function registerQualityReviewRoutes(table: RouteTable): void {
  const manage = permission('quality.manageStandards', fromPartnershipParam);
  const standardsBase = '/swv/:partnershipId/kwaliteit/standaarden';
  table.get(standardsBase, manage, (c, auth) => standardsPage(c, auth));
  table.post(standardsBase, manage, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseStandardsForm(values, c.var.locale);
    if (!parsed.ok) return standardsPage(c, auth, parsed.errors, values);
    try {
      await saveStandards({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')!, standards: parsed.standards, source: 'form' });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return standardsPage(c, auth, { [fieldOf(error, 'name')]: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/swv/${c.req.param('partnershipId')}/kwaliteit/standaarden?opgeslagen=formulier`, 303);
  });
  table.get(`${standardsBase}/bestand`, manage, async (c, auth) => {
    const standards = await exportStandards({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')! });
    return c.body(serializeStandards(standards), 200, { 'content-type': 'application/yaml; charset=utf-8', 'content-disposition': 'attachment; filename="basiskwaliteit.yaml"' });
  });
  table.post(
    `${standardsBase}/bestand`,
    manage,
    async (c, auth) => {
      const t = qualityT(c.var.locale);
      const body = await c.req.parseBody();
      const file = body['file'];
      if (!(file instanceof File) || file.size === 0) return standardsPage(c, auth, {}, null, [{ path: '', message: t('fileMissing') }]);
      if (file.size > MAX_FILE_BYTES) return standardsPage(c, auth, {}, null, [{ path: '', message: t('fileTooLarge') }]);
      const decoded = decodeTemplateFile(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) return standardsPage(c, auth, {}, null, [{ path: '', message: t('fileNotText') }]);
      const result = await importStandardsFile({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')!, source: decoded.text });
      if (!result.ok) return standardsPage(c, auth, {}, null, result.errors);
      return c.redirect(`/swv/${c.req.param('partnershipId')}/kwaliteit/standaarden?opgeslagen=bestand`, 303);
    },
    { maxBodyBytes: MAX_FILE_BYTES + 64 * 1024 },
  );

  table.get('/swv/:partnershipId/kwaliteit', permission('quality.viewPartnership', fromPartnershipParam), async (c, auth) => {
    const page = await loadQualityOverview({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')!, filterBoardId: c.req.query('bestuur'), filterDistrictId: c.req.query('regio'), schoolYear: c.req.query('jaar') });
    return renderPage(c, {
      title: qualityT(c.var.locale)('overviewTitle', { year: page.schoolYear }),
      partnershipId: page.partnership.id,
      children: <QualityOverviewView page={page} locale={c.var.locale} canManage={can(auth!.principal, 'quality.manageStandards', auth!.scope)} />,
    });
  });
  table.get('/besturen/:boardId/kwaliteit', permission('quality.viewBoard', fromBoardParam), async (c, auth) => {
    const page = await loadQualityOverview({ ...deps(c, auth), boardId: c.req.param('boardId')!, filterDistrictId: c.req.query('regio'), schoolYear: c.req.query('jaar') });
    return renderPage(c, {
      title: qualityT(c.var.locale)('boardOverviewTitle', { board: page.board?.name ?? '', year: page.schoolYear }),
      partnershipId: page.partnership.id,
      breadcrumbs: page.board ? [[page.board.name, `/besturen/${page.board.id}`]] : [],
      children: <QualityOverviewView page={page} locale={c.var.locale} canManage={false} />,
    });
  });

  const view = permission('quality.viewSchool', fromSchoolParam);
  table.get('/scholen/:schoolId/kwaliteit', view, (c, auth) => schoolPage(c, auth));
  table.post('/scholen/:schoolId/kwaliteit/verschillen', permission('quality.resolve', fromSchoolParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(resolveDifferenceInput(qualityT(c.var.locale)), values);
    if (!parsed.ok) return schoolPage(c, auth, parsed.errors, values);
    try {
      await resolveDifference({ ...deps(c, auth), schoolId: c.req.param('schoolId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return schoolPage(c, auth, { [fieldOf(error, 'note')]: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/scholen/${c.req.param('schoolId')}/kwaliteit?jaar=${parsed.data.schoolYear}&melding=opgelost#row-${parsed.data.indicatorKey}`, 303);
  });

  for (const [path, kind, edit] of [
    ['/scholen/:schoolId/kwaliteit/zelfevaluatie', 'self', 'quality.selfAssess'],
    ['/scholen/:schoolId/kwaliteit/kijkwijzer', 'review', 'quality.review'],
  ] as const) {
    table.get(path, kind === 'self' ? view : permission('quality.review', fromSchoolParam), (c, auth) => checklistPage(c, auth, kind));
    table.post(path, permission(edit, fromSchoolParam), async (c, auth) => {
      const values = await readForm(c);
      try {
        const result = await saveChecklist({ ...deps(c, auth), schoolId: c.req.param('schoolId')!, kind, values });
        if (!result.ok) return checklistPage(c, auth, kind, result.errors, values);
        return c.redirect(`${path.replace(':schoolId', c.req.param('schoolId')!)}?jaar=${result.schoolYear}&opgeslagen=1`, 303);
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_input') return checklistPage(c, auth, kind, { [fieldOf(error, 'schoolYear')]: error.userMessage ?? '' }, values);
        throw error;
      }
    });
  }
}
