/** @jsxImportSource hono/jsx */
/** Importing DUO's location file: the upload form and the preview with its confirmation. */
import { Alert, Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { LocationPreview } from '../load-location-preview.js';
import { registerMessages } from '../messages.js';
import { FileField, RadioGroup } from './fields.js';

/** At most this many new locations to tick one by one (a national file has thousands). */
export const PICK_LIMIT = 300;

export function LocationUploadView(props: { partnershipId: string; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string> }) {
  const { errors, values } = props;
  const t = translator(registerMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('importTitle')}</h1>
      <p class="utrecht-paragraph">{t('importIntro')}</p>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['file', 'selection', 'membership', 'swvCode', 'brinList']} />
      <form method="post" action={`/swv/${props.partnershipId}/scholen/importeren`} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrfToken} />
        <FileField name="file" label={t('locationsFile')} hint={t('locationsFileHint')} error={errors['file']} />
        <RadioGroup
          name="selection"
          legend={t('selection')}
          value={values['selection'] ?? 'membership'}
          error={errors['selection']}
          options={[
            { value: 'membership', label: t('selectionMembership') },
            { value: 'brin', label: t('selectionBrin') },
            { value: 'all', label: t('selectionAll') },
            { value: 'pick', label: t('selectionPick') },
          ]}
        />
        <FileField name="membership" label={t('membershipFile')} error={errors['membership']} />
        <TextField name="swvCode" label={t('swvCode')} hint={t('swvCodeHint')} value={values['swvCode']} error={errors['swvCode']} autocomplete="off" />
        <TextField name="brinList" label={t('brinList')} hint={t('brinListHint')} value={values['brinList']} error={errors['brinList']} autocomplete="off" />
        <Button>{t('previewButton')}</Button>
      </form>
    </>
  );
}

export function LocationPreviewView(props: { page: LocationPreview; locale: Locale; csrfToken: string }) {
  const { page } = props;
  const { plan } = page;
  const t = translator(registerMessages, props.locale);
  const shownAdds = plan.added.slice(0, Math.max(PICK_LIMIT, plan.added.filter((a) => a.selected).length)).sort((a, b) => Number(b.selected) - Number(a.selected));
  const nothing = plan.added.length === 0 && plan.changed.length === 0 && plan.missing.length === 0;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('previewTitle')}</h1>
      <p class="utrecht-paragraph">
        {page.fileName} — {t('fileRead', { rows: page.facts.rowCount, encoding: page.facts.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252', delimiter: page.facts.delimiter === '\t' ? 'tab' : `“${page.facts.delimiter}”` })}
      </p>
      <Alert type="info" role="status">
        {t('previewIntro')} {t('summary', { added: plan.added.length, changed: plan.changed.length, unchanged: plan.unchanged.length, missing: plan.missing.length })}
      </Alert>
      {nothing && <p class="utrecht-paragraph">{t('nothingToDo')}</p>}
      <form method="post" action={`/swv/${page.partnership.id}/scholen/importeren/${page.importId}`} novalidate>
        <CsrfField token={props.csrfToken} />
        {plan.added.length > 0 && (
          <section aria-labelledby="nieuw">
            <h2 class="utrecht-heading-2" id="nieuw">
              {t('addedHeading')} ({plan.added.length})
            </h2>
            <p class="utrecht-paragraph">{t('addedHint')}</p>
            {shownAdds.length < plan.added.length && <p class="utrecht-paragraph">{t('pickLimited', { count: plan.added.length, shown: shownAdds.length })}</p>}
            <ul class="register-choices">
              {shownAdds.map(({ record, selected }) => (
                <li>
                  <input type="checkbox" id={`add-${record.locationCode}`} name="add" value={record.locationCode} checked={selected} />{' '}
                  <label for={`add-${record.locationCode}`}>{t('addLocation', { name: record.name, code: record.locationCode })}</label>
                  <span class="register-detail">
                    {' '}
                    — {[record.street, record.postalCode, record.city].filter(Boolean).join(', ')}; {t('field.boardNumber')} {record.boardNumber}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {plan.changed.length > 0 && (
          <section aria-labelledby="gewijzigd">
            <h2 class="utrecht-heading-2" id="gewijzigd">
              {t('changedHeading')} ({plan.changed.length})
            </h2>
            {plan.changed.map(({ school, changes }) => (
              <table class="utrecht-table register-changes">
                <caption>
                  {school.name} ({school.locationCode})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field')}</th>
                    <th scope="col">{t('before')}</th>
                    <th scope="col">{t('after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr>
                      <th scope="row">{t(`field.${change.field}`)}</th>
                      <td>{change.before || '—'}</td>
                      <td>{change.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </section>
        )}
        <h2 class="utrecht-heading-2">{t('unchangedHeading')}</h2>
        <p class="utrecht-paragraph">{t('unchangedSummary', { count: plan.unchanged.length })}</p>
        {plan.missing.length > 0 && (
          <section aria-labelledby="ontbreekt">
            <h2 class="utrecht-heading-2" id="ontbreekt">
              {t('missingHeading')} ({plan.missing.length})
            </h2>
            <p class="utrecht-paragraph">{t('missingHint')}</p>
            <ul class="register-choices">
              {plan.missing.map(({ school }) => (
                <li>
                  <input type="checkbox" id={`archive-${school.id}`} name="archive" value={school.id} />{' '}
                  <label for={`archive-${school.id}`}>{t('archiveLocation', { name: school.name, code: school.locationCode })}</label>
                </li>
              ))}
            </ul>
          </section>
        )}
        <div class="button-row">
          <Button>{t('confirmButton')}</Button>
          <a class="utrecht-link" href={`/swv/${page.partnership.id}/scholen/importeren`}>
            {t('cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
