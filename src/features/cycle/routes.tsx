/** @jsxImportSource hono/jsx */
/**
 * The yearly cycle's SWV and board pages: the SOP rounds (settings, opening) and the progress overviews.
 * A profile's own cycle pages are in profile-routes.tsx. Thin: parse, call one use case, render a view.
 */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm, readFormAll } from '../../ui/forms.js';
import { baseUrl } from '../../ui/request.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromBoardParam, fromPartnershipParam } from '../partnerships/scopes.js';
import { loadCycleForm } from './load-cycle-form.js';
import { loadCyclesPage } from './load-cycles-page.js';
import { loadProgressPage, parseProgressQuery, type ProgressPlace } from './load-progress-page.js';
import { openCycle } from './open-cycle.js';
import { remindSchools } from './remind-schools.js';
import { registerProfileCycleRoutes } from './profile-routes.js';
import { cycleSettingsInput, saveCycle, schoolYearSchema } from './save-cycle.js';
import { CycleFormView, cycleFormTitle, CyclesView } from './views/cycle-settings.js';
import { progressTitle, ProgressView, type ProgressLinks, type RemindNotice } from './views/progress.js';
import { cycleT } from './views/shared.js';

export { ProfileStatusTag, sectionHref } from './views/shared.js';

const deps = (c: AppContext, auth: Authorized | null) => ({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth) });
const partnershipIdOf = (c: AppContext) => c.req.param('partnershipId')!;

async function cyclesPage(c: AppContext, auth: Authorized | null, message: { notice?: string; error?: string } = {}) {
  const page = await loadCyclesPage({ ...deps(c, auth), partnershipId: partnershipIdOf(c) });
  const t = cycleT(c.var.locale);
  return renderPage(c, {
    title: t('cyclesTitle'),
    partnershipId: page.partnership.id,
    status: message.error ? 409 : 200,
    breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
    children: <CyclesView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} notice={message.notice} error={message.error} />,
  });
}

async function cycleForm(c: AppContext, auth: Authorized | null, mode: 'create' | 'update', errors: FieldErrors = {}, values: Record<string, string> | null = null) {
  const page = await loadCycleForm({ ...deps(c, auth), partnershipId: partnershipIdOf(c), schoolYear: mode === 'update' ? (c.req.param('schoolYear') ?? '') : null, calendarKey: c.req.query('kalender') ?? null });
  const t = cycleT(c.var.locale);
  return renderPage(c, {
    title: cycleFormTitle(page, c.var.locale),
    partnershipId: page.partnership.id,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [
      [page.partnership.name, `/swv/${page.partnership.id}`],
      [t('cyclesTitle'), `/swv/${page.partnership.id}/cyclus`],
    ],
    children: <CycleFormView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} />,
  });
}

const saveCycleRoute = (mode: 'create' | 'update') => async (c: AppContext, auth: Authorized | null) => {
  const values = await readForm(c);
  if (mode === 'update') values['schoolYear'] = c.req.param('schoolYear') ?? '';
  const parsed = parseForm(cycleSettingsInput, values);
  if (!parsed.ok) return cycleForm(c, auth, mode, parsed.errors, values);
  try {
    await saveCycle({ ...deps(c, auth), partnershipId: partnershipIdOf(c), input: parsed.data, mode });
  } catch (error) {
    if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) {
      const field = (error.details as { field?: string } | undefined)?.field ?? 'schoolYear';
      return cycleForm(c, auth, mode, { [field]: error.userMessage ?? error.code }, values);
    }
    if (error instanceof AppError && error.code === 'invalid_state') return cyclesPage(c, auth, { error: error.userMessage });
    throw error;
  }
  const done = mode === 'create' ? `aangemaakt&jaar=${parsed.data.schoolYear}` : 'opgeslagen';
  return c.redirect(`/swv/${partnershipIdOf(c)}/cyclus?gedaan=${done}`, 303);
};

/** The notice after a redirect from a successful post (`?gedaan=…`); only known words, numbers and years are shown. */
function doneNotice(c: AppContext): string | undefined {
  const t = cycleT(c.var.locale);
  const count = (name: string) => Number(/^\d{1,6}$/.exec(c.req.query(name) ?? '')?.[0] ?? 0);
  const year = schoolYearSchema.safeParse(c.req.query('jaar'));
  switch (c.req.query('gedaan')) {
    case 'aangemaakt':
      return year.success ? t('cycleCreated', { year: year.data }) : undefined;
    case 'opgeslagen':
      return t('cycleSaved');
    case 'geopend':
      return t('opened', { created: count('aangemaakt'), skipped: count('overgeslagen') });
    default:
      return undefined;
  }
}

/** The selected profiles of a reminder: one or more ids (checkbox values); none chosen is its own message. */
const remindInput = z.object({ profiel: z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value])).pipe(z.array(z.string().min(1).max(64)).min(1).max(10_000)) });

/** The counts of the last reminder, from the redirect's query string (`herinnerd=…`). */
function remindNotice(c: AppContext): RemindNotice | undefined {
  const count = (name: string) => Math.max(0, Math.min(100_000, Number.parseInt(c.req.query(name) ?? '0', 10) || 0));
  if (c.req.query('herinnerd') === undefined) return undefined;
  return { reminded: count('herinnerd'), alreadyToday: count('vandaag'), notOpen: count('ingediend'), noEditors: count('zonder') };
}

/** The counts of a reminder for the redirect's query string (read back by `remindNotice`). */
function remindQuery(result: { reminded: number; alreadyToday: number; notOpen: number; noEditors: number }): string {
  return `herinnerd=${result.reminded}&vandaag=${result.alreadyToday}&ingediend=${result.notOpen}&zonder=${result.noEditors}`;
}

async function progressPage(
  c: AppContext,
  auth: Authorized | null,
  place: ProgressPlace,
  links: (page: { partnershipId: string }) => ProgressLinks,
  notice: RemindNotice | undefined = remindNotice(c),
  status = 200,
) {
  const page = await loadProgressPage({ ...deps(c, auth), place, query: parseProgressQuery((name) => c.req.query(name)) });
  const t = cycleT(c.var.locale);
  const breadcrumbs: Array<[string, string]> = page.board
    ? [[page.board.name, `/besturen/${page.board.id}`]]
    : [
        [page.placeName, `/swv/${page.partnershipId}`],
        [t('cyclesTitle'), `/swv/${page.partnershipId}/cyclus`],
      ];
  return renderPage(c, {
    title: progressTitle(page, c.var.locale),
    partnershipId: page.partnershipId,
    breadcrumbs,
    status,
    children: <ProgressView page={page} links={links(page)} locale={c.var.locale} csrfToken={c.var.csrfToken} notice={notice} />,
  });
}

export function registerCycleRoutes(table: RouteTable): void {
  const manage = permission('cycle.manage', fromPartnershipParam);

  // ——— Cycle settings (SWV) ———
  table.get('/swv/:partnershipId/cyclus', manage, (c, auth) => cyclesPage(c, auth, { notice: doneNotice(c) }));
  table.get('/swv/:partnershipId/cyclus/nieuw', manage, (c, auth) => cycleForm(c, auth, 'create'));
  table.post('/swv/:partnershipId/cyclus', manage, saveCycleRoute('create'));
  table.get('/swv/:partnershipId/cyclus/:schoolYear/bewerken', manage, (c, auth) => cycleForm(c, auth, 'update'));
  table.post('/swv/:partnershipId/cyclus/:schoolYear', manage, saveCycleRoute('update'));
  table.post('/swv/:partnershipId/cyclus/:schoolYear/openen', manage, async (c, auth) => {
    const year = schoolYearSchema.safeParse(c.req.param('schoolYear'));
    if (!year.success) throw new AppError('not_found');
    try {
      const result = await openCycle({ ...deps(c, auth), partnershipId: partnershipIdOf(c), schoolYear: year.data });
      return c.redirect(`/swv/${partnershipIdOf(c)}/cyclus?gedaan=geopend&aangemaakt=${result.created}&overgeslagen=${result.skipped}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_state') return cyclesPage(c, auth, { error: error.userMessage });
      throw error;
    }
  });

  // ——— Progress (SWV and board) ———
  table.get('/swv/:partnershipId/cyclus/:schoolYear', permission('partnership.view', fromPartnershipParam), async (c, auth) => {
    const year = schoolYearSchema.safeParse(c.req.param('schoolYear'));
    if (!year.success) throw new AppError('not_found');
    return progressPage(c, auth, { partnershipId: partnershipIdOf(c), schoolYear: year.data }, ({ partnershipId }) => ({
      action: `/swv/${partnershipId}/cyclus/${year.data}`,
      yearHref: (other) => `/swv/${partnershipId}/cyclus/${other}`,
    }));
  });

  // Remind the ticked schools (their editors get an e-mail; at most once a day per school).
  table.post('/swv/:partnershipId/cyclus/:schoolYear/herinneren', manage, async (c, auth) => {
    const year = schoolYearSchema.safeParse(c.req.param('schoolYear'));
    if (!year.success) throw new AppError('not_found');
    const back = `/swv/${partnershipIdOf(c)}/cyclus/${year.data}`;
    const parsed = remindInput.safeParse(await readFormAll(c));
    if (!parsed.success) {
      const links = () => ({ action: back, yearHref: (other: string) => `/swv/${partnershipIdOf(c)}/cyclus/${other}` });
      return progressPage(c, auth, { partnershipId: partnershipIdOf(c), schoolYear: year.data }, links, { reminded: 0, alreadyToday: 0, notOpen: 0, noEditors: 0, noneChosen: true }, 400);
    }
    const result = await remindSchools({ ...deps(c, auth), place: { partnershipId: partnershipIdOf(c) }, schoolYear: year.data, profileIds: parsed.data.profiel, baseUrl: baseUrl(c) });
    return c.redirect(`${back}?${remindQuery(result)}`, 303);
  });

  const boardLinks = (boardId: string) => () => ({
    action: `/besturen/${boardId}/voortgang`,
    yearHref: (other: string) => `/besturen/${boardId}/voortgang?jaar=${other}`,
  });
  table.get('/besturen/:boardId/voortgang', permission('board.view', fromBoardParam), async (c, auth) => {
    const requested = schoolYearSchema.safeParse(c.req.query('jaar'));
    const boardId = c.req.param('boardId')!;
    return progressPage(c, auth, { boardId, schoolYear: requested.success ? requested.data : null }, boardLinks(boardId));
  });

  // The board reminds its own schools (the same rules as the SWV's reminders; another board's school is not found).
  table.post('/besturen/:boardId/voortgang/herinneren', permission('board.remind', fromBoardParam), async (c, auth) => {
    const boardId = c.req.param('boardId')!;
    const form = await readFormAll(c);
    const year = schoolYearSchema.safeParse(form['jaar']);
    if (!year.success) throw new AppError('not_found');
    const parsed = remindInput.safeParse(form);
    if (!parsed.success) {
      return progressPage(c, auth, { boardId, schoolYear: year.data }, boardLinks(boardId), { reminded: 0, alreadyToday: 0, notOpen: 0, noEditors: 0, noneChosen: true }, 400);
    }
    const result = await remindSchools({ ...deps(c, auth), place: { boardId }, schoolYear: year.data, profileIds: parsed.data.profiel, baseUrl: baseUrl(c) });
    return c.redirect(`/besturen/${boardId}/voortgang?jaar=${year.data}&${remindQuery(result)}`, 303);
  });

  registerProfileCycleRoutes(table);
}
