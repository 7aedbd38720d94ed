/** @jsxImportSource hono/jsx */
/** The form to add a school location by hand, or to correct a school's details. */
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { SchoolFormPage } from '../load-school-form-page.js';
import { partnershipMessages } from '../messages.js';

export function SchoolFormView(props: { page: SchoolFormPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string> | null }) {
  const { page, errors } = props;
  const values = props.values ?? page.values;
  const t = translator(partnershipMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  const editing = page.school !== null;
  const action = editing ? `/scholen/${page.school!.id}/bewerken` : `/swv/${page.partnership.id}/scholen`;
  return (
    <>
      <h1 class="utrecht-heading-1">{editing ? t('editSchoolTitle', { name: page.school!.name }) : t('addSchool')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['name', 'brin', 'vestiging', 'boardId', 'newBoardNumber', 'newBoardName', 'sector']} />
      <form method="post" action={action} novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label={t('schoolName')} value={values['name']} error={errors['name']} />
        <TextField name="brin" label={t('brin')} hint={t('brinHint')} value={values['brin']} error={errors['brin']} maxLength={7} />
        <TextField name="vestiging" label={t('vestiging')} hint={t('vestigingHint')} value={values['vestiging']} error={errors['vestiging']} maxLength={2} />
        <SelectField
          name="boardId"
          label={t('board')}
          value={values['boardId']}
          error={errors['boardId']}
          emptyLabel={t('newBoardOption')}
          options={page.boards.map((b) => ({ value: b.id, label: b.boardNumber ? `${b.name} (${b.boardNumber})` : b.name }))}
        />
        <TextField name="newBoardNumber" label={t('newBoardNumber')} hint={t('newBoardNumberHint')} value={values['newBoardNumber']} error={errors['newBoardNumber']} maxLength={8} autocomplete="off" />
        <TextField name="newBoardName" label={t('newBoardName')} hint={t('newBoardHint')} value={values['newBoardName']} error={errors['newBoardName']} />
        <SelectField
          name="sector"
          label={t('sector')}
          value={values['sector']}
          error={errors['sector']}
          options={[
            { value: 'po', label: t('sectorPo') },
            { value: 'vo', label: t('sectorVo') },
          ]}
        />
        <TextField name="schoolTypes" label={t('schoolTypes')} hint={t('schoolTypesHint')} value={values['schoolTypes']} error={errors['schoolTypes']} autocomplete="off" />
        <TextField name="districtName" label={t('district')} hint={t('districtHint')} value={values['districtName']} error={errors['districtName']} />
        <TextField name="street" label={t('street')} value={values['street']} error={errors['street']} autocomplete="off" />
        <TextField name="postalCode" label={t('postalCode')} value={values['postalCode']} error={errors['postalCode']} autocomplete="off" />
        <TextField name="city" label={t('city')} value={values['city']} error={errors['city']} autocomplete="off" />
        <TextField name="website" type="url" label={t('website')} value={values['website']} error={errors['website']} />
        <Button>{editing ? t('saveChanges') : t('addSchool')}</Button>
      </form>
    </>
  );
}
