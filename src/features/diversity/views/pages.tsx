/** @jsxImportSource hono/jsx */
/** The diversity index pages: the SWV's categories, the school's groups, the SWV's care load per school. */
import { Alert, Button, CheckboxField, CsrfField, ErrorSummary, RadioGroupField, SelectField, TextField, type FieldErrors } from '../../../ui/components.js';
import type { TemplateFileError } from '../../templates/api.js';
import { describeFileError } from '../../templates/api.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { uiMessages } from '../../../ui/messages.js';
import { formatDutchNumber, formatDutchNumberForInput } from '../../templates/model/dutch-number.js';
import { ARITHMETICS, roundIndex, type Arithmetic, type CareLoad } from '../care-load.js';
import type { ProfileDisclosure } from '../load-profile-disclosure.js';
import { indexTexts } from '../index-texts.js';
import type { CategoriesPage } from '../load-categories-page.js';
import type { PartnershipDiversityPage, PlaceLoad, PlaceTrend } from '../load-partnership-diversity-page.js';
import type { SchoolDiversityPage } from '../load-school-diversity-page.js';
import { diversityT } from '../messages.js';

const factorText = (hundredths: number) => formatDutchNumber(hundredths / 100);
const pointsText = (load: CareLoad) => formatDutchNumber(load.pointsHundredths / 100);
/** The figure of an arithmetic as shown: a care load with two decimals, a weighted group size with one. */
export const figureText = (figure: number | null, arithmetic: Arithmetic) =>
  figure === null ? '—' : arithmetic === 'points-per-pupil' ? formatDutchNumber(roundIndex(figure)) : formatDutchNumber(Math.round(figure * 10) / 10);

export interface CategoriesFileState {
  fileErrors: TemplateFileError[];
  fileProblem: string | null;
  imported: boolean;
}

export function CategoriesView(props: { page: CategoriesPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string> | null; saved: boolean; file: CategoriesFileState }) {
  const t = diversityT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors } = props;
  const value = (name: string, fallback: string) => props.values?.[name] ?? fallback;
  const rows = [
    ...page.categories.map((c) => ({ key: c.id, name: c.name, factor: formatDutchNumberForInput(c.factorHundredths / 100) })),
    ...page.newRows.map((r) => ({ key: r.key, name: r.name, factor: r.factorHundredths === null ? '' : formatDutchNumberForInput(r.factorHundredths / 100) })),
  ];
  return (
    <>
      <h1 class="utrecht-heading-1">{t('categoriesTitle')}</h1>
      <p class="utrecht-paragraph">{t('categoriesIntro')}</p>
      {props.saved && <Alert type="ok" role="status">{t('categoriesSaved')}</Alert>}
      {props.file.imported && <Alert type="ok" role="status">{t('imported')}</Alert>}
      {page.isExample && <Alert type="info">{t('categoriesExample')}</Alert>}
      <form method="get" action={`/swv/${page.partnership.id}/verscheidenheid/categorieen`} class="inline-form">
        <SelectField name="jaar" label={t('showYear')} value={page.schoolYear} options={page.years.map((y) => ({ value: y, label: y }))} />
        <Button variant="secondary">{t('chooseYear')}</Button>
      </form>
      <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
      <form method="post" action={`/swv/${page.partnership.id}/verscheidenheid/categorieen`} novalidate>
        <CsrfField token={props.csrfToken} />
        <SelectField name="schoolYear" label={t('categoriesYear')} hint={t('categoriesYearHint')} value={value('schoolYear', page.schoolYear)} options={page.years.map((y) => ({ value: y, label: y }))} error={errors['schoolYear']} />
        <RadioGroupField name="arithmetic" legend={t('arithmeticLegend')} value={value('arithmetic', page.arithmetic)} options={ARITHMETICS.map((a) => ({ value: a, label: t(`arithmetic_${a}`) }))} error={errors['arithmetic']} />
        {rows.map((row, i) => (
          <fieldset class="utrecht-form-fieldset">
            <legend class="utrecht-form-fieldset__legend">{row.key.startsWith('new') && !page.isExample ? t('newCategory') : t('categoryLegend', { number: i + 1 })}</legend>
            <TextField name={`name_${row.key}`} label={t('categoryName')} value={value(`name_${row.key}`, row.name)} error={errors[`name_${row.key}`]} maxLength={120} />
            <TextField name={`factor_${row.key}`} label={t('categoryFactor')} hint={t('categoryFactorHint')} value={value(`factor_${row.key}`, row.factor)} error={errors[`factor_${row.key}`]} />
          </fieldset>
        ))}
        <Button>{t('saveCategories')}</Button>
      </form>
      <section aria-labelledby="index-file">
        <h2 class="utrecht-heading-2" id="index-file">
          {t('fileHeading')}
        </h2>
        <p class="utrecht-paragraph">{t('fileIntro')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/swv/${page.partnership.id}/verscheidenheid/bestand?jaar=${page.schoolYear}`} download>
            {t('download', { year: page.schoolYear })}
          </a>
          {page.isExample && ` ${t('exampleFileNote')}`}
        </p>
        {props.file.fileErrors.length > 0 && (
          <Alert type="error" role="alert">
            <p class="utrecht-paragraph">{t('importErrors')}</p>
            <ul class="utrecht-unordered-list">
              {props.file.fileErrors.map((e) => (
                <li>{describeFileError(e)}</li>
              ))}
            </ul>
          </Alert>
        )}
        <form method="post" action={`/swv/${page.partnership.id}/verscheidenheid/importeren`} enctype="multipart/form-data">
          <CsrfField token={props.csrfToken} />
          <SelectField name="schoolYear" label={t('importYear')} value={page.schoolYear} options={page.years.map((y) => ({ value: y, label: y }))} />
          <div class={`utrecht-form-field${props.file.fileProblem ? ' utrecht-form-field--invalid' : ''}`}>
            <label class="utrecht-form-label" for="index-file-input">
              {t('fileLabel')}
            </label>
            <p class="utrecht-form-field-description" id="index-file-hint">
              {t('fileHint')}
            </p>
            {props.file.fileProblem && (
              <p class="utrecht-form-field-error-message" id="index-file-error">
                {props.file.fileProblem}
              </p>
            )}
            <input class="utrecht-textbox" type="file" id="index-file-input" name="file" accept=".yaml,.yml,.json" aria-describedby={props.file.fileProblem ? 'index-file-hint index-file-error' : 'index-file-hint'} />
          </div>
          <Button variant="secondary">{t('importButton')}</Button>
        </form>
      </section>
    </>
  );
}

export function SchoolDiversityView(props: { page: SchoolDiversityPage; locale: Locale; csrfToken: string; errors: FieldErrors; values: Record<string, string> | null; saved: boolean }) {
  const t = diversityT(props.locale);
  const ui = translator(uiMessages, props.locale);
  const { page, errors } = props;
  const editing = page.editing;
  const value = (name: string, fallback: string) => props.values?.[name] ?? fallback;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('schoolTitle', { school: page.school.name })}</h1>
      <p class="utrecht-paragraph">{t('schoolIntro')}</p>
      {props.saved && <Alert type="ok" role="status">{t('groupSaved')}</Alert>}
      <form method="get" action={`/scholen/${page.school.id}/verscheidenheid`} class="inline-form">
        <SelectField name="jaar" label={t('schoolYear')} value={page.schoolYear} options={page.years.map((y) => ({ value: y, label: y }))} />
        <Button variant="secondary">{t('chooseYear')}</Button>
      </form>
      {page.groups.length === 0 ? (
        <p class="utrecht-paragraph">{t('noGroups')}</p>
      ) : (
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('groupsCaption', { year: page.schoolYear })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th scope="col" class="utrecht-table__header-cell">{t('groupColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('pupilsColumn')}</th>
              {page.categories.map((c) => (
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
                  {c.name} (× {factorText(c.factorHundredths)})
                </th>
              ))}
              <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('pointsColumn')}</th>
              <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t(`figure_${page.arithmetic}`)}</th>
              {page.canEdit && <td class="utrecht-table__header-cell"></td>}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {page.groups.map((g) => (
              <tr class="utrecht-table__row">
                <th scope="row" class="utrecht-table__header-cell">{g.name}</th>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.load.pupils}</td>
                {page.categories.map((c) => (
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{g.counts[c.id] ?? 0}</td>
                ))}
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{pointsText(g.load)}</td>
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{figureText(g.figure, page.arithmetic)}</td>
                {page.canEdit && (
                  <td class="utrecht-table__cell">
                    <a class="utrecht-link" href={`/scholen/${page.school.id}/verscheidenheid?jaar=${page.schoolYear}&groep=${g.id}`} aria-label={t('editGroupLabel', { group: g.name })}>
                      {t('editGroup')}
                    </a>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="utrecht-table__row">
              <th scope="row" class="utrecht-table__header-cell">{t('schoolTotal')}</th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{page.school_load.pupils}</td>
              {page.categories.map((c) => (
                <td class="utrecht-table__cell utrecht-table__cell--numeric">{page.groups.reduce((sum, g) => sum + (g.counts[c.id] ?? 0), 0)}</td>
              ))}
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{pointsText(page.school_load)}</td>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{figureText(page.schoolFigure, page.arithmetic)}</td>
              {page.canEdit && <td class="utrecht-table__cell"></td>}
            </tr>
          </tfoot>
        </table>
      )}
      {page.canEdit &&
        (page.categories.length === 0 ? (
          <p class="utrecht-paragraph">{t('noCategories')}</p>
        ) : (
          <section aria-labelledby="group-form-heading">
            <h2 class="utrecht-heading-2" id="group-form-heading">
              {editing ? t('groupFormEdit', { group: editing.name }) : t('groupFormNew')}
            </h2>
            <ErrorSummary title={ui('errorSummaryTitle')} errors={errors} />
            <form method="post" action={`/scholen/${page.school.id}/verscheidenheid`} novalidate>
              <CsrfField token={props.csrfToken} />
              <input type="hidden" name="schoolYear" value={page.schoolYear} />
              {editing && <input type="hidden" name="groupId" value={editing.id} />}
              <TextField name="name" label={t('groupName')} hint={t('groupNameHint')} value={value('name', editing?.name ?? '')} error={errors['name']} maxLength={40} />
              <TextField name="pupilCount" label={t('pupilCount')} value={value('pupilCount', editing ? String(editing.pupilCount) : '')} error={errors['pupilCount']} />
              {page.categories.map((c) => (
                <TextField
                  name={`count_${c.id}`}
                  label={t('countLabel', { category: c.name, factor: factorText(c.factorHundredths) })}
                  value={value(`count_${c.id}`, editing ? String(editing.counts[c.id] ?? 0) : '')}
                  error={errors[`count_${c.id}`]}
                />
              ))}
              <Button>{t('saveGroup')}</Button>
            </form>
          </section>
        ))}
    </>
  );
}

function PlaceTable(props: { caption: string; firstColumn: string; rows: Array<PlaceLoad & { extra?: string[] }>; extraColumns?: string[]; locale: Locale; emptyName: string; arithmetic: Arithmetic }) {
  const t = diversityT(props.locale);
  return (
    <table class="utrecht-table">
      <caption class="utrecht-table__caption">{props.caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th scope="col" class="utrecht-table__header-cell">{props.firstColumn}</th>
          {(props.extraColumns ?? []).map((name) => (
            <th scope="col" class="utrecht-table__header-cell">{name}</th>
          ))}
          <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('groupsColumn')}</th>
          <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t('pupilsColumn')}</th>
          <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">{t(`figure_${props.arithmetic}`)}</th>
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {props.rows.map((row) => (
          <tr class="utrecht-table__row">
            <th scope="row" class="utrecht-table__header-cell">{row.name || props.emptyName}</th>
            {(row.extra ?? []).map((cell) => (
              <td class="utrecht-table__cell">{cell}</td>
            ))}
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.groups}</td>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.groups ? row.load.pupils : '—'}</td>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.groups ? figureText(row.figure, props.arithmetic) : t('notFilled')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PartnershipDiversityView(props: { page: PartnershipDiversityPage; locale: Locale }) {
  const t = diversityT(props.locale);
  const { page } = props;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('partnershipTitle', { year: page.schoolYear })}</h1>
      <p class="utrecht-paragraph">{t('partnershipIntro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/swv/${page.partnership.id}/verscheidenheid/categorieen`}>
          {t('manageCategoriesLink')}
        </a>
      </p>
      <form method="get" action={`/swv/${page.partnership.id}/verscheidenheid`} class="inline-form">
        <SelectField name="jaar" label={t('schoolYear')} value={page.schoolYear} options={page.years.map((y) => ({ value: y, label: y }))} />
        <Button variant="secondary">{t('chooseYear')}</Button>
      </form>
      <PlaceTable
        caption={t('perSchool', { year: page.schoolYear })}
        firstColumn={t('schoolColumn')}
        extraColumns={[t('boardColumn'), t('districtColumn')]}
        rows={page.schools.map((s) => ({ ...s, extra: [s.boardName, s.districtName ?? t('noDistrict')] }))}
        locale={props.locale}
        emptyName=""
        arithmetic={page.arithmetic}
      />
      <PlaceTable caption={t('perBoard', { year: page.schoolYear })} firstColumn={t('boardColumn')} rows={page.boards} locale={props.locale} emptyName="" arithmetic={page.arithmetic} />
      <PlaceTable caption={t('perDistrict', { year: page.schoolYear })} firstColumn={t('districtColumn')} rows={page.districts} locale={props.locale} emptyName={t('noDistrict')} arithmetic={page.arithmetic} />
      <h2 class="utrecht-heading-2">{t('trendHeading')}</h2>
      <p class="utrecht-paragraph">{t('trendIntro', { figure: t(`figure_${page.arithmetic}`).toLocaleLowerCase(props.locale) })}</p>
      <TrendTable caption={t('trendSchools', { figure: t(`figure_${page.arithmetic}`) })} firstColumn={t('schoolColumn')} rows={page.trend.schools} page={page} locale={props.locale} />
      <TrendTable caption={t('trendBoards', { figure: t(`figure_${page.arithmetic}`) })} firstColumn={t('boardColumn')} rows={page.trend.boards} page={page} locale={props.locale} />
      <TrendTable caption={t('trendDistricts', { figure: t(`figure_${page.arithmetic}`) })} firstColumn={t('districtColumn')} rows={page.trend.districts} page={page} locale={props.locale} emptyName={t('noDistrict')} />
    </>
  );
}

function TrendTable(props: { caption: string; firstColumn: string; rows: PlaceTrend[]; page: PartnershipDiversityPage; locale: Locale; emptyName?: string }) {
  const t = diversityT(props.locale);
  return (
    <table class="utrecht-table">
      <caption class="utrecht-table__caption">{props.caption}</caption>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          <th scope="col" class="utrecht-table__header-cell">{props.firstColumn}</th>
          {props.page.trendYears.map((y) => (
            <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">
              {y.year}
              {y.arithmetic !== props.page.arithmetic && ` (${t(`figure_${y.arithmetic}`).toLocaleLowerCase(props.locale)})`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="utrecht-table__body">
        {props.rows.map((row) => (
          <tr class="utrecht-table__row">
            <th scope="row" class="utrecht-table__header-cell">{row.name || props.emptyName || ''}</th>
            {props.page.trendYears.map((y) => (
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{row.figures[y.year] === null ? '' : figureText(row.figures[y.year]!, y.arithmetic)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** On the profile's cycle page: the school's choice to show its index with the limits, and the figures shown. */
export function DisclosureSection(props: { view: ProfileDisclosure; locale: Locale; csrfToken: string; saved: boolean }) {
  const t = diversityT(props.locale);
  const { view } = props;
  const texts = view.index ? indexTexts(view.index) : null;
  return (
    <section aria-labelledby="diversity-disclosure">
      <h2 class="utrecht-heading-2" id="diversity-disclosure">
        {t('disclosureHeading')}
      </h2>
      <p class="utrecht-paragraph">{t('disclosureIntro')}</p>
      {props.saved && <Alert type="ok" role="status">{t('disclosureSaved')}</Alert>}
      <p class="utrecht-paragraph">
        {view.index && texts
          ? t('disclosureFigures', { year: view.schoolYear, pupils: view.index.pupils, groups: view.index.groups, size: texts.size, figureName: t(`figure_${view.index.arithmetic}`).toLocaleLowerCase(props.locale), figure: texts.figure })
          : t('disclosureNoData', { year: view.schoolYear })}
      </p>
      {view.canChange ? (
        <form method="post" action={`/profielen/${view.profileId}/verscheidenheid`}>
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="keuze" value="1" />
          <CheckboxField name="include" value="ja" label={t('disclosureCheckbox')} checked={view.included} />
          <Button variant="secondary">{t('disclosureSave')}</Button>
        </form>
      ) : (
        <p class="utrecht-paragraph">{view.included ? t('disclosureOn') : t('disclosureOff')}</p>
      )}
    </section>
  );
}
