/** @jsxImportSource hono/jsx */
/** The SWV's register by hand: the list of schools and boards, editing and archiving a school or a board. */
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { archiveBoard } from './archive-board.js';
import { archiveSchool } from './archive-school.js';
import { editBoard, editBoardInput } from './edit-board.js';
import { editSchool } from './edit-school.js';
import { loadBoardEditPage } from './load-board-edit-page.js';
import { loadRegisterPage } from './load-register-page.js';
import { loadSchoolFormPage } from './load-school-form-page.js';
import { loadSchoolPage } from './load-school-page.js';
import { partnershipMessages } from './messages.js';
import { schoolFormInput } from './school-form.js';
import { fromBoardParam, fromPartnershipParam, fromSchoolParam } from './scopes.js';
import { ArchiveSchoolView, BoardEditView, RegisterView } from './views/register.js';
import { SchoolFormView } from './views/school-form.js';

const m = (c: AppContext) => translator(partnershipMessages, c.var.locale);
const status = (errors: FieldErrors) => (Object.keys(errors).length ? 400 : 200);
const fieldOf = (error: AppError, fallback: string) => (error.details as { field?: string } | undefined)?.field ?? fallback;

async function editSchoolPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, values: Record<string, string> | null) {
  const page = await loadSchoolFormPage({ db: c.var.deps.db, auth: authorized(auth), schoolId: c.req.param('schoolId')! });
  return renderPage(c, {
    title: m(c)('editSchoolTitle', { name: page.school!.name }),
    partnershipId: page.partnership.id,
    status: status(errors),
    breadcrumbs: [
      [page.partnership.name, `/swv/${page.partnership.id}`],
      [page.school!.name, `/scholen/${page.school!.id}`],
    ],
    children: <SchoolFormView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} />,
  });
}

async function editBoardPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, values: Record<string, string> | null, error?: string) {
  const page = await loadBoardEditPage({ db: c.var.deps.db, auth: authorized(auth), boardId: c.req.param('boardId')! });
  return renderPage(c, {
    title: m(c)('editBoardTitle', { name: page.board.name }),
    partnershipId: page.partnership.id,
    status: error ? 409 : status(errors),
    breadcrumbs: [
      [page.partnership.name, `/swv/${page.partnership.id}`],
      [m(c)('registerTitle'), `/swv/${page.partnership.id}/scholen`],
    ],
    children: <BoardEditView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} error={error} />,
  });
}

const NOTICES = { opgeslagen: 'schoolSaved', gearchiveerd: 'schoolArchived', teruggezet: 'schoolRestored', bestuur: 'boardSaved', 'bestuur-gearchiveerd': 'boardArchived', 'bestuur-teruggezet': 'boardRestored' } as const;

/** The one-time notice after a redirect (`?melding=…`), with the school's or board's name. */
export function registerNotice(c: AppContext, name: string): string | undefined {
  const key = NOTICES[c.req.query('melding') as keyof typeof NOTICES];
  return key ? m(c)(key, { name }) : undefined;
}

export function registerRegisterAdminRoutes(table: RouteTable): void {
  const manageSchool = permission('partnership.manage', fromSchoolParam);
  const manageBoard = permission('partnership.manage', fromBoardParam);

  table.get('/swv/:partnershipId/scholen', permission('partnership.view', fromPartnershipParam), async (c, auth) => {
    const page = await loadRegisterPage({ db: c.var.deps.db, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, locale: c.var.locale });
    const board = page.boards.find((b) => b.id === c.req.query('bestuurId'));
    return renderPage(c, {
      title: m(c)('registerTitle'),
      partnershipId: page.partnership.id,
      breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
      children: <RegisterView page={page} locale={c.var.locale} notice={board ? registerNotice(c, board.name) : undefined} />,
    });
  });

  table.get('/scholen/:schoolId/bewerken', manageSchool, (c, auth) => editSchoolPage(c, auth, {}, null));
  table.post('/scholen/:schoolId/bewerken', manageSchool, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(schoolFormInput(m(c)), values);
    if (!parsed.ok) return editSchoolPage(c, auth, parsed.errors, values);
    const schoolId = c.req.param('schoolId')!;
    try {
      await editSchool({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId, input: parsed.data, t: m(c) });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) return editSchoolPage(c, auth, { [fieldOf(error, 'name')]: error.userMessage ?? '' }, values);
      throw error;
    }
    return c.redirect(`/scholen/${schoolId}?melding=opgeslagen`, 303);
  });

  table.get('/scholen/:schoolId/archiveren', manageSchool, async (c, auth) => {
    const page = await loadSchoolPage({ db: c.var.deps.db, auth: authorized(auth), schoolId: c.req.param('schoolId')! });
    return renderPage(c, {
      title: m(c)('archiveSchool'),
      partnershipId: page.school.partnershipId,
      breadcrumbs: [[page.school.name, `/scholen/${page.school.id}`]],
      children: <ArchiveSchoolView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} />,
    });
  });
  table.post('/scholen/:schoolId/archiveren', manageSchool, async (c, auth) => {
    const schoolId = c.req.param('schoolId')!;
    // Without the confirmation button's value, ask first (a stray post archives nothing).
    if ((await readForm(c))['bevestigd'] !== '1') return c.redirect(`/scholen/${schoolId}/archiveren`, 303);
    await archiveSchool({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId });
    return c.redirect(`/scholen/${schoolId}?melding=gearchiveerd`, 303);
  });
  table.post('/scholen/:schoolId/terugzetten', manageSchool, async (c, auth) => {
    const schoolId = c.req.param('schoolId')!;
    await archiveSchool({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId, restore: true });
    return c.redirect(`/scholen/${schoolId}?melding=teruggezet`, 303);
  });

  table.get('/besturen/:boardId/bewerken', manageBoard, (c, auth) => editBoardPage(c, auth, {}, null));
  table.post('/besturen/:boardId/bewerken', manageBoard, async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(editBoardInput(m(c)), values);
    if (!parsed.ok) return editBoardPage(c, auth, parsed.errors, values);
    const boardId = c.req.param('boardId')!;
    try {
      await editBoard({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), boardId, input: parsed.data, t: m(c) });
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return editBoardPage(c, auth, { [fieldOf(error, 'boardNumber')]: error.userMessage ?? '' }, values);
      throw error;
    }
    const page = await loadBoardEditPage({ db: c.var.deps.db, auth: authorized(auth), boardId });
    return c.redirect(`/swv/${page.partnership.id}/scholen?melding=bestuur&bestuurId=${boardId}`, 303);
  });
  for (const [path, restore] of [['archiveren', false], ['terugzetten', true]] as const) {
    table.post(`/besturen/:boardId/${path}`, manageBoard, async (c, auth) => {
      const boardId = c.req.param('boardId')!;
      try {
        await archiveBoard({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), boardId, restore, t: m(c) });
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_state') return editBoardPage(c, auth, {}, null, error.userMessage);
        throw error;
      }
      const page = await loadBoardEditPage({ db: c.var.deps.db, auth: authorized(auth), boardId });
      return c.redirect(`/swv/${page.partnership.id}/scholen?melding=${restore ? 'bestuur-teruggezet' : 'bestuur-gearchiveerd'}&bestuurId=${boardId}`, 303);
    });
  }
}
