/** @jsxImportSource hono/jsx */
/** The template admin pages (routes.tsx renders them inside the layout). */
import type { Child } from 'hono/jsx';
import { Alert, Button, ButtonLink, CsrfField, fieldId, StatusTag } from '../../../ui/components.js';
import type { Locale, Translate } from '../../../ui/i18n.js';
import type { uiMessages } from '../../../ui/messages.js';
import { SectionPage as QuestionnaireSectionPage, WelcomePage as QuestionnaireWelcomePage, type PreviewLinks } from '../../questionnaire/views/shared.js';
import { itemsUsingScale } from '../editor/edits.js';
import type { TemplateFileError } from '../format/parse-template-file.js';
import type { TemplateListPage } from '../load-template-list.js';
import type { TemplatePreviewPage } from '../load-template-preview.js';
import type { TemplateVersionOverview } from '../load-template-version.js';
import type { PublishPage as PublishPageData } from '../load-publish-page.js';
import type { SectionEditorPage } from '../load-section-editor.js';
import type { VersionComparisonPage } from '../load-version-comparison.js';
import { describeNorm } from '../model/answer.js';
import type { AnswerCarryOver, TemplateVersionDiff } from '../model/diff-versions.js';
import type { Item, Scale, Section } from '../model/template.js';
import type { templateMessages } from '../messages.js';
import type { TemplateVersionRow } from '../repository.js';
import type { TemplateVersionPage } from '../version-in-scope.js';
import { EditorWarnings, shownErrors, type EditorState } from './editor-pages.js';
import { ActionButton } from './fields.js';
import { sectionLabel } from './field-labels.js';
import { SectionForm, sectionNoun } from './forms.js';
import { sectionEditorPath, templatesPath, versionPath } from './paths.js';

type T = Translate<keyof typeof templateMessages.nl>;
type UI = Translate<keyof typeof uiMessages.nl>;

export interface Notice {
  type: 'ok' | 'warning';
  text: string;
}

function NoticeBox(props: { notice: Notice | undefined }) {
  if (!props.notice) return null;
  return <Alert type={props.notice.type}>{props.notice.text}</Alert>;
}

function VersionStatus(props: { t: T; version: TemplateVersionRow }) {
  return props.version.status === 'draft' ? (
    <StatusTag tone="warning">{props.t('statusDraft')}</StatusTag>
  ) : (
    <StatusTag tone="success">{props.t('statusPublished')}</StatusTag>
  );
}

// ---------------------------------------------------------------------------

export function ListPage(props: {
  t: T;
  ui: UI;
  csrf: string;
  page: TemplateListPage;
  notice: Notice | undefined;
  uploadErrors: TemplateFileError[];
  fileError?: string | undefined;
}) {
  const { t } = props;
  const base = templatesPath(props.page.partnershipId);
  const fileId = fieldId('file');
  const hasErrors = props.uploadErrors.length > 0 || props.fileError !== undefined;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('listTitle')}</h1>
      <NoticeBox notice={props.notice} />
      {hasErrors && (
        <div class="utrecht-alert utrecht-alert--error error-summary" role="alert" tabindex={-1} id="error-summary">
          <h2 class="utrecht-heading-2">{props.fileError ? props.ui('errorSummaryTitle') : t('uploadErrorsTitle', { count: props.uploadErrors.length })}</h2>
          {!props.fileError && <p class="utrecht-paragraph">{t('uploadErrorsIntro')}</p>}
          <ul class="utrecht-unordered-list">
            {props.fileError && (
              <li>
                <a class="utrecht-link" href={`#${fileId}`}>
                  {props.fileError}
                </a>
              </li>
            )}
            {props.uploadErrors.map((error) => (
              <li>
                <a class="utrecht-link" href={`#${fileId}`}>
                  {error.line !== undefined ? t('lineColumn', { line: error.line, column: error.column ?? 1 }) : t('wholeFile')}
                  {error.path ? ` (${error.path})` : ''}: {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="utrecht-paragraph">{t('listIntro')}</p>
      {props.page.templates.length === 0 && <p class="utrecht-paragraph">{t('noTemplates')}</p>}
      {props.page.templates.map(({ template, versions }) => {
        const draft = versions.find((version) => version.status === 'draft');
        const hasPublished = versions.some((version) => version.status === 'published');
        return (
          <section class="editor-block" aria-labelledby={`template-${template.id}`}>
            <h2 class="utrecht-heading-2" id={`template-${template.id}`}>
              {template.name}
            </h2>
            <table class="utrecht-table">
              <caption class="visually-hidden">{t('versionsOf', { name: template.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('versionCol')}</th>
                  <th scope="col">{t('statusCol')}</th>
                  <th scope="col">{t('schoolYearCol')}</th>
                  <th scope="col">{t('actionsCol')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr>
                    <td>
                      <a class="utrecht-link" href={`${base}/versies/${version.id}`}>
                        {t('versionCol')} {version.number}
                      </a>
                    </td>
                    <td>
                      <VersionStatus t={t} version={version} />
                    </td>
                    <td>{version.schoolYear ?? '—'}</td>
                    <td>
                      <a class="utrecht-link" href={`${base}/versies/${version.id}/bestand`} download>
                        {t('downloadVersion', { number: version.number })}
                      </a>
                      {version.number > 1 && (
                        <>
                          {' · '}
                          <a class="utrecht-link" href={`${base}/versies/${version.id}/vergelijken`}>
                            {t('compare')}
                            <span class="visually-hidden"> ({t('versionCol')} {version.number})</span>
                          </a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {draft ? (
              <p class="utrecht-paragraph">
                <ButtonLink href={`${base}/versies/${draft.id}`}>
                  {t('edit')}: {t('statusDraft').toLowerCase()} {t('versionCol').toLowerCase()} {draft.number}
                </ButtonLink>
              </p>
            ) : (
              hasPublished && (
                <form method="post" action={`${base}/${template.id}/nieuwe-conceptversie`}>
                  <CsrfField token={props.csrf} />
                  <p class="utrecht-paragraph">{t('newDraftHint')}</p>
                  <Button>{t('newDraft')}</Button>
                </form>
              )
            )}
          </section>
        );
      })}
      <h2 class="utrecht-heading-2">{t('uploadHeading')}</h2>
      <p class="utrecht-paragraph">{t('uploadIntro')}</p>
      <form method="post" action={`${base}/importeren`} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrf} />
        <div class={`utrecht-form-field${hasErrors ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for={fileId}>
            {t('fileLabel')}
          </label>
          <div class="utrecht-form-field-description" id={`${fileId}-hint`}>
            {t('fileHint')}
          </div>
          {props.fileError && (
            <div class="utrecht-form-field-error-message" id={`${fileId}-error`}>
              {props.fileError}
            </div>
          )}
          <input
            type="file"
            id={fileId}
            name="file"
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
            aria-describedby={props.fileError ? `${fileId}-hint ${fileId}-error` : `${fileId}-hint`}
            aria-invalid={hasErrors ? 'true' : undefined}
          />
        </div>
        <Button>{t('uploadButton')}</Button>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/formaat`}>
          {t('templateFormatDocs')}
        </a>{' '}
        (<a class="utrecht-link" href={`${base}/template.schema.json`}>{t('templateSchemaLink')}</a>)
      </p>
    </>
  );
}

// ---------------------------------------------------------------------------

export function VersionPage(props: {
  t: T;
  csrf: string;
  page: TemplateVersionOverview;
  notice: Notice | undefined;
  /** After a failed "Landelijke set overnemen": the file's mistakes, or what is wrong with the upload itself. */
  nationalErrors?: TemplateFileError[] | undefined;
  nationalFileError?: string | undefined;
}) {
  const { t, page } = props;
  const { version } = page;
  const base = templatesPath(version.partnershipId);
  const vbase = versionPath(version);
  const definition = version.definition;
  const isDraft = version.status === 'draft';
  const nationalFileId = fieldId('nationalFile');
  const nationalErrors = props.nationalErrors ?? [];
  const hasNationalErrors = nationalErrors.length > 0 || props.nationalFileError !== undefined;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('versionTitle', { name: definition.name, number: version.number })}</h1>
      <NoticeBox notice={props.notice} />
      {hasNationalErrors && (
        <div class="utrecht-alert utrecht-alert--error error-summary" role="alert" tabindex={-1} id="error-summary">
          <h2 class="utrecht-heading-2">{t('nationalErrorsTitle')}</h2>
          <ul class="utrecht-unordered-list">
            {props.nationalFileError && (
              <li>
                <a class="utrecht-link" href={`#${nationalFileId}`}>
                  {props.nationalFileError}
                </a>
              </li>
            )}
            {nationalErrors.map((error) => (
              <li>
                <a class="utrecht-link" href={`#${nationalFileId}`}>
                  {error.line !== undefined ? `${t('lineColumn', { line: error.line, column: error.column ?? 1 })}${error.path ? ` (${error.path})` : ''}: ` : error.path ? `${error.path}: ` : ''}
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="utrecht-paragraph">
        <VersionStatus t={t} version={version} /> {isDraft ? t('versionDraftIntro') : t('versionPublishedIntro', { year: version.schoolYear ?? '' })}
      </p>
      <ul class="editor-links">
        {isDraft && (
          <li>
            <ButtonLink href={`${vbase}/publiceren`}>{t('publish')}</ButtonLink>
          </li>
        )}
        <li>
          <a class="utrecht-link" href={`${vbase}/bestand`} download>
            {t('download')}
          </a>
        </li>
        <li>
          <a class="utrecht-link" href={`${vbase}/welkom/voorbeeld`}>
            {t('previewWelcome')}
          </a>
        </li>
        {version.number > 1 && (
          <li>
            <a class="utrecht-link" href={`${vbase}/vergelijken`}>
              {t('compare')}
            </a>
          </li>
        )}
      </ul>
      {!isDraft && !page.hasDraft && (
        <form method="post" action={`${base}/${version.templateId}/nieuwe-conceptversie`}>
          <CsrfField token={props.csrf} />
          <p class="utrecht-paragraph">{t('newDraftHint')}</p>
          <Button>{t('newDraft')}</Button>
        </form>
      )}
      {isDraft && (
        <>
          <h2 class="utrecht-heading-2">{t('generalHeading')}</h2>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`${vbase}/algemeen`}>
              {t('generalLink')}
            </a>
          </p>
          <h2 class="utrecht-heading-2">{t('nationalHeading')}</h2>
          <p class="utrecht-paragraph">
            {definition.nationalSet ? t('nationalCurrent', { name: definition.nationalSet.name, version: definition.nationalSet.version }) : t('nationalNone')}
          </p>
          <form method="post" action={`${vbase}/landelijke-set`} enctype="multipart/form-data" novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="revision" value={String(version.revision)} />
            <div class={`utrecht-form-field${hasNationalErrors ? ' utrecht-form-field--invalid' : ''}`}>
              <label class="utrecht-form-label" for={nationalFileId}>
                {t('nationalFileLabel')}
              </label>
              <div class="utrecht-form-field-description" id={`${nationalFileId}-hint`}>
                {t('nationalFileHint')}
              </div>
              <input
                type="file"
                id={nationalFileId}
                name="file"
                accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
                aria-describedby={`${nationalFileId}-hint`}
                aria-invalid={hasNationalErrors ? 'true' : undefined}
              />
            </div>
            <div class="utrecht-form-field">
              <label class="utrecht-form-label" for={fieldId('nationalSection')}>
                {t('nationalSectionLabel')}
              </label>
              <select class="utrecht-select" id={fieldId('nationalSection')} name="section">
                <option value="">{t('nationalSectionNew')}</option>
                {definition.sections.map((section) => (
                  <option value={section.key}>{section.title}</option>
                ))}
              </select>
            </div>
            <Button>{t('nationalButton')}</Button>
          </form>
        </>
      )}
      <h2 class="utrecht-heading-2">{t('sectionsHeading')}</h2>
      <table class="utrecht-table editor-table">
        <caption class="visually-hidden">{t('sectionsHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sectionCol')}</th>
            <th scope="col">{t('kindLabel')}</th>
            <th scope="col">{t('itemCol')}</th>
            <th scope="col">{t('actionsCol')}</th>
          </tr>
        </thead>
        <tbody>
          {definition.sections.map((section, index) => (
            <tr id={`section-${section.key}`} tabindex={-1}>
              <td>
                {isDraft ? (
                  <a class="utrecht-link" href={`${vbase}/onderdelen/${section.key}`}>
                    {section.title}
                  </a>
                ) : (
                  section.title
                )}
              </td>
              <td>{t(`kind_${section.kind}`, sectionNoun(definition))}</td>
              <td>{t(section.items.length === 1 ? 'sectionItemsOne' : 'sectionItems', { count: section.items.length })}</td>
              <td class="editor-actions-cell">
                <a class="utrecht-link" href={`${vbase}/onderdelen/${section.key}/voorbeeld`} aria-label={`${t('preview')}: ${section.title}`}>
                  {t('preview')}
                </a>
                {isDraft && (
                  <>
                    {index > 0 && (
                      <ActionButton action={`${vbase}/onderdelen/${section.key}/verplaatsen`} csrf={props.csrf} revision={version.revision} name="richting" value="up" visibleLabel={t('moveUp')} label={section.title} />
                    )}
                    {index < definition.sections.length - 1 && (
                      <ActionButton action={`${vbase}/onderdelen/${section.key}/verplaatsen`} csrf={props.csrf} revision={version.revision} name="richting" value="down" visibleLabel={t('moveDown')} label={section.title} />
                    )}
                    <a class="utrecht-link" href={`${vbase}/onderdelen/${section.key}/verwijderen`} aria-label={`${t('remove')}: ${section.title}`}>
                      {t('remove')}
                    </a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isDraft && (
        <p class="utrecht-paragraph">
          <ButtonLink variant="secondary" href={`${vbase}/onderdelen/nieuw`}>
            {t('addSection')}
          </ButtonLink>
        </p>
      )}
      <h2 class="utrecht-heading-2">{t('scalesHeading')}</h2>
      <table class="utrecht-table editor-table">
        <caption class="visually-hidden">{t('scalesHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scaleName')}</th>
            <th scope="col">{t('optionsLegend')}</th>
            <th scope="col">{t('actionsCol')}</th>
          </tr>
        </thead>
        <tbody>
          {definition.scales.map((scale) => (
            <tr>
              <td>
                {isDraft ? (
                  <a class="utrecht-link" href={`${vbase}/schalen/${scale.key}`}>
                    {scale.name}
                  </a>
                ) : (
                  scale.name
                )}
              </td>
              <td>
                {scale.options.map((option) => (option.notOffered ? `${option.label} (${t('optionNotOfferedShort')})` : option.label)).join(', ')} ({t(itemsUsingScale(definition, scale.key).length === 1 ? 'scaleUsedByOne' : 'scaleUsedBy', { count: itemsUsingScale(definition, scale.key).length })})
              </td>
              <td>
                {isDraft && (
                  <a class="utrecht-link" href={`${vbase}/schalen/${scale.key}/verwijderen`} aria-label={`${t('remove')}: ${scale.name}`}>
                    {t('remove')}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isDraft && (
        <p class="utrecht-paragraph">
          <ButtonLink variant="secondary" href={`${vbase}/schalen/nieuw`}>
            {t('addScale')}
          </ButtonLink>
        </p>
      )}
    </>
  );
}

// ---------------------------------------------------------------------------

/** A draft's section: its items (reorder, remove, add) and, below, the section's own form. */
export function SectionEditorView(props: { t: T; ui: UI; csrf: string; page: SectionEditorPage; state: EditorState; notice: Notice | undefined }) {
  const { t, ui, page, state } = props;
  const { version, section } = page;
  const vbase = versionPath(version);
  const shown = shownErrors(t, state.failure, sectionLabel(t));
  return (
    <>
      <h1 class="utrecht-heading-1">{t('sectionTitleEdit', { name: section.title })}</h1>
      <NoticeBox notice={props.notice} />
      <EditorWarnings t={t} ui={ui} state={state} shown={shown} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${vbase}/onderdelen/${section.key}/voorbeeld`} aria-label={`${t('preview')}: ${section.title}`}>
          {t('preview')}
        </a>
      </p>
      <h2 class="utrecht-heading-2">{t('itemsHeading')}</h2>
      {section.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('noItems')}</p>
      ) : (
        <table class="utrecht-table editor-table">
          <caption class="visually-hidden">{t('itemsHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('itemCol')}</th>
              <th scope="col">{t('kindLabel')}</th>
              <th scope="col">{t('normLabelShort')}</th>
              <th scope="col">{t('actionsCol')}</th>
            </tr>
          </thead>
          <tbody>
            {section.items.map((item, index) => (
              <tr id={`item-${item.key}`} tabindex={-1}>
                <td>
                  <a class="utrecht-link" href={`${vbase}/vragen/${item.key}`}>
                    {item.title}
                  </a>
                </td>
                <td>{t(`itemkind_${item.kind}`)}</td>
                <td>{describeNorm(version.definition, item) ?? t('noNorm')}</td>
                <td class="editor-actions-cell">
                  {index > 0 && <ActionButton action={`${vbase}/vragen/${item.key}/verplaatsen`} csrf={props.csrf} revision={version.revision} name="richting" value="up" visibleLabel={t('moveUp')} label={item.title} />}
                  {index < section.items.length - 1 && (
                    <ActionButton action={`${vbase}/vragen/${item.key}/verplaatsen`} csrf={props.csrf} revision={version.revision} name="richting" value="down" visibleLabel={t('moveDown')} label={item.title} />
                  )}
                  <a class="utrecht-link" href={`${vbase}/vragen/${item.key}/verwijderen`} aria-label={`${t('remove')}: ${item.title}`}>
                    {t('remove')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="utrecht-paragraph">
        <ButtonLink variant="secondary" href={`${vbase}/onderdelen/${section.key}/vragen/nieuw`}>
          {t('addItem')}
        </ButtonLink>
      </p>
      <h2 class="utrecht-heading-2">{t('sectionTitleEdit', { name: section.title })}</h2>
      <SectionForm
        isNew={false}
        t={t}
        template={version.definition}
        csrf={props.csrf}
        action={sectionEditorPath(version, section.key)}
        revision={state.revision}
        values={{ ...state.values, key: section.key }}
        errors={shown.errors}
        saveLabel={ui('save')}
        cancelHref={vbase}
        cancelLabel={t('backToVersion', { number: version.number })}
      />
    </>
  );
}

// ---------------------------------------------------------------------------

/** What a removal page is about. */
export type RemovalTarget = { what: 'section'; section: Section } | { what: 'item'; section: Section; item: Item } | { what: 'scale'; scale: Scale; refusal: string | null };

export function removalTitle(t: T, target: RemovalTarget): string {
  const name = target.what === 'section' ? target.section.title : target.what === 'item' ? target.item.title : target.scale.name;
  return t(`confirmRemoveTitle_${target.what}`, { name });
}

export function ConfirmRemoveView(props: { t: T; csrf: string; page: TemplateVersionPage; target: RemovalTarget }) {
  const { t, page, target } = props;
  const { version } = page;
  const vbase = versionPath(version);
  const texts =
    target.what === 'section'
      ? {
          body: t(target.section.items.length === 1 ? 'confirmRemoveSectionOne' : 'confirmRemoveSection', { name: target.section.title, count: target.section.items.length }),
          action: `${vbase}/onderdelen/${target.section.key}/verwijderen`,
          back: vbase,
        }
      : target.what === 'item'
        ? { body: t('confirmRemoveItem', { name: target.item.title }), action: `${vbase}/vragen/${target.item.key}/verwijderen`, back: sectionEditorPath(version, target.section.key) }
        : { body: t('confirmRemoveScale', { name: target.scale.name }), action: `${vbase}/schalen/${target.scale.key}/verwijderen`, back: vbase };
  return <ConfirmRemovePage t={t} csrf={props.csrf} revision={version.revision} title={removalTitle(t, target)} refusal={target.what === 'scale' ? target.refusal : null} {...texts} />;
}

function ConfirmRemovePage(props: { t: T; csrf: string; revision: number; title: string; body: string; action: string; back: string; refusal: string | null }) {
  const { t } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      {props.refusal ? (
        <>
          <Alert type="warning" role="alert">
            {props.refusal}
          </Alert>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={props.back}>
              {t('keep')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="utrecht-paragraph">{props.body}</p>
          <form method="post" action={props.action}>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="revision" value={String(props.revision)} />
            <input type="hidden" name="bevestigen" value="ja" />
            <Button>{t('confirmRemoveButton')}</Button>{' '}
            <a class="utrecht-link" href={props.back}>
              {t('keep')}
            </a>
          </form>
        </>
      )}
    </>
  );
}

// ---------------------------------------------------------------------------

export function PublishPage(props: { t: T; ui: UI; csrf: string; page: PublishPageData; value: string | undefined; error: string | undefined }) {
  const { t, page } = props;
  const loaded = { version: page.version, vbase: versionPath(page.version) };
  const posterWarning = page.posterFit.fits ? undefined : t('posterFitWarning', { detail: page.posterFit.message });
  const id = fieldId('schoolYear');
  return (
    <>
      <h1 class="utrecht-heading-1">{t('publishTitle', { number: loaded.version.number })}</h1>
      {props.error && (
        <div class="utrecht-alert utrecht-alert--error error-summary" role="alert" tabindex={-1} id="error-summary">
          <h2 class="utrecht-heading-2">{props.ui('errorSummaryTitle')}</h2>
          <ul class="utrecht-unordered-list">
            <li>
              <a class="utrecht-link" href={`#${id}`}>
                {props.error}
              </a>
            </li>
          </ul>
        </div>
      )}
      <p class="utrecht-paragraph">{t('publishIntro')}</p>
      {posterWarning && (
        <div class="utrecht-alert utrecht-alert--warning" data-poster-warning="">
          <p class="utrecht-paragraph">{posterWarning}</p>
        </div>
      )}
      {page.staleNormLabels.length > 0 && (
        <div class="utrecht-alert utrecht-alert--warning" data-stale-norm-labels="">
          <h2 class="utrecht-heading-2">{t('staleNormLabelsHeading')}</h2>
          <p class="utrecht-paragraph">{t('staleNormLabelsIntro')}</p>
          <ul class="utrecht-unordered-list">
            {page.staleNormLabels.map((entry) => (
              <li data-stale-norm-label={entry.itemKey}>
                <a class="utrecht-link" href={`${loaded.vbase}/vragen/${encodeURIComponent(entry.itemKey)}`}>
                  {entry.title}
                </a>
                {': '}
                {t('staleNormLabel', { label: entry.label, generated: entry.generated ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`${loaded.vbase}/publiceren`} novalidate>
        <CsrfField token={props.csrf} />
        <div class={`utrecht-form-field${props.error ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for={id}>
            {t('schoolYear')}
          </label>
          <div class="utrecht-form-field-description" id={`${id}-hint`}>
            {t('schoolYearHint')}
          </div>
          {props.error && (
            <div class="utrecht-form-field-error-message" id={`${id}-error`}>
              {props.error}
            </div>
          )}
          <select
            class="utrecht-select utrecht-select--html-select"
            id={id}
            name="schoolYear"
            aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={props.error ? 'true' : undefined}
          >
            <option value="">{t('schoolYearRequired')}</option>
            {page.schoolYears.map((year) => (
              <option value={year} selected={year === props.value}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <Button>{t('publishButton')}</Button>{' '}
        <a class="utrecht-link" href={loaded.vbase}>
          {t('backToVersion', { number: loaded.version.number })}
        </a>
      </form>
    </>
  );
}

// ---------------------------------------------------------------------------

export function ComparePage(props: { t: T; page: VersionComparisonPage }) {
  const { t, page } = props;
  const { version, comparison } = page;
  if (!comparison) {
    return (
      <>
        <h1 class="utrecht-heading-1">{t('compare')}</h1>
        <p class="utrecht-paragraph">{t('compareNone', { number: version.number })}</p>
      </>
    );
  }
  const { previous, diff } = comparison;
  const sectionTitle = (key: string) =>
    version.definition.sections.find((s) => s.key === key)?.title ?? previous.definition.sections.find((s) => s.key === key)?.title ?? key;
  const listed = diff.items.filter((item) => item.status !== 'unchanged');
  const statusWord = { new: t('countNew'), changed: t('countChanged'), removed: t('countRemoved'), unchanged: t('countUnchanged') } as const;
  const tone = { new: 'info', changed: 'warning', removed: 'danger', unchanged: 'neutral' } as const;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('compareTitle', { number: version.number, previous: previous.number })}</h1>
      <p class="utrecht-paragraph">{t('compareIntro')}</p>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kindOfChange')}</th>
            <th scope="col">{t('number')}</th>
          </tr>
        </thead>
        <tbody>
          {(['new', 'changed', 'removed', 'unchanged'] as const).map((status) => (
            <tr>
              <th scope="row">{statusWord[status]}</th>
              <td data-count={status}>{diff.counts[status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Alert type="info">{t('carryOverNote', carryOverCounts(diff))}</Alert>
      <h2 class="utrecht-heading-2">{t('changedItems')}</h2>
      {listed.length === 0 ? (
        <p class="utrecht-paragraph">{t('noChanges')}</p>
      ) : (
        <table class="utrecht-table">
          <caption class="visually-hidden">{t('changedItems')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('itemCol')}</th>
              <th scope="col">{t('sectionCol')}</th>
              <th scope="col">{t('statusCol')}</th>
              <th scope="col">{t('whatChanged')}</th>
              <th scope="col">{t('carryOverCol')}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((item) => (
              <tr>
                <td>{item.title}</td>
                <td>{sectionTitle(item.sectionKey)}</td>
                <td>
                  <StatusTag tone={tone[item.status]}>{statusWord[item.status]}</StatusTag>
                </td>
                <td>{item.changes.map((change) => t(`change_${change}`)).join(', ')}</td>
                <td data-carry-over={item.carryOver}>{t(`carryOver_${item.carryOver}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/**
 * How many items' answers carry over (`count`: unchanged and reworded items; `check` of them reworded, which
 * the school confirms with one click), how many changed items stay open for the school with last year's answer
 * beside them (`open`, of which `ifValid` may no longer fit), and how many drop their answer. Removed items are
 * not counted: they are not in the new version.
 */
export function carryOverCounts(diff: TemplateVersionDiff): { count: number; check: number; open: number; ifValid: number; none: number } {
  const present = diff.items.filter((item) => item.status !== 'removed');
  const of = (carryOver: AnswerCarryOver) => present.filter((item) => item.carryOver === carryOver).length;
  // New items have nothing to carry over; `none` counts changed items whose answers are dropped.
  const dropped = present.filter((item) => item.status === 'changed' && item.carryOver === 'none').length;
  return { count: of('keep') + of('check'), check: of('check'), open: of('open') + of('if-valid'), ifValid: of('if-valid'), none: dropped };
}

// ---------------------------------------------------------------------------

function previewLinks(version: TemplateVersionRow): PreviewLinks {
  return { section: (key) => versionPath(version, `/onderdelen/${key}/voorbeeld`), check: versionPath(version) };
}

function PreviewFrame(props: { t: T; version: TemplateVersionRow; back: string; backLabel: string; intro: string; children: Child }) {
  return (
    <>
      <Alert type="info">{props.intro}</Alert>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={props.back}>
          {props.backLabel}
        </a>
        {' · '}
        <a class="utrecht-link" href={versionPath(props.version, '/welkom/voorbeeld')}>
          {props.t('previewWelcome')}
        </a>
      </p>
      <div class="template-preview">{props.children}</div>
    </>
  );
}

/**
 * "Bekijk als school": the questionnaire's own pages (section, welcome) for this version, exactly as a
 * school sees them before answering — same components, in preview mode (no form, nothing saved).
 */
export function PreviewPage(props: { t: T; locale: Locale; page: TemplatePreviewPage & { section: Section } }) {
  const { t, page } = props;
  const { version, section } = page;
  const isDraft = version.status === 'draft';
  return (
    <PreviewFrame
      t={t}
      version={version}
      back={isDraft ? sectionEditorPath(version, section.key) : versionPath(version)}
      backLabel={isDraft ? t('backToSection', { name: section.title }) : t('backToVersion', { number: version.number })}
      intro={t('previewIntro')}
    >
      <QuestionnaireSectionPage page={page.profile} section={section} locale={props.locale} csrfToken="" preview={previewLinks(version)} />
    </PreviewFrame>
  );
}

export function WelcomePreviewPage(props: { t: T; locale: Locale; page: TemplatePreviewPage }) {
  const { t, page } = props;
  const { version } = page;
  const isDraft = version.status === 'draft';
  return (
    <PreviewFrame
      t={t}
      version={version}
      back={isDraft ? versionPath(version, '/algemeen') : versionPath(version)}
      backLabel={isDraft ? t('backToGeneral') : t('backToVersion', { number: version.number })}
      intro={t('previewWelcomeIntro')}
    >
      <QuestionnaireWelcomePage page={page.profile} locale={props.locale} preview={previewLinks(version)} />
    </PreviewFrame>
  );
}
