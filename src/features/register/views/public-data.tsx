/** @jsxImportSource hono/jsx */
/** Importing DUO's pupil counts and the inspection's verdicts: upload form and preview. */
import { Alert, Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { PublicDataPreview } from '../load-public-data-preview.js';
import { registerMessages } from '../messages.js';
import type { PublicDataKind } from '../preview-public-data-import.js';
import { pupilCountText } from '../pupil-count-text.js';
import { FileField } from './fields.js';

export const PUBLIC_DATA_PATHS: Record<PublicDataKind, string> = { pupil_counts: 'leerlingaantallen', verdicts: 'inspectieoordelen' };

export function PublicDataUploadView(props: { partnershipId: string; kind: PublicDataKind; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string>; notice?: string | undefined }) {
  const t = translator(registerMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  const counts = props.kind === 'pupil_counts';
  return (
    <>
      <h1 class="utrecht-heading-1">{counts ? t('countsTitle') : t('verdictsTitle')}</h1>
      {props.notice && (
        <Alert type="ok" role="status">
          {props.notice}
        </Alert>
      )}
      <p class="utrecht-paragraph">{counts ? t('countsIntro') : t('verdictsIntro')}</p>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} fieldOrder={['file', 'countedOn']} />
      <form method="post" action={`/swv/${props.partnershipId}/${PUBLIC_DATA_PATHS[props.kind]}`} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrfToken} />
        <FileField name="file" label={counts ? t('countsFile') : t('verdictsFile')} hint={t('locationsFileHint')} error={props.errors['file']} />
        {counts && <TextField name="countedOn" label={t('countedOn')} hint={t('countedOnHint')} value={props.values['countedOn']} error={props.errors['countedOn']} autocomplete="off" />}
        <Button>{t('previewButton')}</Button>
      </form>
    </>
  );
}

export function PublicDataPreviewView(props: { page: PublicDataPreview; locale: Locale; csrfToken: string }) {
  const { page } = props;
  const { payload } = page;
  const t = translator(registerMessages, props.locale);
  const title = payload.kind === 'pupil_counts' ? t('countsTitle') : t('verdictsTitle');
  const matched = new Set(payload.rows.map((r) => r.schoolId)).size;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('publicPreviewTitle', { title })}</h1>
      <p class="utrecht-paragraph">
        {page.fileName} — {t('fileRead', { rows: payload.facts.rowCount, encoding: payload.facts.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252', delimiter: payload.facts.delimiter === '\t' ? 'tab' : `“${payload.facts.delimiter}”` })}
      </p>
      <Alert type="info" role="status">
        {t('publicPreviewIntro', { matched, ignored: payload.ignored })}
      </Alert>
      <table class="utrecht-table">
        <caption class="visually-hidden">{title}</caption>
        <thead>
          {payload.kind === 'pupil_counts' ? (
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">
                {t('pupils')} ({payload.countedOn})
              </th>
            </tr>
          ) : (
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('department')}</th>
              <th scope="col">{t('verdict')}</th>
              <th scope="col">{t('decidedOn')}</th>
            </tr>
          )}
        </thead>
        <tbody>
          {payload.kind === 'pupil_counts'
            ? payload.rows.map((row) => (
                <tr>
                  <td>
                    {row.name} ({row.locationCode})
                  </td>
                  <td>{pupilCountText(row, t)}</td>
                </tr>
              ))
            : payload.rows.map((row) => (
                <tr>
                  <td>
                    {row.name} ({row.locationCode})
                  </td>
                  <td>{row.department ?? t('wholeLocation')}</td>
                  <td>{row.verdict}</td>
                  <td>{row.decidedOn ?? '—'}</td>
                </tr>
              ))}
        </tbody>
      </table>
      <h2 class="utrecht-heading-2">{t('schoolsWithout')}</h2>
      {payload.schoolsWithout.length === 0 ? (
        <p class="utrecht-paragraph">{t('schoolsWithoutNone')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {payload.schoolsWithout.map((s) => (
            <li>
              {s.name} ({s.locationCode})
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/swv/${page.partnership.id}/${PUBLIC_DATA_PATHS[payload.kind]}/${page.importId}`} class="button-row">
        <CsrfField token={props.csrfToken} />
        <Button>{t('confirmImport')}</Button>
        <a class="utrecht-link" href={`/swv/${page.partnership.id}/${PUBLIC_DATA_PATHS[payload.kind]}`}>
          {t('cancel')}
        </a>
      </form>
    </>
  );
}
