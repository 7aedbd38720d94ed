/** @jsxImportSource hono/jsx */
/** The public pages' content: SWV page with search, results, school page, comparison, statements, 404. */
import { SelectField, StatusTag, TextField, ErrorSummary, type FieldErrors } from '../../../ui/components.js';
import { formatDate } from '../../../ui/dates.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import type { NormStatus } from '../../templates/model/answer.js';
import { resolveWording } from '../../templates/model/wording.js';
import type { ComparePage } from '../load-compare-page.js';
import type { InWords, SchoolPage } from '../load-school-page.js';
import type { SwvPage } from '../load-swv-page.js';
import { publicMessages, type PublicTranslate } from '../messages.js';
import type { PublicItemRow, PublicSchool, PublicSwv } from '../public-data.js';
import type { FilterOptions, SearchQuery } from '../search-query.js';
import type { MatchReason, SearchResult } from '../search-schools.js';
import { Paragraphs, publicHref } from './layout.js';

const STATUS_TONES: Record<NormStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  meets: 'success',
  below: 'warning',
  ambition: 'info',
  unanswered: 'neutral',
  'no-norm': 'neutral',
  'cannot-judge': 'neutral',
};

export function StatusWord(props: { status: NormStatus; t: PublicTranslate }) {
  const words = props.t(`status.${props.status}`);
  return words ? <StatusTag tone={STATUS_TONES[props.status]}>{words}</StatusTag> : null;
}

export const schoolPath = (slug: string, locationCode: string) => `/${slug}/scholen/${encodeURIComponent(locationCode)}`;

function sectorLabel(sector: string, t: PublicTranslate): string {
  return sector === 'po' ? t('sectorPo') : sector === 'vo' ? t('sectorVo') : sector;
}

function addressOf(school: PublicSchool): string {
  return [school.street, [school.postalCode, school.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export function SearchForm(props: { slug: string; locale: Locale; filters: FilterOptions; query: SearchQuery; errors: FieldErrors }) {
  const t = translator(publicMessages, props.locale);
  const options = (values: string[]) => values.map((value) => ({ value, label: value }));
  return (
    <search>
    <form method="get" action={`/${props.slug}/zoeken`} class="public-search" aria-labelledby="search-heading">
      <h2 class="utrecht-heading-2" id="search-heading">
        {t('searchHeading')}
      </h2>
      <ErrorSummary title={t('searchHeading')} errors={props.errors} />
      {props.locale !== 'nl' && <input type="hidden" name="lang" value={props.locale} />}
      <TextField name="ondersteuning" label={t('searchSupport')} hint={t('searchSupportHint')} value={props.query.ondersteuning} error={props.errors['ondersteuning']} maxLength={100} />
      <TextField name="naam" label={t('searchName')} value={props.query.naam} error={props.errors['naam']} maxLength={100} />
      <TextField name="postcode" label={t('searchPostcode')} hint={t('searchPostcodeHint')} value={props.query.postcode} error={props.errors['postcode']} maxLength={7} autocomplete="postal-code" />
      {props.filters.places.length > 1 && <SelectField name="plaats" label={t('searchPlace')} options={options(props.filters.places)} value={props.query.plaats} emptyLabel={t('searchAny')} />}
      {props.filters.districts.length > 0 && <SelectField name="wijk" label={t('searchDistrict')} options={options(props.filters.districts)} value={props.query.wijk} emptyLabel={t('searchAny')} />}
      {props.filters.sectors.length > 1 && (
        <SelectField name="soort" label={t('searchSector')} options={props.filters.sectors.map((value) => ({ value, label: sectorLabel(value, t) }))} value={props.query.soort} emptyLabel={t('searchAny')} />
      )}
      {props.filters.denominations.length > 0 && (
        <SelectField name="richting" label={t('searchDenomination')} options={options(props.filters.denominations)} value={props.query.richting} emptyLabel={t('searchAny')} />
      )}
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        {t('searchButton')}
      </button>
    </form>
    </search>
  );
}

function reasonText(reason: MatchReason, t: PublicTranslate): string {
  switch (reason.kind) {
    case 'name':
      return t('matchName', { text: reason.text });
    case 'place':
      return t('matchPlace', { place: reason.text });
    case 'district':
      return t('matchDistrict', { district: reason.text });
    case 'postcode':
      return t('matchPostcode', { postcode: reason.text });
    case 'sector':
      return t('matchSector', { sector: sectorLabel(reason.text, t) });
    case 'denomination':
      return t('matchDenomination', { denomination: reason.text });
    case 'support':
      return t('matchSupport', { title: reason.title, answer: reason.answer });
  }
}

/** The schools as a list with a compare checkbox each (a GET form to the comparison). */
export function SchoolResults(props: { swv: PublicSwv; results: SearchResult[]; locale: Locale; heading: string }) {
  const t = translator(publicMessages, props.locale);
  const slug = props.swv.partnership.slug;
  const count = props.results.length;
  return (
    <section aria-labelledby="results-heading" class="public-results">
      <h2 class="utrecht-heading-2" id="results-heading">
        {props.heading}
      </h2>
      <p class="utrecht-paragraph" role="status">
        {count === 0 ? t('resultsNone') : count === 1 ? t('resultsOne') : t('resultsCount', { count })}
      </p>
      {count > 0 && (
        <form method="get" action={`/${slug}/vergelijk`}>
          {props.locale !== 'nl' && <input type="hidden" name="lang" value={props.locale} />}
          <p class="utrecht-paragraph">{t('compareChoose')}</p>
          <ul class="public-result-list">
            {props.results.map(({ school, reasons }) => (
              <li class="public-result">
                <h3 class="utrecht-heading-3">
                  <a class="utrecht-link" href={publicHref(schoolPath(slug, school.locationCode), props.locale)}>
                    {school.name}
                  </a>
                </h3>
                <p class="utrecht-paragraph">{[addressOf(school), school.denomination, school.districtName].filter(Boolean).join(' · ')}</p>
                {reasons.length > 0 && (
                  <div class="public-reasons">
                    <p class="utrecht-paragraph">{t('whyMatches')}</p>
                    <ul class="utrecht-unordered-list">
                      {reasons.map((reason) => (
                        <li class="utrecht-unordered-list__item">{reasonText(reason, t)}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <div class="utrecht-form-field utrecht-form-field--checkbox">
                  <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name="school" value={school.locationCode} id={`compare-${school.locationCode}`} />
                  <label class="utrecht-form-label utrecht-form-label--checkbox" for={`compare-${school.locationCode}`}>
                    {t('compareLabel', { school: school.name })}
                  </label>
                </div>
              </li>
            ))}
          </ul>
          {count > 1 && (
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              {t('compareSelected')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}

export function SupportPoint(props: { swv: PublicSwv; locale: Locale }) {
  const t = translator(publicMessages, props.locale);
  const point = props.swv.partnership.parentSupportPoint;
  if (!point) return null;
  return (
    <section aria-labelledby="support-point-heading" class="public-support-point">
      <h2 class="utrecht-heading-2" id="support-point-heading">
        {t('supportPointHeading')}
      </h2>
      <p class="utrecht-paragraph">{t('supportPointIntro')}</p>
      <p class="utrecht-paragraph">
        <strong>{point.name}</strong>
      </p>
      <ul class="utrecht-unordered-list">
        {point.phone && (
          <li class="utrecht-unordered-list__item">
            {t('phone')}: <a class="utrecht-link" href={`tel:${point.phone.replace(/[^0-9+]/g, '')}`}>{point.phone}</a>
          </li>
        )}
        {point.email && (
          <li class="utrecht-unordered-list__item">
            {t('email')}: <a class="utrecht-link" href={`mailto:${point.email}`}>{point.email}</a>
          </li>
        )}
        {point.website && (
          <li class="utrecht-unordered-list__item">
            {t('website')}: <a class="utrecht-link" href={point.website}>{point.website.replace(/^https?:\/\//, '')}</a>
          </li>
        )}
      </ul>
    </section>
  );
}

export function SwvPageView(props: { page: SwvPage; locale: Locale; query: SearchQuery; errors: FieldErrors; results: SearchResult[] | null }) {
  const t = translator(publicMessages, props.locale);
  const { swv, norm } = props.page;
  const info = swv.partnership.publicInfo ?? {};
  return (
    <>
      <h1 class="utrecht-heading-1">{swv.partnership.name}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('swvIntro')}</p>
      <SearchForm slug={swv.partnership.slug} locale={props.locale} filters={props.page.filters} query={props.query} errors={props.errors} />
      <SchoolResults swv={swv} results={props.results ?? swv.schools.map((school) => ({ school, reasons: [] }))} locale={props.locale} heading={props.results ? t('resultsHeading') : t('allSchools')} />
      <SupportPoint swv={swv} locale={props.locale} />
      {info.registration && (
        <section aria-labelledby="registration-heading">
          <h2 class="utrecht-heading-2" id="registration-heading">
            {t('registrationHeading')}
          </h2>
          <Paragraphs text={info.registration} />
        </section>
      )}
      {info.dutyOfCare && (
        <section aria-labelledby="duty-heading">
          <h2 class="utrecht-heading-2" id="duty-heading">
            {t('dutyOfCareHeading')}
          </h2>
          <Paragraphs text={info.dutyOfCare} />
        </section>
      )}
      {info.whereToTurn && (
        <section aria-labelledby="turn-heading">
          <h2 class="utrecht-heading-2" id="turn-heading">
            {t('whereToTurnHeading')}
          </h2>
          <Paragraphs text={info.whereToTurn} />
        </section>
      )}
      <section aria-labelledby="norm-heading">
        <h2 class="utrecht-heading-2" id="norm-heading">
          {t('normHeading')}
        </h2>
        <p class="utrecht-paragraph">{norm.length > 0 ? t('normIntro') : t('normNone')}</p>
        {norm.map((section) => (
          <details class="public-norm-section">
            <summary>{section.title}</summary>
            {section.promise && <p class="utrecht-paragraph">{section.promise}</p>}
            <ul class="utrecht-unordered-list">
              {section.items.map((item) => (
                <li class="utrecht-unordered-list__item">
                  {item.title} — {t('normLevel', { norm: item.norm })}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>
    </>
  );
}

function AnswerCell(props: { row: PublicItemRow; t: PublicTranslate }) {
  const { row, t } = props;
  return (
    <>
      {row.notOffered ? t('notOffered') : row.answer || t('status.unanswered')}
      {row.ambition && (
        <>
          {' '}
          ({t('ambitionTarget', { target: [row.ambition.target, row.ambition.schoolYear && t('ambitionYear', { year: row.ambition.schoolYear })].filter(Boolean).join(' ') || '—' })})
        </>
      )}
    </>
  );
}

export function SchoolPageView(props: { page: SchoolPage; locale: Locale; downloads: Array<{ href: string; label: string }> }) {
  const t = translator(publicMessages, props.locale);
  const { school, content, swv } = props.page;
  const slug = swv.partnership.slug;
  const year = content.profile.schoolYear;
  const others = school.published.filter((p) => p.id !== content.profile.id);
  const changeText = (words: InWords) => [words.answer, words.ambition && t('changesAmbition', { ambition: words.ambition })].filter(Boolean).join(' — ');
  return (
    <>
      <h1 class="utrecht-heading-1">{school.name}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('schoolYear', { year })}</p>
      {props.page.isArchive && (
        <div class="utrecht-alert utrecht-alert--warning" role="status">
          <p class="utrecht-paragraph">
            {t('archiveNotice', { year })}{' '}
            <a class="utrecht-link" href={publicHref(schoolPath(slug, school.locationCode), props.locale)}>
              {t('toCurrent')}
            </a>
          </p>
        </div>
      )}
      <dl class="public-facts">
        {addressOf(school) && (
          <>
            <dt>{t('address')}</dt>
            <dd>{addressOf(school)}</dd>
          </>
        )}
        {school.denomination && (
          <>
            <dt>{t('denomination')}</dt>
            <dd>{school.denomination}</dd>
          </>
        )}
        {school.districtName && (
          <>
            <dt>{t('district')}</dt>
            <dd>{school.districtName}</dd>
          </>
        )}
        <dt>{t('board')}</dt>
        <dd>{school.boardName}</dd>
        {school.website && (
          <>
            <dt>{t('schoolWebsite')}</dt>
            <dd>
              <a class="utrecht-link" href={school.website}>
                {school.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        )}
      </dl>
      {content.profile.adoptedOn && <p class="utrecht-paragraph">{t('adoptedOn', { date: formatDate(content.profile.adoptedOn, props.locale) })}</p>}

      <section aria-labelledby="poster-heading">
        <h2 class="utrecht-heading-2" id="poster-heading">
          {t('posterHeading')}
        </h2>
        <p class="utrecht-paragraph">{t('posterIntro')}</p>
        <ul class="public-poster">
          {props.page.poster.map((row) => (
            <li class="public-poster__entry">
              <h3 class="utrecht-heading-3">{row.title}</h3>
              {row.parentText && <p class="utrecht-paragraph">{row.parentText}</p>}
              <p class="utrecht-paragraph">
                <AnswerCell row={row} t={t} /> <StatusWord status={row.status} t={t} />
              </p>
            </li>
          ))}
        </ul>
      </section>

      {props.page.extraSupport.length > 0 && (
        <section aria-labelledby="extra-heading">
          <h2 class="utrecht-heading-2" id="extra-heading">
            {t('extraHeading')}
          </h2>
          <ul class="utrecht-unordered-list">
            {props.page.extraSupport.map((row) => (
              <li class="utrecht-unordered-list__item">
                <strong>{row.title}</strong>: {row.answer}
              </li>
            ))}
          </ul>
        </section>
      )}

      {props.page.ambitions.length > 0 && (
        <section aria-labelledby="ambitions-heading">
          <h2 class="utrecht-heading-2" id="ambitions-heading">
            {t('ambitionsHeading')}
          </h2>
          <ul class="utrecht-unordered-list">
            {props.page.ambitions.map((row) => (
              <li class="utrecht-unordered-list__item">
                <strong>{row.title}</strong>
                {row.ambition ? (
                  <>
                    : {[row.ambition.target && t('ambitionTarget', { target: row.ambition.target }), row.ambition.schoolYear && t('ambitionYear', { year: row.ambition.schoolYear }), row.ambition.note].filter(Boolean).join(', ')}
                  </>
                ) : (
                  <>: {row.answer}</>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {props.page.limits.length > 0 && (
        <section aria-labelledby="limits-heading">
          <h2 class="utrecht-heading-2" id="limits-heading">
            {t('limitsHeading')}
          </h2>
          {props.page.limits.map((limit) => (
            <>
              {limit.title && <h3 class="utrecht-heading-3">{limit.title}</h3>}
              <Paragraphs text={limit.text} />
            </>
          ))}
        </section>
      )}

      <section aria-labelledby="contacts-heading">
        <h2 class="utrecht-heading-2" id="contacts-heading">
          {t('contactsHeading')}
        </h2>
        {props.page.contactTexts.map((row) => (
          <Paragraphs text={row.answer} />
        ))}
        {content.contacts.length > 0 ? (
          <>
            <p class="utrecht-paragraph">{t('contactsIntro', { firstContact: resolveWording(content.template).firstContact })}</p>
            <ul class="utrecht-unordered-list">
              {content.contacts.map((contact) => (
                <li class="utrecht-unordered-list__item">
                  <strong>{contact.name}</strong> ({contact.role}){contact.topic && <>: {contact.topic}</>}
                  {contact.email && (
                    <>
                      {' — '}
                      <a class="utrecht-link" href={`mailto:${contact.email}`}>
                        {contact.email}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="utrecht-paragraph">{t('contactsNone', { firstContact: resolveWording(content.template).firstContact })}</p>
        )}
      </section>
      <SupportPoint swv={swv} locale={props.locale} />

      <section aria-labelledby="changes-heading">
        <h2 class="utrecht-heading-2" id="changes-heading">
          {t('changesHeading')}
        </h2>
        {!props.page.previousYear ? (
          <p class="utrecht-paragraph">{t('changesFirst')}</p>
        ) : props.page.changes.length === 0 ? (
          <p class="utrecht-paragraph">{t('changesNone', { year: props.page.previousYear })}</p>
        ) : (
          <ul class="utrecht-unordered-list public-changes">
            {props.page.changes.map((change) => (
              <li class="utrecht-unordered-list__item">
                <strong>{change.title}</strong>
                <br />
                {t('changesBefore', { text: changeText(change.previous) || t('changesEmpty') })}
                <br />
                {t('changesNow', { text: changeText(change.current) || t('changesEmpty') })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="all-heading">
        <h2 class="utrecht-heading-2" id="all-heading">
          {t('allItemsHeading')}
        </h2>
        <div class="table-scroll">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{t('allItemsHeading')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t('colItem')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('colAnswer')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('colStatus')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {content.rows
                .filter((row) => !row.isText)
                .map((row) => (
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="row">
                      {row.title}
                    </th>
                    <td class="utrecht-table__cell">
                      <AnswerCell row={row} t={t} />
                    </td>
                    <td class="utrecht-table__cell">
                      <StatusWord status={row.status} t={t} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </section>

      {props.downloads.length > 0 && (
        <section aria-labelledby="downloads-heading">
          <h2 class="utrecht-heading-2" id="downloads-heading">
            {t('downloadsHeading')}
          </h2>
          <ul class="utrecht-unordered-list">
            {props.downloads.map((download) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href={download.href}>
                  {download.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {others.length > 0 && (
        <section aria-labelledby="archive-heading">
          <h2 class="utrecht-heading-2" id="archive-heading">
            {t('archiveHeading')}
          </h2>
          <ul class="utrecht-unordered-list">
            {others.map((profile) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href={publicHref(profile.id === school.published[0]!.id ? schoolPath(slug, school.locationCode) : `${schoolPath(slug, school.locationCode)}/${profile.schoolYear}`, props.locale)}>
                  {t('archiveLink', { year: profile.schoolYear })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function ComparePageView(props: { page: ComparePage; locale: Locale }) {
  const t = translator(publicMessages, props.locale);
  const { schools, rows, swv } = props.page;
  let lastSection = '';
  return (
    <>
      <h1 class="utrecht-heading-1">{t('compareTitle')}</h1>
      <div class="table-scroll">
        <table class="utrecht-table public-compare">
          <caption class="utrecht-table__caption">{t('compareCaption', { count: schools.length })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('colItem')}
              </th>
              {schools.map((school) => (
                <th class="utrecht-table__header-cell" scope="col">
                  <a class="utrecht-link" href={publicHref(schoolPath(swv.partnership.slug, school.locationCode), props.locale)}>
                    {school.name}
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.flatMap((row) => {
              const header =
                row.sectionTitle !== lastSection ? (
                  <tr class="utrecht-table__row public-compare__section">
                    <th class="utrecht-table__header-cell" scope="colgroup" colspan={schools.length + 1}>
                      {row.sectionTitle}
                    </th>
                  </tr>
                ) : null;
              lastSection = row.sectionTitle;
              const line = (
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="row">
                    {row.title}
                  </th>
                  {row.cells.map((cell) => (
                    <td class="utrecht-table__cell">
                      {cell ? (
                        <>
                          <AnswerCell row={cell} t={t} /> <StatusWord status={cell.status} t={t} />
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  ))}
                </tr>
              );
              return header ? [header, line] : [line];
            })}
          </tbody>
        </table>
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={publicHref(`/${swv.partnership.slug}`, props.locale)}>
          {t('backToSearch')}
        </a>
      </p>
    </>
  );
}

export function MessageView(props: { title: string; body: string; link?: { href: string; label: string } }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{props.title}</h1>
      <p class="utrecht-paragraph">{props.body}</p>
      {props.link && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={props.link.href}>
            {props.link.label}
          </a>
        </p>
      )}
    </>
  );
}

/** The parent poster for an iframe on the school's own website: compact, no header or footer, links open on top. */
export function EmbedView(props: { page: SchoolPage; locale: Locale; fullHref: string }) {
  const t = translator(publicMessages, props.locale);
  const { school, content } = props.page;
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t('posterHeading')} — ${school.name}`}</title>
        <link rel="stylesheet" href="/static/utrecht.css" />
        <link rel="stylesheet" href="/static/theme.css" />
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="utrecht-document voorbeeld-theme public-embed">
        <main>
          <h1 class="utrecht-heading-2">
            {t('posterHeading')} — {school.name}
          </h1>
          <p class="utrecht-paragraph">{t('schoolYear', { year: content.profile.schoolYear })}</p>
          <ul class="public-poster">
            {props.page.poster.map((row) => (
              <li class="public-poster__entry">
                <h2 class="utrecht-heading-3">{row.title}</h2>
                {row.parentText && <p class="utrecht-paragraph">{row.parentText}</p>}
                <p class="utrecht-paragraph">
                  <AnswerCell row={row} t={t} /> <StatusWord status={row.status} t={t} />
                </p>
              </li>
            ))}
          </ul>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={props.fullHref} target="_blank" rel="noopener">
              {t('embedMore')}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
