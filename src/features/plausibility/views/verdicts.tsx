/** @jsxImportSource hono/jsx */
import { Alert, Button, CsrfField, ErrorSummary, RadioGroupField, StatusTag, TextAreaField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { formatDate, formatMomentDate } from '../../../ui/dates.js';
import { ProfileStatusTag } from '../../cycle/views/shared.js';
import type { ProfileStatus } from '../../questionnaire/api.js';
import type { VerdictPage } from '../load-verdict-page.js';
import type { VerdictsOverview } from '../load-verdicts-overview.js';
import { plausibilityT } from '../messages.js';
import type { VerdictRow } from '../load-verdict-section.js';
import { PLAUSIBILITY_VERDICTS, type PlausibilityVerdict } from '../schema.js';

const TONES = { plausible: 'success', plausible_with_remarks: 'info', not_plausible: 'danger' } as const satisfies Record<PlausibilityVerdict, string>;
const SUBMITTED_OR_LATER = new Set(['submitted', 'advised', 'adopted', 'published']);

export function VerdictTag(props: { locale: Locale; verdict: PlausibilityVerdict }) {
  return <StatusTag tone={TONES[props.verdict]}>{plausibilityT(props.locale)(`verdict.${props.verdict}`)}</StatusTag>;
}

export function VerdictsOverviewView(props: { page: VerdictsOverview; locale: Locale }) {
  const t = plausibilityT(props.locale);
  const { page } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('overviewTitle')}</h1>
      <p class="utrecht-paragraph">
        {t('overviewIntro')} ({page.schoolYear})
      </p>
      {page.isLimited && <Alert type="info">{t('adviserLimited')}</Alert>}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/swv/${page.partnershipId}/kwaliteit`}>
          {t('qualityLink')}
        </a>
      </p>
      {page.rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('overviewEmpty')}</p>
      ) : (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('overviewTitle')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th scope="col" class="utrecht-table__header-cell">{t('schoolColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell">{t('boardColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell">{t('statusColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell">{t('verdictColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell">{t('conversationColumn')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {page.rows.map((row) => {
              const submitted = row.profileStatus !== null && SUBMITTED_OR_LATER.has(row.profileStatus);
              return (
                <tr class="utrecht-table__row">
                  <th scope="row" class="utrecht-table__header-cell">
                    {submitted && row.profileId ? (
                      <a class="utrecht-link" href={page.canAssess ? `/profielen/${row.profileId}/plausibiliteit` : `/profielen/${row.profileId}/cyclus`}>
                        {row.schoolName}
                      </a>
                    ) : (
                      row.schoolName
                    )}
                  </th>
                  <td class="utrecht-table__cell">{row.boardName}</td>
                  <td class="utrecht-table__cell">{row.profileStatus ? <ProfileStatusTag locale={props.locale} status={row.profileStatus as ProfileStatus} /> : '—'}</td>
                  <td class="utrecht-table__cell">{row.verdict ? <VerdictTag locale={props.locale} verdict={row.verdict} /> : submitted ? t('noVerdict') : t('notSubmittedYet')}</td>
                  <td class="utrecht-table__cell">{row.conversationOn ? formatDate(row.conversationOn, props.locale) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The verdict as the school, the board and the SWV read it (on the cycle page). */
export function VerdictSection(props: { locale: Locale; profileId: string; verdict: VerdictRow | null; canAssess: boolean }) {
  const t = plausibilityT(props.locale);
  const { verdict } = props;
  return (
    <section aria-labelledby="verdict-heading" class="verdict-section">
      <h2 class="utrecht-heading-2" id="verdict-heading">
        {t('sectionHeading')}
      </h2>
      {verdict ? (
        <>
          <p class="utrecht-paragraph">
            <VerdictTag locale={props.locale} verdict={verdict.verdict} />
          </p>
          <dl class="facts">
            <dt>{t('conversationOn')}</dt>
            <dd>{verdict.conversationOn ? formatDate(verdict.conversationOn, props.locale) : '—'}</dd>
            <dt>{t('agreements')}</dt>
            <dd class="preserve-lines">{verdict.agreements ?? t('noAgreements')}</dd>
          </dl>
          <p class="muted">{t('sectionRecordedBy', { name: verdict.recordedByName, date: formatMomentDate(verdict.recordedAt, props.locale) })}</p>
        </>
      ) : (
        <p class="utrecht-paragraph">{t('sectionNone')}</p>
      )}
      {props.canAssess && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/profielen/${props.profileId}/plausibiliteit`}>
            {verdict ? t('changeLink') : t('recordLink')}
          </a>
        </p>
      )}
    </section>
  );
}

export function VerdictFormView(props: { page: VerdictPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string>; saved: boolean }) {
  const t = plausibilityT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors } = props;
  const current = page.verdict;
  const value = (name: string, fallback: string | null | undefined) => props.values[name] ?? fallback ?? '';
  return (
    <>
      <h1 class="utrecht-heading-1">{t('formTitle')}</h1>
      <p class="utrecht-paragraph">
        {page.schoolName} — SOP {page.profile.schoolYear}
      </p>
      {props.saved && <Alert type="ok">{t('saved')}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
      <p class="utrecht-paragraph">{t('formIntro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/profielen/${page.profile.id}/cyclus#remarks-heading`}>
          {t('toCyclePage')}
        </a>
      </p>
      <form method="post" action={`/profielen/${page.profile.id}/plausibiliteit`} novalidate>
        <CsrfField token={props.csrfToken} />
        <RadioGroupField
          name="verdict"
          legend={t('verdictLegend')}
          value={value('verdict', current?.verdict)}
          error={errors['verdict']}
          options={PLAUSIBILITY_VERDICTS.map((verdict) => ({ value: verdict, label: t(`verdict.${verdict}`) }))}
        />
        <TextField name="conversationOn" type="date" label={t('conversationOn')} hint={t('conversationHint')} value={value('conversationOn', current?.conversationOn)} error={errors['conversationOn']} />
        <TextAreaField name="agreements" label={t('agreements')} hint={t('agreementsHint')} value={value('agreements', current?.agreements)} error={errors['agreements']} maxLength={2000} />
        <Button>{t('save')}</Button>
      </form>
    </>
  );
}
