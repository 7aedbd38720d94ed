/** @jsxImportSource hono/jsx */
/** Bulk invitations: the form, the preview row by row, and what happened to each row. */
import { Alert, Button, CsrfField, ErrorSummary, StatusTag, TextAreaField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { registerMessages } from '../messages.js';
import type { BulkInvitationPreview } from '../preview-bulk-invitations.js';
import { FileField } from './fields.js';

export const bulkInvitationsPath = (partnershipId: string) => `/swv/${partnershipId}/gebruikers/meerdere-uitnodigen`;

export function BulkInvitationFormView(props: { partnershipId: string; locale: Locale; csrfToken: string; errors: FieldErrors; table: string }) {
  const t = translator(registerMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('bulkTitle')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} />
      <p class="utrecht-paragraph">{t('bulkIntro')}</p>
      <p class="utrecht-paragraph">{t('bulkExample')}</p>
      <pre class="bulk-example">{'schoolcode;e-mail;naam;rol\n12AB00;j.jansen@regenboog.example;Jan Jansen;schoolteam\n13CD;mr@vlinder.example;Fatima el Amrani;mr\n41234;directeur@bestuur.example;Els de Vries;bestuur'}</pre>
      <form method="post" action={bulkInvitationsPath(props.partnershipId)} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrfToken} />
        <TextAreaField name="tabel" label={t('bulkTable')} hint={t('bulkTableHint')} value={props.table} error={props.errors['tabel']} rows={8} />
        <FileField name="bestand" label={t('bulkFile')} />
        <Button>{t('bulkPreviewButton')}</Button>
      </form>
    </>
  );
}

function Rows(props: { preview: BulkInvitationPreview; locale: Locale; outcome?: Map<number, string | null> }) {
  const t = translator(registerMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <div>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{t('bulkCaption')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {(['bulkLine', 'bulkPlace', 'bulkEmail', 'bulkName', 'bulkRole', 'bulkStatus'] as const).map((key) => (
              <th class="utrecht-table__header-cell" scope="col">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.preview.plan.rows.map((row) => {
            const result = props.outcome?.get(row.line);
            const sent = props.outcome ? result === null : false;
            const problems = row.errors.length > 0 ? row.errors : result ? [result] : [];
            return (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell">{row.line}</td>
                <td class="utrecht-table__cell">{row.place ? `${row.place.name} (${row.place.code})` : row.code}</td>
                <td class="utrecht-table__cell">{row.email}</td>
                <td class="utrecht-table__cell">{row.name}</td>
                <td class="utrecht-table__cell">{row.role ? ui(`role.${row.role}`) : row.roleText}</td>
                <td class="utrecht-table__cell">
                  {problems.length > 0 ? (
                    <>
                      <StatusTag tone="danger">{t('bulkSkipped')}</StatusTag>
                      {problems.map((problem) => (
                        <p class="utrecht-paragraph">{problem}</p>
                      ))}
                    </>
                  ) : (
                    <StatusTag tone="success">{sent ? t('bulkInvited') : t('bulkReady')}</StatusTag>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function BulkInvitationPreviewView(props: { preview: BulkInvitationPreview; locale: Locale; csrfToken: string }) {
  const t = translator(registerMessages, props.locale);
  const { plan, partnership } = props.preview;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('bulkPreviewTitle')}</h1>
      <Alert type={plan.withErrors > 0 ? 'warning' : 'info'} role="status">
        {t('bulkSummary', { ready: plan.ready, errors: plan.withErrors })}
      </Alert>
      <Rows preview={props.preview} locale={props.locale} />
      {plan.ready > 0 ? (
        <form method="post" action={`${bulkInvitationsPath(partnership.id)}/versturen`}>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="data" value={props.preview.data} />
          {plan.withErrors > 0 && <p class="utrecht-paragraph">{t('bulkErrorsSkipped')}</p>}
          <p class="utrecht-paragraph">{t('bulkConsent')}</p>
          <div class="button-row">
            <Button>{t('bulkSend', { count: plan.ready })}</Button>
            <a class="utrecht-link" href={bulkInvitationsPath(partnership.id)}>
              {translator(uiMessages, props.locale)('cancel')}
            </a>
          </div>
        </form>
      ) : (
        <p class="utrecht-paragraph">
          {t('bulkNoneReady')}{' '}
          <a class="utrecht-link" href={bulkInvitationsPath(partnership.id)}>
            {t('bulkAgain')}
          </a>
        </p>
      )}
    </>
  );
}

export function BulkInvitationResultView(props: { preview: BulkInvitationPreview; outcome: Map<number, string | null>; sent: number; locale: Locale }) {
  const t = translator(registerMessages, props.locale);
  const id = props.preview.partnership.id;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('bulkResultTitle')}</h1>
      <Alert type="ok" role="status">
        {t('bulkSent', { sent: props.sent })}
      </Alert>
      <Rows preview={props.preview} locale={props.locale} outcome={props.outcome} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={bulkInvitationsPath(id)}>
          {t('bulkAgain')}
        </a>{' '}
        ·{' '}
        <a class="utrecht-link" href={`/swv/${id}/gebruikers`}>
          {t('bulkToUsers')}
        </a>
      </p>
    </>
  );
}
