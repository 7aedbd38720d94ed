/** @jsxImportSource hono/jsx */
/** The questionnaire's pages: profile home (task list), welcome, one section, and the completeness check. */
import type { Child } from 'hono/jsx';
import { Alert, ButtonLink, CsrfField, fieldId, StatusTag } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { TextBlocks } from '../../../ui/text-blocks.js';
import { formatDate } from '../../../ui/dates.js';
import type { Item, Section, TemplateDefinition } from '../../templates/model/template.js';
import { LIMITS_MAX_LENGTH } from '../answer-change.js';
import { LIMITS_KEY_PREFIX } from '../answers-repository.js';
import type { SectionCompleteness, SectionStatus } from '../completeness.js';
import type { AnswerHistoryPage } from '../load-answer-history.js';
import type { ProfilePage } from '../load-profile-page.js';
import { PROFILE_STATUS_LABELS, PROFILE_STATUS_TONES, questionnaireMessages } from '../messages.js';
import type { ConflictInfo } from '../save-answer.js';
import { KEEP_THEIRS_FIELD, LIMITS_FIELD, USE_MINE_FIELD } from '../save-section.js';
import { ItemField, itemAnchor, itemFieldNames, type ItemFieldAnswer } from './item-field.js';

type T = ReturnType<typeof translator<keyof typeof questionnaireMessages.nl>>;

export const SECTION_STATUS_TONES: Record<SectionStatus, 'neutral' | 'info' | 'success'> = { not_started: 'neutral', in_progress: 'info', complete: 'success' };

export function profilePath(profileId: string, rest = ''): string {
  return `/profielen/${profileId}${rest}`;
}
export function sectionPath(profileId: string, sectionKey: string): string {
  return profilePath(profileId, `/onderdelen/${sectionKey}`);
}

function progressOf(page: ProfilePage, sectionKey: string): SectionCompleteness {
  return page.completeness.sections.find((s) => s.sectionKey === sectionKey)!;
}

function itemTitle(template: TemplateDefinition, key: string): { item: Item; section: Section } | undefined {
  for (const section of template.sections) {
    const item = section.items.find((candidate) => candidate.key === key);
    if (item) return { item, section };
  }
  return undefined;
}

export function ProfileHome(props: { page: ProfilePage; locale: Locale }) {
  const { page } = props;
  const t = translator(questionnaireMessages, props.locale);
  const id = page.profile.id;
  const c = page.completeness;
  const toReview = (section: Section) => section.items.filter((item) => page.itemsToReview[item.key]);
  return (
    <>
      <h1 class="utrecht-heading-1">
        {page.schoolName} — {t('profileTitle', { year: page.profile.schoolYear })}
      </h1>
      <dl class="q-facts">
        <dt>{t('schoolYear')}</dt>
        <dd>{page.profile.schoolYear}</dd>
        <dt>{t('status')}</dt>
        <dd>
          <StatusTag tone={PROFILE_STATUS_TONES[page.profile.status]}>{PROFILE_STATUS_LABELS[props.locale][page.profile.status]}</StatusTag>
        </dd>
        {page.cycle && (
          <>
            <dt>{t('deadline')}</dt>
            <dd>{formatDate(page.cycle.submitDeadline, props.locale)}</dd>
          </>
        )}
        <dt>{t('progress')}</dt>
        <dd>
          <progress class="q-progress" max={c.required} value={c.answered} aria-label={t('progress')}></progress>{' '}
          {t(page.profile.status === 'not_started' && c.answered > 0 ? 'progressTextCarried' : 'progressText', { answered: c.answered, required: c.required, percent: c.percent })}
        </dd>
      </dl>
      {!page.canEdit && <Alert type="info">{page.editability.editable ? t('readOnly') : page.editability.message}</Alert>}
      {page.openRemarks.length > 0 && (
        <Alert type="warning">
          <p class="utrecht-paragraph">{t('openRemarks', { count: page.openRemarks.length })}</p>
          <a class="utrecht-link" href={profilePath(id, '/cyclus#remarks-heading')}>
            {t('openRemarksLink')}
          </a>
        </Alert>
      )}
      <ul class="utrecht-unordered-list">
        <li>
          <a class="utrecht-link" href={profilePath(id, '/welkom')}>
            {t('welcomeLink')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={profilePath(id, '/cyclus')}>
            {t('cycleLink')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={profilePath(id, '/wijzigingen')}>
            {t('changesLink')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={profilePath(id, '/documenten')}>
            {t('documentsLink')}
          </a>
        </li>
        {page.canSeeGuide && (
          <li>
            <a class="utrecht-link" href={profilePath(id, '/gespreksleidraad')}>
              {t('guideLink')}
            </a>
          </li>
        )}
      </ul>
      <h2 class="utrecht-heading-2">{t('taskList')}</h2>
      {page.canEdit && <p class="utrecht-paragraph">{t('taskListIntro')}</p>}
      <ol class="task-list">
        {page.template.sections.map((section) => {
          const progress = progressOf(page, section.key);
          return (
            <li class="task-list__item">
              <div class="task-list__name">
                <a class="utrecht-link" href={sectionPath(id, section.key)}>
                  {section.title}
                </a>
                {section.promise && <p class="task-list__promise">{section.promise}</p>}
                <div class="task-list__hint">
                  {progress.missingItemKeys.length > 0 && <span>{progress.missingItemKeys.length === 1 ? t('missingCount.one') : t('missingCount.other', { count: progress.missingItemKeys.length })}</span>}
                  {progress.belowNormItemKeys.length > 0 && (
                    <span>
                      {progress.missingItemKeys.length > 0 ? ' · ' : ''}
                      {t('belowNormCount', { count: progress.belowNormItemKeys.length })}
                    </span>
                  )}
                  {progress.cannotJudgeItemKeys.length > 0 && (
                    <span class="task-list__cannot-judge" data-cannot-judge-count="">
                      {progress.missingItemKeys.length + progress.belowNormItemKeys.length > 0 ? ' · ' : ''}
                      {t('cannotJudgeCount', { count: progress.cannotJudgeItemKeys.length })}
                    </span>
                  )}
                  {toReview(section).length > 0 && (
                    <span class="task-list__review">
                      {progress.missingItemKeys.length + progress.belowNormItemKeys.length + progress.cannotJudgeItemKeys.length > 0 ? ' · ' : ''}
                      {t('reviewCount', { count: toReview(section).length })}
                    </span>
                  )}
                </div>
              </div>
              <div class="task-list__status">
                <StatusTag tone={SECTION_STATUS_TONES[progress.status]}>{t(`sectionStatus.${progress.status}`)}</StatusTag>
              </div>
            </li>
          );
        })}
      </ol>
      <p class="utrecht-paragraph">
        {/* The one check page (cycle feature): every answer, what is missing, and the submit button for whoever may submit. */}
        <a class="utrecht-link" href={profilePath(id, '/controleren')}>
          {t(page.canEdit ? 'checkLink' : 'checkLinkReadOnly')}
        </a>
      </p>
    </>
  );
}

/**
 * The template editor's "Bekijk als school" renders these same pages for a version without a profile:
 * `preview` gives where its links lead, and the section's fields are shown outside any form
 * (nothing is saved, no autosave).
 */
export interface PreviewLinks {
  section(sectionKey: string): string;
  check: string;
}

export function WelcomePage(props: { page: ProfilePage; locale: Locale; preview?: PreviewLinks | undefined }) {
  const { page } = props;
  const toSection = (key: string) => props.preview?.section(key) ?? sectionPath(page.profile.id, key);
  const t = translator(questionnaireMessages, props.locale);
  const welcome = page.template.welcome;
  const first = page.template.sections[0];
  return (
    <>
      <h1 class="utrecht-heading-1">{welcome.title}</h1>
      {welcome.intro && <Paragraphs text={welcome.intro} reflow />}
      {welcome.panels.map((panel) => (
        <details class="q-panel">
          <summary>{panel.title}</summary>
          <div class="q-panel__body">
            <Paragraphs text={panel.body} reflow />
          </div>
        </details>
      ))}
      {first && (
        <p class="utrecht-paragraph q-start">
          <ButtonLink href={toSection(first.key)}>{t('start')}</ButtonLink>
        </p>
      )}
    </>
  );
}

/** Paragraphs and "- " lists as the SWV wrote them (src/ui/text-blocks.tsx); `reflow` for texts wrapped in the template file. */
function Paragraphs(props: { text: string; reflow?: boolean }) {
  return <TextBlocks text={props.text} reflow={props.reflow} />;
}

export interface SectionFormState {
  errors: Record<string, string>;
  conflicts: Record<string, ConflictInfo>;
  shown: Record<string, ItemFieldAnswer>;
  limits: { value: string; revision: number; base: string | null } | null;
  notice: 'saved' | 'partly' | null;
}

export function SectionPage(props: { page: ProfilePage; section: Section; locale: Locale; csrfToken: string; state?: SectionFormState | undefined; preview?: PreviewLinks | undefined }) {
  const { page, section, state } = props;
  const toSection = (key: string) => props.preview?.section(key) ?? sectionPath(page.profile.id, key);
  const t = translator(questionnaireMessages, props.locale);
  const id = page.profile.id;
  const template = page.template;
  const sections = template.sections;
  const index = sections.findIndex((s) => s.key === section.key);
  const previous = sections[index - 1];
  const next = sections[index + 1];
  const progress = progressOf(page, section.key);
  const remarkedItems = section.items.filter((item) => page.openRemarks.some((remark) => remark.itemKey === item.key));
  const readOnly = !page.canEdit;
  const sectionPathHere = sectionPath(id, section.key);

  const groups: Array<{ title: string | undefined; items: Item[] }> = [];
  for (const item of section.items) {
    const last = groups[groups.length - 1];
    if (last && last.title === item.group) last.items.push(item);
    else groups.push({ title: item.group, items: [item] });
  }
  const fieldOrder = section.items.flatMap((item) => Object.values(itemFieldNames(item))).concat(LIMITS_FIELD);
  const limitsStored = page.limits[section.key];
  const limitsValue = state?.limits?.value ?? limitsStored?.text ?? '';
  const limitsRevision = state?.limits?.revision ?? limitsStored?.revision ?? 0;
  const limitsBase = state?.limits ? state.limits.base : (limitsStored?.text ?? null);
  const limitsConflict = state?.conflicts[LIMITS_FIELD];

  // A reworded item whose answer was carried over from last year: confirmed with one click (cycle/confirm-carried-answer.ts).
  const confirmable = (key: string) => !readOnly && props.preview === undefined && page.itemsToReview[key] === 'changed' && page.answers[key]?.carriedOver === true;
  const confirmFormId = (key: string) => `bevestig-${key}`;
  const renderItem = (item: Item) => {
    const stored = page.answers[item.key];
    const conflict = state?.conflicts[item.key];
    return (
      <ItemField
        template={template}
        item={item}
        answer={state?.shown[item.key] ?? stored ?? null}
        error={errorsFor(item, state?.errors)}
        readOnly={readOnly}
        locale={props.locale}
        schoolYear={page.profile.schoolYear}
        reviewMark={page.itemsToReview[item.key]}
        previousAnswer={page.previousAnswers[item.key]}
        publicSource={page.publicSources[item.key]}
        plainLanguage={page.plainLanguage[item.key]}
        confirmForm={confirmable(item.key) ? confirmFormId(item.key) : undefined}
        conflict={
          conflict && {
            theirs: conflict.theirs.words,
            yours: conflict.yours.words,
            who: conflict.theirs.who ?? t('someoneElse'),
            when: conflict.theirs.when,
            resolveKey: item.key,
          }
        }
        // A preview ("Bekijk als school") has no profile, so no history to link to.
        historyHref={props.preview ? undefined : profilePath(id, `/antwoorden/${encodeURIComponent(item.key)}/geschiedenis`)}
      />
    );
  };

  const belowNorm = progress.belowNormItemKeys.map((key) => itemTitle(template, key)).filter((x): x is { item: Item; section: Section } => Boolean(x));
  const cannotJudge = progress.cannotJudgeItemKeys.map((key) => itemTitle(template, key)).filter((x): x is { item: Item; section: Section } => Boolean(x));

  return (
    <div class="q-layout">
      <nav class="q-sidenav" aria-label={t('sectionNav')}>
        {/* On a phone a closed disclosure, so the first question is in view; on a wide screen always open (app.css). */}
        <details class="q-sidenav__details">
          <summary class="q-sidenav__summary">{t('sectionNavSummary', { done: page.completeness.sections.filter((s) => s.status === 'complete').length, total: sections.length })}</summary>
        <ol>
          {sections.map((s) => {
            const p = progressOf(page, s.key);
            return (
              <li class={s.key === section.key ? 'q-sidenav__current' : undefined}>
                <a href={toSection(s.key)} aria-current={s.key === section.key ? 'page' : undefined}>
                  {s.title}
                </a>
                <span class="q-sidenav__progress" data-section-progress={s.key}>
                  <span data-progress-count="">{p.required > 0 ? t('sectionProgress', { answered: p.answered, required: p.required }) : ''}</span>{' '}
                  <span data-progress-status="" class={`status-tag status-tag--${SECTION_STATUS_TONES[p.status]}`}>
                    {t(`sectionStatus.${p.status}`)}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
        </details>
      </nav>
      <div class="q-main">
        <h1 class="utrecht-heading-1">{section.title}</h1>
        {section.promise && <p class="utrecht-paragraph q-promise">{section.promise}</p>}
        {section.intro && <Paragraphs text={section.intro} />}
        {readOnly && <Alert type="info">{page.editability.editable ? t('readOnly') : page.editability.message}</Alert>}
        {remarkedItems.length > 0 && (
          <Alert type="warning">
            <p class="utrecht-paragraph">{t('openRemarksSection', { items: remarkedItems.map((item) => item.title).join(', ') })}</p>
            <a class="utrecht-link" href={profilePath(id, '/cyclus#remarks-heading')}>
              {t('openRemarksLink')}
            </a>
          </Alert>
        )}
        {state && <SectionErrorSummary t={t} section={section} errors={state.errors} conflicts={state.conflicts} fieldOrder={fieldOrder} />}
        {state?.notice === 'saved' && <Alert type="ok">{t('savedNotice')}</Alert>}
        {state?.notice === 'partly' && <Alert type="warning">{t('partlySaved')}</Alert>}
        <Form readOnly={readOnly} preview={props.preview !== undefined} action={sectionPathHere} csrfToken={props.csrfToken} profileId={id} sectionKey={section.key} t={t}>
          {groups.map((group) => (
            <section class="q-group">
              {group.title && <h2 class="utrecht-heading-2">{group.title}</h2>}
              {group.items.map(renderItem)}
            </section>
          ))}
          {section.asksLimits &&
            (readOnly ? (
              <section class="q-group">
                <h2 class="utrecht-heading-2">{t('limits')}</h2>
                <p class="utrecht-paragraph">{limitsValue || <em>{t('notAnswered')}</em>}</p>
              </section>
            ) : (
              <section class="q-group q-item q-limits" id={itemAnchor(`${LIMITS_KEY_PREFIX}${section.key}`)} data-item-key={`${LIMITS_KEY_PREFIX}${section.key}`} data-revision={String(limitsConflict ? limitsConflict.theirs.revision : limitsRevision)}>
                <input type="hidden" name={`${LIMITS_FIELD}.revision`} value={String(limitsConflict ? limitsConflict.theirs.revision : limitsRevision)} data-revision-input="" />
                <input type="hidden" name={`${LIMITS_FIELD}.base`} value={JSON.stringify({ value: limitsBase, ambition: null, parentText: null })} data-base-input="" />
                {limitsConflict && (
                  <div class="utrecht-alert utrecht-alert--warning q-conflict" role="alert">
                    <p class="utrecht-paragraph">
                      <strong>{t('conflictTitle')}</strong>
                    </p>
                    <p class="utrecht-paragraph">{t('conflictBody', { who: limitsConflict.theirs.who ?? t('someoneElse'), when: limitsConflict.theirs.when })}</p>
                    <ul class="utrecht-unordered-list">
                      <li>{t('conflictTheirs', { value: limitsConflict.theirs.words })}</li>
                      <li>{t('conflictYours', { value: limitsConflict.yours.words })}</li>
                    </ul>
                    <p class="q-conflict__actions">
                      <button class="utrecht-button utrecht-button--primary-action" type="submit" name={USE_MINE_FIELD} value={LIMITS_FIELD}>
                        {t('useMine')}
                      </button>{' '}
                      <button class="utrecht-button utrecht-button--secondary-action" type="submit" name={KEEP_THEIRS_FIELD} value={LIMITS_FIELD}>
                        {t('keepTheirs')}
                      </button>
                    </p>
                  </div>
                )}
                <h2 class="utrecht-heading-2">
                  <label class="utrecht-form-label" for={fieldId(LIMITS_FIELD)}>
                    {t('limits')}
                  </label>
                </h2>
                <div class="utrecht-form-field-description" id={`${fieldId(LIMITS_FIELD)}-hint`}>
                  {t('limitsHint')}
                </div>
                {state?.errors[LIMITS_FIELD] && (
                  <div class="utrecht-form-field-error-message" id={`${fieldId(LIMITS_FIELD)}-error`}>
                    {state.errors[LIMITS_FIELD]}
                  </div>
                )}
                <textarea
                  class="utrecht-textarea utrecht-textarea--html-textarea"
                  id={fieldId(LIMITS_FIELD)}
                  name={LIMITS_FIELD}
                  rows={5}
                  maxlength={LIMITS_MAX_LENGTH}
                  data-field="limits"
                  data-counter={`${fieldId(LIMITS_FIELD)}-counter`}
                  aria-describedby={`${fieldId(LIMITS_FIELD)}-hint ${fieldId(LIMITS_FIELD)}-counter`}
                >
                  {limitsValue}
                </textarea>
                <p class="q-counter" id={`${fieldId(LIMITS_FIELD)}-counter`} data-max={String(LIMITS_MAX_LENGTH)} data-label-left={t('charsLeft')} data-label-over={t('charsOver')} aria-live="polite">
                  {t('maxChars', { max: LIMITS_MAX_LENGTH })}
                </p>
                {!props.preview && (
                  <p class="utrecht-paragraph q-history-link">
                    <a class="utrecht-link" href={profilePath(id, `/antwoorden/${encodeURIComponent(`${LIMITS_KEY_PREFIX}${section.key}`)}/geschiedenis`)}>
                      {t('historyLink')}
                      <span class="visually-hidden">: {t('limits')}</span>
                    </a>
                  </p>
                )}
                <p class="q-save-state" data-save-state="" role="status" aria-live="polite"></p>
                <div class="q-conflict-slot" data-conflict-slot=""></div>
              </section>
            ))}
        </Form>
        {section.items
          .filter((item) => confirmable(item.key))
          .map((item) => (
            <form id={confirmFormId(item.key)} method="post" action={profilePath(id, `/antwoorden/${encodeURIComponent(item.key)}/bevestigen`)} hidden>
              <CsrfField token={props.csrfToken} />
            </form>
          ))}
        <section class="q-summary" aria-labelledby="q-summary-heading">
          <h2 class="utrecht-heading-2" id="q-summary-heading">
            {t('summary')}
          </h2>
          <p class="utrecht-paragraph" data-section-summary-count="">
            {progress.required > 0 ? t('progressText', { answered: progress.answered, required: progress.required, percent: Math.floor((progress.answered / progress.required) * 100) }) : ''}
          </p>
          <h3 class="utrecht-heading-3">{t('belowNormHeading')}</h3>
          <ul class="utrecht-unordered-list" data-below-norm-list="" data-empty-text={t('noneBelowNorm')}>
            {belowNorm.map(({ item }) => (
              <li data-below-norm-item={item.key}>
                <a class="utrecht-link" href={`#${itemAnchor(item.key)}`}>
                  {item.title}
                </a>
              </li>
            ))}
          </ul>
          {/* Always rendered (hidden while items are below the norm) so autosave can show it once they are fixed. */}
          <p class="utrecht-paragraph" data-below-norm-empty="" hidden={belowNorm.length > 0 || cannotJudge.length > 0}>
            {t('noneBelowNorm')}
          </p>
          {cannotJudge.length > 0 && (
            <>
              <h3 class="utrecht-heading-3">{t('cannotJudgeHeading')}</h3>
              <p class="utrecht-paragraph">{t('cannotJudgeIntro')}</p>
              <ul class="utrecht-unordered-list" data-cannot-judge-list="">
                {cannotJudge.map(({ item }) => (
                  <li data-cannot-judge-item={item.key}>
                    <a class="utrecht-link" href={`#${itemAnchor(item.key)}`}>
                      {item.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <nav class="q-pager" aria-label={t('sectionNav')}>
          {previous && (
            <a class="utrecht-link q-pager__previous" href={toSection(previous.key)}>
              {t('previous', { title: previous.title })}
            </a>
          )}
          {next ? (
            <a class="utrecht-link q-pager__next" href={toSection(next.key)}>
              {t('next', { title: next.title })}
            </a>
          ) : (
            <a class="utrecht-link q-pager__next" href={props.preview?.check ?? profilePath(id, '/controleren')}>
              {t('toCheck')}
            </a>
          )}
        </nav>
      </div>
    </div>
  );
}

function Form(props: { readOnly: boolean; preview?: boolean; action: string; csrfToken: string; profileId: string; sectionKey: string; t: T; children: Child }) {
  const { t } = props;
  if (props.readOnly) return <div class="q-form q-form--read-only">{props.children}</div>;
  if (props.preview) return <div class="q-form q-form--preview">{props.children}</div>;
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      class="q-form"
      data-autosave={profilePath(props.profileId, '/antwoorden')}
      data-section-key={props.sectionKey}
      data-label-saving={t('saving')}
      data-label-saved={t('saved')}
      data-label-failed={t('saveFailed')}
      data-label-refused={t('saveRefused')}
      data-label-conflict-title={t('conflictTitle')}
      data-label-conflict-body={t('conflictBody')}
      data-label-theirs={t('conflictTheirs')}
      data-label-yours={t('conflictYours')}
      data-label-use-mine={t('useMine')}
      data-label-keep-theirs={t('keepTheirs')}
      data-label-someone-else={t('someoneElse')}
      data-label-progress={t('sectionProgress')}
      data-label-progress-text={t('progressText')}
      data-label-reauth={t('reauth')}
      data-label-status-not-started={t('sectionStatus.not_started')}
      data-label-status-in-progress={t('sectionStatus.in_progress')}
      data-label-status-complete={t('sectionStatus.complete')}
    >
      <CsrfField token={props.csrfToken} />
      {/* Enter in a field submits with the first submit button: make that the plain save, not a conflict choice. */}
      <button type="submit" hidden tabindex={-1}>
        {t('save')}
      </button>
      <noscript>
        <p class="utrecht-paragraph q-save-hint">{t('saveHint')}</p>
      </noscript>
      {props.children}
      <p class="q-actions">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {t('save')}
        </button>
      </p>
    </form>
  );
}

/** Errors and conflicts at the top of the page, each a link to its field or item (the GOV.UK / NL Design System error summary pattern). */
function SectionErrorSummary(props: { t: T; section: Section; errors: Record<string, string>; conflicts: Record<string, ConflictInfo>; fieldOrder: string[] }) {
  const { t, section } = props;
  const position = (name: string) => {
    const index = props.fieldOrder.indexOf(name);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  // Each message names its question ("Formatie IB: Vul een getal in …"), so the list reads on its own.
  const titleOf = (name: string) => (name === LIMITS_FIELD ? t('limits') : section.items.find((item) => Object.values(itemFieldNames(item)).includes(name))?.title);
  const entries: Array<{ order: number; href: string; message: string }> = Object.entries(props.errors).map(([name, message]) => {
    const title = titleOf(name);
    return { order: position(name), href: `#${fieldId(name)}`, message: title ? t('errorNamed', { title, message }) : message };
  });
  for (const key of Object.keys(props.conflicts)) {
    const isLimits = key === LIMITS_FIELD;
    const title = isLimits ? t('limits') : (section.items.find((item) => item.key === key)?.title ?? key);
    entries.push({
      order: position(isLimits ? LIMITS_FIELD : key),
      href: `#${itemAnchor(isLimits ? `${LIMITS_KEY_PREFIX}${section.key}` : key)}`,
      message: t('conflictSummary', { title }),
    });
  }
  if (entries.length === 0) return null;
  entries.sort((a, b) => a.order - b.order);
  return (
    <div class="utrecht-alert utrecht-alert--error error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2 class="utrecht-heading-2">{t('errorSummaryTitle')}</h2>
      <ul class="utrecht-unordered-list">
        {entries.map((entry) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={entry.href}>
              {entry.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function errorsFor(item: Item, errors: Record<string, string> | undefined) {
  if (!errors) return undefined;
  const names = itemFieldNames(item);
  const result: Partial<Record<'value' | 'ambition' | 'parentText', string>> = {};
  if (errors[names.value]) result.value = errors[names.value];
  if (errors[names.ambition]) result.ambition = errors[names.ambition];
  if (errors[names.parentText]) result.parentText = errors[names.parentText];
  return Object.keys(result).length ? result : undefined;
}

export function AnswerHistoryView(props: { history: AnswerHistoryPage; locale: Locale }) {
  const { history } = props;
  const t = translator(questionnaireMessages, props.locale);
  const { page, target } = history;
  const anchor = target.kind === 'item' ? itemAnchor(target.item.key) : itemAnchor(`${LIMITS_KEY_PREFIX}${target.section.key}`);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('historyTitle', { title: target.kind === 'limits' ? `${t('limits')} (${history.title})` : history.title })}</h1>
      <p class="utrecht-paragraph">{t('historyIntro')}</p>
      {history.entries.length === 0 ? (
        <p class="utrecht-paragraph" data-history-empty="">
          {t('historyEmpty')}
        </p>
      ) : (
        <table class="utrecht-table q-history">
          <caption class="utrecht-table__caption">{t('historyCaption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {(['historyWhen', 'historyWho', 'historyWhat', 'historyBefore', 'historyAfter'] as const).map((column) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {t(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {history.entries.map((entry) => (
              <tr class="utrecht-table__row" data-history-entry="">
                <td class="utrecht-table__cell">
                  <time datetime={entry.at}>{entry.when}</time>
                </td>
                <td class="utrecht-table__cell">{entry.who ?? t('someoneElse')}</td>
                <td class="utrecht-table__cell">{t(`historyField.${entry.field}`)}</td>
                <td class="utrecht-table__cell">{entry.before}</td>
                <td class="utrecht-table__cell">{entry.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${sectionPath(page.profile.id, target.section.key)}#${anchor}`}>
          {t('historyBack', { section: target.section.title })}
        </a>
      </p>
    </>
  );
}
