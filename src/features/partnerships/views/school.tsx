/** @jsxImportSource hono/jsx */
/** A school's page: blocks of other features, the school's data and its contact persons. */
import type { Child } from 'hono/jsx';
import { Alert, Button, CheckboxField, CsrfField, ErrorSummary, fieldId, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { SchoolPage } from '../load-school-page.js';
import { partnershipMessages } from '../messages.js';
import { CONTACTS_VERSION_FIELD, contactsFromForm, contactsVersion, MAX_SCHOOL_CONTACTS, type SchoolContact } from '../update-school-contacts.js';

export function SchoolView(props: {
  page: SchoolPage;
  locale: Locale;
  csrfToken: string;
  errors: FieldErrors;
  /** What was posted, after an error in the contacts form. */
  posted: Record<string, string> | null;
  /** Blocks other features show here (profiles, cycle, documents). */
  sections: Child[];
  contactsSaved: boolean;
  /** The stored list, when a save was refused because someone else changed it after the form was opened. */
  contactsConflict?: SchoolContact[] | undefined;
  /** Outcome of an edit, archive or restore, shown once. */
  notice?: string | undefined;
}) {
  const { page, errors } = props;
  const { school, contacts } = page;
  const t = translator(partnershipMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  // Saved contacts plus two empty rows to add new ones (or what was posted, after an error).
  const rows: Array<Record<string, string>> = props.posted
    ? contactsFromForm(props.posted).contacts
    : [...contacts.map((row) => ({ name: row.name, role: row.role, topic: row.topic ?? '', email: row.email ?? '', showToParents: row.showToParents ? '1' : '' })), {}, {}].slice(0, MAX_SCHOOL_CONTACTS);
  return (
    <>
      <h1 class="utrecht-heading-1">{school.name}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
      {props.contactsSaved && (
        <Alert type="ok" role="status">
          {t('contactsSaved')}
        </Alert>
      )}
      {school.archivedAt && <Alert type="warning">{t('archivedNotice', { date: school.archivedAt.toLocaleDateString(props.locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: 'Europe/Amsterdam' }) })}</Alert>}
      {props.notice && (
        <Alert type="ok" role="status">
          {props.notice}
        </Alert>
      )}
      {props.sections}
      <h2 class="utrecht-heading-2">{t('schoolData')}</h2>
      {page.canManage && (
        <ul class="card-list" aria-label={t('manageLinks')}>
          <li class="card">
            <a class="utrecht-link" href={`/scholen/${school.id}/bewerken`}>
              {t('editSchool')}
            </a>
          </li>
          <li class="card">
            {school.archivedAt ? (
              <form method="post" action={`/scholen/${school.id}/terugzetten`} class="inline-form">
                <CsrfField token={props.csrfToken} />
                <button class="utrecht-button utrecht-button--subtle link-button" type="submit">
                  {t('restoreSchool')}
                </button>
              </form>
            ) : (
              <a class="utrecht-link" href={`/scholen/${school.id}/archiveren`}>
                {t('archiveSchool')}
              </a>
            )}
          </li>
        </ul>
      )}
      <dl class="facts">
        <dt>{t('locationCode')}</dt>
        <dd>{school.locationCode}</dd>
        {(school.sector || school.schoolTypes.length > 0) && (
          <>
            <dt>{t('sectorAndType')}</dt>
            <dd>{[school.sector, school.schoolTypes.join(', ')].filter(Boolean).join(' — ')}</dd>
          </>
        )}
        <dt>{t('board')}</dt>
        <dd>{school.boardName}</dd>
        {school.districtName && (
          <>
            <dt>{t('district')}</dt>
            <dd>{school.districtName}</dd>
          </>
        )}
        <dt>{t('address')}</dt>
        <dd>{[school.street, [school.postalCode, school.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</dd>
        {school.website && (
          <>
            <dt>{t('website')}</dt>
            <dd>{school.website}</dd>
          </>
        )}
      </dl>
      <h2 class="utrecht-heading-2" id="contactpersonen">
        {t('contactsHeading')}
      </h2>
      <p class="utrecht-paragraph">{t('contactsIntro')}</p>
      {page.canEditContacts ? (
        <form method="post" action={`/scholen/${school.id}/contactpersonen`} novalidate>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name={CONTACTS_VERSION_FIELD} value={props.posted?.[CONTACTS_VERSION_FIELD] ?? contactsVersion(contacts)} />
          {props.contactsConflict && (
            <div id={fieldId(CONTACTS_VERSION_FIELD)} tabindex={-1}>
              <Alert type="warning">
                <strong>{t('contactsConflictTitle')}</strong>
                <p class="utrecht-paragraph">{t('contactsConflictText')}</p>
                {props.contactsConflict.length === 0 ? (
                  <p class="utrecht-paragraph">{t('contactsConflictStoredNone')}</p>
                ) : (
                  <>
                    <p class="utrecht-paragraph">{t('contactsConflictStored')}</p>
                    <ContactList contacts={props.contactsConflict} shownToParents={t('contactShownToParents')} />
                  </>
                )}
              </Alert>
            </div>
          )}
          {errors[CONTACTS_VERSION_FIELD] && (
            <p class="utrecht-form-field-error-message" id={fieldId(CONTACTS_VERSION_FIELD)}>
              {errors[CONTACTS_VERSION_FIELD]}
            </p>
          )}
          {rows.map((row, i) => (
            <fieldset class="utrecht-form-fieldset contact-row">
              <legend class="utrecht-form-fieldset__legend">{t('contactLegend', { number: i + 1 })}</legend>
              <TextField name={`contacts.${i}.name`} label={t('contactName')} value={row['name']} error={errors[`contacts.${i}.name`]} autocomplete="off" maxLength={80} />
              <TextField name={`contacts.${i}.role`} label={t('contactRole')} hint={t('contactRoleHint')} value={row['role']} error={errors[`contacts.${i}.role`]} autocomplete="off" maxLength={60} />
              <TextField name={`contacts.${i}.topic`} label={t('contactTopic')} hint={t('contactTopicHint')} value={row['topic']} error={errors[`contacts.${i}.topic`]} autocomplete="off" maxLength={120} />
              <TextField name={`contacts.${i}.email`} type="email" label={t('contactEmail')} value={row['email']} error={errors[`contacts.${i}.email`]} autocomplete="off" />
              <CheckboxField name={`contacts.${i}.showToParents`} value="1" label={t('contactShowToParents')} checked={row['showToParents'] === '1'} />
            </fieldset>
          ))}
          <p class="utrecht-paragraph">{t('contactsFormHint')}</p>
          <Button>{t('contactsSave')}</Button>
        </form>
      ) : contacts.length === 0 ? (
        <p class="utrecht-paragraph">{t('contactsNone')}</p>
      ) : (
        <ContactList contacts={contacts} shownToParents={t('contactShownToParents')} />
      )}
    </>
  );
}

function ContactList(props: { contacts: SchoolContact[]; shownToParents: string }) {
  return (
    <ul class="utrecht-unordered-list">
      {props.contacts.map((row) => (
        <li class="utrecht-unordered-list__item">
          {row.role}: {row.name}
          {row.topic ? ` — ${row.topic}` : ''}
          {row.email ? ` (${row.email})` : ''}
          {row.showToParents ? ` — ${props.shownToParents}` : ''}
        </li>
      ))}
    </ul>
  );
}
