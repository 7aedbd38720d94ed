/** @jsxImportSource hono/jsx */
/** The diversity index (issue 15): the SWV's categories, the school's groups, the SWV's care load per school. Thin. */
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam, fromSchoolParam } from '../partnerships/scopes.js';
import { loadCategoriesPage } from './load-categories-page.js';
import { loadPartnershipDiversityPage } from './load-partnership-diversity-page.js';
import { loadSchoolDiversityPage } from './load-school-diversity-page.js';
import { diversityT } from './messages.js';
import { parseCategoriesForm, saveCategories } from './save-categories.js';
import { saveGroup, saveGroupInput, schoolYearInput } from './save-group.js';
import { exportIndex } from './export-index.js';
import { importIndex } from './import-index.js';
import { saveDisclosure } from './save-disclosure.js';
import { fromProfileParam } from '../questionnaire/scopes.js';
import { readUpload, TEMPLATE_UPLOAD_ROUTE } from '../templates/route-input.js';
import { CategoriesView, PartnershipDiversityView, SchoolDiversityView, type CategoriesFileState } from './views/pages.js';

const deps = (c: AppContext, auth: Authorized | null) => ({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth) });

const NO_FILE: CategoriesFileState = { fileErrors: [], fileProblem: null, imported: false };

async function categoriesPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string> | null = null, file: Partial<CategoriesFileState> = {}, status?: number) {
  const page = await loadCategoriesPage({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')!, schoolYear: values?.['schoolYear'] ?? c.req.query('jaar') ?? null });
  const t = diversityT(c.var.locale);
  return renderPage(c, {
    title: t('categoriesTitle'),
    partnershipId: page.partnership.id,
    status: status ?? (Object.keys(errors).length ? 400 : 200),
    breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
    children: (
      <CategoriesView
        page={page}
        locale={c.var.locale}
        csrfToken={c.var.csrfToken}
        errors={errors}
        values={values}
        saved={c.req.query('opgeslagen') === '1'}
        file={{ ...NO_FILE, imported: c.req.query('ingelezen') === '1', ...file }}
      />
    ),
  });
}

async function schoolPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string> | null = null) {
  const page = await loadSchoolDiversityPage({
    ...deps(c, auth),
    schoolId: c.req.param('schoolId')!,
    schoolYear: values?.['schoolYear'] ?? c.req.query('jaar') ?? null,
    groupId: values ? values['groupId'] || null : (c.req.query('groep') ?? null),
  });
  const t = diversityT(c.var.locale);
  return renderPage(c, {
    title: t('schoolTitle', { school: page.school.name }),
    partnershipId: page.school.partnershipId,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [[page.school.name, `/scholen/${page.school.id}`]],
    children: <SchoolDiversityView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} saved={c.req.query('opgeslagen') === '1'} />,
  });
}

export function registerDiversityRoutes(table: RouteTable): void {
  const manage = permission('diversity.manageCategories', fromPartnershipParam);
  table.get('/swv/:partnershipId/verscheidenheid/categorieen', manage, (c, auth) => categoriesPage(c, auth));
  table.post('/swv/:partnershipId/verscheidenheid/categorieen', manage, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseCategoriesForm(values, c.var.locale);
    if (!parsed.ok) return categoriesPage(c, auth, parsed.errors, values);
    try {
      await saveCategories({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')!, rows: parsed.rows, schoolYear: parsed.schoolYear, arithmetic: parsed.arithmetic });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return categoriesPage(c, auth, { [(error.details as { field?: string } | undefined)?.field ?? '_form']: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/swv/${c.req.param('partnershipId')}/verscheidenheid/categorieen?opgeslagen=1${parsed.schoolYear ? `&jaar=${parsed.schoolYear}` : ''}`, 303);
  });
  table.get('/swv/:partnershipId/verscheidenheid/bestand', manage, async (c, auth) => {
    const file = await exportIndex({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')!, schoolYear: c.req.query('jaar') ?? null });
    return c.body(file.text, 200, { 'content-type': 'application/yaml; charset=utf-8', 'content-disposition': `attachment; filename="${file.fileName}"` });
  });
  table.post(
    '/swv/:partnershipId/verscheidenheid/importeren',
    manage,
    async (c, auth) => {
      const t = diversityT(c.var.locale);
      const upload = await readUpload(c);
      if (!upload.ok) return categoriesPage(c, auth, {}, null, { fileProblem: t(upload.problem) }, upload.problem === 'fileTooLarge' ? 413 : 400);
      const year = schoolYearInput(t).safeParse(upload.fields['schoolYear'] ?? '');
      if (!year.success) return categoriesPage(c, auth, {}, null, { fileProblem: t('yearInvalid') }, 400);
      const result = await importIndex({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')!, schoolYear: year.data, source: upload.text });
      if (!result.ok) return categoriesPage(c, auth, {}, { schoolYear: year.data }, { fileErrors: result.errors }, 400);
      return c.redirect(`/swv/${c.req.param('partnershipId')}/verscheidenheid/categorieen?ingelezen=1&jaar=${year.data}`, 303);
    },
    TEMPLATE_UPLOAD_ROUTE,
  );

  table.get('/swv/:partnershipId/verscheidenheid', permission('diversity.viewPartnership', fromPartnershipParam), async (c, auth) => {
    const page = await loadPartnershipDiversityPage({ ...deps(c, auth), partnershipId: c.req.param('partnershipId')!, schoolYear: c.req.query('jaar') ?? null });
    return renderPage(c, {
      title: diversityT(c.var.locale)('partnershipTitle', { year: page.schoolYear }),
      partnershipId: page.partnership.id,
      breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
      children: <PartnershipDiversityView page={page} locale={c.var.locale} />,
    });
  });

  table.get('/scholen/:schoolId/verscheidenheid', permission('diversity.viewSchool', fromSchoolParam), (c, auth) => schoolPage(c, auth));
  table.post('/scholen/:schoolId/verscheidenheid', permission('diversity.editSchool', fromSchoolParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(saveGroupInput(diversityT(c.var.locale)), values);
    if (!parsed.ok) return schoolPage(c, auth, parsed.errors, values);
    try {
      await saveGroup({ ...deps(c, auth), schoolId: c.req.param('schoolId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'invalid_input' || error.code === 'conflict')) return schoolPage(c, auth, { [(error.details as { field?: string } | undefined)?.field ?? 'name']: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/scholen/${c.req.param('schoolId')}/verscheidenheid?jaar=${parsed.data.schoolYear}&opgeslagen=1`, 303);
  });

  // The school's choice to show its school-level index with the limits of this profile (on the cycle page).
  table.post('/profielen/:profileId/verscheidenheid', permission('diversity.includeInProfile', fromProfileParam), async (c, auth) => {
    const values = await readForm(c);
    await saveDisclosure({ ...deps(c, auth), profileId: c.req.param('profileId')!, include: values['include'] === 'ja' });
    return c.redirect(`/profielen/${c.req.param('profileId')}/cyclus?index=opgeslagen#diversity-disclosure`, 303);
  });
}
