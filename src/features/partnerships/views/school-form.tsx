/** @jsxImportSource hono/jsx */
/** The form to add a school location by hand. */
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { SchoolFormPage } from '../load-school-form-page.js';
import { partnershipMessages } from '../messages.js';

export function NewSchoolView(props: { page: SchoolFormPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string> }) {
  const { page, errors, values } = props;
  const t = translator(partnershipMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('addSchool')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['name', 'brin', 'vestiging', 'boardId', 'newBoardName']} />
      <form method="post" action={`/swv/${page.partnership.id}/scholen`} novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label={t('schoolName')} value={values['name']} error={errors['name']} />
        <TextField name="brin" label={t('brin')} hint={t('brinHint')} value={values['brin']} error={errors['brin']} maxLength={4} />
        <TextField name="vestiging" label={t('vestiging')} hint={t('vestigingHint')} value={values['vestiging'] ?? '00'} error={errors['vestiging']} maxLength={2} />
        <SelectField name="boardId" label={t('board')} value={values['boardId']} error={errors['boardId']} emptyLabel={t('newBoardOption')} options={page.boards.map((b) => ({ value: b.id, label: b.name }))} />
        <TextField name="newBoardName" label={t('newBoardName')} hint={t('newBoardHint')} value={values['newBoardName']} error={errors['newBoardName']} />
        <TextField name="districtName" label={t('district')} hint={t('districtHint')} value={values['districtName']} error={errors['districtName']} />
        <TextField name="street" label={t('street')} value={values['street']} error={errors['street']} autocomplete="off" />
        <TextField name="postalCode" label={t('postalCode')} value={values['postalCode']} error={errors['postalCode']} autocomplete="off" />
        <TextField name="city" label={t('city')} value={values['city']} error={errors['city']} autocomplete="off" />
        <TextField name="website" type="url" label={t('website')} value={values['website']} error={errors['website']} />
        <Button>{t('addSchool')}</Button>
      </form>
    </>
  );
}
