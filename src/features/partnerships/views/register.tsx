/** @jsxImportSource hono/jsx */
/** The SWV's register (schools, archived schools, boards), a board's form, and the questions before archiving. */
import { Alert, Button, CsrfField, ErrorSummary, StatusTag, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { BoardEditPage } from '../load-board-edit-page.js';
import type { RegisterPage } from '../load-register-page.js';
import type { SchoolPage } from '../load-school-page.js';
import { partnershipMessages } from '../messages.js';
import { SchoolTable } from './school-table.js';

export function RegisterView(props: { page: RegisterPage; locale: Locale; notice: string | undefined }) {
  const { page } = props;
  const t = translator(partnershipMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('registerTitle')}</h1>
      {props.notice && (
        <Alert type="ok" role="status">
          {props.notice}
        </Alert>
      )}
      <p class="utrecht-paragraph">{t('registerIntro')}</p>
      <ul class="card-list" aria-label={t('manageLinks')}>
        {page.links.map(({ href, label }) => (
          <li class="card">
            <a class="utrecht-link" href={href}>
              {label}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('schools')}</h2>
      <SchoolTable locale={props.locale} schools={page.schools} boards={page.boardNames} />
      <h2 class="utrecht-heading-2">{t('boardsHeading')}</h2>
      {page.boards.length === 0 ? (
        <p class="utrecht-paragraph">{t('noBoards')}</p>
      ) : (
        <table class="utrecht-table">
          <caption class="visually-hidden">{t('boardsHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('board')}</th>
              <th scope="col">{t('boardNumber')}</th>
              <th scope="col">{t('schoolCount')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {page.boards.map((board) => (
              <tr>
                <td>
                  <a class="utrecht-link" href={`/besturen/${board.id}`}>
                    {board.name}
                  </a>{' '}
                  {board.archivedAt && <StatusTag tone="neutral">{t('archivedTag')}</StatusTag>}
                </td>
                <td>{board.boardNumber ?? '—'}</td>
                <td>{board.schoolCount}</td>
                <td>
                  <a class="utrecht-link" href={`/besturen/${board.id}/bewerken`}>
                    {t('editBoard')}
                    <span class="visually-hidden">: {board.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="utrecht-heading-2">{t('archivedSchools')}</h2>
      {page.archivedSchools.length === 0 ? <p class="utrecht-paragraph">{t('noArchivedSchools')}</p> : <SchoolTable locale={props.locale} schools={page.archivedSchools} boards={page.boardNames} />}
    </>
  );
}

export function BoardEditView(props: { page: BoardEditPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string> | null; error?: string | undefined }) {
  const { board } = props.page;
  const t = translator(partnershipMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  const values = props.values ?? { name: board.name, boardNumber: board.boardNumber ?? '' };
  return (
    <>
      <h1 class="utrecht-heading-1">{t('editBoardTitle', { name: board.name })}</h1>
      {props.error && (
        <Alert type="error" role="alert">
          {props.error}
        </Alert>
      )}
      <ErrorSummary title={ui('errorSummaryTitle')} errors={props.errors} fieldOrder={['name', 'boardNumber']} />
      <form method="post" action={`/besturen/${board.id}/bewerken`} novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField name="name" label={t('boardName')} hint={t('boardNameHint')} value={values['name']} error={props.errors['name']} />
        <TextField name="boardNumber" label={t('boardNumber')} hint={t('boardNumberHint')} value={values['boardNumber']} error={props.errors['boardNumber']} maxLength={8} autocomplete="off" />
        <Button>{t('saveChanges')}</Button>
      </form>
      <h2 class="utrecht-heading-2">{board.archivedAt ? t('restoreBoard') : t('archiveBoard')}</h2>
      {board.archivedAt ? (
        <form method="post" action={`/besturen/${board.id}/terugzetten`} class="button-row">
          <CsrfField token={props.csrfToken} />
          <Button variant="secondary">{t('restoreBoard')}</Button>
        </form>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('archiveBoardQuestion', { name: board.name })}</p>
          <form method="post" action={`/besturen/${board.id}/archiveren`} class="button-row">
            <CsrfField token={props.csrfToken} />
            <Button variant="secondary" name="bevestigd" value="1">
              {t('archiveBoard')}
            </Button>
          </form>
        </>
      )}
    </>
  );
}

export function ArchiveSchoolView(props: { page: SchoolPage; locale: Locale; csrfToken: string }) {
  const { school } = props.page;
  const t = translator(partnershipMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('archiveSchool')}</h1>
      <p class="utrecht-paragraph">{t('archiveSchoolQuestion', { name: school.name, code: school.locationCode })}</p>
      <form method="post" action={`/scholen/${school.id}/archiveren`} class="button-row">
        <CsrfField token={props.csrfToken} />
        <Button name="bevestigd" value="1">
          {t('archiveButton')}
        </Button>
        <a class="utrecht-link" href={`/scholen/${school.id}`}>
          {ui('cancel')}
        </a>
      </form>
    </>
  );
}
