/** @jsxImportSource hono/jsx */
/** What pupils see: enter a code, the poll's questions, and a thank-you. Never a result. No JavaScript. */
import { Button, ErrorSummary, RadioGroupField, TextAreaField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { publicHref } from '../../public/views/shared.js';
import type { PublicPoll } from '../answer-poll.js';
import { pupilPollT } from '../messages.js';

export function EnterCodeView(props: { locale: Locale; value: string; error?: string | undefined }) {
  const t = pupilPollT(props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('publicTitle')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.error ? { code: props.error } : {}} />
      <p class="utrecht-paragraph">{t('enterCodeIntro')}</p>
      <form method="get" action="/peiling" novalidate class="poll-form">
        {props.locale !== 'nl' && <input type="hidden" name="lang" value={props.locale} />}
        <TextField name="code" label={t('code')} hint={t('codeHint')} value={props.value} error={props.error} autocomplete="off" maxLength={12} />
        <Button>{t('next')}</Button>
      </form>
    </>
  );
}

export function PollFormView(props: { poll: PublicPoll; locale: Locale; errors: FieldErrors; values: Record<string, string> }) {
  const t = pupilPollT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { poll, errors, values } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('formTitle', { group: poll.groupName })}</h1>
      <p class="utrecht-paragraph">{poll.schoolName}</p>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={poll.questions.map((q) => `q-${q.id}`)} />
      <p class="utrecht-paragraph">{t('formIntro')}</p>
      <form method="post" action={publicHref(`/peiling/${poll.code}`, props.locale)} novalidate class="poll-form">
        {poll.questions.map((question) =>
          question.kind === 'choice' ? (
            <RadioGroupField
              name={`q-${question.id}`}
              legend={question.text}
              value={values[`q-${question.id}`]}
              error={errors[`q-${question.id}`]}
              options={question.options.map((label, index) => ({ value: String(index), label }))}
            />
          ) : (
            <TextAreaField name={`q-${question.id}`} label={question.text} hint={t('noNames')} value={values[`q-${question.id}`]} error={errors[`q-${question.id}`]} maxLength={500} />
          ),
        )}
        <Button>{t('send')}</Button>
      </form>
    </>
  );
}

export function PollMessageView(props: { title: string; body: string }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      <p class="utrecht-paragraph">{props.body}</p>
    </>
  );
}
