/** @jsxImportSource hono/jsx */
/**
 * The national norm of an item (landelijke norm basisondersteuning) and the answer's status
 * against it, shown beside the SWV's own norm — or alone, for an adopted national item without
 * an SWV norm. Kept apart from item-field.tsx so the questionnaire's own field stays small.
 */
import { defineMessages, translator, type Locale } from '../../../ui/i18n.js';
import { describeNorm, evaluateNorm, type Ambition, type AnswerValue, type NormStatus } from '../../templates/model/answer.js';
import type { Item, TemplateDefinition } from '../../templates/model/template.js';
import { questionnaireMessages } from '../messages.js';

const messages = defineMessages(
  {
    'status.meets': 'Voldoet aan de landelijke norm',
    'status.below': 'Onder de landelijke norm',
    'status.ambition': 'Ambitie vastgelegd',
    'status.unanswered': 'Nog niet ingevuld',
    'status.cannot-judge': 'Kan niet beoordelen tegen de landelijke norm',
    origin: 'Vraag uit de landelijke set',
  },
  {
    'status.meets': 'Meets the national norm',
    'status.below': 'Below the national norm',
    'status.ambition': 'Ambition recorded',
    'status.unanswered': 'Not answered yet',
    'status.cannot-judge': 'Cannot be judged against the national norm',
    origin: 'Question from the national set',
  },
);

const TONES: Record<Exclude<NormStatus, 'no-norm'>, string> = { meets: 'success', below: 'danger', ambition: 'info', unanswered: 'neutral', 'cannot-judge': 'warning' };

export function NationalNormBlock(props: {
  template: TemplateDefinition;
  item: Item;
  answer: { value?: AnswerValue | null; ambition?: Ambition | null };
  locale?: Locale | undefined;
}) {
  const { template, item } = props;
  const locale = props.locale ?? 'nl';
  const normText = describeNorm(template, item, item.nationalNorm);
  if (!item.nationalNorm || !normText) {
    return item.origin === 'national' ? <p class="utrecht-paragraph q-norm__origin">{translator(messages, locale)('origin')}</p> : null;
  }
  const status = evaluateNorm(item, { value: props.answer.value ?? null, ambition: props.answer.ambition ?? null }, 'national');
  const t = translator(messages, locale);
  return (
    <div class="q-norm q-norm--national" data-national-norm="">
      <p class="utrecht-paragraph q-norm__text">{translator(questionnaireMessages, locale)('nationalNorm', { norm: normText })}</p>
      {/* Updated live by src/client/autosave.ts with these words, like the SWV norm status in item-field.tsx. */}
      <p
        class="q-norm__status"
        data-national-norm-status=""
        data-label-meets={t('status.meets')}
        data-label-below={t('status.below')}
        data-label-ambition={t('status.ambition')}
        data-label-unanswered={t('status.unanswered')}
        data-label-cannot-judge={t('status.cannot-judge')}
        aria-live="polite"
      >
        {status !== 'no-norm' && <span class={`status-tag status-tag--${TONES[status]}`}>{t(`status.${status}`)}</span>}
      </p>
    </div>
  );
}
