/** @jsxImportSource hono/jsx */
/** The SWV's batch page: ask for one ZIP of every school's documents of a school year, and follow the exports. */
import { Alert, Button, CsrfField, ErrorSummary, SelectField, StatusTag, type FieldErrors } from '../../../ui/components.js';
import { formatMomentDateTime } from '../../../ui/dates.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { BatchExportPage } from '../load-batch-export-page.js';
import { documentMessages, formatSize } from '../messages.js';

const tone = { queued: 'neutral', running: 'info', done: 'success', failed: 'danger', expired: 'neutral' } as const;

export function BatchExportView(props: { page: BatchExportPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string>; notice?: string | undefined }) {
  const { errors, values, notice } = props;
  const { years, exports } = props.page;
  const id = props.page.partnership.id;
  const t = translator(documentMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('batchTitle')}</h1>
      {notice && <Alert type="ok">{notice}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['schoolYear']} />
      <p class="utrecht-paragraph">{t('batchIntro')}</p>
      {years.length === 0 ? (
        <p class="utrecht-paragraph">{t('noYears')}</p>
      ) : (
        <form method="post" action={`/swv/${id}/documenten`} novalidate>
          <CsrfField token={props.csrfToken} />
          <SelectField
            name="schoolYear"
            label={t('schoolYear')}
            hint={t('schoolYearHint')}
            value={values['schoolYear'] ?? years[0]}
            error={errors['schoolYear']}
            options={years.map((year) => ({ value: year, label: year }))}
          />
          <Button>{t('startBatch')}</Button>
        </form>
      )}
      <h2 class="utrecht-heading-2">{t('exportsHeading')}</h2>
      {exports.length === 0 ? (
        <p class="utrecht-paragraph">{t('noExports')}</p>
      ) : (
        <>
          <table class="utrecht-table documents-table" id="documents-exports">
            <caption class="visually-hidden">{t('exportsHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('schoolYear')}</th>
                <th scope="col">{t('requested')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('progress')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {exports.map((e) => {
                // Exports stored before ZIPs were chunked have no chunks: shown as replaced.
                const status = e.status === 'done' && e.chunkCount === null ? 'expired' : e.status;
                return (
                  <tr data-export-status={status}>
                    <td>{e.schoolYear}</td>
                    <td>{formatMomentDateTime(e.createdAt, props.locale)}</td>
                    <td>
                      <StatusTag tone={tone[status]}>{t(`exportStatus.${status}`)}</StatusTag>
                    </td>
                    <td>
                      {e.progress ? (
                        <>
                          <progress max={e.progress.total} value={e.progress.done} aria-label={t('progress')}></progress>{' '}
                          {t('progressText', { done: e.progress.done, total: e.progress.total })}
                          {e.progress.failed?.length ? (
                            <ul class="utrecht-unordered-list documents-failed">
                              {e.progress.failed.map((f) => (
                                <li>{t('schoolFailed', { school: f.school })}</li>
                              ))}
                            </ul>
                          ) : null}
                        </>
                      ) : null}
                    </td>
                    <td>
                      {status === 'done' && e.size !== null ? (
                        <a class="utrecht-link" href={`/swv/${id}/documenten/${e.id}/zip`}>
                          {t('downloadZip', { size: formatSize(e.size) })}
                        </a>
                      ) : status === 'failed' ? (
                        t('exportFailed')
                      ) : status === 'expired' ? (
                        t('exportExpired')
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/swv/${id}/documenten`} id="documents-refresh">
              {t('refresh')}
            </a>
          </p>
        </>
      )}
    </>
  );
}
