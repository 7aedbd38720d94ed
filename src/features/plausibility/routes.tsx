/** @jsxImportSource hono/jsx */
/** The SWV adviser's plausibility review: the list of profiles with verdicts, and the verdict form. Thin. */
import { AppError } from '../../auth/app-error.js';
import type { AppContext } from '../../ui/context.js';
import type { FieldErrors } from '../../ui/components.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam } from '../partnerships/scopes.js';
import { fromProfileParam } from '../questionnaire/scopes.js';
import { loadVerdictPage } from './load-verdict-page.js';
import { loadVerdictsOverview } from './load-verdicts-overview.js';
import { plausibilityT } from './messages.js';
import { recordVerdict, recordVerdictInput } from './record-verdict.js';
import { VerdictFormView, VerdictsOverviewView } from './views/verdicts.js';

async function verdictForm(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string> = {}) {
  const page = await loadVerdictPage({ db: c.var.deps.db, auth: authorized(auth), profileId: c.req.param('profileId')! });
  return renderPage(c, {
    title: plausibilityT(c.var.locale)('formTitle'),
    partnershipId: page.profile.partnershipId,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [[plausibilityT(c.var.locale)('overviewTitle'), `/swv/${page.profile.partnershipId}/plausibiliteit`]],
    children: <VerdictFormView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} saved={c.req.query('opgeslagen') === '1'} />,
  });
}

export function registerPlausibilityRoutes(table: RouteTable): void {
  table.get('/swv/:partnershipId/plausibiliteit', permission('partnership.viewVerdicts', fromPartnershipParam), async (c, auth) => {
    const page = await loadVerdictsOverview({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
    return renderPage(c, {
      title: plausibilityT(c.var.locale)('overviewTitle'),
      partnershipId: page.partnershipId,
      children: <VerdictsOverviewView page={page} locale={c.var.locale} />,
    });
  });

  const assess = permission('profile.assess', fromProfileParam, { refusal: (c) => plausibilityT(c.var.locale)('assessForbidden') });
  table.get('/profielen/:profileId/plausibiliteit', assess, (c, auth) => verdictForm(c, auth));
  table.post('/profielen/:profileId/plausibiliteit', assess, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(recordVerdictInput(plausibilityT(c.var.locale)), values);
    if (!parsed.ok) return verdictForm(c, auth, parsed.errors, values);
    try {
      await recordVerdict({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId: c.req.param('profileId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return verdictForm(c, auth, { [(error.details as { field?: string } | undefined)?.field ?? 'verdict']: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/profielen/${c.req.param('profileId')}/plausibiliteit?opgeslagen=1`, 303);
  });
}

