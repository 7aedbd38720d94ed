/** @jsxImportSource hono/jsx */
/**
 * The yearly cycle's pages: cycle settings and progress for the SWV (and a board), and per profile:
 * check your answers + submit, confirmation, advice / adoption / publication / reopening / review remarks,
 * and "what changed since last year". Thin: parse, call one use case, render.
 */
import { AppError } from '../../auth/app-error.js';
import { can } from '../../auth/policy.js';
import { Alert, Button, ButtonLink, CsrfField, ErrorSummary, SelectField, StatusTag, TextAreaField, TextField, type FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { translator, type Translate } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { uiMessages } from '../../ui/messages.js';
import { baseUrl } from '../../ui/request.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { listUsersOfPartnership } from '../accounts/repository.js';
import { getBoard, getPartnership, getSchool, listSchoolsOfBoard, listSchoolsOfPartnership } from '../partnerships/repository.js';
import { fromBoardParam, fromPartnershipParam } from '../partnerships/scopes.js';
import { listAnswers } from '../questionnaire/answers-repository.js';
import { computeCompleteness } from '../questionnaire/completeness.js';
import { PROFILE_STATUS_LABELS, PROFILE_STATUS_TONES } from './profile-status.js';
import { getProfile } from '../questionnaire/profiles-repository.js';
import { PROFILE_STATUSES, type ProfileStatus } from '../questionnaire/schema.js';
import { fromProfileParam } from '../questionnaire/scopes.js';
import { describeAnswer } from '../templates/model/answer.js';
import { listItems } from '../templates/model/template.js';
import { getTemplateVersion, listTemplates, listTemplateVersions } from '../templates/repository.js';
import { addReviewRemark, addReviewRemarkInput } from './add-review-remark.js';
import { adoptProfile, adoptProfileInput } from './adopt-profile.js';
import { amsterdamDate, formatDutchDate, profileEditability } from './editability.js';
import { cycleMessages } from './messages.js';
import { openCycle } from './open-cycle.js';
import { loadProfileChanges } from './profile-changes.js';
import { publishProfile } from './publish-profile.js';
import { recordAdvice, recordAdviceInput } from './record-advice.js';
import { reopenProfile, reopenProfileInput } from './reopen-profile.js';
import { getCycleFor, listCycles, listProgressRows, listReviewRemarks, listTransitions, type CycleRow } from './repository.js';
import { respondToReviewRemark, respondToReviewRemarkInput } from './respond-to-review-remark.js';
import { cycleSettingsInput, defaultCycleDates, saveCycle, schoolYearSchema } from './save-cycle.js';
import { versionYearWarning } from '../templates/school-year.js';
import { submitProfile } from './submit-profile.js';
import { ACTION_RULES, isLate, type CycleAction } from './transition-rules.js';

type T = Translate<keyof typeof cycleMessages.nl>;
const m = (c: AppContext): T => translator(cycleMessages, c.var.locale);

/** Where the questionnaire shows a section; items carry the anchor `item-<key>` (questionnaire/views/item-field.tsx). */
export function sectionHref(profileId: string, sectionKey: string, itemKey?: string): string {
  return `/profielen/${profileId}/onderdelen/${sectionKey}${itemKey ? `#item-${itemKey}` : ''}`;
}

/** Kept for importers; the one source is profile-status.ts. */
export const STATUS_TONES = PROFILE_STATUS_TONES;

export function ProfileStatusTag(props: { c: AppContext; status: ProfileStatus }) {
  return <StatusTag tone={STATUS_TONES[props.status]}>{PROFILE_STATUS_LABELS[props.c.var.locale][props.status]}</StatusTag>;
}

function formatDateTime(date: Date): string {
  return formatDutchDate(amsterdamDate(date));
}

function cycleState(cycle: CycleRow, now: Date, t: T): string {
  const today = amsterdamDate(now);
  if (today >= cycle.closesOn) return t('cycleClosed');
  if (!cycle.openedAt) return t('cycleNotOpened');
  return t('cycleOpen');
}

/**
 * The access rule of a transition route: the central policy check with the action's permission, and on a
 * 403 the action's own refusal ("Alleen het schoolbestuur … kan vaststellen") instead of the generic text.
 */
function transitionAccess(action: CycleAction) {
  const rule = ACTION_RULES[action];
  return permission(rule.permission, fromProfileParam, { refusal: (c) => m(c)(rule.forbidden) });
}

export function registerCycleRoutes(table: RouteTable): void {
  // ——— Cycle settings (SWV) ———
  const cyclesPage = async (c: AppContext, notice?: string, error?: string) => {
    const t = m(c);
    const db = c.var.deps.db;
    const id = c.req.param('partnershipId')!;
    const partnership = await getPartnership(db, id);
    if (!partnership) throw new AppError('not_found');
    const list = await listCycles(db, id);
    const now = c.var.deps.clock.now();
    return renderPage(c, {
      title: t('cyclesTitle'),
      partnershipId: id,
      status: error ? 409 : 200,
      breadcrumbs: [[partnership.name, `/swv/${id}`]],
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('cyclesTitle')}</h1>
          {notice && <Alert type="ok">{notice}</Alert>}
          {error && (
            <Alert type="error" role="alert">
              {error}
            </Alert>
          )}
          <p class="utrecht-paragraph">{t('cyclesIntro')}</p>
          <p>
            <ButtonLink href={`/swv/${id}/cyclus/nieuw`} variant="secondary">
              {t('newCycle')}
            </ButtonLink>
          </p>
          {list.length === 0 ? (
            <p class="utrecht-paragraph">{t('noCycles')}</p>
          ) : (
            <table class="utrecht-table">
              <caption class="visually-hidden">{t('cyclesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('schoolYear')}</th>
                  <th scope="col">{t('opensOn')}</th>
                  <th scope="col">{t('submitDeadline')}</th>
                  <th scope="col">{t('closesOn')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((cycle) => (
                  <tr>
                    <th scope="row">{cycle.schoolYear}</th>
                    <td>{formatDutchDate(cycle.opensOn)}</td>
                    <td>
                      {formatDutchDate(cycle.submitDeadline)}
                      {cycle.allowLateSubmission && <div class="muted">{t('lateAllowedNote')}</div>}
                    </td>
                    <td>{formatDutchDate(cycle.closesOn)}</td>
                    <td>{cycleState(cycle, now, t)}</td>
                    <td>
                      <ul class="inline-list">
                        <li>
                          <a class="utrecht-link" href={`/swv/${id}/cyclus/${cycle.schoolYear}`}>
                            {t('progressLink')}
                            <span class="visually-hidden"> {cycle.schoolYear}</span>
                          </a>
                        </li>
                        {amsterdamDate(now) < cycle.closesOn && (
                          <li>
                            <a class="utrecht-link" href={`/swv/${id}/cyclus/${cycle.schoolYear}/bewerken`}>
                              {t('editLink')}
                              <span class="visually-hidden"> {cycle.schoolYear}</span>
                            </a>
                          </li>
                        )}
                      </ul>
                      {amsterdamDate(now) >= cycle.opensOn && amsterdamDate(now) < cycle.closesOn && (
                        <form method="post" action={`/swv/${id}/cyclus/${cycle.schoolYear}/openen`} class="inline-form">
                          <CsrfField token={c.var.csrfToken} />
                          <Button variant="secondary">
                            {t('openNow')}
                            <span class="visually-hidden"> {cycle.schoolYear}</span>
                          </Button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ),
    });
  };

  const cycleForm = async (c: AppContext, mode: 'create' | 'update', errors: FieldErrors, values: Record<string, string> | null) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const db = c.var.deps.db;
    const id = c.req.param('partnershipId')!;
    const partnership = await getPartnership(db, id);
    if (!partnership) throw new AppError('not_found');
    const existing = mode === 'update' ? await getCycleFor(db, id, c.req.param('schoolYear') ?? '') : null;
    if (mode === 'update' && !existing) throw new AppError('not_found');
    const versions = (
      await Promise.all(
        (await listTemplates(db, id)).map(async (template) =>
          (await listTemplateVersions(db, template.id)).filter((v) => v.status === 'published').map((v) => ({ template, version: v })),
        ),
      )
    ).flat();
    let v = values;
    if (!v) {
      if (existing) {
        v = {
          schoolYear: existing.schoolYear,
          opensOn: existing.opensOn,
          submitDeadline: existing.submitDeadline,
          closesOn: existing.closesOn,
          templateVersionId: existing.templateVersionId,
          allowLateSubmission: existing.allowLateSubmission ? 'ja' : 'nee',
        };
      } else {
        const latest = (await listCycles(db, id))[0];
        const first = latest ? Number(latest.schoolYear.slice(0, 4)) + 1 : Number(amsterdamDate(c.var.deps.clock.now()).slice(0, 4));
        const schoolYear = `${first}-${first + 1}`;
        const newest = versions.find((entry) => entry.version.schoolYear === schoolYear) ?? versions[0];
        v = { schoolYear, ...defaultCycleDates(schoolYear), templateVersionId: newest?.version.id ?? '', allowLateSubmission: 'nee' };
      }
    }
    const title = existing ? t('editCycle', { year: existing.schoolYear }) : t('newCycle');
    const yearWarning = versionYearWarning(versions.find((entry) => entry.version.id === v['templateVersionId'])?.version, v['schoolYear']);
    return renderPage(c, {
      title,
      partnershipId: id,
      status: Object.keys(errors).length ? 400 : 200,
      breadcrumbs: [
        [partnership.name, `/swv/${id}`],
        [t('cyclesTitle'), `/swv/${id}/cyclus`],
      ],
      children: (
        <>
          <h1 class="utrecht-heading-1">{title}</h1>
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['schoolYear', 'opensOn', 'submitDeadline', 'closesOn', 'allowLateSubmission', 'templateVersionId']} />
          {versions.length === 0 && <Alert type="warning">{t('noVersions')}</Alert>}
          {yearWarning && <Alert type="warning">{yearWarning}</Alert>}
          <form method="post" action={existing ? `/swv/${id}/cyclus/${existing.schoolYear}` : `/swv/${id}/cyclus`} novalidate>
            <CsrfField token={c.var.csrfToken} />
            {existing ? (
              <input type="hidden" name="schoolYear" value={existing.schoolYear} />
            ) : (
              <TextField name="schoolYear" label={t('schoolYear')} hint={t('schoolYearHint')} value={v['schoolYear']} error={errors['schoolYear']} maxLength={9} />
            )}
            <TextField name="opensOn" type="date" label={t('opensOn')} hint={t('opensOnHint')} value={v['opensOn']} error={errors['opensOn']} />
            <TextField name="submitDeadline" type="date" label={t('submitDeadline')} hint={t('submitDeadlineHint')} value={v['submitDeadline']} error={errors['submitDeadline']} />
            <TextField name="closesOn" type="date" label={t('closesOn')} hint={t('closesOnHint')} value={v['closesOn']} error={errors['closesOn']} />
            <SelectField
              name="allowLateSubmission"
              label={t('allowLateSubmission')}
              hint={t('allowLateSubmissionHint')}
              value={v['allowLateSubmission'] ?? 'nee'}
              error={errors['allowLateSubmission']}
              options={[
                { value: 'nee', label: t('allowLateNo') },
                { value: 'ja', label: t('allowLateYes') },
              ]}
            />
            <SelectField
              name="templateVersionId"
              label={t('templateVersion')}
              hint={t('templateVersionHint')}
              value={v['templateVersionId']}
              error={errors['templateVersionId']}
              emptyLabel=""
              options={versions.map(({ template, version }) => ({
                value: version.id,
                label: t('templateVersionOption', { name: template.name, number: version.number, year: version.schoolYear ?? '' }),
              }))}
            />
            <Button>{t('saveCycle')}</Button>
          </form>
        </>
      ),
    });
  };

  const saveCycleRoute = (mode: 'create' | 'update') => async (c: AppContext, auth: Authorized | null) => {
    const t = m(c);
    const values = await readForm(c);
    if (mode === 'update') values['schoolYear'] = c.req.param('schoolYear') ?? '';
    const parsed = parseForm(cycleSettingsInput, values);
    if (!parsed.ok) return cycleForm(c, mode, parsed.errors, values);
    const partnershipId = c.req.param('partnershipId')!;
    try {
      await saveCycle({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, input: parsed.data, mode });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) {
        const field = (error.details as { field?: string } | undefined)?.field ?? 'schoolYear';
        return cycleForm(c, mode, { [field]: error.userMessage ?? error.code }, values);
      }
      if (error instanceof AppError && error.code === 'invalid_state') return cyclesPage(c, undefined, error.userMessage);
      throw error;
    }
    return cyclesPage(c, mode === 'create' ? t('cycleCreated', { year: parsed.data.schoolYear }) : t('cycleSaved'));
  };

  table.get('/swv/:partnershipId/cyclus', permission('cycle.manage', fromPartnershipParam), (c) => cyclesPage(c));
  table.get('/swv/:partnershipId/cyclus/nieuw', permission('cycle.manage', fromPartnershipParam), (c) => cycleForm(c, 'create', {}, null));
  table.post('/swv/:partnershipId/cyclus', permission('cycle.manage', fromPartnershipParam), saveCycleRoute('create'));
  table.get('/swv/:partnershipId/cyclus/:schoolYear/bewerken', permission('cycle.manage', fromPartnershipParam), (c) => cycleForm(c, 'update', {}, null));
  table.post('/swv/:partnershipId/cyclus/:schoolYear', permission('cycle.manage', fromPartnershipParam), saveCycleRoute('update'));
  table.post('/swv/:partnershipId/cyclus/:schoolYear/openen', permission('cycle.manage', fromPartnershipParam), async (c, auth) => {
    const t = m(c);
    const year = schoolYearSchema.safeParse(c.req.param('schoolYear'));
    if (!year.success) throw new AppError('not_found');
    try {
      const result = await openCycle({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, schoolYear: year.data });
      return cyclesPage(c, t('opened', result));
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_state') return cyclesPage(c, undefined, error.userMessage);
      throw error;
    }
  });

  // ——— Progress (SWV and board) ———
  const progressPage = async (
    c: AppContext,
    options: { partnershipId: string; schoolYear: string; boardId?: string; title: string; breadcrumbs: Array<[string, string]>; action: string; yearHref: (year: string) => string },
  ) => {
    const t = m(c);
    const db = c.var.deps.db;
    const cycle = await getCycleFor(db, options.partnershipId, options.schoolYear);
    const years = (await listCycles(db, options.partnershipId)).map((entry) => entry.schoolYear);
    const filter = c.req.query('status');
    const statusFilter = (PROFILE_STATUSES as readonly string[]).includes(filter ?? '') ? (filter as ProfileStatus) : null;
    const rows = cycle ? await listProgressRows(db, options.partnershipId, options.schoolYear, options.boardId) : [];
    const definitions = new Map<string, Awaited<ReturnType<typeof getTemplateVersion>>>();
    const progress = new Map<string, { answered: number; required: number }>();
    for (const row of rows) {
      if (!definitions.has(row.templateVersionId)) definitions.set(row.templateVersionId, await getTemplateVersion(db, row.templateVersionId));
      const version = definitions.get(row.templateVersionId);
      if (!version) continue;
      const stored = await listAnswers(db, row.profileId);
      const completeness = computeCompleteness(version.definition, stored.answers, stored.limits);
      progress.set(row.profileId, { answered: completeness.answered, required: completeness.required });
    }
    const shown = statusFilter ? rows.filter((row) => row.status === statusFilter) : rows;
    const labels = PROFILE_STATUS_LABELS[c.var.locale];
    // Schools without a profile this year (added after opening before that was automatic, or the cycle is not opened yet).
    // A closed year is the record of who had an SOP then: schools added later are not listed there.
    const today = amsterdamDate(c.var.deps.clock.now());
    const withProfile = new Set(rows.map((row) => row.schoolId));
    const schoolsInView =
      cycle && today < cycle.closesOn ? (options.boardId ? await listSchoolsOfBoard(db, options.boardId) : await listSchoolsOfPartnership(db, options.partnershipId)) : [];
    const withoutProfile = statusFilter ? [] : schoolsInView.filter((school) => !withProfile.has(school.id));
    const canManage = can(c.var.principal, 'cycle.manage', { level: 'partnership', partnershipId: options.partnershipId });
    const canOpen = cycle !== null && today >= cycle.opensOn && today < cycle.closesOn && canManage;
    return renderPage(c, {
      title: options.title,
      partnershipId: options.partnershipId,
      breadcrumbs: options.breadcrumbs,
      children: (
        <>
          <h1 class="utrecht-heading-1">{options.title}</h1>
          {years.length > 1 && (
            <nav aria-label={t('otherYears')} class="year-nav">
              <p class="utrecht-paragraph">
                {t('otherYears')}:{' '}
                {years.map((year, index) => (
                  <>
                    {index > 0 && ' · '}
                    {year === options.schoolYear ? (
                      <strong aria-current="page">{year}</strong>
                    ) : (
                      <a class="utrecht-link" href={options.yearHref(year)}>
                        {year}
                      </a>
                    )}
                  </>
                ))}
              </p>
            </nav>
          )}
          {!cycle ? (
            <p class="utrecht-paragraph">{t('noCycleForYear', { year: options.schoolYear })}</p>
          ) : (
            <>
              <p class="utrecht-paragraph">{t('progressIntro', { deadline: formatDutchDate(cycle.submitDeadline), close: formatDutchDate(cycle.closesOn) })}</p>
              <form method="get" action={options.action} class="filter-form">
                {options.boardId && <input type="hidden" name="jaar" value={options.schoolYear} />}
                <SelectField
                  name="status"
                  label={t('filterStatus')}
                  value={statusFilter ?? ''}
                  emptyLabel={t('allStatuses')}
                  options={PROFILE_STATUSES.map((status) => ({ value: status, label: `${labels[status]} (${rows.filter((r) => r.status === status).length})` }))}
                />
                <Button variant="secondary">{t('filter')}</Button>
              </form>
              {shown.length === 0 && withoutProfile.length === 0 ? (
                <p class="utrecht-paragraph">{t('noProfiles')}</p>
              ) : (
                <table class="utrecht-table">
                  <caption class="visually-hidden">{options.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('school')}</th>
                      <th scope="col">{t('status')}</th>
                      <th scope="col">{t('progress')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((row) => {
                      const p = progress.get(row.profileId);
                      return (
                        <tr>
                          <th scope="row">
                            <a class="utrecht-link" href={`/profielen/${row.profileId}/cyclus`}>
                              {row.schoolName}
                            </a>
                          </th>
                          <td>
                            <ProfileStatusTag c={c} status={row.status} />{' '}
                            {isLate(row.submittedAt, cycle.submitDeadline) && <StatusTag tone="danger">{t('lateTag')}</StatusTag>}
                          </td>
                          <td>{p ? t('progressCount', { answered: p.answered, total: p.required }) : ''}</td>
                        </tr>
                      );
                    })}
                    {withoutProfile.map((school) => (
                      <tr>
                        <th scope="row">{school.name}</th>
                        <td>
                          <StatusTag tone="danger">{t('noProfileTag')}</StatusTag>
                        </td>
                        <td></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {withoutProfile.length > 0 && (
                <div class="utrecht-alert utrecht-alert--warning" role="status">
                  <p class="utrecht-paragraph">{t('schoolsWithoutProfile', { count: withoutProfile.length, year: options.schoolYear })}</p>
                  {canManage && <p class="utrecht-paragraph">{t('openNowHint', { year: options.schoolYear })}</p>}
                  {canOpen && (
                    <form method="post" action={`/swv/${options.partnershipId}/cyclus/${options.schoolYear}/openen`}>
                      <CsrfField token={c.var.csrfToken} />
                      <Button variant="secondary">{t('openNow')}</Button>
                    </form>
                  )}
                </div>
              )}
            </>
          )}
        </>
      ),
    });
  };

  table.get('/swv/:partnershipId/cyclus/:schoolYear', permission('partnership.view', fromPartnershipParam), async (c) => {
    const t = m(c);
    const partnership = await getPartnership(c.var.deps.db, c.req.param('partnershipId')!);
    const year = schoolYearSchema.safeParse(c.req.param('schoolYear'));
    if (!partnership || !year.success) throw new AppError('not_found');
    return progressPage(c, {
      partnershipId: partnership.id,
      schoolYear: year.data,
      title: t('progressTitle', { year: year.data }),
      breadcrumbs: [
        [partnership.name, `/swv/${partnership.id}`],
        [t('cyclesTitle'), `/swv/${partnership.id}/cyclus`],
      ],
      action: `/swv/${partnership.id}/cyclus/${year.data}`,
      yearHref: (other) => `/swv/${partnership.id}/cyclus/${other}`,
    });
  });

  table.get('/besturen/:boardId/voortgang', permission('board.view', fromBoardParam), async (c) => {
    const t = m(c);
    const board = await getBoard(c.var.deps.db, c.req.param('boardId')!);
    if (!board) throw new AppError('not_found');
    const requested = schoolYearSchema.safeParse(c.req.query('jaar'));
    const latest = (await listCycles(c.var.deps.db, board.partnershipId)).find((cycle) => cycle.openedAt);
    const schoolYear = requested.success ? requested.data : (latest?.schoolYear ?? '');
    return progressPage(c, {
      partnershipId: board.partnershipId,
      schoolYear,
      boardId: board.id,
      title: t('boardProgressTitle', { year: schoolYear }),
      breadcrumbs: [[board.name, `/besturen/${board.id}`]],
      action: `/besturen/${board.id}/voortgang`,
      yearHref: (other) => `/besturen/${board.id}/voortgang?jaar=${other}`,
    });
  });

  // ——— Per profile ———
  const loadProfile = async (c: AppContext) => {
    const db = c.var.deps.db;
    const profile = await getProfile(db, c.req.param('profileId')!);
    if (!profile) throw new AppError('not_found');
    const [school, cycle, version] = await Promise.all([getSchool(db, profile.schoolId), getCycleFor(db, profile.partnershipId, profile.schoolYear), getTemplateVersion(db, profile.templateVersionId)]);
    if (!school || !version) throw new AppError('not_found');
    return { profile, school, cycle, template: version.definition };
  };

  const profileCrumbs = (school: { id: string; name: string }, profileId: string, year: string): Array<[string, string]> => [
    [school.name, `/scholen/${school.id}`],
    [`SOP ${year}`, `/profielen/${profileId}`],
  ];

  const checkPage = async (c: AppContext, error?: string) => {
    const t = m(c);
    const { profile, school, cycle, template } = await loadProfile(c);
    const stored = await listAnswers(c.var.deps.db, profile.id);
    const completeness = computeCompleteness(template, stored.answers, stored.limits);
    const editability = profileEditability({ status: profile.status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now: c.var.deps.clock.now() });
    const titles = new Map(listItems(template).map(({ item }) => [item.key, item.title]));
    const missing = completeness.sections.flatMap((s) => s.missingItemKeys.map((key) => ({ sectionKey: s.sectionKey, key })));
    const late = cycle && amsterdamDate(c.var.deps.clock.now()) > cycle.submitDeadline;
    return renderPage(c, {
      title: t('checkTitle'),
      partnershipId: profile.partnershipId,
      status: error ? 409 : 200,
      breadcrumbs: profileCrumbs(school, profile.id, profile.schoolYear),
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('checkTitle')}</h1>
          <p class="utrecht-paragraph">
            {school.name} — SOP {profile.schoolYear}
          </p>
          {error && (
            <Alert type="error" role="alert">
              {error}
            </Alert>
          )}
          {!editability.editable ? (
            <Alert type="info">{editability.message}</Alert>
          ) : (
            <p class="utrecht-paragraph">{t('checkIntro')}</p>
          )}
          {editability.editable && missing.length > 0 && (
            <div class="utrecht-alert utrecht-alert--warning" role="status">
              <h2 class="utrecht-heading-2">{t('incompleteHeading')}</h2>
              <p class="utrecht-paragraph">{t('incompleteIntro', { count: missing.length })}</p>
              <ul class="utrecht-unordered-list">
                {missing.map((entry) => (
                  <li>
                    <a class="utrecht-link" href={sectionHref(profile.id, entry.sectionKey, entry.key)}>
                      {titles.get(entry.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {template.sections.map((section) => (
            <section class="check-section" aria-labelledby={`check-${section.key}`}>
              <h2 class="utrecht-heading-2" id={`check-${section.key}`}>
                {section.title}
              </h2>
              <dl class="check-answers">
                {section.items.map((item) => {
                  const answer = stored.answers[item.key];
                  const words = answer ? describeAnswer(template, item, answer.value) : '';
                  return (
                    <div class="check-answers__row">
                      <dt>{item.title}</dt>
                      <dd>
                        {words || <span class="muted">{t('notAnswered')}</span>}
                        {answer?.ambition && (
                          <div class="muted">{t('ambitionLabel', { text: [answer.ambition.target, answer.ambition.schoolYear, answer.ambition.note].filter(Boolean).join(', ') })}</div>
                        )}
                      </dd>
                      {editability.editable && (
                        <dd class="check-answers__action">
                          <a class="utrecht-link" href={sectionHref(profile.id, section.key, item.key)}>
                            {t('change')}
                            <span class="visually-hidden"> {item.title}</span>
                          </a>
                        </dd>
                      )}
                    </div>
                  );
                })}
                {section.asksLimits && (
                  <div class="check-answers__row">
                    <dt>{t('limitsLabel')}</dt>
                    <dd>{stored.limits[section.key] || <span class="muted">{t('notAnswered')}</span>}</dd>
                    {editability.editable && (
                      <dd class="check-answers__action">
                        <a class="utrecht-link" href={sectionHref(profile.id, section.key)}>
                          {t('change')}
                          <span class="visually-hidden"> {`${t('limitsLabel')} ${section.title}`}</span>
                        </a>
                      </dd>
                    )}
                  </div>
                )}
              </dl>
            </section>
          ))}
          {editability.editable && missing.length === 0 && (
            <section aria-labelledby="submit-heading">
              <h2 class="utrecht-heading-2" id="submit-heading">
                {t('submitHeading')}
              </h2>
              {late && cycle && !cycle.allowLateSubmission ? (
                <Alert type="warning">{t('lateClosedWarning', { date: formatDutchDate(cycle.submitDeadline) })}</Alert>
              ) : (
                <>
                  {late && cycle && <Alert type="warning">{t('lateWarning', { date: formatDutchDate(cycle.submitDeadline) })}</Alert>}
                  <p class="utrecht-paragraph">{t('submitIntro')}</p>
                  <form method="post" action={`/profielen/${profile.id}/indienen`}>
                    <CsrfField token={c.var.csrfToken} />
                    <Button>{t('submitButton')}</Button>
                  </form>
                </>
              )}
            </section>
          )}
          <p>
            <a class="utrecht-link" href={`/profielen/${profile.id}/cyclus`}>
              {t('cyclePageTitle')}
            </a>
          </p>
        </>
      ),
    });
  };

  table.get('/profielen/:profileId/indienen', transitionAccess('submit'), (c) => checkPage(c));
  table.post('/profielen/:profileId/indienen', transitionAccess('submit'), async (c, auth) => {
    try {
      await submitProfile({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId: c.req.param('profileId')!, baseUrl: baseUrl(c) });
    } catch (error) {
      if (error instanceof AppError && (error.code === 'invalid_state' || error.code === 'conflict')) return checkPage(c, error.userMessage);
      throw error;
    }
    return c.redirect(`/profielen/${c.req.param('profileId')}/ingediend`, 303);
  });

  table.get('/profielen/:profileId/ingediend', permission('profile.view', fromProfileParam), async (c) => {
    const t = m(c);
    const { profile, school } = await loadProfile(c);
    return renderPage(c, {
      title: t('confirmTitle'),
      partnershipId: profile.partnershipId,
      breadcrumbs: profileCrumbs(school, profile.id, profile.schoolYear),
      children: (
        <>
          <div class="confirmation-panel">
            <h1 class="utrecht-heading-1">{t('confirmPanel', { year: profile.schoolYear, school: school.name })}</h1>
            <p>
              <ProfileStatusTag c={c} status={profile.status} />
            </p>
          </div>
          <h2 class="utrecht-heading-2">{t('confirmWhatNext')}</h2>
          <ol class="utrecht-ordered-list">
            <li>{t('confirmStep1')}</li>
            <li>{t('confirmStep2')}</li>
            <li>{t('confirmStep3')}</li>
            <li>{t('confirmStep4')}</li>
          </ol>
          <p class="utrecht-paragraph">{t('confirmNeedChange')}</p>
          <p>
            <ButtonLink href={`/profielen/${profile.id}/cyclus`}>{t('cyclePageTitle')}</ButtonLink>
          </p>
        </>
      ),
    });
  });

  type FormName = 'advice' | 'adopt' | 'reopen' | 'remark' | 'respond' | 'publish';
  const cyclePage = async (c: AppContext, auth: Authorized, state: { form?: FormName; errors?: FieldErrors; values?: Record<string, string>; notice?: string; error?: string } = {}) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const db = c.var.deps.db;
    const { profile, school, cycle, template } = await loadProfile(c);
    const now = c.var.deps.clock.now();
    const scope = auth.scope;
    const running = cycle !== null && cycle.openedAt !== null && amsterdamDate(now) >= cycle.opensOn && amsterdamDate(now) < cycle.closesOn;
    const allowed = (p: Parameters<typeof can>[1]) => running && can(c.var.principal, p, scope, { profileStatus: profile.status });
    const [transitions, remarks, people] = await Promise.all([listTransitions(db, profile.id), listReviewRemarks(db, profile.id), listUsersOfPartnership(db, profile.partnershipId)]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const labels = PROFILE_STATUS_LABELS[c.var.locale];
    const errors = state.errors ?? {};
    const values = state.values ?? {};
    const formErrors = (form: FormName) => (state.form === form ? errors : {});
    const formValues = (form: FormName) => (state.form === form ? values : {});
    const items = listItems(template);
    const today = amsterdamDate(now);
    const editability = profileEditability({ status: profile.status, opensOn: cycle?.opensOn ?? null, closesOn: cycle?.closesOn ?? null, now });
    return renderPage(c, {
      title: t('cyclePageTitle'),
      partnershipId: profile.partnershipId,
      status: state.error ? 409 : Object.keys(errors).length ? 400 : 200,
      breadcrumbs: profileCrumbs(school, profile.id, profile.schoolYear),
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('cyclePageTitle')}</h1>
          <p class="utrecht-paragraph">
            {school.name} — SOP {profile.schoolYear}
          </p>
          {state.notice && <Alert type="ok">{state.notice}</Alert>}
          {state.error && (
            <Alert type="error" role="alert">
              {state.error}
            </Alert>
          )}
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
          <p class="utrecht-paragraph">
            {t('currentStatus')}
            <ProfileStatusTag c={c} status={profile.status} />{' '}
            {cycle && isLate(profile.submittedAt, cycle.submitDeadline) && <StatusTag tone="danger">{t('lateTag')}</StatusTag>}
          </p>
          {!editability.editable && editability.reason === 'closed' && <Alert type="info">{editability.message}</Alert>}
          <dl class="facts">
            {profile.submittedAt && (
              <>
                <dt>{labels.submitted}</dt>
                <dd>{t('submittedOn', { date: formatDateTime(profile.submittedAt), name: names.get(profile.submittedBy ?? '') ?? '' })}</dd>
              </>
            )}
            {profile.adviceDate && (
              <>
                <dt>{t('adviceOn', { date: formatDutchDate(profile.adviceDate) })}</dt>
                <dd class="preserve-lines">{profile.adviceText}</dd>
              </>
            )}
            {profile.adoptedOn && (
              <>
                <dt>{labels.adopted}</dt>
                <dd>{t('adoptedOn', { date: formatDutchDate(profile.adoptedOn), name: profile.adoptedByName ?? '' })}</dd>
              </>
            )}
            {profile.publishedAt && (
              <>
                <dt>{labels.published}</dt>
                <dd>{t('publishedOn', { date: formatDateTime(profile.publishedAt) })}</dd>
              </>
            )}
          </dl>
          <ul class="inline-list">
            <li>
              <a class="utrecht-link" href={`/profielen/${profile.id}`}>
                {t('toQuestionnaire')}
              </a>
            </li>
            {editability.editable && can(c.var.principal, 'profile.submit', scope) && (
              <li>
                <a class="utrecht-link" href={`/profielen/${profile.id}/indienen`}>
                  {t('toSubmit')}
                </a>
              </li>
            )}
            <li>
              <a class="utrecht-link" href={`/profielen/${profile.id}/wijzigingen`}>
                {t('toChanges')}
              </a>
            </li>
          </ul>

          {allowed('profile.recordAdvice') && profile.status === 'submitted' && (
            <section aria-labelledby="advice-heading">
              <h2 class="utrecht-heading-2" id="advice-heading">
                {t('adviceHeading')}
              </h2>
              <form method="post" action={`/profielen/${profile.id}/advies`} novalidate>
                <CsrfField token={c.var.csrfToken} />
                <TextField name="adviceDate" type="date" label={t('adviceDate')} value={formValues('advice')['adviceDate'] ?? today} error={formErrors('advice')['adviceDate']} />
                <TextAreaField name="adviceText" label={t('adviceText')} hint={t('adviceTextHint')} value={formValues('advice')['adviceText']} error={formErrors('advice')['adviceText']} rows={6} />
                <Button>{t('recordAdvice')}</Button>
              </form>
            </section>
          )}
          {allowed('profile.adopt') && (profile.status === 'submitted' || profile.status === 'advised') && (
            <section aria-labelledby="adopt-heading">
              <h2 class="utrecht-heading-2" id="adopt-heading">
                {t('adoptHeading')}
              </h2>
              <form method="post" action={`/profielen/${profile.id}/vaststellen`} novalidate>
                <CsrfField token={c.var.csrfToken} />
                <TextField name="adoptedOn" type="date" label={t('adoptDate')} value={formValues('adopt')['adoptedOn'] ?? today} error={formErrors('adopt')['adoptedOn']} />
                <TextField
                  name="adoptedByName"
                  label={t('adoptedByName')}
                  hint={t('adoptedByNameHint')}
                  value={formValues('adopt')['adoptedByName'] ?? c.var.principal?.name}
                  error={formErrors('adopt')['adoptedByName']}
                />
                <Button>{t('adopt')}</Button>
              </form>
            </section>
          )}
          {allowed('profile.publish') && profile.status === 'adopted' && (
            <section aria-labelledby="publish-heading">
              <h2 class="utrecht-heading-2" id="publish-heading">
                {t('publishHeading')}
              </h2>
              <p class="utrecht-paragraph">{t('publishIntro')}</p>
              <form method="post" action={`/profielen/${profile.id}/publiceren`}>
                <CsrfField token={c.var.csrfToken} />
                <Button>{t('publish')}</Button>
              </form>
            </section>
          )}
          {allowed('profile.reopen') && ['submitted', 'advised', 'adopted'].includes(profile.status) && (
            <section aria-labelledby="reopen-heading">
              <h2 class="utrecht-heading-2" id="reopen-heading">
                {t('reopenHeading')}
              </h2>
              <p class="utrecht-paragraph">{t('reopenIntro')}</p>
              <form method="post" action={`/profielen/${profile.id}/heropenen`} novalidate>
                <CsrfField token={c.var.csrfToken} />
                <TextAreaField name="reason" label={t('reopenReason')} hint={t('reopenReasonHint')} value={formValues('reopen')['reason']} error={formErrors('reopen')['reason']} />
                <Button variant="secondary">{t('reopen')}</Button>
              </form>
            </section>
          )}

          <section aria-labelledby="remarks-heading">
            <h2 class="utrecht-heading-2" id="remarks-heading">
              {t('remarksHeading')}
            </h2>
            {remarks.length === 0 ? (
              <p class="utrecht-paragraph">{t('noRemarks')}</p>
            ) : (
              <ul class="remark-list">
                {remarks.map((remark) => (
                  <li class="remark">
                    <p class="remark__about">{remark.itemKey ? t('remarkAbout', { item: items.find((i) => i.item.key === remark.itemKey)?.item.title ?? remark.itemKey }) : t('remarkGeneral')}</p>
                    <p class="preserve-lines">{remark.body}</p>
                    <p class="muted">{t('remarkBy', { name: remark.authorName ?? '', date: formatDateTime(remark.createdAt) })}</p>
                    <h3 class="utrecht-heading-3">{t('remarkResponse')}</h3>
                    {remark.response ? <p class="preserve-lines">{remark.response}</p> : <p class="muted">{t('noResponse')}</p>}
                    {allowed('profile.respondToReview') && (
                      <form method="post" action={`/profielen/${profile.id}/opmerkingen/antwoord`} novalidate>
                        <CsrfField token={c.var.csrfToken} />
                        <input type="hidden" name="remarkId" value={remark.id} />
                        <TextAreaField
                          name={`response-${remark.id}`}
                          label={t('responseLabel')}
                          value={state.form === 'respond' && values['remarkId'] === remark.id ? values['response'] : (remark.response ?? '')}
                          error={state.form === 'respond' && values['remarkId'] === remark.id ? errors['response'] : undefined}
                          rows={3}
                        />
                        <Button variant="secondary">{t('respond')}</Button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {allowed('profile.review') && ['submitted', 'advised', 'adopted', 'published'].includes(profile.status) && (
              <form method="post" action={`/profielen/${profile.id}/opmerkingen`} novalidate>
                <h3 class="utrecht-heading-3">{t('addRemarkHeading')}</h3>
                <CsrfField token={c.var.csrfToken} />
                <SelectField
                  name="itemKey"
                  label={t('remarkItem')}
                  value={formValues('remark')['itemKey']}
                  emptyLabel={t('remarkItemAll')}
                  options={items.map(({ section, item }) => ({ value: item.key, label: `${section.title}: ${item.title}` }))}
                />
                <TextAreaField name="body" label={t('remarkBody')} hint={t('remarkBodyHint')} value={formValues('remark')['body']} error={formErrors('remark')['body']} />
                <Button variant="secondary">{t('addRemark')}</Button>
              </form>
            )}
          </section>

          <section aria-labelledby="history-heading">
            <h2 class="utrecht-heading-2" id="history-heading">
              {t('historyHeading')}
            </h2>
            {transitions.length === 0 ? (
              <p class="utrecht-paragraph">{t('noHistory')}</p>
            ) : (
              <ul class="utrecht-unordered-list">
                {transitions.map((entry) => (
                  <li>
                    {t('historyEntry', { date: formatDateTime(entry.at), from: labels[entry.fromStatus as ProfileStatus] ?? entry.fromStatus, to: labels[entry.toStatus as ProfileStatus] ?? entry.toStatus })}
                    {entry.byUserId && names.get(entry.byUserId) ? ` (${names.get(entry.byUserId)})` : ''}
                    {entry.reason && <div class="muted">{t('reasonLabel', { reason: entry.reason })}</div>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ),
    });
  };

  table.get('/profielen/:profileId/cyclus', permission('profile.view', fromProfileParam), (c, auth) => cyclePage(c, authorized(auth)));

  /** Runs a transition from a posted form; shows field errors and refusals on the cycle page. */
  const transitionRoute =
    <S extends import('zod').ZodType>(form: FormName, schema: S | null, run: (c: AppContext, auth: Authorized, input: import('zod').infer<S>) => Promise<unknown>, notice: (t: T) => string) =>
    async (c: AppContext, auth: Authorized | null) => {
      const proof = authorized(auth);
      const values = await readForm(c);
      if (form === 'respond' && values['remarkId']) values['response'] = values[`response-${values['remarkId']}`] ?? '';
      let input: unknown = {};
      if (schema) {
        const parsed = parseForm(schema, values);
        if (!parsed.ok) {
          const errors = form === 'respond' ? { [`response-${values['remarkId']}`]: parsed.errors['response'] ?? parsed.errors['remarkId'] ?? '' } : parsed.errors;
          return cyclePage(c, proof, { form, errors, values });
        }
        input = parsed.data;
      }
      try {
        await run(c, proof, input as import('zod').infer<S>);
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_input') {
          const field = (error.details as { field?: string } | undefined)?.field ?? '_form';
          return cyclePage(c, proof, { form, errors: { [field]: error.userMessage ?? '' }, values });
        }
        if (error instanceof AppError && (error.code === 'invalid_state' || error.code === 'conflict')) return cyclePage(c, proof, { error: error.userMessage ?? error.code });
        throw error;
      }
      return cyclePage(c, proof, { notice: notice(m(c)) });
    };

  const deps = (c: AppContext) => ({ db: c.var.deps.db, clock: c.var.deps.clock });
  const profileIdOf = (c: AppContext) => c.req.param('profileId')!;

  table.post(
    '/profielen/:profileId/advies',
    transitionAccess('recordAdvice'),
    transitionRoute('advice', recordAdviceInput, (c, auth, input) => recordAdvice({ ...deps(c), auth, profileId: profileIdOf(c), input }), (t) => t('adviceRecorded')),
  );
  table.post(
    '/profielen/:profileId/vaststellen',
    transitionAccess('adopt'),
    transitionRoute('adopt', adoptProfileInput, (c, auth, input) => adoptProfile({ ...deps(c), auth, profileId: profileIdOf(c), input }), (t) => t('adopted')),
  );
  table.post(
    '/profielen/:profileId/publiceren',
    transitionAccess('publish'),
    transitionRoute('publish', null, (c, auth) => publishProfile({ ...deps(c), auth, profileId: profileIdOf(c) }), (t) => t('published')),
  );
  table.post(
    '/profielen/:profileId/heropenen',
    transitionAccess('reopen'),
    transitionRoute('reopen', reopenProfileInput, (c, auth, input) => reopenProfile({ ...deps(c), auth, profileId: profileIdOf(c), input, baseUrl: baseUrl(c) }), (t) => t('reopened')),
  );
  table.post(
    '/profielen/:profileId/opmerkingen',
    transitionAccess('review'),
    transitionRoute('remark', addReviewRemarkInput, (c, auth, input) => addReviewRemark({ ...deps(c), auth, profileId: profileIdOf(c), input, baseUrl: baseUrl(c) }), (t) => t('remarkAdded')),
  );
  table.post(
    '/profielen/:profileId/opmerkingen/antwoord',
    transitionAccess('respondToReview'),
    transitionRoute('respond', respondToReviewRemarkInput, (c, auth, input) => respondToReviewRemark({ ...deps(c), auth, profileId: profileIdOf(c), input, baseUrl: baseUrl(c) }), (t) => t('responded')),
  );

  table.get('/profielen/:profileId/wijzigingen', permission('profile.view', fromProfileParam), async (c) => {
    const t = m(c);
    const { profile, school } = await loadProfile(c);
    const changes = await loadProfileChanges(c.var.deps.db, profile);
    const showAll = c.req.query('alle') === '1';
    const rows = showAll ? changes.rows : changes.rows.filter((row) => row.changed);
    const changedCount = changes.rows.filter((row) => row.changed).length;
    return renderPage(c, {
      title: t('changesTitle'),
      partnershipId: profile.partnershipId,
      breadcrumbs: profileCrumbs(school, profile.id, profile.schoolYear),
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('changesTitle')}</h1>
          <p class="utrecht-paragraph">
            {school.name} — SOP {profile.schoolYear}
          </p>
          {!changes.previousYear ? (
            <p class="utrecht-paragraph">{t('changesNoPrevious')}</p>
          ) : (
            <>
              <p class="utrecht-paragraph">{t('changesIntro', { previous: changes.previousYear, current: profile.schoolYear })}</p>
              <p class="utrecht-paragraph">{t('changesCount', { count: changedCount, total: changes.rows.length })}</p>
              <p>
                <a class="utrecht-link" href={showAll ? `/profielen/${profile.id}/wijzigingen` : `/profielen/${profile.id}/wijzigingen?alle=1`}>
                  {showAll ? t('changesShowChanged') : t('changesShowAll')}
                </a>
              </p>
              {rows.length === 0 ? (
                <p class="utrecht-paragraph">{t('changesNone')}</p>
              ) : (
                <table class="utrecht-table changes-table">
                  <caption class="visually-hidden">{t('changesTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('item')}</th>
                      <th scope="col">{t('previousAnswer', { year: changes.previousYear })}</th>
                      <th scope="col">{t('currentAnswer', { year: profile.schoolYear })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr class={row.changed ? 'changes-table__changed' : undefined}>
                        <th scope="row">
                          <span class="muted">{row.sectionTitle}: </span>
                          {row.title}
                        </th>
                        <td>{row.previous === null ? <em>{t('newItem')}</em> : row.previous || t('empty')}</td>
                        <td>{row.current === null ? <em>{t('removedItem')}</em> : row.current || t('empty')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
          <p>
            <a class="utrecht-link" href={`/profielen/${profile.id}/cyclus`}>
              {t('cyclePageTitle')}
            </a>
          </p>
        </>
      ),
    });
  });
}
