/** @jsxImportSource hono/jsx */
/** Self-assessment with review checklist: the SWV's standards, the checklists, the side-by-side page, the overview. */
import { Alert, Button, ButtonLink, CsrfField, ErrorSummary, RadioGroupField, SelectField, StatusTag, TextAreaField, TextField, type FieldErrors } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { formatDate, formatMomentDate } from '../../../ui/dates.js';
import type { RowStatus } from '../differences.js';
import type { ChecklistPage } from '../load-checklist-page.js';
import type { QualityOverview } from '../load-quality-overview.js';
import type { SchoolQualityPage } from '../load-school-quality-page.js';
import type { StandardsPage } from '../load-standards-page.js';
import { qualityT } from '../messages.js';
import type { StandardsFileError } from '../standards-file.js';

type Values = Record<string, string> | null;

export function StandardsView(props: { page: StandardsPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Values; saved: string | undefined; fileErrors: StandardsFileError[] }) {
  const t = qualityT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors } = props;
  const value = (name: string, fallback: string) => props.values?.[name] ?? fallback;
  const base = `/swv/${page.partnership.id}/kwaliteit/standaarden`;
  const used = new Set([...page.usedIndicators, ...page.usedLevels]);
  const levels = [...page.standards.scale, { key: '', label: '', description: '' }];
  const domains = [...page.standards.domains.map((d) => ({ ...d, indicators: [...d.indicators, { key: '', text: '' }] })), { key: '', title: '', indicators: [1, 2, 3].map(() => ({ key: '', text: '' })) }];
  return (
    <>
      <h1 class="utrecht-heading-1">{t('standardsTitle')}</h1>
      <p class="utrecht-paragraph">{t('standardsIntro')}</p>
      {props.saved === 'formulier' && <Alert type="ok">{t('standardsSaved')}</Alert>}
      {props.saved === 'bestand' && <Alert type="ok">{t('standardsImported')}</Alert>}
      {page.isExample && <Alert type="info">{t('standardsExample')}</Alert>}

      <section aria-labelledby="standards-file-heading">
        <h2 class="utrecht-heading-2" id="standards-file-heading">
          {t('fileHeading')}
        </h2>
        <p class="utrecht-paragraph">{t('fileIntro')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/bestand`}>
            {t('exportLink')}
          </a>
        </p>
        {props.fileErrors.length > 0 && (
          <div class="utrecht-alert utrecht-alert--error" role="alert" id="file-errors">
            <h3 class="utrecht-heading-3">{t('fileErrorsTitle')}</h3>
            <ul class="utrecht-unordered-list">
              {props.fileErrors.map((error) => (
                <li class="utrecht-unordered-list__item">
                  {error.line ? t('fileErrorLine', { line: error.line, message: error.message }) : error.message}
                  {error.path ? ` (${error.path})` : ''}
                </li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={`${base}/bestand`} enctype="multipart/form-data">
          <CsrfField token={props.csrfToken} />
          <div class="utrecht-form-field">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="field-file">
                {t('fileLabel')}
              </label>
            </div>
            <div class="utrecht-form-field-description" id="field-file-hint">
              {t('fileHint')}
            </div>
            <div class="utrecht-form-field__input">
              <input id="field-file" type="file" name="file" accept=".yaml,.yml,.json,text/yaml,application/json" aria-describedby="field-file-hint" />
            </div>
          </div>
          <Button variant="secondary">{t('importButton')}</Button>
        </form>
      </section>

      <section aria-labelledby="standards-form-heading">
        <h2 class="utrecht-heading-2" id="standards-form-heading">
          {t('formHeading')}
        </h2>
        <p class="utrecht-paragraph">{t('formIntro')}</p>
        <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
        <form method="post" action={base} novalidate>
          <CsrfField token={props.csrfToken} />
          <TextField name="name" label={t('standardsName')} value={value('name', page.standards.name)} error={errors['name']} maxLength={160} />
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{t('scaleLegend')}</legend>
            <p class="utrecht-paragraph">{t('scaleIntro')}</p>
            {levels.map((level, n) => (
              <div class="quality-edit-row">
                <input type="hidden" name={`level_${n}_key`} value={level.key} />
                <TextField
                  name={`level_${n}_label`}
                  label={level.key ? t('levelLabel', { number: n + 1 }) : t('newLevelLabel')}
                  hint={level.key && used.has(level.key) ? t('inUseHint') : undefined}
                  value={value(`level_${n}_label`, level.label)}
                  error={errors[`level_${n}_label`]}
                  maxLength={60}
                />
                <TextField name={`level_${n}_description`} label={t('levelDescription', { number: n + 1 })} value={value(`level_${n}_description`, level.description ?? '')} error={errors[`level_${n}_description`]} maxLength={300} />
              </div>
            ))}
          </fieldset>
          {domains.map((domain, d) => (
            <fieldset class="utrecht-form-fieldset">
              <legend class="utrecht-form-fieldset__legend">{domain.key ? t('domainLegend', { title: domain.title }) : t('newDomainLegend')}</legend>
              <input type="hidden" name={`domain_${d}_key`} value={domain.key} />
              <TextField name={`domain_${d}_title`} label={t('domainTitle')} value={value(`domain_${d}_title`, domain.title)} error={errors[`domain_${d}_title`]} maxLength={120} />
              {domain.indicators.map((indicator, n) => (
                <>
                  <input type="hidden" name={`ind_${d}_${n}_key`} value={indicator.key} />
                  <TextAreaField
                    name={`ind_${d}_${n}_text`}
                    label={indicator.key ? t('indicatorLabel', { number: n + 1, domain: domain.title }) : t('newIndicatorLabel', { domain: domain.title || t('newDomainName') })}
                    hint={indicator.key && used.has(indicator.key) ? t('inUseHint') : undefined}
                    value={value(`ind_${d}_${n}_text`, indicator.text)}
                    error={errors[`ind_${d}_${n}_text`]}
                    maxLength={400}
                    rows={2}
                  />
                </>
              ))}
            </fieldset>
          ))}
          <Button>{t('saveStandards')}</Button>
        </form>
      </section>
    </>
  );
}

function YearPicker(props: { action: string; schoolYear: string; years: string[]; locale: Locale; extra?: Record<string, string> }) {
  const t = qualityT(props.locale);
  return (
    <form method="get" action={props.action} class="inline-form">
      {Object.entries(props.extra ?? {}).map(([name, v]) => (
        <input type="hidden" name={name} value={v} />
      ))}
      <SelectField name="jaar" label={t('schoolYear')} value={props.schoolYear} options={props.years.map((y) => ({ value: y, label: y }))} />
      <Button variant="secondary">{t('chooseYear')}</Button>
    </form>
  );
}

export function ChecklistView(props: { page: ChecklistPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Values; saved: boolean }) {
  const t = qualityT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors } = props;
  const isReview = page.kind === 'review';
  const path = `/scholen/${page.school.id}/kwaliteit/${isReview ? 'kijkwijzer' : 'zelfevaluatie'}`;
  const value = (name: string, fallback: string | null | undefined) => props.values?.[name] ?? fallback ?? '';
  const levelLabel = (key: string | null | undefined) => page.standards?.scale.find((level) => level.key === key)?.label ?? t('notRated');
  return (
    <>
      <h1 class="utrecht-heading-1">{isReview ? t('reviewTitle', { school: page.school.name }) : t('selfTitle', { school: page.school.name })}</h1>
      <p class="utrecht-paragraph">{isReview ? t('reviewIntro') : t('selfIntro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/scholen/${page.school.id}/kwaliteit?jaar=${page.schoolYear}`}>
          {t('toComparison')}
        </a>
      </p>
      {props.saved && <Alert type="ok">{isReview ? (page.saved?.shared ? t('reviewSavedShared') : t('reviewSavedDraft')) : t('selfSaved')}</Alert>}
      <YearPicker action={path} schoolYear={page.schoolYear} years={page.years} locale={props.locale} />
      {page.saved && (
        <p class="utrecht-paragraph muted">
          {t('lastSaved', { name: page.saved.byName, date: formatMomentDate(page.saved.at, props.locale) })}
          {isReview && ' '}
          {isReview && (page.saved.shared ? <StatusTag tone="success">{t('reviewShared')}</StatusTag> : <StatusTag tone="neutral">{t('reviewDraft')}</StatusTag>)}
        </p>
      )}
      {!page.standards ? (
        <p class="utrecht-paragraph">{t('noStandards')}</p>
      ) : !page.canEdit ? (
        page.standards.domains.map((domain) => (
          <section aria-labelledby={`domain-${domain.key}`}>
            <h2 class="utrecht-heading-2" id={`domain-${domain.key}`}>
              {domain.title}
            </h2>
            <dl class="quality-readonly">
              {domain.indicators.map((indicator) => (
                <>
                  <dt>{indicator.text}</dt>
                  <dd>
                    {levelLabel(page.ratings[indicator.key]?.levelKey)}
                    {page.ratings[indicator.key]?.remark ? ` — ${page.ratings[indicator.key]!.remark}` : ''}
                  </dd>
                </>
              ))}
            </dl>
          </section>
        ))
      ) : (
        <>
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
          <form method="post" action={path} novalidate>
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="schoolYear" value={page.schoolYear} />
            {isReview && <TextField name="visitedOn" type="date" label={t('visitedOn')} hint={t('visitedOnHint')} value={value('visitedOn', page.saved?.visitedOn)} error={errors['visitedOn']} />}
            {page.standards.domains.map((domain) => (
              <section aria-labelledby={`domain-${domain.key}`}>
                <h2 class="utrecht-heading-2" id={`domain-${domain.key}`}>
                  {domain.title}
                </h2>
                {domain.indicators.map((indicator) => (
                  <div class="quality-indicator" id={`indicator-${indicator.key}`}>
                    <RadioGroupField
                      name={`level_${indicator.key}`}
                      legend={indicator.text}
                      hint={isReview ? t('schoolRatedHint', { level: levelLabel(page.schoolRatings[indicator.key]) }) : undefined}
                      options={page.standards!.scale.map((level) => ({ value: level.key, label: level.description ? `${level.label} — ${level.description}` : level.label }))}
                      value={value(`level_${indicator.key}`, page.ratings[indicator.key]?.levelKey)}
                      error={errors[`level_${indicator.key}`]}
                    />
                    <TextAreaField
                      name={`remark_${indicator.key}`}
                      label={isReview ? t('reviewRemark') : t('selfRemark')}
                      value={value(`remark_${indicator.key}`, page.ratings[indicator.key]?.remark)}
                      error={errors[`remark_${indicator.key}`]}
                      maxLength={1000}
                      rows={2}
                    />
                  </div>
                ))}
              </section>
            ))}
            {isReview ? (
              <div class="button-row">
                <Button variant="secondary">{t('saveDraft')}</Button>{' '}
                {page.saved?.shared ? (
                  <Button name="share" value="1">
                    {t('saveReviewShared')}
                  </Button>
                ) : (
                  <Button name="share" value="1">
                    {t('saveAndShare')}
                  </Button>
                )}
              </div>
            ) : (
              <Button>{t('saveSelf')}</Button>
            )}
          </form>
        </>
      )}
    </>
  );
}

const STATUS_TONE: Record<RowStatus, 'neutral' | 'info' | 'success' | 'warning'> = { same: 'success', difference: 'warning', discussed: 'info', resolved: 'success', incomplete: 'neutral' };

export function SchoolQualityView(props: { page: SchoolQualityPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Values; notice: string | undefined }) {
  const t = qualityT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors } = props;
  const base = `/scholen/${page.school.id}/kwaliteit`;
  const statusText = (status: RowStatus) => t(`status.${status}`);
  const failedIndicator = props.values?.['indicatorKey'];
  return (
    <>
      <h1 class="utrecht-heading-1">{t('comparisonTitle', { school: page.school.name })}</h1>
      <p class="utrecht-paragraph">{t('comparisonIntro')}</p>
      {props.notice === 'opgelost' && <Alert type="ok">{t('resolutionSaved')}</Alert>}
      <YearPicker action={base} schoolYear={page.schoolYear} years={page.years} locale={props.locale} />
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={`${base}/zelfevaluatie?jaar=${page.schoolYear}`}>
            {page.canSelfAssess ? t('selfLinkEdit') : t('selfLinkView')}
          </a>{' '}
          {page.self ? t('lastSaved', { name: page.self.byName, date: formatMomentDate(page.self.at, props.locale) }) : t('selfNone')}
        </li>
        <li class="utrecht-unordered-list__item">
          {page.canReview ? (
            <a class="utrecht-link" href={`${base}/kijkwijzer?jaar=${page.schoolYear}`}>
              {t('reviewLink')}
            </a>
          ) : (
            t('reviewLabel')
          )}{' '}
          {page.review
            ? `${page.review.visitedOn ? t('visitOn', { date: formatDate(page.review.visitedOn, props.locale) }) : ''} ${t('byName', { name: page.review.byName })} `
            : page.reviewPending
              ? t('reviewPending')
              : t('reviewNone')}
          {page.review && (page.review.shared ? <StatusTag tone="success">{t('reviewShared')}</StatusTag> : <StatusTag tone="neutral">{t('reviewDraft')}</StatusTag>)}
        </li>
      </ul>
      {!page.hasStandards ? (
        <p class="utrecht-paragraph">{t('noStandards')}</p>
      ) : (
        <>
          {page.review && (
            <p class="utrecht-paragraph" id="difference-count">
              <strong>{t('differenceCount', { count: page.counts.differences, resolved: page.counts.resolved, discussed: page.counts.discussed })}</strong>
            </p>
          )}
          {page.review && !page.review.shared && <Alert type="info">{t('resolveAfterSharing')}</Alert>}
          <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
          {page.domains.map((domain) => (
            <table class="utrecht-table quality-comparison">
              <caption class="utrecht-table__caption">{domain.title}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th scope="col" class="utrecht-table__header-cell">
                    {t('indicatorColumn')}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell">
                    {t('selfColumn')}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell">
                    {t('reviewColumn')}
                  </th>
                  <th scope="col" class="utrecht-table__header-cell">
                    {t('statusColumn')}
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {domain.rows.map((row) => {
                  const isDifference = row.status === 'difference' || row.status === 'discussed' || row.status === 'resolved';
                  return (
                    <tr class={`utrecht-table__row${isDifference ? ' quality-row--difference' : ''}`} id={`row-${row.key}`}>
                      <th scope="row" class="utrecht-table__header-cell">
                        {row.text}
                      </th>
                      <td class="utrecht-table__cell">
                        <strong>{row.self.level?.label ?? t('notRated')}</strong>
                        {row.self.remark && <p class="quality-remark">{row.self.remark}</p>}
                      </td>
                      <td class="utrecht-table__cell">
                        {page.review ? <strong>{row.review.level?.label ?? t('notRated')}</strong> : '—'}
                        {row.review.remark && <p class="quality-remark">{row.review.remark}</p>}
                      </td>
                      <td class="utrecht-table__cell">
                        {page.review || row.status !== 'incomplete' ? <StatusTag tone={STATUS_TONE[row.status]}>{statusText(row.status)}</StatusTag> : '—'}
                        {row.resolution && (
                          <div class="quality-resolution">
                            {row.resolution.agreed && <p>{t('agreedLevel', { level: row.resolution.agreed.label })}</p>}
                            <p>{row.resolution.note}</p>
                            <p class="muted">{t('recordedBy', { name: row.resolution.byName, date: formatMomentDate(row.resolution.at, props.locale) })}</p>
                          </div>
                        )}
                        {page.canResolve && isDifference && (
                          <details class="quality-resolve" open={failedIndicator === row.key || undefined}>
                            <summary>{row.status === 'resolved' ? t('changeResolution') : t('resolveSummary')}</summary>
                            <form method="post" action={`${base}/verschillen`} novalidate>
                              <CsrfField token={props.csrfToken} />
                              <input type="hidden" name="schoolYear" value={page.schoolYear} />
                              <input type="hidden" name="indicatorKey" value={row.key} />
                              <SelectField
                                name={`agreedLevel`}
                                label={t('agreedLevelLabel')}
                                emptyLabel={t('notAgreedYet')}
                                options={page.scale.map((level) => ({ value: level.key, label: level.label }))}
                                value={failedIndicator === row.key ? (props.values?.['agreedLevel'] ?? '') : (row.resolution?.agreed?.key ?? '')}
                                error={failedIndicator === row.key ? errors['agreedLevel'] : undefined}
                              />
                              <TextAreaField
                                name="note"
                                label={t('noteLabel')}
                                hint={t('noteHint')}
                                value={failedIndicator === row.key ? (props.values?.['note'] ?? '') : (row.resolution?.note ?? '')}
                                error={failedIndicator === row.key ? errors['note'] : undefined}
                                maxLength={1000}
                                rows={3}
                              />
                              <Button>{t('saveResolution')}</Button>
                            </form>
                          </details>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ))}
        </>
      )}
    </>
  );
}

export function QualityOverviewView(props: { page: QualityOverview; locale: Locale; canManage: boolean }) {
  const t = qualityT(props.locale);
  const { page } = props;
  const action = page.board ? `/besturen/${page.board.id}/kwaliteit` : `/swv/${page.partnership.id}/kwaliteit`;
  const title = page.board ? t('boardOverviewTitle', { board: page.board.name, year: page.schoolYear }) : t('overviewTitle', { year: page.schoolYear });
  const reviewText = (row: QualityOverview['schools'][number]) => (row.review === 'none' ? t('reviewNone') : row.review === 'draft' ? t('reviewDraft') : row.visitedOn ? t('reviewSharedOn', { date: formatDate(row.visitedOn, props.locale) }) : t('reviewShared'));
  return (
    <>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('overviewIntro')}</p>
      {page.isLimited && <Alert type="info">{t('overviewLimited')}</Alert>}
      {props.canManage && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/swv/${page.partnership.id}/kwaliteit/standaarden`}>
            {t('manageStandardsLink')}
          </a>
        </p>
      )}
      <form method="get" action={action} class="inline-form">
        <SelectField name="jaar" label={t('schoolYear')} value={page.schoolYear} options={page.years.map((y) => ({ value: y, label: y }))} />
        {page.filters.boards.length > 0 && (
          <SelectField name="bestuur" label={t('boardFilter')} emptyLabel={t('allBoards')} value={page.filters.boardId ?? ''} options={page.filters.boards.map((b) => ({ value: b.id, label: b.name }))} />
        )}
        {page.filters.districts.length > 0 && (
          <SelectField name="regio" label={t('districtFilter')} emptyLabel={t('allDistricts')} value={page.filters.districtId ?? ''} options={page.filters.districts.map((d) => ({ value: d.id, label: d.name }))} />
        )}
        <Button variant="secondary">{t('applyFilter')}</Button>
      </form>
      {!page.hasStandards ? (
        <p class="utrecht-paragraph">{t('noStandardsOverview')}</p>
      ) : (
        <>
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{t('perSchoolCaption', { year: page.schoolYear })}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">{t('schoolColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('boardColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('districtColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('selfRatedColumn', { total: page.indicatorCount })}</th>
                <th scope="col" class="utrecht-table__header-cell">{t('reviewColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('differencesColumn')}</th>
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('resolvedColumn')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {page.schools.map((row) => (
                <tr class="utrecht-table__row">
                  <th scope="row" class="utrecht-table__header-cell">
                    <a class="utrecht-link" href={`/scholen/${row.id}/kwaliteit?jaar=${page.schoolYear}`}>
                      {row.name}
                    </a>
                  </th>
                  <td class="utrecht-table__cell">{row.boardName}</td>
                  <td class="utrecht-table__cell">{row.districtName ?? t('noDistrict')}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.selfRated}</td>
                  <td class="utrecht-table__cell">{reviewText(row)}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.review === 'shared' ? row.differences : '—'}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.review === 'shared' ? row.resolved : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="utrecht-paragraph">{t('perIndicatorIntro')}</p>
          {page.domains.map((domain) => (
            <table class="utrecht-table quality-overview">
              <caption class="utrecht-table__caption">{domain.title}</caption>
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th scope="col" rowspan={2} class="utrecht-table__header-cell">
                    {t('indicatorColumn')}
                  </th>
                  <th scope="colgroup" colspan={page.scale.length} class="utrecht-table__header-cell">
                    {t('selfColumn')}
                  </th>
                  <th scope="colgroup" colspan={page.scale.length} class="utrecht-table__header-cell">
                    {t('reviewColumnShared')}
                  </th>
                  <th scope="col" rowspan={2} class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                    {t('differencesColumn')}
                  </th>
                  <th scope="col" rowspan={2} class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                    {t('resolvedColumn')}
                  </th>
                </tr>
                <tr class="utrecht-table__row">
                  {[...page.scale, ...page.scale].map((level) => (
                    <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                      {level.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {domain.indicators.map((row) => (
                  <tr class={`utrecht-table__row${row.differences > 0 ? ' quality-row--difference' : ''}`}>
                    <th scope="row" class="utrecht-table__header-cell">
                      {row.text}
                    </th>
                    {[...row.selfCounts, ...row.reviewCounts].map((n) => (
                      <td class="utrecht-table__cell utrecht-table__cell--numeric">{n}</td>
                    ))}
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.differences}</td>
                    <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.resolved}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </>
      )}
      {page.board && (
        <p class="utrecht-paragraph">
          <ButtonLink href={`/besturen/${page.board.id}`} variant="secondary">
            {t('backToBoard')}
          </ButtonLink>
        </p>
      )}
    </>
  );
}
