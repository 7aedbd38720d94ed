/** @jsxImportSource hono/jsx */
/** The SWV's SOP rounds: the list with each round's state, and the form for a new or changed round. */
import { Alert, Button, ButtonLink, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { versionYearWarning } from '../../templates/school-year.js';
import { closesAfterYearStart, schoolYearStart } from '../calendars.js';
import { formatDate } from '../../../ui/dates.js';
import type { CycleFormPage, CycleFormValues } from '../load-cycle-form.js';
import type { CyclesPage, CycleState } from '../load-cycles-page.js';
import { cycleT } from './shared.js';

const STATE_WORDS = { not_opened: 'cycleNotOpened', open: 'cycleOpen', closed: 'cycleClosed' } as const satisfies Record<CycleState, string>;

export function CyclesView(props: { page: CyclesPage; locale: Locale; csrfToken: string; notice?: string | undefined; error?: string | undefined }) {
  const t = cycleT(props.locale);
  const id = props.page.partnership.id;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('cyclesTitle')}</h1>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      {props.error && (
        <Alert type="error" role="alert">
          {props.error}
        </Alert>
      )}
      <p class="utrecht-paragraph">{t('cyclesIntro')}</p>
      <p>
        <ButtonLink href={`/swv/${id}/cyclus/nieuw`} variant="secondary">
          {t('newCycle')}
        </ButtonLink>
      </p>
      {props.page.cycles.length === 0 ? (
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
            {props.page.cycles.map((cycle) => (
              <tr>
                <th scope="row">{cycle.schoolYear}</th>
                <td>{formatDate(cycle.opensOn, props.locale)}</td>
                <td>
                  {formatDate(cycle.submitDeadline, props.locale)}
                  {cycle.allowLateSubmission && <div class="muted">{t('lateAllowedNote')}</div>}
                </td>
                <td>
                  {formatDate(cycle.closesOn, props.locale)}
                  {closesAfterYearStart(cycle) && <div class="muted">{t('closesAfterYearStartNote')}</div>}
                </td>
                <td>{t(STATE_WORDS[cycle.state])}</td>
                <td>
                  <ul class="inline-list">
                    <li>
                      <a class="utrecht-link" href={`/swv/${id}/cyclus/${cycle.schoolYear}`}>
                        {t('progressLink')}
                        <span class="visually-hidden"> {cycle.schoolYear}</span>
                      </a>
                    </li>
                    {cycle.canEdit && (
                      <li>
                        <a class="utrecht-link" href={`/swv/${id}/cyclus/${cycle.schoolYear}/bewerken`}>
                          {t('editLink')}
                          <span class="visually-hidden"> {cycle.schoolYear}</span>
                        </a>
                      </li>
                    )}
                  </ul>
                  {cycle.canOpen && (
                    <form method="post" action={`/swv/${id}/cyclus/${cycle.schoolYear}/openen`} class="inline-form">
                      <CsrfField token={props.csrfToken} />
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
  );
}

export function cycleFormTitle(page: CycleFormPage, locale: Locale): string {
  const t = cycleT(locale);
  return page.existing ? t('editCycle', { year: page.existing.schoolYear }) : t('newCycle');
}

export function CycleFormView(props: { page: CycleFormPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: CycleFormValues | null }) {
  const t = cycleT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors } = props;
  const v = props.values ?? page.values;
  const id = page.partnership.id;
  const existing = page.existing;
  const yearWarning = versionYearWarning(
    page.versions.find((entry) => entry.id === v['templateVersionId']),
    v['schoolYear'],
    props.locale,
  );
  const isDate = (value: string | undefined): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '') && !Number.isNaN(Date.parse(value!));
  const year = v['schoolYear'] ?? '';
  const hasYear = /^\d{4}-\d{4}$/.test(year);
  const lateClose = hasYear && isDate(v['closesOn']) && closesAfterYearStart({ schoolYear: year, closesOn: v['closesOn'] });
  return (
    <>
      <h1 class="utrecht-heading-1">{cycleFormTitle(page, props.locale)}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['schoolYear', 'opensOn', 'submitDeadline', 'closesOn', 'allowLateSubmission', 'boardNotice', 'pupilVoiceRequired', 'templateVersionId']} />
      {page.versions.length === 0 && <Alert type="warning">{t('noVersions')}</Alert>}
      {yearWarning && <Alert type="warning">{yearWarning}</Alert>}
      {lateClose && (
        <Alert type="warning">
          {t('closesAfterYearStartWarning', { close: formatDate(v['closesOn']!, props.locale), year, start: formatDate(schoolYearStart(year), props.locale) })}
        </Alert>
      )}
      {!existing && (
        <form method="get" action={`/swv/${id}/cyclus/nieuw`} class="filter-form">
          <SelectField
            name="kalender"
            label={t('calendarLabel')}
            hint={`${t('calendarHint')} ${t(page.calendar.description)}`}
            value={page.calendar.key}
            options={page.calendars.map((calendar) => ({ value: calendar.key, label: t(calendar.name) }))}
          />
          <Button variant="secondary">{t('calendarApply')}</Button>
        </form>
      )}
      {hasYear && isDate(v['opensOn']) && isDate(v['submitDeadline']) && isDate(v['closesOn']) && (
        <section aria-labelledby="legal-moments-heading" class="legal-moments">
          <h2 class="utrecht-heading-2" id="legal-moments-heading">
            {t('legalMomentsHeading')}
          </h2>
          <ol class="utrecht-ordered-list">
            <li>{t('momentOpens', { date: formatDate(v['opensOn'], props.locale), year })}</li>
            <li>{t('momentSubmit', { date: formatDate(v['submitDeadline'], props.locale) })}</li>
            <li>{t('momentCloses', { date: formatDate(v['closesOn'], props.locale), start: formatDate(schoolYearStart(year), props.locale) })}</li>
          </ol>
        </section>
      )}
      <form method="post" action={existing ? `/swv/${id}/cyclus/${existing.schoolYear}` : `/swv/${id}/cyclus`} novalidate>
        <CsrfField token={props.csrfToken} />
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
          name="boardNotice"
          label={t('boardNotice')}
          hint={t('boardNoticeHint')}
          value={v['boardNotice'] ?? 'na-mr'}
          error={errors['boardNotice']}
          options={[
            { value: 'na-mr', label: t('boardNoticeAfterCouncil') },
            { value: 'bij-indienen', label: t('boardNoticeAtSubmission') },
          ]}
        />
        <SelectField
          name="pupilVoiceRequired"
          label={t('pupilVoiceRequired')}
          hint={t('pupilVoiceRequiredHint')}
          value={v['pupilVoiceRequired'] ?? 'none'}
          error={errors['pupilVoiceRequired']}
          options={[
            { value: 'none', label: t('pupilVoiceRequiredNone') },
            { value: 'before_submission', label: t('pupilVoiceRequiredBeforeSubmission') },
            { value: 'before_adoption', label: t('pupilVoiceRequiredBeforeAdoption') },
          ]}
        />
        <SelectField
          name="templateVersionId"
          label={t('templateVersion')}
          hint={t('templateVersionHint')}
          value={v['templateVersionId']}
          error={errors['templateVersionId']}
          emptyLabel=""
          options={page.versions.map((version) => ({
            value: version.id,
            label: t('templateVersionOption', { name: version.templateName, number: version.number, year: version.schoolYear ?? '' }),
          }))}
        />
        <Button>{t('saveCycle')}</Button>
      </form>
    </>
  );
}
