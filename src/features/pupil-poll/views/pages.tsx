/** @jsxImportSource hono/jsx */
/** The SWV's poll questions, the school's polls, and one poll's results and free texts. */
import { Alert, Button, CsrfField, ErrorSummary, RadioGroupField, SelectField, StatusTag, TextAreaField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { formatMomentDate } from '../../../ui/dates.js';
import { pupilPollT } from '../messages.js';
import type { PollState } from '../poll-rules.js';
import type { PollQuestionsPage } from '../questions.js';
import { POLL_DAYS, type PollPage, type SchoolPollsPage } from '../school-polls.js';

const STATE_TONES = { open: 'success', expired: 'neutral', closed: 'neutral' } as const satisfies Record<PollState, string>;

function StateTag(props: { locale: Locale; state: PollState; expiresAt: Date }) {
  const t = pupilPollT(props.locale);
  return <StatusTag tone={STATE_TONES[props.state]}>{t(`state.${props.state}`, { date: formatMomentDate(props.expiresAt, props.locale) })}</StatusTag>;
}

export function PollQuestionsView(props: { page: PollQuestionsPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string>; notice?: string | undefined }) {
  const t = pupilPollT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors, values } = props;
  const base = `/swv/${page.partnershipId}/peilingvragen`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('questionsTitle')}</h1>
      <p class="utrecht-paragraph">{t('questionsIntro')}</p>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['kind', 'text', 'options', '_form']} />
      {page.questions.length === 0 ? (
        <>
          <p class="utrecht-paragraph">{t('questionsNone')}</p>
          <section aria-labelledby="example-heading">
            <h2 class="utrecht-heading-2" id="example-heading">
              {t('exampleHeading')}
            </h2>
            <p class="utrecht-paragraph">{t('exampleIntro')}</p>
            <form method="post" action={`${base}/voorbeeld`}>
              <CsrfField token={props.csrfToken} />
              <Button variant="secondary">{t('adoptExample')}</Button>
            </form>
          </section>
        </>
      ) : (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('questionsTitle')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th scope="col" class="utrecht-table__header-cell">{t('questionColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell">{t('kindColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell">{t('optionsColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell">{t('actionsColumn')}</th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {page.questions.map((question) => (
              <tr class="utrecht-table__row">
                <th scope="row" class="utrecht-table__header-cell">
                  {question.text} {question.fromExample && <StatusTag tone="info">{t('exampleTag')}</StatusTag>}
                </th>
                <td class="utrecht-table__cell">{t(`kind.${question.kind}`)}</td>
                <td class="utrecht-table__cell">{question.options.join(' / ') || '—'}</td>
                <td class="utrecht-table__cell">
                  <form method="post" action={`${base}/${question.id}/verwijderen`}>
                    <CsrfField token={props.csrfToken} />
                    <button type="submit" class="utrecht-button utrecht-button--subtle" aria-label={t('removeLabel', { question: question.text })}>
                      {t('remove')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="add-heading">
        <h2 class="utrecht-heading-2" id="add-heading">
          {t('addHeading')}
        </h2>
        <form method="post" action={base} novalidate>
          <CsrfField token={props.csrfToken} />
          <RadioGroupField
            name="kind"
            legend={t('kind')}
            value={values['kind'] ?? 'choice'}
            error={errors['kind']}
            options={(page.hasTextQuestion ? (['choice'] as const) : (['choice', 'text'] as const)).map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          />
          <TextField name="text" label={t('questionText')} hint={t('questionTextHint')} value={values['text']} error={errors['text']} maxLength={200} />
          <TextAreaField name="options" label={t('options')} hint={t('optionsHint')} value={values['options']} error={errors['options']} />
          <Button>{t('add')}</Button>
        </form>
      </section>
    </>
  );
}

export function SchoolPollsView(props: { page: SchoolPollsPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string>; pupilUrl: string }) {
  const t = pupilPollT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors, values } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('pollsTitle')}</h1>
      <p class="utrecht-paragraph">{page.school.name}</p>
      <p class="utrecht-paragraph">{t('pollsIntro', { url: props.pupilUrl })}</p>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['groupName', 'days']} />
      <section aria-labelledby="open-heading">
        <h2 class="utrecht-heading-2" id="open-heading">
          {t('openHeading')}
        </h2>
        {page.questionCount === 0 ? (
          <p class="utrecht-paragraph">{t('noQuestionsYet')}</p>
        ) : (
          <form method="post" action={`/scholen/${page.school.id}/peilingen`} novalidate>
            <CsrfField token={props.csrfToken} />
            <TextField name="groupName" label={t('groupName')} hint={t('groupNameHint')} value={values['groupName']} error={errors['groupName']} maxLength={40} />
            <SelectField name="days" label={t('days')} value={values['days'] ?? '7'} error={errors['days']} options={POLL_DAYS.map((days) => ({ value: days, label: t(`days.${days}`) }))} />
            <Button>{t('open')}</Button>
          </form>
        )}
      </section>
      <section aria-labelledby="polls-heading">
        <h2 class="utrecht-heading-2" id="polls-heading">
          {t('pollsHeading')}
        </h2>
        {page.polls.length === 0 ? (
          <p class="utrecht-paragraph">{t('pollsNone')}</p>
        ) : (
          <table class="utrecht-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">{t('groupColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('codeColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('stateColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('answersColumn')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {page.polls.map((poll) => (
                <tr class="utrecht-table__row">
                  <th scope="row" class="utrecht-table__header-cell">
                    <a class="utrecht-link" href={`/scholen/${page.school.id}/peilingen/${poll.id}`} aria-label={t('viewLabel', { group: poll.groupName })}>
                      {poll.groupName}
                    </a>
                  </th>
                  <td class="utrecht-table__cell poll-code">{poll.code}</td>
                  <td class="utrecht-table__cell">
                    <StateTag locale={props.locale} state={poll.state} expiresAt={poll.expiresAt} />
                  </td>
                  <td class="utrecht-table__cell">{poll.responses ?? t('tooFew')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export function PollView(props: { page: PollPage; locale: Locale; csrfToken: string; errors: FieldErrors; notice?: string | undefined; pupilUrl: string }) {
  const t = pupilPollT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors } = props;
  const base = `/scholen/${page.school.id}/peilingen/${page.poll.id}`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('pollTitle', { group: page.poll.groupName })}</h1>
      <p class="utrecht-paragraph">
        {page.school.name} — <StateTag locale={props.locale} state={page.poll.state} expiresAt={page.poll.expiresAt} />
      </p>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
      {page.poll.state === 'open' && (
        <section aria-labelledby="code-heading">
          <h2 class="utrecht-heading-2" id="code-heading">
            {t('codeColumn')}
          </h2>
          <p class="utrecht-paragraph">{t('codeIntro', { url: props.pupilUrl })}</p>
          <p class="poll-code poll-code--large">{page.poll.code}</p>
          <p class="utrecht-paragraph">{t('directLink', { url: `${props.pupilUrl}/${page.poll.code}` })}</p>
          <form method="post" action={`${base}/sluiten`}>
            <CsrfField token={props.csrfToken} />
            <Button variant="secondary">{t('close')}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="results-heading">
        <h2 class="utrecht-heading-2" id="results-heading">
          {t('resultsHeading')}
        </h2>
        {page.results === null ? (
          <Alert type="info">{t('tooFewResults')}</Alert>
        ) : (
          <>
            <p class="utrecht-paragraph">{t('responsesCount', { count: page.responses ?? 0 })}</p>
            {page.results.map((result) => (
              <table class="utrecht-table">
                <caption class="utrecht-table__caption">{result.question.text}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th scope="col" class="utrecht-table__header-cell">{t('answerColumn')}</th>
                    <th scope="col" class="utrecht-table__header-cell">{t('countColumn')}</th>
                    <th scope="col" class="utrecht-table__header-cell">{t('percentColumn')}</th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {result.options.map((option) => (
                    <tr class="utrecht-table__row">
                      <th scope="row" class="utrecht-table__header-cell">{option.label}</th>
                      <td class="utrecht-table__cell">{option.count}</td>
                      <td class="utrecht-table__cell">{option.percent}%</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </>
        )}
      </section>
      <section aria-labelledby="texts-heading">
        <h2 class="utrecht-heading-2" id="texts-heading">
          {t('textsHeading')}
        </h2>
        {page.texts === null ? (
          <p class="utrecht-paragraph">{t('textsHidden')}</p>
        ) : !page.texts.any ? (
          <p class="utrecht-paragraph">{t('textsNone')}</p>
        ) : (
          <>
            <p class="utrecht-paragraph">{t('textsIntro')}</p>
            {page.texts.pending.length > 0 && (
              <>
                <h3 class="utrecht-heading-3">{t('pendingHeading')}</h3>
                <ul class="utrecht-unordered-list poll-texts">
                  {page.texts.pending.map((text) => (
                    <li>
                      <blockquote class="preserve-lines">{text.text}</blockquote>
                      <form method="post" action={`${base}/teksten/${text.id}`} class="inline-actions">
                        <CsrfField token={props.csrfToken} />
                        <Button name="decision" value="released">
                          {t('release')}
                        </Button>{' '}
                        <Button variant="secondary" name="decision" value="rejected">
                          {t('reject')}
                        </Button>
                      </form>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {page.texts.released.length > 0 && (
              <>
                <h3 class="utrecht-heading-3">{t('releasedHeading')}</h3>
                <ul class="utrecht-unordered-list poll-texts-released">
                  {page.texts.released.map((text) => (
                    <li class="preserve-lines">{text.text}</li>
                  ))}
                </ul>
              </>
            )}
            {page.texts.rejected > 0 && <p class="utrecht-paragraph muted">{t('rejectedCount', { count: page.texts.rejected })}</p>}
          </>
        )}
      </section>
      {page.results !== null && page.openProfiles.length > 0 && (
        <section aria-labelledby="record-heading">
          <h2 class="utrecht-heading-2" id="record-heading">
            {t('recordHeading')}
          </h2>
          <p class="utrecht-paragraph">{t('toPupilVoiceIntro')}</p>
          <ul class="utrecht-unordered-list">
            {page.openProfiles.map((profile) => (
              <li>
                <a class="utrecht-link" href={`/profielen/${profile.id}/stem-van-leerlingen?peiling=${page.poll.id}`}>
                  {t('toPupilVoice', { year: profile.schoolYear })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/scholen/${page.school.id}/peilingen`}>
          {t('backToPolls')}
        </a>
      </p>
    </>
  );
}
