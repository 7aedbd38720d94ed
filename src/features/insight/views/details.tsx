/** @jsxImportSource hono/jsx */
/** Per school its gaps; per item the schools below the norm — both against the SWV's and the national norm side by side. */
import type { Locale } from '../../../ui/i18n.js';
import { describeNorm } from '../../templates/model/answer.js';
import type { ItemSchoolsPage } from '../load-item-schools.js';
import type { SchoolGapsPage } from '../load-school-gaps.js';
import { answerHref, insightPath, insightT, pupilsText, StatusWord, TallyChart, YearPicker } from './shared.js';

export function SchoolGapsView(props: { page: SchoolGapsPage; locale: Locale }) {
  const t = insightT(props.locale);
  const { page } = props;
  const { context, school } = page;
  const hasNational = context.normedItems.some((entry) => entry.hasNationalNorm);
  return (
    <>
      <h1 class="utrecht-heading-1">{t('schoolGapsTitle', { school: school.name, year: context.schoolYear })}</h1>
      <YearPicker context={context} view={`/basisondersteuning/scholen/${school.id}`} locale={props.locale} />
      <p class="utrecht-paragraph">{t('schoolGapsIntro', { school: school.name, meets: page.meets, total: page.total })}</p>
      <p class="utrecht-paragraph">
        {t('board')}: {school.boardName} · {t('district')}: {school.districtName ?? t('noDistrict')} · {t('pupils')}: {pupilsText(school.pupils, t)}
      </p>
      {page.gaps.length === 0 ? (
        <p class="utrecht-paragraph">{t('schoolGapsNone')}</p>
      ) : (
        <table class="utrecht-table">
          <caption class="visually-hidden">{t('schoolGapsTitle', { school: school.name, year: context.schoolYear })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col">{t('section')}</th>
              <th scope="col">{t('normSwv')}</th>
              {hasNational && <th scope="col">{t('normNational')}</th>}
            </tr>
          </thead>
          <tbody>
            {page.gaps.map(({ entry, swv, national }) => (
              <tr>
                <th scope="row">
                  {school.profileId ? (
                    <a class="utrecht-link" href={answerHref(school.profileId, entry.section.key, entry.item.key)!}>
                      {entry.item.title}
                    </a>
                  ) : (
                    entry.item.title
                  )}
                </th>
                <td>{entry.section.title}</td>
                <td>
                  <StatusWord status={swv} locale={props.locale} />
                  {entry.hasNorm && <div class="insight-hint">{describeNorm(context.template, entry.item)}</div>}
                </td>
                {hasNational && (
                  <td>
                    <StatusWord status={national} locale={props.locale} />
                    {entry.hasNationalNorm && <div class="insight-hint">{describeNorm(context.template, entry.item, entry.item.nationalNorm)}</div>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {school.profileId && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/profielen/${school.profileId}`}>
            {t('toProfile')}
          </a>
        </p>
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={insightPath(context, '/basisondersteuning')}>
          {t('toMatrix')}
        </a>
      </p>
    </>
  );
}

export function ItemSchoolsView(props: { page: ItemSchoolsPage; locale: Locale }) {
  const t = insightT(props.locale);
  const { page } = props;
  const { context, entry } = page;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('itemSchoolsTitle', { item: entry.item.title, year: context.schoolYear })}</h1>
      <YearPicker context={context} view={`/basisondersteuning/vragen/${entry.item.key}`} locale={props.locale} />
      <p class="utrecht-paragraph">
        {t('section')}: {entry.section.title}
      </p>
      {entry.hasNorm && (
        <p class="utrecht-paragraph">
          {t('normSwv')}: {describeNorm(context.template, entry.item)}
        </p>
      )}
      {entry.hasNationalNorm && (
        <p class="utrecht-paragraph">
          {t('normNational')}: {describeNorm(context.template, entry.item, entry.item.nationalNorm)}
        </p>
      )}
      <p class="utrecht-paragraph">{t('itemSchoolsIntro')}</p>
      {page.swv && <TallyChart tally={page.swv} title={t('normSwv')} locale={props.locale} id="item-chart-swv" />}
      {page.national && <TallyChart tally={page.national} title={t('normNational')} locale={props.locale} id="item-chart-national" />}
      <table class="utrecht-table">
        <caption class="visually-hidden">{entry.item.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('school')}</th>
            <th scope="col">{t('board')}</th>
            <th scope="col">{t('district')}</th>
            {page.swv && <th scope="col">{t('normSwv')}</th>}
            {page.national && <th scope="col">{t('normNational')}</th>}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr>
              <th scope="row">
                <a class="utrecht-link" href={insightPath(context, `/basisondersteuning/scholen/${row.school.id}`)}>
                  {row.school.name}
                </a>
              </th>
              <td>{row.school.boardName}</td>
              <td>{row.school.districtName ?? t('noDistrict')}</td>
              {page.swv && (
                <td>
                  <StatusWord status={row.swv} locale={props.locale} />
                </td>
              )}
              {page.national && (
                <td>
                  <StatusWord status={row.national} locale={props.locale} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={insightPath(context, '/basisondersteuning')}>
          {t('toMatrix')}
        </a>
      </p>
    </>
  );
}
