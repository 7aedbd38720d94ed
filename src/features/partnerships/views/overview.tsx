/** @jsxImportSource hono/jsx */
/** The platform page (every SWV, a new one), an SWV's home page and a board's page. */
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import type { BoardPage } from '../load-board-page.js';
import { boardLinkProviders, platformLinkProviders } from '../overview-links.js';
import type { PartnershipOverview } from '../load-partnership-overview.js';
import type { PlatformPage } from '../load-platform-page.js';
import { partnershipMessages } from '../messages.js';
import { SchoolTable } from './school-table.js';

export function PlatformView(props: { page: PlatformPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string> }) {
  const { errors, values } = props;
  const t = translator(partnershipMessages, props.locale);
  const ui = translator(uiMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('platformTitle')}</h1>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} fieldOrder={['name', 'slug', 'sector']} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/beheer/logboek">
          {t('platformAuditLog')}
        </a>
      </p>
      {platformLinkProviders
        .flatMap((provider) => provider(props.locale))
        .map((link) => (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={link.href}>
              {link.label}
            </a>
          </p>
        ))}
      <h2 class="utrecht-heading-2">{t('partnershipsHeading')}</h2>
      <ul class="utrecht-unordered-list">
        {props.page.partnerships.map((p) => (
          <li>
            <a class="utrecht-link" href={`/swv/${p.id}`}>
              {p.name}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('newPartnership')}</h2>
      <form method="post" action="/beheer/swv" novalidate>
        <CsrfField token={props.csrfToken} />
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
  );
}

export function PartnershipOverviewView(props: { page: PartnershipOverview; locale: Locale }) {
  const { page } = props;
  const t = translator(partnershipMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{page.partnership.name}</h1>
      <p class="utrecht-paragraph">{t('overviewIntro', { schools: page.schools.length, boards: page.boardCount })}</p>
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
    </>
  );
}

export function BoardView(props: { page: BoardPage; locale: Locale }) {
  const { board } = props.page;
  const t = translator(partnershipMessages, props.locale);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('boardTitle', { name: board.name })}</h1>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/besturen/${board.id}/voortgang`}>
          {t('boardProgress')}
        </a>
      </p>
      {boardLinkProviders
        .flatMap((provider) => provider(board.id, props.locale))
        .map(({ href, label }) => (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={href}>
              {label}
            </a>
          </p>
        ))}
      <h2 class="utrecht-heading-2">{t('schools')}</h2>
      <SchoolTable locale={props.locale} schools={props.page.schools} boards={new Map([[board.id, board.name]])} />
    </>
  );
}
