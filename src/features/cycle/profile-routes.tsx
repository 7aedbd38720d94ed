/** @jsxImportSource hono/jsx */
/**
 * A profile's cycle pages: check your answers + submit, the confirmation, the cycle page with its transitions
 * (advice, adoption, publication, reopening, review remarks) and "what changed since last year".
 * Thin: parse, call one use case, render a view.
 */
import type { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { baseUrl } from '../../ui/request.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromProfileParam } from '../questionnaire/scopes.js';
import { addReviewRemark, addReviewRemarkInput } from './add-review-remark.js';
import { adoptProfile, adoptProfileInput } from './adopt-profile.js';
import { confirmCarriedAnswer } from './confirm-carried-answer.js';
import { loadChangesPage } from './load-changes-page.js';
import { loadCheckPage } from './load-check-page.js';
import { loadProfileCyclePage } from './load-profile-cycle-page.js';
import { loadSubmittedPage } from './load-submitted-page.js';
import type { cycleMessages } from './messages.js';
import { profileCycleSections } from './profile-cycle-sections.js';
import { publishProfile } from './publish-profile.js';
import { recordAdvice, recordAdviceInput } from './record-advice.js';
import { reopenProfile, reopenProfileInput } from './reopen-profile.js';
import { respondToReviewRemark, respondToReviewRemarkInput } from './respond-to-review-remark.js';
import { submitProfile } from './submit-profile.js';
import { ACTION_RULES, type CycleAction } from './transition-rules.js';
import { ProfileCycleView, type CycleFormName, type CyclePageState } from './views/profile-cycle.js';
import { ChangesView, CheckView, SubmittedView } from './views/profile-pages.js';
import { cycleT, profileCrumbs, type CycleT } from './views/shared.js';

const deps = (c: AppContext, auth: Authorized | null) => ({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId: c.req.param('profileId')! });

/**
 * The access rule of a transition route: the central policy check with the action's permission, and on a
 * 403 the action's own refusal ("Alleen het schoolbestuur … kan vaststellen") instead of the generic text.
 */
function transitionAccess(action: CycleAction) {
  const rule = ACTION_RULES[action];
  return permission(rule.permission, fromProfileParam, { refusal: (c) => cycleT(c.var.locale)(rule.forbidden) });
}

async function checkPage(c: AppContext, auth: Authorized | null, error?: string) {
  const page = await loadCheckPage(deps(c, auth));
  return renderPage(c, {
    title: cycleT(c.var.locale)('checkTitle'),
    partnershipId: page.profile.partnershipId,
    status: error ? 409 : 200,
    breadcrumbs: profileCrumbs(page),
    children: <CheckView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} error={error} />,
  });
}

async function cyclePage(c: AppContext, auth: Authorized | null, state: CyclePageState = {}) {
  const page = await loadProfileCyclePage(deps(c, auth));
  const sections = [];
  for (const section of profileCycleSections) sections.push(await section(c, authorized(auth), page.profile));
  return renderPage(c, {
    title: cycleT(c.var.locale)('cyclePageTitle'),
    partnershipId: page.profile.partnershipId,
    status: state.error ? 409 : Object.keys(state.errors ?? {}).length ? 400 : 200,
    breadcrumbs: profileCrumbs(page),
    children: <ProfileCycleView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} state={state} sections={sections} />,
  });
}

/** What the cycle page says after a successful transition (`?gedaan=…`, set by the redirect after the post). */
const DONE = {
  advies: 'adviceRecorded',
  vastgesteld: 'adopted',
  gepubliceerd: 'published',
  heropend: 'reopened',
  opmerking: 'remarkAdded',
  antwoord: 'responded',
} as const satisfies Record<string, keyof typeof cycleMessages.nl>;
type Done = keyof typeof DONE;

function doneNotice(c: AppContext): string | undefined {
  const done = c.req.query('gedaan');
  return done && Object.hasOwn(DONE, done) ? cycleT(c.var.locale)(DONE[done as Done]) : undefined;
}

/**
 * Runs a transition from a posted form. Field errors and refusals are shown on the cycle page (400/409);
 * success redirects (303) to the cycle page with its notice, so a refresh never posts again.
 */
function transitionRoute<S extends z.ZodType>(form: CycleFormName, schema: ((t: CycleT) => S) | null, run: (c: AppContext, auth: Authorized, input: z.infer<S>) => Promise<unknown>, done: Done) {
  return async (c: AppContext, auth: Authorized | null) => {
    const values = await readForm(c);
    if (form === 'respond' && values['remarkId']) values['response'] = values[`response-${values['remarkId']}`] ?? '';
    let input: unknown = {};
    if (schema) {
      const parsed = parseForm(schema(cycleT(c.var.locale)), values);
      if (!parsed.ok) {
        const errors = form === 'respond' ? { [`response-${values['remarkId']}`]: parsed.errors['response'] ?? parsed.errors['remarkId'] ?? '' } : parsed.errors;
        return cyclePage(c, auth, { form, errors, values });
      }
      input = parsed.data;
    }
    try {
      await run(c, authorized(auth), input as z.infer<S>);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') {
        const field = (error.details as { field?: string } | undefined)?.field ?? '_form';
        return cyclePage(c, auth, { form, errors: { [field]: error.userMessage ?? '' }, values });
      }
      if (error instanceof AppError && (error.code === 'invalid_state' || error.code === 'conflict')) return cyclePage(c, auth, { error: error.userMessage ?? error.code });
      throw error;
    }
    return c.redirect(`/profielen/${c.req.param('profileId')}/cyclus?gedaan=${done}`, 303);
  };
}

export function registerProfileCycleRoutes(table: RouteTable): void {
  const view = permission('profile.view', fromProfileParam);

  // One check page for everyone who may read the profile; the submit button shows only to whoever may submit now.
  table.get('/profielen/:profileId/controleren', view, (c, auth) => checkPage(c, auth));
  table.get('/profielen/:profileId/indienen', transitionAccess('submit'), (c) => c.redirect(`/profielen/${c.req.param('profileId')}/controleren`, 303));
  table.post('/profielen/:profileId/indienen', transitionAccess('submit'), async (c, auth) => {
    try {
      await submitProfile({ ...deps(c, auth), baseUrl: baseUrl(c) });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'invalid_state' || error.code === 'conflict')) return checkPage(c, auth, error.userMessage);
      throw error;
    }
    return c.redirect(`/profielen/${c.req.param('profileId')}/ingediend`, 303);
  });

  table.get('/profielen/:profileId/ingediend', view, async (c, auth) => {
    const page = await loadSubmittedPage(deps(c, auth));
    return renderPage(c, {
      title: cycleT(c.var.locale)('confirmTitle'),
      partnershipId: page.profile.partnershipId,
      breadcrumbs: profileCrumbs(page),
      children: <SubmittedView page={page} locale={c.var.locale} />,
    });
  });

  table.get('/profielen/:profileId/cyclus', view, (c, auth) => cyclePage(c, auth, { notice: doneNotice(c) }));

  const withBaseUrl = (c: AppContext) => ({ baseUrl: baseUrl(c) });
  table.post(
    '/profielen/:profileId/advies',
    transitionAccess('recordAdvice'),
    transitionRoute('advice', recordAdviceInput, (c, auth, input) => recordAdvice({ ...deps(c, auth), input, ...withBaseUrl(c) }), 'advies'),
  );
  table.post(
    '/profielen/:profileId/vaststellen',
    transitionAccess('adopt'),
    transitionRoute('adopt', adoptProfileInput, (c, auth, input) => adoptProfile({ ...deps(c, auth), input }), 'vastgesteld'),
  );
  table.post(
    '/profielen/:profileId/publiceren',
    transitionAccess('publish'),
    transitionRoute('publish', null, (c, auth) => publishProfile(deps(c, auth)), 'gepubliceerd'),
  );
  table.post(
    '/profielen/:profileId/heropenen',
    transitionAccess('reopen'),
    transitionRoute('reopen', reopenProfileInput, (c, auth, input) => reopenProfile({ ...deps(c, auth), input, ...withBaseUrl(c) }), 'heropend'),
  );
  table.post(
    '/profielen/:profileId/opmerkingen',
    transitionAccess('review'),
    transitionRoute('remark', addReviewRemarkInput, (c, auth, input) => addReviewRemark({ ...deps(c, auth), input, ...withBaseUrl(c) }), 'opmerking'),
  );
  table.post(
    '/profielen/:profileId/opmerkingen/antwoord',
    transitionAccess('respondToReview'),
    transitionRoute('respond', respondToReviewRemarkInput, (c, auth, input) => respondToReviewRemark({ ...deps(c, auth), input, ...withBaseUrl(c) }), 'antwoord'),
  );

  // "Antwoord klopt nog" on a reworded item (questionnaire section page): back to the item, saved.
  table.post('/profielen/:profileId/antwoorden/:itemKey/bevestigen', permission('profile.edit', fromProfileParam), async (c, auth) => {
    const itemKey = c.req.param('itemKey')!;
    const { sectionKey } = await confirmCarriedAnswer({ ...deps(c, auth), itemKey });
    return c.redirect(`/profielen/${c.req.param('profileId')}/onderdelen/${encodeURIComponent(sectionKey)}?opgeslagen=1#item-${encodeURIComponent(itemKey)}`, 303);
  });

  table.get('/profielen/:profileId/wijzigingen', view, async (c, auth) => {
    const page = await loadChangesPage(deps(c, auth));
    return renderPage(c, {
      title: cycleT(c.var.locale)('changesTitle'),
      partnershipId: page.profile.partnershipId,
      breadcrumbs: profileCrumbs(page),
      children: <ChangesView page={page} locale={c.var.locale} showAll={c.req.query('alle') === '1'} />,
    });
  });
}
