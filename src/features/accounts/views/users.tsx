/** @jsxImportSource hono/jsx */
/** The SWV's user management pages: the list with the invitation form, and the question before revoking a role. */
import { Alert, Button, CsrfField, ErrorSummary, SelectField, StatusTag, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { INVITABLE_ROLES } from '../invite-user.js';
import type { RevokePage } from '../load-revoke-page.js';
import type { UsersPage } from '../load-users-page.js';
import { userManagementMessages } from '../user-management-messages.js';
import { secondFactorMessages } from '../second-factor-messages.js';

export function usersPath(partnershipId: string, rest = ''): string {
  return `/swv/${partnershipId}/gebruikers${rest}`;
}

export function UsersView(props: { page: UsersPage; now: Date; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string | string[]>; notice: string | undefined }) {
  const { page, errors } = props;
  const values = Object.fromEntries(Object.entries(props.values).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])) as Record<string, string | undefined>;
  const chosenAdviserPlaces = ([] as string[]).concat(props.values['adviserPlaceIds'] ?? []);
  const t = translator(userManagementMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  const f = translator(secondFactorMessages, props.locale);
  const id = page.partnership.id;
  const placeOptions = [
    ...page.boards.map((b) => ({ value: b.id, label: `${t('board')}: ${b.name}` })),
    ...page.schools.map((s) => ({ value: s.id, label: `${t('school')}: ${s.name} (${s.locationCode})` })),
  ];
  return (
    <>
      <h1 class="utrecht-heading-1">{t('usersTitle')}</h1>
      {props.notice && <Alert type="ok">{props.notice}</Alert>}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['name', 'email', 'role', 'placeId']} />
      <table class="utrecht-table">
        <caption class="visually-hidden">{t('users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('roles')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{f('columnHeading')}</th>
          </tr>
        </thead>
        <tbody>
          {page.people.map((person) => (
            <tr>
              <td>{person.name}</td>
              <td>{person.email}</td>
              <td>
                {person.roles.map((r) => (
                  <div>
                    {ui(`role.${r.role}`)} — {r.placeName}
                    {r.limitedTo ? ` (${t('limitedTo', { places: r.limitedTo })})` : ''}{' '}
                    <a class="utrecht-link" href={usersPath(id, `/${r.membershipId}/intrekken`)}>
                      {t('revokeLink')}
                      <span class="visually-hidden">{t('revokeLinkContext', { role: ui(`role.${r.role}`), place: r.placeName, name: person.name })}</span>
                    </a>
                  </div>
                ))}
              </td>
              <td>
                {person.hasPassword ? <StatusTag tone="success">{t('active')}</StatusTag> : <StatusTag tone="info">{t('invitedStatus')}</StatusTag>}
                {!person.hasPassword && (
                  <form method="post" action={usersPath(id, `/${person.id}/uitnodiging-opnieuw`)} class="inline-form">
                    <CsrfField token={props.csrfToken} />
                    <button class="utrecht-button utrecht-button--subtle link-button" type="submit">
                      {t('resendButton')}
                      <span class="visually-hidden">{t('resendButtonContext', { name: person.name })}</span>
                    </button>
                  </form>
                )}
              </td>
              <td>
                {person.secondFactor ? f('yes') : f('no')}
                {person.secondFactor && page.canRemoveSecondFactor && (
                  <form method="post" action={usersPath(id, `/${person.id}/tweestapsverificatie-verwijderen`)} class="inline-form">
                    <CsrfField token={props.csrfToken} />{' '}
                    <button class="utrecht-button utrecht-button--subtle link-button" type="submit">
                      {f('removeButton')}
                      <span class="visually-hidden">{f('removeButtonContext', { name: person.name })}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
          {page.invitations.map((invitation) => {
            const expired = invitation.outcome === null && invitation.expiresAt <= props.now;
            const role = ui(`role.${invitation.role}`);
            return (
              <tr>
                <td>{invitation.name}</td>
                <td>{invitation.email}</td>
                <td>
                  <div>
                    {role} — {invitation.placeName}{' '}
                    {invitation.outcome === null && (
                      <form method="post" action={`/swv/${id}/uitnodigingen/${invitation.id}/intrekken`} class="inline-form">
                        <CsrfField token={props.csrfToken} />
                        <button class="utrecht-button utrecht-button--subtle link-button" type="submit">
                          {t('cancelInvitation')}
                          <span class="visually-hidden">{t('cancelInvitationContext', { role, place: invitation.placeName, name: invitation.name })}</span>
                        </button>
                      </form>
                    )}
                  </div>
                </td>
                <td>
                  {invitation.outcome === 'declined' ? (
                    <StatusTag tone="neutral">{t('declinedStatus')}</StatusTag>
                  ) : expired ? (
                    <StatusTag tone="neutral">{t('expiredStatus')}</StatusTag>
                  ) : (
                    <StatusTag tone="info">{t('invitedStatus')}</StatusTag>
                  )}
                </td>
                <td></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2 class="utrecht-heading-2">{t('inviteHeading')}</h2>
      <p class="utrecht-paragraph">{t('inviteIntro')}</p>
      <form method="post" action={usersPath(id)} novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label={t('name')} value={values['name']} error={errors['name']} autocomplete="off" />
        <TextField name="email" label={t('email')} type="email" value={values['email']} error={errors['email']} autocomplete="off" />
        <SelectField
          name="role"
          label={t('role')}
          value={values['role']}
          error={errors['role']}
          emptyLabel=""
          options={INVITABLE_ROLES.map((role) => ({ value: role, label: ui(`role.${role}`) }))}
        />
        <SelectField name="placeId" label={t('place')} hint={t('placeHint')} value={values['placeId']} error={errors['placeId']} emptyLabel={t('choosePlace')} options={placeOptions} />
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset choice-group adviser-places" aria-describedby="adviser-places-hint">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('adviserPlaces')}</legend>
          <div class="utrecht-form-field-description" id="adviser-places-hint">
            {t('adviserPlacesHint')}
          </div>
          {placeOptions.map((option) => (
            <div class="utrecht-form-field utrecht-form-field--checkbox choice">
              <div class="utrecht-form-field__input">
                <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`adviser-place-${option.value}`} name="adviserPlaceIds" value={option.value} checked={chosenAdviserPlaces.includes(option.value)} />
              </div>
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for={`adviser-place-${option.value}`}>
                  {option.label}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <Button>{t('inviteButton')}</Button>
      </form>
    </>
  );
}

export function RevokeView(props: { page: RevokePage; locale: Locale; csrfToken: string; error: string | undefined }) {
  const { membership } = props.page;
  const t = translator(userManagementMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  const id = props.page.partnership.id;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('revokeTitle')}</h1>
      {props.error && (
        <Alert type="error" role="alert">
          {props.error}
        </Alert>
      )}
      <p class="utrecht-paragraph">
        {t('revokeQuestion', { role: ui(`role.${membership.role}`), place: membership.placeName, name: membership.userName, email: membership.userEmail })}
      </p>
      <form method="post" action={usersPath(id, `/${membership.id}/intrekken`)} class="button-row">
        <CsrfField token={props.csrfToken} />
        <Button name="bevestigd" value="1">
          {t('revokeButton')}
        </Button>
        <a class="utrecht-link" href={usersPath(id)}>
          {ui('cancel')}
        </a>
      </form>
    </>
  );
}
