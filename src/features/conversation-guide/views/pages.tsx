/** @jsxImportSource hono/jsx */
/** The conversation guide's pages: the SWV's overview and editor, the school's guide with conclusions (and its print form). */
import { Alert, Button, CsrfField, ErrorSummary, StatusTag, TextAreaField, type FieldErrors } from '../../../ui/components.js';
import { formatMomentDate } from '../../../ui/dates.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { TemplateFileError } from '../../templates/api.js';
import { describeFileError } from '../../templates/api.js';
import type { GuideSection } from '../guide-format.js';
import type { GuideEditorPage } from '../load-guide-editor.js';
import type { GuideOverviewPage } from '../load-guide-overview.js';
import type { SchoolGuidePage } from '../load-school-guide-page.js';
import { conversationGuideT } from '../messages.js';

export const guidePath = (partnershipId: string, templateId: string) => `/swv/${partnershipId}/vragenlijsten/${templateId}/gespreksleidraad`;

export function GuideOverviewView(props: { page: GuideOverviewPage; locale: Locale }) {
  const t = conversationGuideT(props.locale);
  const { page } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('overviewTitle')}</h1>
      <p class="utrecht-paragraph">{t('overviewIntro')}</p>
      {page.templates.length === 0 ? (
        <p class="utrecht-paragraph">{t('noTemplates')}</p>
      ) : (
        <table class="utrecht-table">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th scope="col" class="utrecht-table__header-cell">{t('templateColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell">{t('guideColumn')}</th>
              <td class="utrecht-table__header-cell"></td>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {page.templates.map((template) => (
              <tr class="utrecht-table__row">
                <th scope="row" class="utrecht-table__header-cell">{template.name}</th>
                <td class="utrecht-table__cell">
                  {template.sectionsWithQuestions === null ? t('guideNone') : t('guideState', { sections: template.sectionsWithQuestions })}
                  {template.isExample && (
                    <>
                      {' '}
                      <StatusTag tone="info">{t('exampleBadge')}</StatusTag>
                    </>
                  )}
                </td>
                <td class="utrecht-table__cell">
                  <a class="utrecht-link" href={guidePath(page.partnership.id, template.id)} aria-label={t('guideEditLabel', { template: template.name })}>
                    {t('guideEdit')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export interface EditorState {
  errors: FieldErrors;
  /** The section whose form was posted, with what was typed. */
  posted: { section: string; values: Record<string, string> } | null;
  saved: string | null;
  fileErrors: TemplateFileError[];
  fileWarnings: TemplateFileError[];
  fileProblem: string | null;
  imported: number | null;
}

export function GuideEditorView(props: { page: GuideEditorPage; locale: Locale; csrfToken: string; state: EditorState }) {
  const t = conversationGuideT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, state } = props;
  const base = guidePath(page.template.partnershipId, page.template.id);
  const lines = (values: string[]) => values.join('\n');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('editorTitle', { template: page.template.name })}</h1>
      <p class="utrecht-paragraph">{t('editorIntro')}</p>
      {state.saved && <Alert type="ok" role="status">{t('sectionSaved', { title: state.saved })}</Alert>}
      {state.imported !== null && <Alert type="ok" role="status">{t('imported', { sections: state.imported })}</Alert>}
      {state.fileWarnings.length > 0 && (
        <Alert type="warning">
          <p class="utrecht-paragraph">{t('importWarnings')}</p>
          <ul class="utrecht-unordered-list">
            {state.fileWarnings.map((w) => (
              <li>{describeFileError(w)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {page.showsExample && (
        <Alert type="info">
          <p class="utrecht-paragraph">{t('exampleNotice')}</p>
          <form method="post" action={`${base}/importeren`} class="inline-form">
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="voorbeeld" value="1" />
            <Button variant="secondary">{t('adoptExample')}</Button>
          </form>
        </Alert>
      )}
      {page.savedIsExample && <Alert type="info">{t('exampleMarked')}</Alert>}
      {page.sections.map((section) => {
        const posted = state.posted?.section === section.key ? state.posted.values : null;
        const value = (field: keyof Omit<GuideSection, 'key'>) => posted?.[`${field}_${section.key}`] ?? lines(section.entry[field]);
        const errors = posted ? state.errors : {};
        return (
          <section class="guide-editor-section" aria-labelledby={`guide-${section.key}`}>
            <h2 class="utrecht-heading-2" id={`guide-${section.key}`}>
              {section.title}
            </h2>
            {section.promise && <p class="utrecht-paragraph">{section.promise}</p>}
            <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
            <form method="post" action={base} novalidate>
              <CsrfField token={props.csrfToken} />
              <input type="hidden" name="section" value={section.key} />
              <TextAreaField name={`questions_${section.key}`} label={`${t('questionsLabel')} (${section.title})`} hint={t('onePerLine')} value={value('questions')} error={errors[`questions_${section.key}`]} rows={5} />
              <TextAreaField name={`tips_${section.key}`} label={`${t('tipsLabel')} (${section.title})`} hint={t('onePerLine')} value={value('tips')} error={errors[`tips_${section.key}`]} rows={3} />
              <TextAreaField name={`examples_${section.key}`} label={`${t('examplesLabel')} (${section.title})`} hint={t('onePerLine')} value={value('examples')} error={errors[`examples_${section.key}`]} rows={3} />
              <Button>{t('saveSection')}</Button>
            </form>
          </section>
        );
      })}
      <section aria-labelledby="guide-file">
        <h2 class="utrecht-heading-2" id="guide-file">
          {t('fileHeading')}
        </h2>
        <p class="utrecht-paragraph">{t('fileIntro')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/bestand`} download>
            {t('download')}
          </a>
        </p>
        {state.fileErrors.length > 0 && (
          <Alert type="error" role="alert">
            <p class="utrecht-paragraph">{t('importErrors')}</p>
            <ul class="utrecht-unordered-list">
              {state.fileErrors.map((e) => (
                <li>{describeFileError(e)}</li>
              ))}
            </ul>
          </Alert>
        )}
        <form method="post" action={`${base}/importeren`} enctype="multipart/form-data">
          <CsrfField token={props.csrfToken} />
          <div class={`utrecht-form-field${state.fileProblem ? ' utrecht-form-field--invalid' : ''}`}>
            <label class="utrecht-form-label" for="guide-file-input">
              {t('fileLabel')}
            </label>
            <p class="utrecht-form-field-description" id="guide-file-hint">
              {t('fileHint')}
            </p>
            {state.fileProblem && (
              <p class="utrecht-form-field-error-message" id="guide-file-error">
                {state.fileProblem}
              </p>
            )}
            <input class="utrecht-textbox" type="file" id="guide-file-input" name="file" accept=".yaml,.yml,.json" aria-describedby={state.fileProblem ? 'guide-file-hint guide-file-error' : 'guide-file-hint'} />
          </div>
          <Button variant="secondary">{t('importButton')}</Button>
        </form>
      </section>
    </>
  );
}

export interface ConclusionState {
  errors: FieldErrors;
  posted: { section: string; conclusion: string; stored: string | null } | null;
  saved: boolean;
}

function GuideEntry(props: { entry: GuideSection; locale: Locale; headingLevel: 3 }) {
  const t = conversationGuideT(props.locale);
  const { entry } = props;
  if (!entry.questions.length && !entry.tips.length && !entry.examples.length) return <p class="utrecht-paragraph">{t('noQuestions')}</p>;
  return (
    <>
      {entry.questions.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{t('questionsLabel')}</h3>
          {/* The guide is the partnership's own Dutch text: marked so (WCAG 3.1.2) when the interface is English. */}
          <ol class="utrecht-ordered-list guide-questions" lang="nl">
            {entry.questions.map((q) => (
              <li>{q}</li>
            ))}
          </ol>
        </>
      )}
      {entry.tips.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{t('tipsLabel')}</h3>
          <ul class="utrecht-unordered-list" lang="nl">
            {entry.tips.map((q) => (
              <li>{q}</li>
            ))}
          </ul>
        </>
      )}
      {entry.examples.length > 0 && (
        <>
          <h3 class="utrecht-heading-3">{t('examplesLabel')}</h3>
          <ul class="utrecht-unordered-list" lang="nl">
            {entry.examples.map((q) => (
              <li>{q}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The guide beside the profile; `print`: the A4 version for a team meeting (no forms, room for notes). */
export function SchoolGuideView(props: { page: SchoolGuidePage; locale: Locale; csrfToken: string; state: ConclusionState; print: boolean; now: Date }) {
  const t = conversationGuideT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, state, print } = props;
  const action = `/profielen/${page.profile.id}/gespreksleidraad`;
  return (
    <div class={print ? 'guide guide--print' : 'guide'}>
      <h1 class="utrecht-heading-1">{print ? t('printTitle', { school: page.school.name, year: page.profile.schoolYear }) : t('schoolTitle', { year: page.profile.schoolYear })}</h1>
      {print ? (
        <p class="utrecht-paragraph">{t('printPrepared', { partnership: page.partnershipName, date: formatMomentDate(props.now, props.locale) })}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('schoolIntro')}</p>
          {page.hasGuide && (
            <p class="utrecht-paragraph no-print">
              <a class="utrecht-link" href={`${action}?afdruk=1`}>
                {t('printLink')}
              </a>
            </p>
          )}
        </>
      )}
      {state.saved && <Alert type="ok" role="status">{t('conclusionSaved')}</Alert>}
      {!page.hasGuide && <p class="utrecht-paragraph">{t('noGuide')}</p>}
      {page.isExample && <p class="utrecht-paragraph"><StatusTag tone="info">{t('exampleBadge')}</StatusTag></p>}
      {page.sections.map((section) => {
        const posted = state.posted?.section === section.key ? state.posted : null;
        const errors = posted ? state.errors : {};
        const field = `conclusion_${section.key}`;
        return (
          <section class="guide-section" aria-labelledby={`guide-${section.key}`}>
            <h2 class="utrecht-heading-2" id={`guide-${section.key}`}>
              {section.title}
            </h2>
            {section.promise && <p class="utrecht-paragraph guide-promise">{section.promise}</p>}
            <GuideEntry entry={section.entry} locale={props.locale} headingLevel={3} />
            {section.lastYear && (
              <div class="guide-last-year">
                <h3 class="utrecht-heading-3">{t('lastYearHeading', { year: section.lastYear.schoolYear })}</h3>
                <p class="utrecht-paragraph guide-text">{section.lastYear.text}</p>
              </div>
            )}
            <h3 class="utrecht-heading-3">{t('conclusionHeading')}</h3>
            {section.conclusion ? (
              <>
                <p class="utrecht-paragraph guide-text">{section.conclusion.text}</p>
                <p class="utrecht-paragraph guide-meta">{t('conclusionBy', { date: formatMomentDate(section.conclusion.updatedAt, props.locale) })}</p>
              </>
            ) : (
              <p class="utrecht-paragraph">{t('conclusionNone')}</p>
            )}
            {print && (
              <div class="print-notes" aria-hidden="true">
                <p class="utrecht-paragraph">{t('printNotes')}</p>
              </div>
            )}
            {!print && page.canRecord && (
              <form method="post" action={action} class="no-print" novalidate>
                <CsrfField token={props.csrfToken} />
                <input type="hidden" name="section" value={section.key} />
                <input type="hidden" name={`previous_${section.key}`} value={posted?.stored ?? section.conclusion?.text ?? ''} />
                <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
                <TextAreaField name={field} label={t('conclusionLabel', { title: section.title })} hint={t('conclusionHint')} value={posted ? posted.conclusion : (section.conclusion?.text ?? '')} error={errors[field]} maxLength={2000} rows={3} />
                <Button variant="secondary">{t('saveConclusion')}</Button>
              </form>
            )}
          </section>
        );
      })}
    </div>
  );
}
