/** @jsxImportSource hono/jsx */
/**
 * A profile's cycle page ("Indienen, advies en vaststelling"): status and facts, the forms of the transitions the
 * viewer may make now (advice, adoption, publication, reopening, review remarks and answers), and the history.
 */
import type { Child } from 'hono/jsx';
import { Alert, Button, ButtonLink, CheckboxField, CsrfField, ErrorSummary, RadioGroupField, SelectField, StatusTag, TextAreaField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { CouncilOutcome } from '../../questionnaire/api.js';
import type { AdoptWarning } from '../adopt-profile.js';
import type { ProfileCyclePage } from '../load-profile-cycle-page.js';
import { COUNCIL_CHOICES } from '../record-advice.js';
import { PROFILE_STATUS_LABELS } from '../profile-status.js';
import { formatDate, formatMomentDate } from '../../../ui/dates.js';
import { cycleT, ProfileStatusTag, type CycleT } from './shared.js';

const WARNING_WORDS = { noCouncil: 'adoptWarningNoCouncil', negative: 'adoptWarningNegative', openRemarks: 'adoptWarningRemarks' } as const satisfies Record<AdoptWarning, string>;

export function outcomeWords(t: CycleT, outcome: CouncilOutcome | null): string {
  return outcome ? t(`outcome_${outcome}`) : t('outcomeUnknown');
}

export type CycleFormName = 'advice' | 'adopt' | 'reopen' | 'remark' | 'respond' | 'publish';

/** What a failed post shows again: which form, its errors and values; or a refusal or a notice for the page. */
export interface CyclePageState {
  form?: CycleFormName;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: string;
  error?: string;
}

export function ProfileCycleView(props: { page: ProfileCyclePage; locale: Locale; csrfToken: string; state: CyclePageState; sections?: Child[] }) {
  const t = cycleT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, state } = props;
  const { profile } = page;
  const labels = PROFILE_STATUS_LABELS[props.locale];
  const errors = state.errors ?? {};
  const values = state.values ?? {};
  const formErrors = (form: CycleFormName) => (state.form === form ? errors : {});
  const formValues = (form: CycleFormName) => (state.form === form ? values : {});
  return (
    <>
      <h1 class="utrecht-heading-1">{t('cyclePageTitle')}</h1>
      <p class="utrecht-paragraph">
        {page.schoolName} — SOP {profile.schoolYear}
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
        <ProfileStatusTag locale={props.locale} status={profile.status} /> {page.late && <StatusTag tone="danger">{t('lateTag')}</StatusTag>}
      </p>
      {page.closedMessage && <Alert type="info">{page.closedMessage}</Alert>}
      {page.can.recordAdvice && (
        <div class="utrecht-alert utrecht-alert--info cycle-next-step">
          <p class="utrecht-paragraph">{t('councilNextStep')}</p>
          <ButtonLink href="#advice-heading">{t('giveAdvice')}</ButtonLink>
        </div>
      )}
      {page.can.adopt && (
        <div class="utrecht-alert utrecht-alert--info cycle-next-step">
          <p class="utrecht-paragraph">{t('boardNextStep')}</p>
          <ButtonLink href="#adopt-heading">{t('adoptNow')}</ButtonLink>
        </div>
      )}
      <dl class="facts">
        {profile.submittedAt && (
          <>
            <dt>{labels.submitted}</dt>
            <dd>{t('submittedOn', { date: formatMomentDate(profile.submittedAt, props.locale), name: page.submittedByName ?? '' })}</dd>
          </>
        )}
        {profile.adviceDate && (
          <>
            <dt>{profile.councilSay === 'consent' ? t('consentOn', { date: formatDate(profile.adviceDate, props.locale) }) : t('adviceOn', { date: formatDate(profile.adviceDate, props.locale) })}</dt>
            <dd>
              <strong>{outcomeWords(t, profile.councilOutcome)}</strong>
              {profile.adviceText && <div class="preserve-lines">{profile.adviceText}</div>}
            </dd>
          </>
        )}
        {profile.adoptedOn && (
          <>
            <dt>{labels.adopted}</dt>
            <dd>{t('adoptedOn', { date: formatDate(profile.adoptedOn, props.locale), name: profile.adoptedByName ?? '' })}</dd>
          </>
        )}
        {profile.publishedAt && (
          <>
            <dt>{labels.published}</dt>
            <dd>{t('publishedOn', { date: formatMomentDate(profile.publishedAt, props.locale) })}</dd>
          </>
        )}
      </dl>
      <ul class="inline-list">
        <li>
          <a class="utrecht-link" href={`/profielen/${profile.id}`}>
            {t('toQuestionnaire')}
          </a>
        </li>
        {page.canGoToSubmit && (
          <li>
            <a class="utrecht-link" href={`/profielen/${profile.id}/controleren`}>
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

      {page.can.recordAdvice && (
        <section aria-labelledby="advice-heading">
          <h2 class="utrecht-heading-2" id="advice-heading">
            {t('adviceHeading')}
          </h2>
          <form method="post" action={`/profielen/${profile.id}/advies`} novalidate>
            <CsrfField token={props.csrfToken} />
            <RadioGroupField
              name="outcome"
              legend={t('councilSayLegend')}
              hint={t('councilSayHint')}
              value={formValues('advice')['outcome']}
              error={formErrors('advice')['outcome']}
              options={Object.entries(COUNCIL_CHOICES).map(([value, choice]) => ({ value, label: outcomeWords(t, choice.outcome) }))}
            />
            <TextField name="adviceDate" type="date" label={t('adviceDate')} value={formValues('advice')['adviceDate'] ?? page.today} error={formErrors('advice')['adviceDate']} />
            <TextAreaField name="adviceText" label={t('adviceText')} hint={t('adviceTextHint')} value={formValues('advice')['adviceText']} error={formErrors('advice')['adviceText']} rows={6} />
            <Button>{t('recordAdvice')}</Button>
          </form>
        </section>
      )}
      {page.can.adopt && (
        <section aria-labelledby="adopt-heading">
          <h2 class="utrecht-heading-2" id="adopt-heading">
            {t('adoptHeading')}
          </h2>
          <p class="utrecht-paragraph">
            {profile.adviceDate ? t('adoptCouncilSaid', { outcome: outcomeWords(t, profile.councilOutcome), date: formatDate(profile.adviceDate, props.locale) }) : t('adoptCouncilPending')}
          </p>
          <form method="post" action={`/profielen/${profile.id}/vaststellen`} novalidate>
            <CsrfField token={props.csrfToken} />
            {page.adoptWarnings.length > 0 && (
              <div class="utrecht-alert utrecht-alert--warning">
                <p class="utrecht-paragraph">{t('adoptWarningsIntro')}</p>
                <ul class="utrecht-unordered-list">
                  {page.adoptWarnings.map((warning) => (
                    <li>{t(WARNING_WORDS[warning], { count: page.openRemarkCount })}</li>
                  ))}
                </ul>
                <CheckboxField name="confirmWarnings" label={t('confirmWarnings')} checked={formValues('adopt')['confirmWarnings'] === 'ja'} error={formErrors('adopt')['confirmWarnings']} />
              </div>
            )}
            <TextField name="adoptedOn" type="date" label={t('adoptDate')} value={formValues('adopt')['adoptedOn'] ?? page.today} error={formErrors('adopt')['adoptedOn']} />
            <TextField
              name="adoptedByName"
              label={t('adoptedByName')}
              hint={t('adoptedByNameHint')}
              value={formValues('adopt')['adoptedByName'] ?? page.viewerName}
              error={formErrors('adopt')['adoptedByName']}
            />
            <Button>{t('adopt')}</Button>
          </form>
        </section>
      )}
      {page.can.publish && (
        <section aria-labelledby="publish-heading">
          <h2 class="utrecht-heading-2" id="publish-heading">
            {t('publishHeading')}
          </h2>
          <p class="utrecht-paragraph">{t('publishIntro')}</p>
          <form method="post" action={`/profielen/${profile.id}/publiceren`}>
            <CsrfField token={props.csrfToken} />
            <Button>{t('publish')}</Button>
          </form>
        </section>
      )}
      {page.can.reopen && (
        <section aria-labelledby="reopen-heading">
          <h2 class="utrecht-heading-2" id="reopen-heading">
            {t('reopenHeading')}
          </h2>
          <p class="utrecht-paragraph">{t('reopenIntro')}</p>
          <form method="post" action={`/profielen/${profile.id}/heropenen`} novalidate>
            <CsrfField token={props.csrfToken} />
            <TextAreaField name="reason" label={t('reopenReason')} hint={t('reopenReasonHint')} value={formValues('reopen')['reason']} error={formErrors('reopen')['reason']} />
            <Button variant="secondary">{t('reopen')}</Button>
          </form>
        </section>
      )}

      {props.sections}

      <section aria-labelledby="remarks-heading">
        <h2 class="utrecht-heading-2" id="remarks-heading">
          {t('remarksHeading')}
        </h2>
        {page.remarks.length === 0 ? (
          <p class="utrecht-paragraph">{t('noRemarks')}</p>
        ) : (
          <ul class="remark-list">
            {page.remarks.map((remark) => (
              <li class="remark">
                <p class="remark__about">{remark.about ? t('remarkAbout', { item: remark.about }) : t('remarkGeneral')}</p>
                <p class="preserve-lines">{remark.body}</p>
                <p class="muted">{t('remarkBy', { name: remark.authorName ?? '', date: formatMomentDate(remark.createdAt, props.locale) })}</p>
                <h3 class="utrecht-heading-3">{t('remarkResponse')}</h3>
                {remark.response ? <p class="preserve-lines">{remark.response}</p> : <p class="muted">{t('noResponse')}</p>}
                {page.can.respondToReview && (
                  <form method="post" action={`/profielen/${profile.id}/opmerkingen/antwoord`} novalidate>
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="remarkId" value={remark.id} />
                    <TextAreaField
                      name={`response-${remark.id}`}
                      label={t('responseLabel')}
                      value={state.form === 'respond' && values['remarkId'] === remark.id ? values['response'] : (remark.response ?? '')}
                      error={state.form === 'respond' && values['remarkId'] === remark.id ? errors[`response-${remark.id}`] : undefined}
                      rows={3}
                    />
                    <Button variant="secondary">{t('respond')}</Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {page.can.review && (
          <form method="post" action={`/profielen/${profile.id}/opmerkingen`} novalidate>
            <h3 class="utrecht-heading-3">{t('addRemarkHeading')}</h3>
            <CsrfField token={props.csrfToken} />
            <SelectField name="itemKey" label={t('remarkItem')} value={formValues('remark')['itemKey']} emptyLabel={t('remarkItemAll')} options={page.remarkItems} />
            <TextAreaField name="body" label={t('remarkBody')} hint={t('remarkBodyHint')} value={formValues('remark')['body']} error={formErrors('remark')['body']} />
            <Button variant="secondary">{t('addRemark')}</Button>
          </form>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 class="utrecht-heading-2" id="history-heading">
          {t('historyHeading')}
        </h2>
        {page.history.length === 0 ? (
          <p class="utrecht-paragraph">{t('noHistory')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {page.history.map((entry) => (
              <li>
                {t('historyEntry', { date: formatMomentDate(entry.at, props.locale), from: labels[entry.fromStatus] ?? entry.fromStatus, to: labels[entry.toStatus] ?? entry.toStatus })}
                {entry.byName ? ` (${entry.byName})` : ''}
                {entry.reason && <div class="muted">{t('reasonLabel', { reason: entry.reason })}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
