/** @jsxImportSource hono/jsx */
import { Alert, Button, CsrfField, ErrorSummary, SelectField, StatusTag, TextAreaField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { formatDate } from '../../../ui/dates.js';
import type { SignalCount, SignalsPage } from '../load-signals-page.js';
import { supportPointT } from '../messages.js';

const NORM_TONES = { meets: 'success', below: 'danger', 'cannot-judge': 'warning' } as const;

function CountsTable(props: { counts: SignalCount[]; locale: Locale; withSchool: boolean }) {
  const t = supportPointT(props.locale);
  if (props.counts.length === 0) return <p class="utrecht-paragraph">{t('noSignals')}</p>;
  return (
    <table class="utrecht-table">
      <caption class="utrecht-table__caption">{t('countsHeading')}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {props.withSchool && <th scope="col" class="utrecht-table__header-cell">{t('schoolColumn')}</th>}
          <th scope="col" class="utrecht-table__header-cell">{t('themeColumn')}</th>
          <th scope="col" class="utrecht-table__header-cell">{t('countColumn')}</th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {props.counts.map((row) => (
          <tr class="utrecht-table__row">
            {props.withSchool && <td class="utrecht-table__cell">{row.schoolName ?? t('withoutSchool')}</td>}
            <td class="utrecht-table__cell">{row.themeName}</td>
            <td class="utrecht-table__cell">{row.count ?? t('fewerThanFive')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SignalsView(props: { page: SignalsPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string>; notice?: string | undefined }) {
  const t = supportPointT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors, values } = props;
  const base = `/swv/${page.partnershipId}/signalen`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('title')}</h1>
      <p class="utrecht-paragraph">{t('intro')}</p>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['themeId', 'schoolId', 'itemKey', 'occurredOn', 'description', 'name', '_form']} />
      {page.isSupportPoint && (
        <section aria-labelledby="record-heading">
          <h2 class="utrecht-heading-2" id="record-heading">
            {t('recordHeading')}
          </h2>
          {page.themes.length === 0 ? (
            <p class="utrecht-paragraph">{t('noThemes')}</p>
          ) : (
            <form method="post" action={base} novalidate>
              <p class="utrecht-paragraph">{t('recordIntro')}</p>
              <CsrfField token={props.csrfToken} />
              <SelectField name="themeId" label={t('theme')} value={values['themeId']} error={errors['themeId']} emptyLabel="" options={page.themes.map((theme) => ({ value: theme.id, label: theme.name }))} />
              <SelectField name="schoolId" label={t('school')} value={values['schoolId']} error={errors['schoolId']} emptyLabel={t('schoolNone')} options={page.schools.map((school) => ({ value: school.id, label: school.name }))} />
              {page.items.length > 0 && (
                <SelectField name="itemKey" label={t('item')} hint={t('itemHint')} value={values['itemKey']} error={errors['itemKey']} emptyLabel={t('itemNone')} options={page.items.map((item) => ({ value: item.key, label: item.title }))} />
              )}
              <TextField name="occurredOn" type="date" label={t('occurredOn')} value={values['occurredOn']} error={errors['occurredOn']} />
              <TextAreaField name="description" label={t('description')} hint={t('descriptionHint')} value={values['description']} error={errors['description']} maxLength={1000} />
              <Button>{t('record')}</Button>
            </form>
          )}
        </section>
      )}
      <section aria-labelledby="counts-heading">
        <h2 class="utrecht-heading-2" id="counts-heading">
          {t('countsHeading')}
        </h2>
        {!page.isSupportPoint && <p class="utrecht-paragraph">{t('countsMasked')}</p>}
        <CountsTable counts={page.counts} locale={props.locale} withSchool />
      </section>
      <section aria-labelledby="beside-heading">
        <h2 class="utrecht-heading-2" id="beside-heading">
          {t('besideHeading')}
        </h2>
        <p class="utrecht-paragraph">{t('besideIntro')}</p>
        {page.beside.length === 0 ? (
          <p class="utrecht-paragraph">{t('besideNone')}</p>
        ) : (
          <table class="utrecht-table signals-beside">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">{t('schoolColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('themeColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('countColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('itemColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('promiseColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('normColumn')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {page.beside.map((row) => (
                <tr class="utrecht-table__row">
                  <th scope="row" class="utrecht-table__header-cell">{row.schoolName}</th>
                  <td class="utrecht-table__cell">{row.themeName}</td>
                  <td class="utrecht-table__cell">{row.count ?? t('fewerThanFive')}</td>
                  <td class="utrecht-table__cell">{row.promise?.itemTitle ?? row.itemKey}</td>
                  <td class="utrecht-table__cell">
                    {row.promise ? (
                      <a class="utrecht-link" href={`/profielen/${row.promise.profileId}`}>
                        {row.promise.answerLabel ?? t('notAnswered')} ({row.promise.schoolYear})
                      </a>
                    ) : (
                      t('noProfile')
                    )}
                  </td>
                  <td class="utrecht-table__cell">
                    {row.promise?.normStatus ? <StatusTag tone={NORM_TONES[row.promise.normStatus]}>{t(`norm.${row.promise.normStatus}`)}</StatusTag> : t('norm.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {page.isSupportPoint && page.signals.length > 0 && (
        <section aria-labelledby="list-heading">
          <h2 class="utrecht-heading-2" id="list-heading">
            {t('listHeading')}
          </h2>
          <table class="utrecht-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">{t('dateColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('themeColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('schoolColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('descriptionColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('sharedColumn')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {page.signals.map((signal) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">{formatDate(signal.occurredOn, props.locale)}</td>
                  <td class="utrecht-table__cell">{signal.themeName}</td>
                  <td class="utrecht-table__cell">{signal.schoolName ?? t('withoutSchool')}</td>
                  <td class="utrecht-table__cell preserve-lines">{signal.description}</td>
                  <td class="utrecht-table__cell">
                    {signal.schoolId ? (
                      <form method="post" action={`${base}/${signal.id}/delen`} class="inline-form">
                        <CsrfField token={props.csrfToken} />
                        <input type="hidden" name="shared" value={signal.sharedWithSchool ? 'nee' : 'ja'} />
                        {signal.sharedWithSchool ? t('sharedYes') : t('sharedNo')}{' '}
                        <button
                          type="submit"
                          class="utrecht-button utrecht-button--subtle link-button"
                          aria-label={t(signal.sharedWithSchool ? 'unshareLabel' : 'shareLabel', { date: formatDate(signal.occurredOn, props.locale), theme: signal.themeName, school: signal.schoolName ?? '' })}
                        >
                          {signal.sharedWithSchool ? t('unshare') : t('share')}
                        </button>
                      </form>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section aria-labelledby="themes-heading">
        <h2 class="utrecht-heading-2" id="themes-heading">
          {t('themesHeading')}
        </h2>
        <p class="utrecht-paragraph">{t('themesIntro')}</p>
        {page.themes.length > 0 ? (
          <ul class="utrecht-unordered-list">
            {page.themes.map((theme) => (
              <li>{theme.name}</li>
            ))}
          </ul>
        ) : (
          <p class="utrecht-paragraph">{t('noThemes')}</p>
        )}
        {page.canManageThemes && (
          <form method="post" action={`${base}/themas`} novalidate>
            <CsrfField token={props.csrfToken} />
            <TextField name="name" label={t('themeName')} hint={t('themeNameHint')} value={values['name']} error={errors['name']} />
            <Button variant="secondary">{t('addTheme')}</Button>
          </form>
        )}
      </section>
    </>
  );
}

export function SchoolSignalsView(props: { school: { name: string }; counts: SignalCount[]; shared: Array<{ id: string; occurredOn: string; themeName: string; description: string }>; locale: Locale }) {
  const t = supportPointT(props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('schoolTitle')}</h1>
      <p class="utrecht-paragraph">{props.school.name}</p>
      <p class="utrecht-paragraph">{t('schoolIntro')}</p>
      <p class="utrecht-paragraph">{t('countsMasked')}</p>
      <CountsTable counts={props.counts} locale={props.locale} withSchool={false} />
      {props.shared.length > 0 && (
        <section aria-labelledby="shared-heading">
          <h2 class="utrecht-heading-2" id="shared-heading">
            {t('sharedHeading')}
          </h2>
          <ul class="utrecht-unordered-list shared-signals">
            {props.shared.map((signal) => (
              <li>
                {formatDate(signal.occurredOn, props.locale)}, {signal.themeName}: <span class="preserve-lines">{signal.description}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
