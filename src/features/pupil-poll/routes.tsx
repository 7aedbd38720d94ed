/** @jsxImportSource hono/jsx */
/**
 * The anonymous pupil poll (issue 14). Thin routes: parse, one use case, a view.
 * - The SWV's questions (`/swv/:partnershipId/peilingvragen`) and the school's polls (`/scholen/:schoolId/peilingen`).
 * - Pupils: `/peiling` (enter a code) and `/peiling/:code`, public and cookie-less: no session is read and no CSRF
 *   or language cookie is set. The only cookie is the poll's own (`sop_peiling`, httpOnly, SameSite=Strict, path
 *   `/peiling/<code>`): a random token whose SHA-256 the answer stores, so a device answers once. The answer POST is
 *   refused from another site (Origin / Sec-Fetch-Site), rate-limited per code and per client in memory (nothing
 *   about the request is stored), and never indexed (`X-Robots-Tag`, meta robots). Pupils never see a result.
 */
import type { Child } from 'hono/jsx';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../auth/app-error.js';
import { randomToken, sha256 } from '../../auth/tokens.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { requestClientAddress } from '../../ui/request.js';
import { authorized, permission, publicPage, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam, fromSchoolParam } from '../partnerships/scopes.js';
import { createRateLimiter } from '../public/rate-limit.js';
import { PublicLayout, publicHref } from '../public/views/shared.js';
import { answerPoll, loadPublicPoll, type PublicPoll } from './answer-poll.js';
import { pupilPollT } from './messages.js';
import { normalizeCode } from './poll-rules.js';
import { addPollQuestion, addPollQuestionInput, adoptExampleQuestions, loadPollQuestionsPage, removePollQuestion } from './questions.js';
import { reviewPollText, reviewPollTextInput } from './review-poll-text.js';
import { closePoll, loadPollPage, loadSchoolPollsPage, openPoll, openPollInput } from './school-polls.js';
import { PollQuestionsView, PollView, SchoolPollsView } from './views/pages.js';
import { EnterCodeView, PollFormView, PollMessageView } from './views/public.js';

export const POLL_COOKIE = 'sop_peiling';
/** Answers per code per minute (per process): a whole class at once, not a script. */
export const POLL_ANSWERS_PER_MINUTE = 120;
/** Requests per client per minute on the poll's public pages (per process; a school's pupils share one address). */
export const POLL_REQUESTS_PER_MINUTE = 600;
/** The largest answer body: a few choices and one text of 500 characters. */
const POLL_BODY_BYTES = 16 * 1024;

const fieldOf = (error: AppError, fallback: string) => (error.details as { field?: string } | undefined)?.field ?? fallback;
const pupilUrl = (c: AppContext) => `${c.var.deps.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/peiling`;

// --- the SWV's questions ---------------------------------------------------------------------------------------

async function questionsPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string> = {}) {
  const page = await loadPollQuestionsPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  const t = pupilPollT(c.var.locale);
  const done = c.req.query('klaar');
  const notice = done === 'toegevoegd' ? t('added') : done === 'voorbeeld' ? t('exampleAdopted') : done === 'verwijderd' ? t('removed') : undefined;
  return renderPage(c, {
    title: t('questionsTitle'),
    partnershipId: page.partnershipId,
    status: Object.keys(errors).length ? 400 : 200,
    children: <PollQuestionsView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} notice={notice} />,
  });
}

// --- the school's polls ----------------------------------------------------------------------------------------

async function pollsPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string> = {}) {
  const page = await loadSchoolPollsPage({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId: c.req.param('schoolId')! });
  return renderPage(c, {
    title: pupilPollT(c.var.locale)('pollsTitle'),
    partnershipId: page.school.partnershipId,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [[page.school.name, `/scholen/${page.school.id}`]],
    children: <SchoolPollsView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} pupilUrl={pupilUrl(c)} />,
  });
}

async function pollPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, status?: number) {
  const page = await loadPollPage({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId: c.req.param('schoolId')!, pollId: c.req.param('pollId')!, textId: c.req.param('pollTextId') });
  const t = pupilPollT(c.var.locale);
  const done = c.req.query('klaar');
  const notice = done === 'geopend' ? t('opened') : done === 'gesloten' ? t('closed') : done === 'beoordeeld' ? t('textReviewed') : undefined;
  return renderPage(c, {
    title: t('pollTitle', { group: page.poll.groupName }),
    partnershipId: page.school.partnershipId,
    status: status ?? (Object.keys(errors).length ? 400 : 200),
    breadcrumbs: [
      [page.school.name, `/scholen/${page.school.id}`],
      [t('pollsTitle'), `/scholen/${page.school.id}/peilingen`],
    ],
    children: <PollView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} notice={notice} pupilUrl={pupilUrl(c)} />,
  });
}

// --- pupils ----------------------------------------------------------------------------------------------------

function otherLanguageHref(c: AppContext): string {
  const url = new URL(c.req.url);
  if (c.var.locale === 'nl') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

/** A pupil's page: not cached, not indexed, branded with the SWV when the code is known. */
function renderPupilPage(c: AppContext, options: { title: string; brand?: PublicPoll['brand'] | null; status?: number; children: Child }): Response {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
  const body = `<!doctype html>${(
    <PublicLayout locale={c.var.locale} title={options.title} brand={options.brand ?? null} otherLanguageHref={otherLanguageHref(c)} noindex>
      {options.children}
    </PublicLayout>
  ).toString()}`;
  return c.html(body, (options.status ?? 200) as 200);
}

/** The answer must come from this site's own form (the poll has no CSRF cookie: it sets no cookie but its own). */
function crossSite(c: AppContext): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return true;
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin === 'null';
  const own = [new URL(c.req.url).origin, new URL(c.var.deps.config.PUBLIC_BASE_URL).origin];
  return !own.includes(origin);
}

export function registerPupilPollRoutes(table: RouteTable): void {
  // The SWV's questions.
  const manage = permission('poll.manageQuestions', fromPartnershipParam);
  table.get('/swv/:partnershipId/peilingvragen', manage, (c, auth) => questionsPage(c, auth));
  table.post('/swv/:partnershipId/peilingvragen', manage, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(addPollQuestionInput(pupilPollT(c.var.locale)), values);
    if (!parsed.ok) return questionsPage(c, auth, parsed.errors, values);
    try {
      await addPollQuestion({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return questionsPage(c, auth, { [fieldOf(error, 'text')]: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/swv/${c.req.param('partnershipId')}/peilingvragen?klaar=toegevoegd`, 303);
  });
  table.post('/swv/:partnershipId/peilingvragen/voorbeeld', manage, async (c, auth) => {
    try {
      await adoptExampleQuestions({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return questionsPage(c, auth, { _form: error.userMessage ?? '' });
      throw error;
    }
    return c.redirect(`/swv/${c.req.param('partnershipId')}/peilingvragen?klaar=voorbeeld`, 303);
  });
  table.post('/swv/:partnershipId/peilingvragen/:pollQuestionId/verwijderen', manage, async (c, auth) => {
    await removePollQuestion({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, questionId: c.req.param('pollQuestionId')! });
    return c.redirect(`/swv/${c.req.param('partnershipId')}/peilingvragen?klaar=verwijderd`, 303);
  });

  // The school's polls.
  const run = permission('poll.run', fromSchoolParam);
  table.get('/scholen/:schoolId/peilingen', run, (c, auth) => pollsPage(c, auth));
  table.post('/scholen/:schoolId/peilingen', run, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(openPollInput(pupilPollT(c.var.locale)), values);
    if (!parsed.ok) return pollsPage(c, auth, parsed.errors, values);
    let opened: { pollId: string };
    try {
      opened = await openPoll({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId: c.req.param('schoolId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return pollsPage(c, auth, { [fieldOf(error, 'groupName')]: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/scholen/${c.req.param('schoolId')}/peilingen/${opened.pollId}?klaar=geopend`, 303);
  });
  table.get('/scholen/:schoolId/peilingen/:pollId', run, (c, auth) => pollPage(c, auth));
  table.post('/scholen/:schoolId/peilingen/:pollId/sluiten', run, async (c, auth) => {
    try {
      await closePoll({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId: c.req.param('schoolId')!, pollId: c.req.param('pollId')! });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_state') return pollPage(c, auth, { _form: error.userMessage ?? '' }, 409);
      throw error;
    }
    return c.redirect(`/scholen/${c.req.param('schoolId')}/peilingen/${c.req.param('pollId')}?klaar=gesloten`, 303);
  });
  table.post('/scholen/:schoolId/peilingen/:pollId/teksten/:pollTextId', run, async (c, auth) => {
    const parsed = parseForm(reviewPollTextInput(pupilPollT(c.var.locale)), await readForm(c));
    if (!parsed.ok) return pollPage(c, auth, parsed.errors);
    try {
      await reviewPollText({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId: c.req.param('schoolId')!, pollId: c.req.param('pollId')!, textId: c.req.param('pollTextId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_state') return pollPage(c, auth, { _form: error.userMessage ?? '' }, 409);
      throw error;
    }
    return c.redirect(`/scholen/${c.req.param('schoolId')}/peilingen/${c.req.param('pollId')}?klaar=beoordeeld#texts-heading`, 303);
  });

  // Pupils: public, cookie-less but for the poll's own cookie, rate-limited in memory.
  const perClient = createRateLimiter({ perMinute: POLL_REQUESTS_PER_MINUTE });
  const perCode = createRateLimiter({ perMinute: POLL_ANSWERS_PER_MINUTE });
  const tooMany = (c: AppContext) => {
    const t = pupilPollT(c.var.locale);
    c.header('Retry-After', '60');
    return renderPupilPage(c, { title: t('tooManyTitle'), status: 429, children: <PollMessageView title={t('tooManyTitle')} body={t('tooManyBody')} /> });
  };
  const enterCode = (c: AppContext, value: string, error?: string) => renderPupilPage(c, { title: pupilPollT(c.var.locale)('publicTitle'), status: error ? 404 : 200, children: <EnterCodeView locale={c.var.locale} value={value} error={error} /> });
  const tokenHashOf = (c: AppContext) => {
    const token = getCookie(c, POLL_COOKIE);
    return token && token.length >= 20 && token.length <= 100 ? sha256(token) : null;
  };
  const pollForm = (c: AppContext, poll: PublicPoll, errors: FieldErrors = {}, values: Record<string, string> = {}) => {
    const t = pupilPollT(c.var.locale);
    if (poll.state !== 'open') return renderPupilPage(c, { title: t('closedTitle'), brand: poll.brand, status: 410, children: <PollMessageView title={t('closedTitle')} body={t('closedBody')} /> });
    if (poll.answered) return renderPupilPage(c, { title: t('alreadyTitle'), brand: poll.brand, children: <PollMessageView title={t('alreadyTitle')} body={t('alreadyBody')} /> });
    return renderPupilPage(c, { title: t('formTitle', { group: poll.groupName }), brand: poll.brand, status: Object.keys(errors).length ? 400 : 200, children: <PollFormView poll={poll} locale={c.var.locale} errors={errors} values={values} /> });
  };

  table.get('/peiling', publicPage, (c) => {
    if (!perClient.take(requestClientAddress(c), Date.now())) return tooMany(c);
    const typed = c.req.query('code');
    if (typed === undefined) return enterCode(c, '');
    const code = normalizeCode(typed);
    if (!code) return enterCode(c, typed.slice(0, 12), pupilPollT(c.var.locale)('codeUnknown'));
    return c.redirect(publicHref(`/peiling/${code}`, c.var.locale), 303);
  });
  table.get('/peiling/:code', publicPage, async (c) => {
    if (!perClient.take(requestClientAddress(c), Date.now())) return tooMany(c);
    const typed = c.req.param('code')!;
    const code = normalizeCode(typed);
    if (code && code !== typed) return c.redirect(publicHref(`/peiling/${code}`, c.var.locale), 301);
    try {
      return pollForm(c, await loadPublicPoll({ db: c.var.deps.db, clock: c.var.deps.clock, code: typed, tokenHash: tokenHashOf(c) }));
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return enterCode(c, typed.slice(0, 12), pupilPollT(c.var.locale)('codeUnknown'));
      throw error;
    }
  });
  table.post(
    '/peiling/:code',
    publicPage,
    async (c) => {
      const t = pupilPollT(c.var.locale);
      if (crossSite(c)) return renderPupilPage(c, { title: t('publicTitle'), status: 403, children: <PollMessageView title={t('publicTitle')} body={t('crossSite')} /> });
      const typed = c.req.param('code')!;
      const code = normalizeCode(typed);
      if (!code) return enterCode(c, typed.slice(0, 12), t('codeUnknown'));
      if (!perClient.take(requestClientAddress(c), Date.now()) || !perCode.take(code, Date.now())) return tooMany(c);
      const values = await readForm(c);
      // A device without the poll's cookie gets a fresh token now; one that has it keeps it.
      const existing = getCookie(c, POLL_COOKIE);
      const token = existing && existing.length >= 20 && existing.length <= 100 ? existing : randomToken();
      let outcome: Awaited<ReturnType<typeof answerPoll>>;
      try {
        outcome = await answerPoll({ db: c.var.deps.db, clock: c.var.deps.clock, code, tokenHash: sha256(token), posted: values });
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return enterCode(c, typed.slice(0, 12), t('codeUnknown'));
        throw error;
      }
      if (outcome.kind === 'invalid') {
        const poll = await loadPublicPoll({ db: c.var.deps.db, clock: c.var.deps.clock, code, tokenHash: null });
        const errors: FieldErrors = {};
        for (const id of outcome.missing) errors[`q-${id}`] = t('choiceRequired');
        for (const id of outcome.tooLong) errors[`q-${id}`] = t('textTooLong');
        return pollForm(c, poll, errors, values);
      }
      if (outcome.kind === 'closed') return renderPupilPage(c, { title: t('closedTitle'), status: 410, children: <PollMessageView title={t('closedTitle')} body={t('closedBody')} /> });
      if (outcome.kind === 'already') return renderPupilPage(c, { title: t('alreadyTitle'), children: <PollMessageView title={t('alreadyTitle')} body={t('alreadyBody')} /> });
      const poll = await loadPublicPoll({ db: c.var.deps.db, clock: c.var.deps.clock, code, tokenHash: null });
      const seconds = Math.max(60, Math.ceil((poll.expiresAt.getTime() - c.var.deps.clock.now().getTime()) / 1000));
      setCookie(c, POLL_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: `/peiling/${code}`, secure: c.var.deps.config.secureCookies, maxAge: seconds });
      return renderPupilPage(c, { title: t('thanksTitle'), brand: poll.brand, children: <PollMessageView title={t('thanksTitle')} body={t('thanksBody')} /> });
    },
    { maxBodyBytes: POLL_BODY_BYTES },
  );
}
