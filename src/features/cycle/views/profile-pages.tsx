/** @jsxImportSource hono/jsx */
/** A profile's read pages of the cycle: check your answers (+ submit), the confirmation, and what changed since last year. */
import { Alert, Button, ButtonLink, CsrfField } from '../../../ui/components.js';
import type { Locale } from '../../../ui/i18n.js';
import { formatDate } from '../../../ui/dates.js';
import type { ChangesPage } from '../load-changes-page.js';
import type { CheckPage } from '../load-check-page.js';
import type { SubmittedPage } from '../load-submitted-page.js';
import { NormStatusTag, PlainLanguageTips } from '../../questionnaire/views/shared.js';
import { cycleT, ProfileStatusTag, sectionHref } from './shared.js';

export function CheckView(props: { page: CheckPage; locale: Locale; csrfToken: string; error?: string | undefined }) {
  const t = cycleT(props.locale);
  const { page } = props;
  const id = page.profile.id;
  const editable = page.canEdit;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('checkTitle')}</h1>
      <p class="utrecht-paragraph">
        {page.schoolName} — SOP {page.profile.schoolYear}
      </p>
      {props.error && (
        <Alert type="error" role="alert">
          {props.error}
        </Alert>
      )}
      {!page.editability.editable ? (
        <Alert type="info">{page.editability.message}</Alert>
      ) : (
        <p class="utrecht-paragraph">{t(page.canSubmit ? 'checkIntro' : 'checkIntroReadOnly')}</p>
      )}
      {page.missing.length > 0 && (
        <div class="utrecht-alert utrecht-alert--warning" role="status">
          <h2 class="utrecht-heading-2">{t('incompleteHeading')}</h2>
          <p class="utrecht-paragraph">{t('incompleteIntro', { count: page.missing.length })}</p>
          <ul class="utrecht-unordered-list">
            {page.missing.map((entry) => (
              <li>
                <a class="utrecht-link" href={sectionHref(id, entry.sectionKey, entry.key)}>
                  {entry.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {page.plainLanguage.length > 0 && (
        <section class="check-section" aria-labelledby="check-plain-language">
          <h2 class="utrecht-heading-2" id="check-plain-language">
            {t('plainLanguageHeading')}
          </h2>
          <p class="utrecht-paragraph">{t('plainLanguageIntro')}</p>
          <ul class="utrecht-unordered-list">
            {page.plainLanguage.map((entry) => (
              <li>
                <a class="utrecht-link" href={sectionHref(id, entry.sectionKey, entry.itemKey)}>
                  {entry.field === 'parentText' ? t('plainLanguageParentText', { title: entry.title }) : entry.title}
                </a>
                <PlainLanguageTips hints={entry.hints} locale={props.locale} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {page.sections.map((section) => (
        <section class="check-section" aria-labelledby={`check-${section.key}`}>
          <h2 class="utrecht-heading-2" id={`check-${section.key}`}>
            {section.title}
          </h2>
          <dl class="check-answers">
            {section.rows.map((row) => (
              <div class="check-answers__row">
                <dt>{row.title}</dt>
                <dd>
                  {row.words || <span class="muted">{t('notAnswered')}</span>}
                  {row.ambition && <div class="muted">{t('ambitionLabel', { text: row.ambition })}</div>}
                  {(row.normStatus === 'below' || row.normStatus === 'cannot-judge' || row.nationalNormStatus === 'cannot-judge') && (
                    <div class="check-answers__status" data-check-status={row.key}>
                      <NormStatusTag status={row.normStatus === 'below' ? 'below' : 'cannot-judge'} locale={props.locale} />
                    </div>
                  )}
                </dd>
                {editable && (
                  <dd class="check-answers__action">
                    <a class="utrecht-link" href={sectionHref(id, section.key, row.key)}>
                      {t('change')}
                      <span class="visually-hidden"> {row.title}</span>
                    </a>
                  </dd>
                )}
              </div>
            ))}
            {section.limits !== null && (
              <div class="check-answers__row">
                <dt>{t('limitsLabel')}</dt>
                <dd>{section.limits || <span class="muted">{t('notAnswered')}</span>}</dd>
                {editable && (
                  <dd class="check-answers__action">
                    <a class="utrecht-link" href={sectionHref(id, section.key)}>
                      {t('change')}
                      <span class="visually-hidden"> {`${t('limitsLabel')} ${section.title}`}</span>
                    </a>
                  </dd>
                )}
              </div>
            )}
          </dl>
        </section>
      ))}
      {page.canSubmit && page.missing.length === 0 && (
        <section aria-labelledby="submit-heading">
          <h2 class="utrecht-heading-2" id="submit-heading">
            {t('submitHeading')}
          </h2>
          {page.late && !page.lateAllowed ? (
            <Alert type="warning">{t('lateClosedWarning', { date: formatDate(page.submitDeadline!, props.locale) })}</Alert>
          ) : (
            <>
              {page.late && <Alert type="warning">{t('lateWarning', { date: formatDate(page.submitDeadline!, props.locale) })}</Alert>}
              <p class="utrecht-paragraph">{t('submitIntro')}</p>
              <form method="post" action={`/profielen/${id}/indienen`}>
                <CsrfField token={props.csrfToken} />
                <Button>{t('submitButton')}</Button>
              </form>
            </>
          )}
        </section>
      )}
      <p>
        <a class="utrecht-link" href={`/profielen/${id}/cyclus`}>
          {t('cyclePageTitle')}
        </a>
      </p>
    </>
  );
}

export function SubmittedView(props: { page: SubmittedPage; locale: Locale }) {
  const t = cycleT(props.locale);
  const { page } = props;
  return (
    <>
      <div class="confirmation-panel">
        <h1 class="utrecht-heading-1">{t('confirmPanel', { year: page.profile.schoolYear, school: page.schoolName })}</h1>
        <p>
          <ProfileStatusTag locale={props.locale} status={page.profile.status} />
        </p>
      </div>
      <h2 class="utrecht-heading-2">{t('confirmWhatNext')}</h2>
      <ol class="utrecht-ordered-list">
        <li>{t('confirmStep1')}</li>
        <li>{t('confirmStep2')}</li>
        <li>{page.boardNotice === 'at_submission' ? t('confirmStep3AtSubmission') : t('confirmStep3')}</li>
        <li>{t('confirmStep4')}</li>
      </ol>
      <p class="utrecht-paragraph">{t('confirmNeedChange')}</p>
      <p>
        <ButtonLink href={`/profielen/${page.profile.id}/cyclus`}>{t('cyclePageTitle')}</ButtonLink>
      </p>
    </>
  );
}

export function ChangesView(props: { page: ChangesPage; locale: Locale; showAll: boolean }) {
  const t = cycleT(props.locale);
  const { page, showAll } = props;
  const { changes } = page;
  const id = page.profile.id;
  const rows = showAll ? changes.rows : changes.rows.filter((row) => row.changed);
  const changedCount = changes.rows.filter((row) => row.changed).length;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('changesTitle')}</h1>
      <p class="utrecht-paragraph">
        {page.schoolName} — SOP {page.profile.schoolYear}
      </p>
      {!changes.previousYear ? (
        <p class="utrecht-paragraph">{t('changesNoPrevious')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('changesIntro', { previous: changes.previousYear, current: page.profile.schoolYear })}</p>
          <p class="utrecht-paragraph">{t('changesCount', { count: changedCount, total: changes.rows.length })}</p>
          <p>
            <a class="utrecht-link" href={showAll ? `/profielen/${id}/wijzigingen` : `/profielen/${id}/wijzigingen?alle=1`}>
              {showAll ? t('changesShowChanged') : t('changesShowAll')}
            </a>
          </p>
          {rows.length === 0 ? (
            <p class="utrecht-paragraph">{t('changesNone')}</p>
          ) : (
            <table class="utrecht-table changes-table">
              <caption class="visually-hidden">{t('changesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('item')}</th>
                  <th scope="col">{t('previousAnswer', { year: changes.previousYear })}</th>
                  <th scope="col">{t('currentAnswer', { year: page.profile.schoolYear })}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr class={row.changed ? 'changes-table__changed' : undefined}>
                    <th scope="row">
                      <span class="muted">{row.sectionTitle}: </span>
                      {row.title}
                    </th>
                    <td>{row.previous === null ? <em>{t('newItem')}</em> : row.previous || t('empty')}</td>
                    <td>{row.current === null ? <em>{t('removedItem')}</em> : row.current || t('empty')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <p>
        <a class="utrecht-link" href={`/profielen/${id}/cyclus`}>
          {t('cyclePageTitle')}
        </a>
      </p>
    </>
  );
}
