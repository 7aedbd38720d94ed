/** @jsxImportSource hono/jsx */
/** The school's questionnaire: profile home, welcome, sections (with no-JS save), autosave endpoint, completeness check (the check page itself is the cycle's, /controleren). */
import { AppError } from '../../auth/app-error.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { readFormAll } from '../../ui/forms.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { saveAnswerRequestSchema } from './answer-change.js';
import { loadProfilePage, type ProfilePage } from './load-profile-page.js';
import { questionnaireMessages } from './messages.js';
import { saveAnswer } from './save-answer.js';
import { saveSection } from './save-section.js';
import { fromProfileParam, profileFactsOf } from './scopes.js';
import { loadAnswerHistory } from './load-answer-history.js';
import { AnswerHistoryView, profilePath, ProfileHome, sectionPath, SectionPage, WelcomePage, type SectionFormState } from './views/pages.js';

const load = (c: AppContext, auth: Authorized | null) =>
  loadProfilePage({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId: c.req.param('profileId')! });

function crumbs(page: ProfilePage, c: AppContext): Array<[string, string]> {
  const t = translator(questionnaireMessages, c.var.locale);
  return [
    [page.schoolName, `/scholen/${page.profile.schoolId}`],
    [t('profileTitle', { year: page.profile.schoolYear }), profilePath(page.profile.id)],
  ];
}

async function renderSection(c: AppContext, page: ProfilePage, sectionKey: string, state?: SectionFormState) {
  const section = page.template.sections.find((candidate) => candidate.key === sectionKey);
  if (!section) throw new AppError('not_found');
  const hasErrors = state && (Object.keys(state.errors).length > 0 || Object.keys(state.conflicts).length > 0);
  return renderPage(c, {
    title: `${section.title} — ${page.schoolName}`,
    partnershipId: page.profile.partnershipId,
    breadcrumbs: crumbs(page, c),
    clientScript: page.canEdit ? 'autosave.js' : undefined,
    status: hasErrors ? (Object.keys(state.errors).length > 0 ? 400 : 409) : 200,
    children: <SectionPage page={page} section={section} locale={c.var.locale} csrfToken={c.var.csrfToken} state={state} />,
  });
}

export function registerQuestionnaireRoutes(table: RouteTable): void {
  const view = permission('profile.view', fromProfileParam);
  const edit = permission('profile.edit', fromProfileParam);

  table.get('/profielen/:profileId', view, async (c, auth) => {
    const page = await load(c, auth);
    const t = translator(questionnaireMessages, c.var.locale);
    return renderPage(c, {
      title: `${page.schoolName} — ${t('profileTitle', { year: page.profile.schoolYear })}`,
      partnershipId: page.profile.partnershipId,
      breadcrumbs: [[page.schoolName, `/scholen/${page.profile.schoolId}`]],
      children: <ProfileHome page={page} locale={c.var.locale} />,
    });
  });

  table.get('/profielen/:profileId/welkom', view, async (c, auth) => {
    const page = await load(c, auth);
    return renderPage(c, {
      title: page.template.welcome.title,
      partnershipId: page.profile.partnershipId,
      breadcrumbs: crumbs(page, c),
      children: <WelcomePage page={page} locale={c.var.locale} />,
    });
  });

  table.get('/profielen/:profileId/onderdelen/:sectionKey', view, async (c, auth) => {
    const page = await load(c, auth);
    const saved = c.req.query('opgeslagen') === '1';
    return renderSection(c, page, c.req.param('sectionKey')!, saved ? { errors: {}, conflicts: {}, shown: {}, limits: null, notice: 'saved' } : undefined);
  });

  // Without JavaScript: the section's save button posts every field here.
  table.post('/profielen/:profileId/onderdelen/:sectionKey', edit, async (c, auth) => {
    const form = await readFormAll(c);
    const sectionKey = c.req.param('sectionKey')!;
    const result = await saveSection({ db: c.var.deps.db, clock: c.var.deps.clock, logger: c.var.deps.logger, auth: authorized(auth), profileId: c.req.param('profileId')!, sectionKey, form });
    const page = await load(c, auth);
    const failed = Object.keys(result.errors).length > 0 || Object.keys(result.conflicts).length > 0;
    if (!failed) return c.redirect(`${profilePath(page.profile.id, `/onderdelen/${sectionKey}`)}?opgeslagen=1`, 303);
    return renderSection(c, page, sectionKey, {
      errors: result.errors,
      conflicts: result.conflicts,
      shown: result.shown,
      limits: result.limits,
      notice: result.savedCount > 0 ? 'partly' : null,
    });
  });

  // With JavaScript: autosave of one field (src/client/autosave.ts).
  table.post('/profielen/:profileId/antwoorden', edit, async (c, auth) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ ok: false, error: translator(questionnaireMessages, c.var.locale)('answerUnreadable') }, 400);
    }
    const parsed = saveAnswerRequestSchema.safeParse(body);
    if (!parsed.success) return c.json({ ok: false, error: translator(questionnaireMessages, c.var.locale)('answerUnreadable') }, 400);
    try {
      const result = await saveAnswer({
        db: c.var.deps.db,
        clock: c.var.deps.clock,
        logger: c.var.deps.logger,
        auth: authorized(auth),
        profileId: c.req.param('profileId')!,
        profile: profileFactsOf(c),
        ...parsed.data,
      });
      if (result.kind === 'saved') {
        const { revision, normStatus, nationalNormStatus, sectionProgress } = result;
        return c.json({ ok: true, revision, normStatus, nationalNormStatus, sectionProgress });
      }
      if (result.kind === 'invalid') return c.json({ ok: false, error: result.message }, 422);
      return c.json({ ok: false, conflict: result.conflict }, 409);
    } catch (error) {
      // Domain refusals answer in JSON so the client can show them; anything else goes to the error page.
      if (error instanceof AppError && (error.code === 'invalid_state' || error.code === 'invalid_input')) {
        return c.json({ ok: false, error: error.userMessage ?? error.code, final: true }, error.status as 400 | 409);
      }
      throw error;
    }
  });

  // Who changed an answer, when, and from what to what (answer_history).
  table.get('/profielen/:profileId/antwoorden/:itemKey/geschiedenis', view, async (c, auth) => {
    const history = await loadAnswerHistory({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId: c.req.param('profileId')!, itemKey: c.req.param('itemKey')! });
    const t = translator(questionnaireMessages, c.var.locale);
    const page = history.page;
    return renderPage(c, {
      title: `${t('historyTitle', { title: history.title })} — ${page.schoolName}`,
      partnershipId: page.profile.partnershipId,
      breadcrumbs: [...crumbs(page, c), [history.target.section.title, sectionPath(page.profile.id, history.target.section.key)]],
      children: <AnswerHistoryView history={history} locale={c.var.locale} />,
    });
  });

}
