/** @jsxImportSource hono/jsx */
/**
 * The editor's form pages (general, section, item, scale): the form, with above it the conflict
 * warning and an error summary whose every entry names its field and links to it.
 */
import type { Child } from 'hono/jsx';
import type { Translate } from '../../../ui/i18n.js';
import type { uiMessages } from '../../../ui/messages.js';
import type { EditorFailure } from '../editor/editor-result.js';
import type { FormValues } from '../editor/form-input.js';
import type { ItemEditorPage } from '../load-item-editor.js';
import type { ScaleEditorPage } from '../load-scale-editor.js';
import type { SectionEditorPage } from '../load-section-editor.js';
import type { templateMessages } from '../messages.js';
import type { TemplateVersionPage } from '../version-in-scope.js';
import { EditorErrorSummary, type EditorError } from './fields.js';
import { generalLabel, itemLabel, scaleLabel, sectionLabel, type LabelOf } from './field-labels.js';
import { GeneralForm, ItemForm, ScaleCopyForm, ScaleForm, SectionForm } from './forms.js';
import { sectionEditorPath, versionPath } from './paths.js';

type T = Translate<keyof typeof templateMessages.nl>;
type UI = Translate<keyof typeof uiMessages.nl>;

/** A form as shown: the values (stored or as posted), the revision it is based on, and why the last save failed. */
export interface EditorState {
  values: FormValues;
  revision: number;
  failure?: EditorFailure | undefined;
}

export function editorStatus(state: EditorState): number {
  return state.failure?.status ?? 200;
}

interface Shown {
  errors: Record<string, string>;
  summary: EditorError[];
}

/** The failure's messages by field (the first per field) and for the summary, with each field's label. */
function shownErrors(t: T, failure: EditorFailure | undefined, labelOf: LabelOf): Shown {
  const errors: Record<string, string> = {};
  const summary: EditorError[] = [];
  for (const error of failure?.errors ?? []) {
    if (errors[error.field]) continue;
    const message = 'message' in error ? error.message : t(error.messageKey);
    errors[error.field] = message;
    summary.push({ field: error.field, label: labelOf(error.field), message });
  }
  return { errors, summary };
}

/** Title, conflict warning and error summary above an editor form. */
function EditorFrame(props: { t: T; ui: UI; title: string; state: EditorState; shown: Shown; children: Child }) {
  const { t, ui, state } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      <EditorWarnings t={t} ui={ui} state={state} shown={props.shown} />
      <p class="utrecht-paragraph editor-hint">{t('editorHint')}</p>
      {props.children}
    </>
  );
}

function EditorWarnings(props: { t: T; ui: UI; state: EditorState; shown: Shown }) {
  const { t } = props;
  return (
    <>
      {props.state.failure?.conflict && (
        <div class="utrecht-alert utrecht-alert--warning" role="alert">
          {t('conflict')}
        </div>
      )}
      <EditorErrorSummary
        title={props.ui('errorSummaryTitle')}
        errors={props.shown.summary}
        others={props.state.failure?.others ?? []}
        othersTitle={t('otherErrorsTitle')}
        atPath={(path) => t('otherErrorAt', { path })}
      />
    </>
  );
}

interface EditorPageProps<P> {
  t: T;
  ui: UI;
  csrf: string;
  page: P;
  state: EditorState;
}

export function GeneralEditorView(props: EditorPageProps<TemplateVersionPage>) {
  const { t, ui, page, state } = props;
  const shown = shownErrors(t, state.failure, generalLabel(t));
  const back = versionPath(page.version);
  return (
    <EditorFrame t={t} ui={ui} title={t('generalTitle')} state={state} shown={shown}>
      <GeneralForm t={t} csrf={props.csrf} action={versionPath(page.version, '/algemeen')} revision={state.revision} values={state.values} errors={shown.errors} saveLabel={ui('save')} cancelHref={back} cancelLabel={ui('cancel')} />
    </EditorFrame>
  );
}

export function NewSectionEditorView(props: EditorPageProps<TemplateVersionPage>) {
  const { t, ui, page, state } = props;
  const shown = shownErrors(t, state.failure, sectionLabel(t));
  return (
    <EditorFrame t={t} ui={ui} title={t('sectionTitleNew')} state={state} shown={shown}>
      <SectionForm
        isNew
        t={t}
        template={page.version.definition}
        csrf={props.csrf}
        action={versionPath(page.version, '/onderdelen/nieuw')}
        revision={state.revision}
        values={state.values}
        errors={shown.errors}
        saveLabel={t('addSection')}
        cancelHref={versionPath(page.version)}
        cancelLabel={ui('cancel')}
      />
    </EditorFrame>
  );
}

/** The item form: a new item in `page.section`, or `page.item`. */
export function ItemEditorView(props: EditorPageProps<SectionEditorPage | ItemEditorPage>) {
  const { t, ui, page, state } = props;
  const item = 'item' in page ? page.item : null;
  const shown = shownErrors(t, state.failure, itemLabel(t));
  const title = item ? t('itemTitleEdit', { name: item.title }) : t('itemTitleNew', { section: page.section.title });
  return (
    <EditorFrame t={t} ui={ui} title={title} state={state} shown={shown}>
      <ItemForm
        isNew={!item}
        t={t}
        csrf={props.csrf}
        action={item ? versionPath(page.version, `/vragen/${item.key}`) : `${sectionEditorPath(page.version, page.section.key)}/vragen/nieuw`}
        revision={state.revision}
        values={item ? { ...state.values, key: item.key } : state.values}
        errors={shown.errors}
        template={page.version.definition}
        saveLabel={item ? ui('save') : t('addItem')}
        cancelHref={sectionEditorPath(page.version, page.section.key)}
        cancelLabel={ui('cancel')}
      />
    </EditorFrame>
  );
}

export function ScaleEditorView(props: EditorPageProps<ScaleEditorPage>) {
  const { t, ui, page, state } = props;
  const scale = page.scale;
  const shown = shownErrors(t, state.failure, scaleLabel(t));
  const title = scale ? t('scaleTitleEdit', { name: scale.name }) : t('scaleTitleNew');
  return (
    <EditorFrame t={t} ui={ui} title={title} state={state} shown={shown}>
      <ScaleForm
        isNew={!scale}
        t={t}
        csrf={props.csrf}
        action={versionPath(page.version, scale ? `/schalen/${scale.key}` : '/schalen/nieuw')}
        revision={state.revision}
        values={scale ? { ...state.values, key: scale.key } : state.values}
        errors={shown.errors}
        saveLabel={scale ? ui('save') : t('addScale')}
        cancelHref={versionPath(page.version)}
        cancelLabel={ui('cancel')}
      />
      {!scale && (
        <ScaleCopyForm
          t={t}
          csrf={props.csrf}
          action={versionPath(page.version, '/schalen/overnemen')}
          revision={state.revision}
          sources={page.sources.map((source) => ({
            id: source.id,
            label:
              source.origin.kind === 'example'
                ? t('scaleSourceExample', { name: source.origin.name })
                : source.origin.schoolYear
                  ? t('scaleSourceVersionYear', { name: source.origin.name, number: source.origin.number, year: source.origin.schoolYear })
                  : t('scaleSourceVersion', { name: source.origin.name, number: source.origin.number }),
            scales: source.scales,
          }))}
          values={state.values}
          errors={shown.errors}
        />
      )}
    </EditorFrame>
  );
}

export { EditorWarnings, shownErrors };
