/** @jsxImportSource hono/jsx */
/** The audit-log page (filters in a GET form, so it works without JavaScript and the address can be shared) and its CSV. */
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { AuditLogPage, AuditLogQuery } from '../load-audit-log-page.js';
import { auditLogMessages, describeAction, describeEntity } from '../messages.js';

export function auditLogPath(partnershipId: string | null): string {
  return partnershipId ? `/swv/${partnershipId}/logboek` : '/beheer/logboek';
}

/** A page's starting point in the address: the time (milliseconds) and id of the row before it. */
export function pageCursor(row: { at: Date; id: number }): string {
  return `${row.at.getTime()}-${row.id}`;
}

/** The filters as address parameters (Dutch names, as in the form). */
export function queryString(query: AuditLogQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (query.from) params.set('van', query.from);
  if (query.until) params.set('tot', query.until);
  if (query.personId) params.set('persoon', query.personId);
  if (query.action) params.set('actie', query.action);
  if (query.schoolId) params.set('school', query.schoolId);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const dateTime = (locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function AuditLogView(props: { page: AuditLogPage; locale: Locale; errors: FieldErrors; values: Record<string, string> }) {
  const { page, errors, values } = props;
  const t = translator(auditLogMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  const base = auditLogPath(page.partnership?.id ?? null);
  const format = dateTime(props.locale);
  const platform = page.partnership === null;
  return (
    <>
      <h1 class="utrecht-heading-1">{platform ? t('platformTitle') : t('title')}</h1>
      <p class="utrecht-paragraph">{platform ? t('platformIntro') : t('intro')}</p>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['van', 'tot', 'persoon', 'actie', 'school', 'voor']} />
      <form method="get" action={base} class="audit-filters" novalidate>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('filters')}</legend>
          <div class="audit-filters__fields">
            <TextField name="van" label={t('from')} type="date" value={values['van']} error={errors['van']} />
            <TextField name="tot" label={t('until')} type="date" value={values['tot']} error={errors['tot']} />
            <SelectField name="persoon" label={t('person')} emptyLabel={t('anyone')} value={values['persoon']} error={errors['persoon']} options={page.choices.people.map((p) => ({ value: p.id, label: p.name }))} />
            <SelectField
              name="actie"
              label={t('action')}
              emptyLabel={t('anyAction')}
              value={values['actie']}
              error={errors['actie']}
              options={page.choices.actions.map((a) => ({ value: a, label: describeAction(a, props.locale) })).sort((a, b) => a.label.localeCompare(b.label, props.locale))}
            />
            {!platform && <SelectField name="school" label={t('school')} emptyLabel={t('anySchool')} value={values['school']} error={errors['school']} options={page.choices.schools.map((s) => ({ value: s.id, label: s.name }))} />}
          </div>
          <p class="button-row">
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              {t('apply')}
            </button>
            <a class="utrecht-link" href={base}>
              {t('reset')}
            </a>
            <a class="utrecht-link" href={`${base}/export${queryString(page.query)}`}>
              {t('exportCsv')}
            </a>
          </p>
        </fieldset>
      </form>
      {page.rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('noRows')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('shownCount', { n: page.rows.length })}</p>
          <table class="utrecht-table audit-table">
            <caption class="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('onWhat')}</th>
                {platform && <th scope="col">{t('partnership')}</th>}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr>
                  <td>
                    <time datetime={row.at.toISOString()}>{format.format(row.at)}</time>
                  </td>
                  <td>{row.actorName ?? t('nobody')}</td>
                  <td>{describeAction(row.action, props.locale)}</td>
                  <td>{onWhat(row, props.locale)}</td>
                  {platform && <td>{row.partnershipName ?? ''}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p class="button-row">
        {page.next !== null && (
          <a class="utrecht-link" rel="next" href={`${base}${queryString(page.query, { voor: pageCursor(page.next) })}`}>
            {t('older')}
          </a>
        )}
        {page.query.before !== undefined && (
          <a class="utrecht-link" href={`${base}${queryString(page.query)}`}>
            {t('newest')}
          </a>
        )}
      </p>
    </>
  );
}

function onWhat(row: AuditLogPage['rows'][number], locale: Locale): string {
  const entity = describeEntity(row.entityType, locale);
  if (row.entityName) return `${entity}: ${row.entityName}`;
  if (row.schoolName) return `${entity} (${row.schoolName})`;
  return entity;
}

/** A cell that a spreadsheet would run as a formula is written as text (CSV injection). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV with a semicolon (what Dutch Excel opens), a BOM for the accents, and ISO times beside Dutch ones. */
export function auditLogCsv(page: AuditLogPage, locale: Locale): string {
  const t = translator(auditLogMessages, locale);
  const format = dateTime(locale);
  const header = [t('when'), 'ISO 8601', t('who'), t('what'), t('onWhat'), t('school'), ...(page.partnership ? [] : [t('partnership')]), 'action'];
  const lines = page.rows.map((row) =>
    [format.format(row.at), row.at.toISOString(), row.actorName ?? t('nobody'), describeAction(row.action, locale), onWhat(row, locale), row.schoolName ?? '', ...(page.partnership ? [] : [row.partnershipName ?? '']), row.action]
      .map(csvCell)
      .join(';'),
  );
  return `\uFEFF${[header.map(csvCell).join(';'), ...lines].join('\r\n')}\r\n`;
}
