/** @jsxImportSource hono/jsx */
/** Platform administration, the SWV's home page and settings, a board's page and a school's page. */
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { addSchool, addSchoolInput } from './add-school.js';
import { createPartnership, createPartnershipInput } from './create-partnership.js';
import { loadBoardPage } from './load-board-page.js';
import { loadPartnershipOverview } from './load-partnership-overview.js';
import { loadPlatformPage } from './load-platform-page.js';
import { loadSchoolFormPage } from './load-school-form-page.js';
import { loadSchoolPage } from './load-school-page.js';
import { loadSettingsPage } from './load-settings-page.js';
import { partnershipMessages } from './messages.js';
import { schoolPageSections } from './school-page-sections.js';
import { fromBoardParam, fromPartnershipParam, fromSchoolParam, platformScope } from './scopes.js';
import { CONTACTS_VERSION_FIELD, contactsFromForm, schoolContactsInput, updateSchoolContacts, type SchoolContact } from './update-school-contacts.js';
import { parseSettingsForm, updateSettings } from './update-partnership-settings.js';
import { BoardView, PartnershipOverviewView, PlatformView } from './views/overview.js';
import { SchoolFormView } from './views/school-form.js';
import { registerNotice, registerRegisterAdminRoutes } from './register-admin-routes.js';
import { SchoolView } from './views/school.js';
import { SettingsView } from './views/settings.js';

// Other features import these from here to add links to the SWV overview.
export { partnershipLinkProviders, type PartnershipLink } from './overview-links.js';

const m = (c: AppContext) => translator(partnershipMessages, c.var.locale);
const status = (errors: FieldErrors) => (Object.keys(errors).length ? 400 : 200);
const fieldOf = (error: AppError, fallback: string) => (error.details as { field?: string } | undefined)?.field ?? fallback;

async function platformPage(c: AppContext, errors: FieldErrors, values: Record<string, string>) {
  const page = await loadPlatformPage({ db: c.var.deps.db });
  return renderPage(c, {
    title: m(c)('platformTitle'),
    status: status(errors),
    children: <PlatformView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} />,
  });
}

async function newSchoolPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, values: Record<string, string>) {
  const page = await loadSchoolFormPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  return renderPage(c, {
    title: m(c)('addSchool'),
    partnershipId: page.partnership.id,
    status: status(errors),
    breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
    children: <SchoolFormView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={Object.keys(values).length ? values : null} />,
  });
}

async function settingsPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, values: Record<string, string> | null, notice?: string) {
  const page = await loadSettingsPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  return renderPage(c, {
    title: m(c)('settingsTitle'),
    partnershipId: page.partnership.id,
    status: status(errors),
    breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
    children: <SettingsView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} notice={notice} />,
  });
}

async function schoolPage(c: AppContext, auth: Authorized, errors: FieldErrors, posted: Record<string, string> | null, contactsConflict?: SchoolContact[]) {
  const page = await loadSchoolPage({ db: c.var.deps.db, auth, schoolId: c.req.param('schoolId')! });
  // Blocks of other features (profiles, cycle, documents), rendered by their own plug-ins.
  const sections = await Promise.all(schoolPageSections.map((section) => section(c, auth, page.school.id)));
  return renderPage(c, {
    title: page.school.name,
    partnershipId: page.school.partnershipId,
    status: contactsConflict ? 409 : status(errors),
    children: (
      <SchoolView
        page={page}
        locale={c.var.locale}
        csrfToken={c.var.csrfToken}
        errors={errors}
        posted={posted}
        sections={sections}
        contactsSaved={c.req.query('opgeslagen') === 'contactpersonen'}
        contactsConflict={contactsConflict}
        notice={registerNotice(c, page.school.name)}
      />
    ),
  });
}

export function registerPartnershipRoutes(table: RouteTable): void {
  const manage = permission('partnership.manage', fromPartnershipParam);

  table.get('/beheer', permission('platform.manage', platformScope), (c) => platformPage(c, {}, {}));
  table.post('/beheer/swv', permission('platform.manage', platformScope), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(createPartnershipInput(m(c)), values);
    if (!parsed.ok) return platformPage(c, parsed.errors, values);
    try {
      const id = await createPartnership({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), input: parsed.data, t: m(c) });
      return c.redirect(`/swv/${id}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return platformPage(c, { slug: error.userMessage ?? '' }, values);
      throw error;
    }
  });

  table.get('/swv/:partnershipId/scholen/nieuw', manage, (c, auth) => newSchoolPage(c, auth, {}, {}));
  table.post('/swv/:partnershipId/scholen', manage, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(addSchoolInput(m(c)), values);
    if (!parsed.ok) return newSchoolPage(c, auth, parsed.errors, values);
    try {
      const schoolId = await addSchool({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, input: parsed.data, t: m(c) });
      return c.redirect(`/scholen/${schoolId}`, 303);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) return newSchoolPage(c, auth, { [fieldOf(error, 'name')]: error.userMessage ?? '' }, values);
      throw error;
    }
  });

  table.get('/swv/:partnershipId', permission('partnership.view', fromPartnershipParam), async (c, auth) => {
    const page = await loadPartnershipOverview({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, locale: c.var.locale });
    return renderPage(c, { title: page.partnership.name, partnershipId: page.partnership.id, children: <PartnershipOverviewView page={page} locale={c.var.locale} /> });
  });

  table.get('/swv/:partnershipId/instellingen', manage, (c, auth) => settingsPage(c, auth, {}, null));
  table.post('/swv/:partnershipId/instellingen', manage, async (c, auth) => {
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string' && key !== '_csrf') values[key] = value;
    const file = body['logo'];
    const logo = file instanceof File && file.size > 0 ? { bytes: new Uint8Array(await file.arrayBuffer()), mimeType: file.type } : null;
    const parsed = parseSettingsForm({ values, logo, t: m(c) });
    if (!parsed.ok) return settingsPage(c, auth, parsed.errors, values);
    await updateSettings({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, input: parsed.input, logoDataUrl: parsed.logoDataUrl, parentWordList: parsed.parentWordList });
    return settingsPage(c, auth, {}, null, m(c)('saved'));
  });

  table.get('/besturen/:boardId', permission('board.view', fromBoardParam), async (c, auth) => {
    const page = await loadBoardPage({ db: c.var.deps.db, auth: authorized(auth), boardId: c.req.param('boardId')! });
    const title = m(c)('boardTitle', { name: page.board.name });
    return renderPage(c, { title, partnershipId: page.board.partnershipId, children: <BoardView page={page} locale={c.var.locale} /> });
  });

  table.get('/scholen/:schoolId', permission('school.view', fromSchoolParam), (c, auth) => schoolPage(c, authorized(auth), {}, null));
  table.post('/scholen/:schoolId/contactpersonen', permission('school.editContacts', fromSchoolParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(schoolContactsInput(m(c)), contactsFromForm(values));
    if (!parsed.ok) return schoolPage(c, authorized(auth), parsed.errors, values);
    const schoolId = c.req.param('schoolId')!;
    const result = await updateSchoolContacts({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId, input: parsed.data });
    // Changed by someone else since the form was opened: nothing written; the form keeps what was typed, now based on
    // the stored version, so saving again is a deliberate choice to replace it.
    if (result.kind === 'stale') return schoolPage(c, authorized(auth), {}, { ...values, [CONTACTS_VERSION_FIELD]: result.version }, result.stored);
    return c.redirect(`/scholen/${schoolId}?opgeslagen=contactpersonen#contactpersonen`, 303);
  });

  registerRegisterAdminRoutes(table);
}
