/** @jsxImportSource hono/jsx */
/** Assigning districts: by hand, from a postcode list or CBS's table, and the preview of a file. */
import { Alert, Button, CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { DistrictsPage } from '../load-districts-page.js';
import { registerMessages } from '../messages.js';
import { FileField } from './fields.js';

export function DistrictsView(props: { page: DistrictsPage; locale: Locale; csrfToken: string; errors: FieldErrors; notice?: string | undefined }) {
  const { page, errors } = props;
  const t = translator(registerMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  const base = `/swv/${page.partnership.id}/wijken`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('districtsTitle')}</h1>
      {props.notice && (
        <Alert type="ok" role="status">
          {props.notice}
        </Alert>
      )}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
      <p class="utrecht-paragraph">{t('districtsIntro')}</p>
      <h2 class="utrecht-heading-2">{t('postcodeHeading')}</h2>
      <form method="post" action={`${base}/postcodes`} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrfToken} />
        <FileField name="postcodeFile" label={t('postcodeFile')} hint={t('postcodeHint')} error={errors['postcodeFile']} />
        <Button variant="secondary">{t('previewButton')}</Button>
      </form>
      <h2 class="utrecht-heading-2">{t('cbsHeading')}</h2>
      <form method="post" action={`${base}/cbs`} enctype="multipart/form-data" novalidate>
        <CsrfField token={props.csrfToken} />
        <FileField name="cbsFile" label={t('cbsFile')} hint={t('cbsHint')} error={errors['cbsFile']} />
        <Button variant="secondary">{t('previewButton')}</Button>
      </form>
      <h2 class="utrecht-heading-2">{t('byHandHeading')}</h2>
      <p class="utrecht-paragraph">{t('byHandHint')}</p>
      <form method="post" action={base} novalidate>
        <CsrfField token={props.csrfToken} />
        {page.schools.map((school) => (
          <TextField name={`district.${school.id}`} label={t('districtOf', { name: `${school.name} (${school.locationCode})` })} value={school.districtName ?? ''} error={errors[`district.${school.id}`]} maxLength={80} autocomplete="off" />
        ))}
        <Button>{t('saveDistricts')}</Button>
      </form>
    </>
  );
}

export function DistrictPreviewView(props: { page: DistrictsPage; locale: Locale; csrfToken: string }) {
  const preview = props.page.preview!;
  const { payload } = preview;
  const t = translator(registerMessages, props.locale);
  const base = `/swv/${props.page.partnership.id}/wijken`;
  const codes = [...new Set(payload.matches.map((m) => m.key))].sort();
  return (
    <>
      <h1 class="utrecht-heading-1">{t('districtPreviewTitle')}</h1>
      <p class="utrecht-paragraph">{preview.fileName}</p>
      <Alert type="info" role="status">
        {t('districtPreviewIntro', { matched: payload.matches.length, unmatched: payload.unmatched.length })}
      </Alert>
      <form method="post" action={`${base}/${preview.importId}`} novalidate>
        <CsrfField token={props.csrfToken} />
        {payload.source === 'cbs' ? (
          codes.map((code) => (
            <TextField
              name={`wijk.${code}`}
              label={t('wijkName', { code })}
              hint={t('wijkNameHint', { schools: payload.matches.filter((m) => m.key === code).map((m) => m.name).join(', ') })}
              value={payload.suggestedNames[code] ?? ''}
              maxLength={80}
              autocomplete="off"
            />
          ))
        ) : (
          <table class="utrecht-table">
            <caption class="visually-hidden">{t('districtPreviewTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('currentDistrict')}</th>
                <th scope="col">{t('newDistrict')}</th>
              </tr>
            </thead>
            <tbody>
              {payload.matches.map((m) => (
                <tr>
                  <td>
                    {m.name} ({m.locationCode})
                  </td>
                  <td>{m.currentDistrict ?? t('noDistrict')}</td>
                  <td>{m.key}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2 class="utrecht-heading-2">{t('unmatchedHeading')}</h2>
        {payload.unmatched.length === 0 ? (
          <p class="utrecht-paragraph">{t('unmatchedNone')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {payload.unmatched.map((s) => (
              <li>
                {s.name} ({s.locationCode}) — {s.currentDistrict ?? t('noDistrict')}
              </li>
            ))}
          </ul>
        )}
        <div class="button-row">
          <Button>{t('applyDistricts')}</Button>
          <a class="utrecht-link" href={base}>
            {t('cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
