/** @jsxImportSource hono/jsx */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { can, type Permission } from '../../auth/policy.js';
import { Alert, Button, CsrfField, ErrorSummary, SelectField, StatusTag, TextField, type FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { uiMessages } from '../../ui/messages.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { partnershipMessages } from './messages.js';
import { getBoard, getPartnership, getSchool, listBoards, listPartnerships, listSchoolContacts, listSchoolsOfBoard, listSchoolsOfPartnership } from './repository.js';
import { contactsFromForm, MAX_SCHOOL_CONTACTS, schoolContactsInput, updateSchoolContacts } from './update-school-contacts.js';
import { fromBoardParam, fromPartnershipParam, fromSchoolParam, platformScope } from './scopes.js';
import { LogoError, logoToDataUrl, partnershipSettingsInput, updateSettings } from './update-partnership-settings.js';
import { schoolPageSections } from './school-page-sections.js';
import { createPartnership, createPartnershipInput } from './create-partnership.js';
import { addSchool, addSchoolInput } from './add-school.js';

const m = (c: AppContext) => translator(partnershipMessages, c.var.locale);

export function registerPartnershipRoutes(table: RouteTable): void {
  const platformPage = async (c: AppContext, errors: FieldErrors, values: Record<string, string>) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const list = await listPartnerships(c.var.deps.db);
    return renderPage(c, {
      title: t('platformTitle'),
      status: Object.keys(errors).length ? 400 : 200,
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('platformTitle')}</h1>
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['name', 'slug', 'sector']} />
          <h2 class="utrecht-heading-2">{t('partnershipsHeading')}</h2>
          <ul class="utrecht-unordered-list">
            {list.map((p) => (
              <li>
                <a class="utrecht-link" href={`/swv/${p.id}`}>
                  {p.name}
                </a>
              </li>
            ))}
          </ul>
          <h2 class="utrecht-heading-2">{t('newPartnership')}</h2>
          <form method="post" action="/beheer/swv" novalidate>
            <CsrfField token={c.var.csrfToken} />
            <TextField name="name" label={t('partnershipName')} value={values['name']} error={errors['name']} />
            <TextField name="slug" label={t('slug')} hint={t('slugHint')} value={values['slug']} error={errors['slug']} />
            <SelectField
              name="sector"
              label={t('sector')}
              value={values['sector'] ?? 'po'}
              error={errors['sector']}
              options={[
                { value: 'po', label: t('sectorPo') },
                { value: 'vo', label: t('sectorVo') },
              ]}
            />
            <Button>{t('createPartnership')}</Button>
          </form>
        </>
      ),
    });
  };

  table.get('/beheer', permission('platform.manage', platformScope), (c) => platformPage(c, {}, {}));
  table.post('/beheer/swv', permission('platform.manage', platformScope), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(createPartnershipInput(m(c)), values);
    if (!parsed.ok) return platformPage(c, parsed.errors, values);
    try {
      const id = await createPartnership({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), input: parsed.data, t: m(c) });
      return c.redirect(`/swv/${id}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return platformPage(c, { slug: error.userMessage ?? '' }, values);
      throw error;
    }
  });

  const newSchoolPage = async (c: AppContext, errors: FieldErrors, values: Record<string, string>) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const id = c.req.param('partnershipId')!;
    const partnership = await getPartnership(c.var.deps.db, id);
    if (!partnership) throw new AppError('not_found');
    const boardList = await listBoards(c.var.deps.db, id);
    return renderPage(c, {
      title: t('addSchool'),
      partnershipId: id,
      status: Object.keys(errors).length ? 400 : 200,
      breadcrumbs: [[partnership.name, `/swv/${id}`]],
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('addSchool')}</h1>
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['name', 'brin', 'vestiging', 'boardId', 'newBoardName']} />
          <form method="post" action={`/swv/${id}/scholen`} novalidate>
            <CsrfField token={c.var.csrfToken} />
            <TextField name="name" label={t('schoolName')} value={values['name']} error={errors['name']} />
            <TextField name="brin" label={t('brin')} hint={t('brinHint')} value={values['brin']} error={errors['brin']} maxLength={4} />
            <TextField name="vestiging" label={t('vestiging')} hint={t('vestigingHint')} value={values['vestiging'] ?? '00'} error={errors['vestiging']} maxLength={2} />
            <SelectField name="boardId" label={t('board')} value={values['boardId']} error={errors['boardId']} emptyLabel={t('newBoardOption')} options={boardList.map((b) => ({ value: b.id, label: b.name }))} />
            <TextField name="newBoardName" label={t('newBoardName')} hint={t('newBoardHint')} value={values['newBoardName']} error={errors['newBoardName']} />
            <TextField name="districtName" label={t('district')} hint={t('districtHint')} value={values['districtName']} error={errors['districtName']} />
            <TextField name="street" label={t('street')} value={values['street']} error={errors['street']} autocomplete="off" />
            <TextField name="postalCode" label={t('postalCode')} value={values['postalCode']} error={errors['postalCode']} autocomplete="off" />
            <TextField name="city" label={t('city')} value={values['city']} error={errors['city']} autocomplete="off" />
            <TextField name="website" type="url" label={t('website')} value={values['website']} error={errors['website']} />
            <Button>{t('addSchool')}</Button>
          </form>
        </>
      ),
    });
  };

  table.get('/swv/:partnershipId/scholen/nieuw', permission('partnership.manage', fromPartnershipParam), (c) => newSchoolPage(c, {}, {}));
  table.post('/swv/:partnershipId/scholen', permission('partnership.manage', fromPartnershipParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(addSchoolInput(m(c)), values);
    if (!parsed.ok) return newSchoolPage(c, parsed.errors, values);
    try {
      const schoolId = await addSchool({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, input: parsed.data, t: m(c) });
      return c.redirect(`/scholen/${schoolId}`, 303);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_input')) {
        const field = (error.details as { field?: string } | undefined)?.field ?? 'name';
        return newSchoolPage(c, { [field]: error.userMessage ?? '' }, values);
      }
      throw error;
    }
  });

  table.get('/swv/:partnershipId', permission('partnership.view', fromPartnershipParam), async (c) => {
    const t = m(c);
    const db = c.var.deps.db;
    const id = c.req.param('partnershipId')!;
    const partnership = await getPartnership(db, id);
    if (!partnership) throw new AppError('not_found');
    const [boardList, schoolList] = await Promise.all([listBoards(db, id), listSchoolsOfPartnership(db, id)]);
    return renderPage(c, {
      title: partnership.name,
      partnershipId: id,
      children: (
        <>
          <h1 class="utrecht-heading-1">{partnership.name}</h1>
          <p class="utrecht-paragraph">{t('overviewIntro', { schools: schoolList.length, boards: boardList.length })}</p>
          <ul class="card-list" aria-label={t('manageLinks')}>
            {partnershipLinks(c, id).map(({ href, label }) => (
              <li class="card">
                <a class="utrecht-link" href={href}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
          <h2 class="utrecht-heading-2">{t('schools')}</h2>
          <SchoolTable c={c} schools={schoolList} boards={new Map(boardList.map((b) => [b.id, b.name]))} />
        </>
      ),
    });
  });

  const settingsPage = async (c: AppContext, errors: FieldErrors, values: Record<string, string> | null, notice?: string) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const id = c.req.param('partnershipId')!;
    const partnership = await getPartnership(c.var.deps.db, id);
    if (!partnership) throw new AppError('not_found');
    const v = values ?? {
      name: partnership.name,
      primaryColor: partnership.primaryColor,
      supportPointName: partnership.parentSupportPoint?.name ?? '',
      supportPointPhone: partnership.parentSupportPoint?.phone ?? '',
      supportPointEmail: partnership.parentSupportPoint?.email ?? '',
      supportPointWebsite: partnership.parentSupportPoint?.website ?? '',
    };
    return renderPage(c, {
      title: t('settingsTitle'),
      partnershipId: id,
      status: Object.keys(errors).length ? 400 : 200,
      breadcrumbs: [[partnership.name, `/swv/${id}`]],
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('settingsTitle')}</h1>
          {notice && <Alert type="ok">{notice}</Alert>}
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
          <form method="post" action={`/swv/${id}/instellingen`} enctype="multipart/form-data" novalidate>
            <CsrfField token={c.var.csrfToken} />
            <TextField name="name" label={t('partnershipName')} value={v['name']} error={errors['name']} />
            <TextField name="primaryColor" type="color" label={t('primaryColor')} hint={t('primaryColorHint')} value={v['primaryColor']} error={errors['primaryColor']} />
            <div class={`utrecht-form-field${errors['logo'] ? ' utrecht-form-field--invalid' : ''}`}>
              <label class="utrecht-form-label" for="field-logo">
                {t('logo')}
              </label>
              <div class="utrecht-form-field-description" id="field-logo-hint">
                {t('logoHint')}
              </div>
              {errors['logo'] && (
                <div class="utrecht-form-field-error-message" id="field-logo-error">
                  {errors['logo']}
                </div>
              )}
              <input type="file" id="field-logo" name="logo" accept="image/png,image/jpeg" aria-describedby={errors['logo'] ? 'field-logo-hint field-logo-error' : 'field-logo-hint'} />
              {partnership.logoDataUrl && (
                <p>
                  <img class="logo-preview" src={partnership.logoDataUrl} alt={t('currentLogoAlt', { name: partnership.name })} />
                  <label>
                    <input type="checkbox" name="removeLogo" value="1" /> {t('removeLogo')}
                  </label>
                </p>
              )}
            </div>
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">{t('supportPoint')}</legend>
              <p class="utrecht-paragraph">{t('supportPointIntro')}</p>
              <TextField name="supportPointName" label={t('supportPointName')} value={v['supportPointName']} error={errors['supportPointName']} />
              <TextField name="supportPointPhone" label={t('supportPointPhone')} value={v['supportPointPhone']} error={errors['supportPointPhone']} />
              <TextField name="supportPointEmail" type="email" label={t('supportPointEmail')} value={v['supportPointEmail']} error={errors['supportPointEmail']} />
              <TextField name="supportPointWebsite" type="url" label={t('supportPointWebsite')} value={v['supportPointWebsite']} error={errors['supportPointWebsite']} />
            </fieldset>
            <Button>{uiMessages[c.var.locale].save}</Button>
          </form>
        </>
      ),
    });
  };

  table.get('/swv/:partnershipId/instellingen', permission('partnership.manage', fromPartnershipParam), (c) => settingsPage(c, {}, null));
  table.post('/swv/:partnershipId/instellingen', permission('partnership.manage', fromPartnershipParam), async (c, auth) => {
    const t = m(c);
    const body = await c.req.parseBody();
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string' && key !== '_csrf') values[key] = value;
    const parsed = parseForm(partnershipSettingsInput(t), values);
    let logoDataUrl: string | null | undefined;
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    const logo = body['logo'];
    if (values['removeLogo'] === '1') logoDataUrl = null;
    else if (logo instanceof File && logo.size > 0) {
      try {
        logoDataUrl = logoToDataUrl({ bytes: new Uint8Array(await logo.arrayBuffer()), mimeType: logo.type });
      } catch (error) {
        if (!(error instanceof LogoError)) throw error;
        errors['logo'] = t(error.key);
      }
    }
    if (!parsed.ok || Object.keys(errors).length) return settingsPage(c, errors, values);
    await updateSettings({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, input: parsed.data, logoDataUrl });
    return settingsPage(c, {}, null, t('saved'));
  });

  table.get('/besturen/:boardId', permission('board.view', fromBoardParam), async (c) => {
    const t = m(c);
    const db = c.var.deps.db;
    const board = await getBoard(db, c.req.param('boardId')!);
    if (!board) throw new AppError('not_found');
    const schoolList = await listSchoolsOfBoard(db, board.id);
    return renderPage(c, {
      title: t('boardTitle', { name: board.name }),
      partnershipId: board.partnershipId,
      children: (
        <>
          <h1 class="utrecht-heading-1">{t('boardTitle', { name: board.name })}</h1>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/besturen/${board.id}/voortgang`}>
              {t('boardProgress')}
            </a>
          </p>
          <h2 class="utrecht-heading-2">{t('schools')}</h2>
          <SchoolTable c={c} schools={schoolList} boards={new Map([[board.id, board.name]])} />
        </>
      ),
    });
  });

  const schoolPage = async (c: AppContext, auth: Authorized, errors: FieldErrors, posted: Record<string, string> | null) => {
    const t = m(c);
    const ui = translator(uiMessages, c.var.locale);
    const school = await getSchool(c.var.deps.db, c.req.param('schoolId')!);
    if (!school) throw new AppError('not_found');
    const [extra, contacts] = await Promise.all([
      Promise.all(schoolPageSections.map((section) => section(c, auth, school.id))),
      listSchoolContacts(c.var.deps.db, [school.id]),
    ]);
    const canEditContacts = can(auth.principal, 'school.editContacts', auth.scope);
    // Saved contacts plus two empty rows to add new ones (or what was posted, after an error).
    const rows: Array<Record<string, string>> = posted
      ? contactsFromForm(posted).contacts
      : [...contacts.map((row) => ({ name: row.name, role: row.role, topic: row.topic ?? '', email: row.email ?? '' })), {}, {}].slice(0, MAX_SCHOOL_CONTACTS);
    return renderPage(c, {
      title: school.name,
      partnershipId: school.partnershipId,
      status: Object.keys(errors).length ? 400 : 200,
      children: (
        <>
          <h1 class="utrecht-heading-1">{school.name}</h1>
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
          {c.req.query('opgeslagen') === 'contactpersonen' && (
            <Alert type="ok" role="status">
              {t('contactsSaved')}
            </Alert>
          )}
          {extra}
          <h2 class="utrecht-heading-2">{t('schoolData')}</h2>
          <dl class="facts">
            <dt>{t('locationCode')}</dt>
            <dd>{school.locationCode}</dd>
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
          {canEditContacts ? (
            <form method="post" action={`/scholen/${school.id}/contactpersonen`} novalidate>
              <CsrfField token={c.var.csrfToken} />
              {rows.map((row, i) => (
                <fieldset class="utrecht-form-fieldset contact-row">
                  <legend class="utrecht-form-fieldset__legend">{t('contactLegend', { number: i + 1 })}</legend>
                  <TextField name={`contacts.${i}.name`} label={t('contactName')} value={row['name']} error={errors[`contacts.${i}.name`]} autocomplete="off" maxLength={80} />
                  <TextField name={`contacts.${i}.role`} label={t('contactRole')} hint={t('contactRoleHint')} value={row['role']} error={errors[`contacts.${i}.role`]} autocomplete="off" maxLength={60} />
                  <TextField name={`contacts.${i}.topic`} label={t('contactTopic')} hint={t('contactTopicHint')} value={row['topic']} error={errors[`contacts.${i}.topic`]} autocomplete="off" maxLength={120} />
                  <TextField name={`contacts.${i}.email`} type="email" label={t('contactEmail')} value={row['email']} error={errors[`contacts.${i}.email`]} autocomplete="off" />
                </fieldset>
              ))}
              <p class="utrecht-paragraph">{t('contactsFormHint')}</p>
              <Button>{t('contactsSave')}</Button>
            </form>
          ) : contacts.length === 0 ? (
            <p class="utrecht-paragraph">{t('contactsNone')}</p>
          ) : (
            <ul class="utrecht-unordered-list">
              {contacts.map((row) => (
                <li class="utrecht-unordered-list__item">
                  {row.role}: {row.name}
                  {row.topic ? ` — ${row.topic}` : ''}
                  {row.email ? ` (${row.email})` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    });
  };

  table.get('/scholen/:schoolId', permission('school.view', fromSchoolParam), (c, auth) => schoolPage(c, authorized(auth), {}, null));
  table.post('/scholen/:schoolId/contactpersonen', permission('school.editContacts', fromSchoolParam), async (c, auth) => {
    const values = await readForm(c);
    const parsed = parseForm(schoolContactsInput, contactsFromForm(values));
    if (!parsed.ok) return schoolPage(c, authorized(auth), parsed.errors, values);
    const schoolId = c.req.param('schoolId')!;
    await updateSchoolContacts({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), schoolId, input: parsed.data });
    return c.redirect(`/scholen/${schoolId}?opgeslagen=contactpersonen#contactpersonen`, 303);
  });
}

/** A link on the SWV overview, with the permission its page requires (only links the user may use are shown). */
export interface PartnershipLink {
  href: string;
  label: string;
  permission: Permission;
}

/** Links on the SWV overview that this user may follow; features add their own entries via the providers. */
function partnershipLinks(c: AppContext, id: string): PartnershipLink[] {
  const t = m(c);
  const links: PartnershipLink[] = [
    ...partnershipLinkProviders.flatMap((provider) => provider(id, c.var.locale)),
    { href: `/swv/${id}/scholen/nieuw`, label: t('addSchool'), permission: 'partnership.manage' },
    { href: `/swv/${id}/gebruikers`, label: t('users'), permission: 'partnership.manage' },
    { href: `/swv/${id}/instellingen`, label: t('settings'), permission: 'partnership.manage' },
  ];
  const scope = { level: 'partnership', partnershipId: id } as const;
  return links.filter((link) => can(c.var.principal, link.permission, scope));
}

/** Features (templates, cycle, documents) register overview links here instead of editing this file. */
export const partnershipLinkProviders: Array<(partnershipId: string, locale: Locale) => PartnershipLink[]> = [];

function SchoolTable(props: { c: AppContext; schools: Awaited<ReturnType<typeof listSchoolsOfPartnership>>; boards: Map<string, string> }) {
  const t = m(props.c);
  if (props.schools.length === 0) return <p class="utrecht-paragraph">{t('noSchools')}</p>;
  return (
    <table class="utrecht-table">
      <caption class="visually-hidden">{t('schools')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('school')}</th>
          <th scope="col">{t('locationCode')}</th>
          <th scope="col">{t('city')}</th>
          <th scope="col">{t('board')}</th>
        </tr>
      </thead>
      <tbody>
        {props.schools.map((school) => (
          <tr>
            <td>
              <a class="utrecht-link" href={`/scholen/${school.id}`}>
                {school.name}
              </a>
            </td>
            <td>{school.locationCode}</td>
            <td>{school.city}</td>
            <td>{props.boards.get(school.boardId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
