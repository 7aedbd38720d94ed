/** @jsxImportSource hono/jsx */
/** The parent and youth support point's signals: the SWV page (record, counts, themes) and the school's view. Thin. */
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam, fromSchoolParam } from '../partnerships/scopes.js';
import { addTheme, addThemeInput } from './add-theme.js';
import { loadSchoolSignals } from './load-school-signals.js';
import { loadSignalsPage } from './load-signals-page.js';
import { supportPointT } from './messages.js';
import { recordSignal, recordSignalInput } from './record-signal.js';
import { shareSignal, shareSignalInput } from './share-signal.js';
import { SchoolSignalsView, SignalsView } from './views/signals.js';

async function signalsPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string> = {}) {
  const page = await loadSignalsPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  const t = supportPointT(c.var.locale);
  const notice = c.req.query('opgeslagen') ? t('recorded') : c.req.query('thema') ? t('themeAdded') : c.req.query('gedeeld') ? t('shareSaved') : undefined;
  return renderPage(c, {
    title: t('title'),
    partnershipId: page.partnershipId,
    status: Object.keys(errors).length ? 400 : 200,
    children: <SignalsView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} notice={notice} />,
  });
}

const fieldOf = (error: AppError, fallback: string) => (error.details as { field?: string } | undefined)?.field ?? fallback;

export function registerSupportPointRoutes(table: RouteTable): void {
  table.get('/swv/:partnershipId/signalen', permission('signals.view', fromPartnershipParam), (c, auth) => signalsPage(c, auth));
  table.post('/swv/:partnershipId/signalen', permission('signals.record', fromPartnershipParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(recordSignalInput(supportPointT(c.var.locale)), values);
    if (!parsed.ok) return signalsPage(c, auth, parsed.errors, values);
    try {
      await recordSignal({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return signalsPage(c, auth, { [fieldOf(error, 'description')]: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/swv/${c.req.param('partnershipId')}/signalen?opgeslagen=1`, 303);
  });
  table.post('/swv/:partnershipId/signalen/themas', permission('signals.manageThemes', fromPartnershipParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(addThemeInput(supportPointT(c.var.locale)), values);
    if (!parsed.ok) return signalsPage(c, auth, parsed.errors, values);
    try {
      await addTheme({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return signalsPage(c, auth, { [fieldOf(error, 'name')]: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/swv/${c.req.param('partnershipId')}/signalen?thema=1`, 303);
  });
  // The support point shares a signal's description with the school it names, or takes it back (audited).
  table.post('/swv/:partnershipId/signalen/:signalId/delen', permission('signals.record', fromPartnershipParam), async (c, auth) => {
    const parsed = parseForm(shareSignalInput, await readForm(c));
    if (!parsed.ok) return signalsPage(c, auth, parsed.errors);
    try {
      await shareSignal({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, signalId: c.req.param('signalId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return signalsPage(c, auth, { _form: error.userMessage ?? '' });
      throw error;
    }
    return c.redirect(`/swv/${c.req.param('partnershipId')}/signalen?gedeeld=1#list-heading`, 303);
  });
  table.get('/scholen/:schoolId/signalen', permission('signals.viewOwnSchool', fromSchoolParam), async (c, auth) => {
    const page = await loadSchoolSignals({ db: c.var.deps.db, auth: authorized(auth), schoolId: c.req.param('schoolId')! });
    return renderPage(c, {
      title: supportPointT(c.var.locale)('schoolTitle'),
      partnershipId: page.school.partnershipId,
      breadcrumbs: [[page.school.name, `/scholen/${page.school.id}`]],
      children: <SchoolSignalsView school={page.school} counts={page.counts} shared={page.shared} locale={c.var.locale} />,
    });
  });
}
