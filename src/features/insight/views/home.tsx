/** @jsxImportSource hono/jsx */
/** The insight home: the round, the norm, the largest gaps, the coverage holes, recent activity — each a link onward. */
import type { Locale } from '../../../ui/i18n.js';
import { formatDate } from '../../../ui/dates.js';
import { PROFILE_STATUS_LABELS } from '../../cycle/profile-status.js';
import { PROFILE_STATUSES, type ProfileStatus } from '../../questionnaire/api.js';
import { percent } from '../figures.js';
import type { InsightHome } from '../load-insight-home.js';
import { ExportLinks, insightPath, insightT, PdfLink, TallyChart, YearPicker } from './shared.js';

export function progressHref(home: InsightHome): string {
  const { place, schoolYear } = home.context;
  return place.boardId ? `/besturen/${place.boardId}/voortgang?jaar=${schoolYear}` : `/swv/${place.partnershipId}/cyclus/${schoolYear}`;
}

export function InsightHomeView(props: { home: InsightHome; locale: Locale }) {
  const t = insightT(props.locale);
  const { home } = props;
  const { context } = home;
  const labels = PROFILE_STATUS_LABELS[props.locale];
  const deadline = formatDate(context.cycle.submitDeadline, props.locale);
  const judged = (tally: { meets: number; below: number; ambition: number; 'cannot-judge': number }) => tally.meets + tally.below + tally.ambition + tally['cannot-judge'];
  return (
    <>
      <h1 class="utrecht-heading-1">{t('insightTitle', { year: context.schoolYear })}</h1>
      <p class="utrecht-paragraph">{t('homeIntro', { place: context.place.name, year: context.schoolYear })}</p>
      <YearPicker context={context} view="" locale={props.locale} />
      <div class="insight-cards">
        <section class="insight-card" aria-labelledby="round-heading">
          <h2 class="utrecht-heading-2" id="round-heading">
            {t('roundHeading')}
          </h2>
          <table class="utrecht-table">
            <caption class="visually-hidden">{t('statusCountsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('schools')}</th>
              </tr>
            </thead>
            <tbody>
              {PROFILE_STATUSES.map((status: ProfileStatus) => (
                <tr>
                  <th scope="row">
                    <a class="utrecht-link" href={`${progressHref(home)}${progressHref(home).includes('?') ? '&' : '?'}status=${status}`}>
                      {labels[status]}
                    </a>
                  </th>
                  <td>{home.statusCounts[status]}</td>
                </tr>
              ))}
              {home.withoutProfile > 0 && (
                <tr>
                  <th scope="row">{t('withoutProfile')}</th>
                  <td>{home.withoutProfile}</td>
                </tr>
              )}
            </tbody>
          </table>
          <p class="utrecht-paragraph" data-figure="deadline">
            {home.daysToDeadline > 0
              ? t('daysToDeadline', { days: home.daysToDeadline, date: deadline })
              : home.daysToDeadline === 0
                ? t('deadlineToday', { date: deadline })
                : t('deadlinePassed', { days: -home.daysToDeadline, date: deadline })}
          </p>
          <h3 class="utrecht-heading-3">{t('lateHeading')}</h3>
          {home.late.length === 0 ? (
            <p class="utrecht-paragraph">{t('lateNone')}</p>
          ) : (
            <ul class="utrecht-unordered-list" data-figure="late">
              {home.late.map(({ school, submittedLate }) => (
                <li>
                  <a class="utrecht-link" href={`/profielen/${school.profileId}/cyclus`}>
                    {school.name}
                  </a>{' '}
                  ({submittedLate ? t('lateSubmitted') : t('lateNotSubmitted')})
                </li>
              ))}
            </ul>
          )}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={progressHref(home)}>
              {t('toProgress')}
            </a>
          </p>
        </section>

        <section class="insight-card" aria-labelledby="norm-heading">
          <h2 class="utrecht-heading-2" id="norm-heading">
            {t('normHeading')}
          </h2>
          {judged(home.swv.tally) === 0 ? (
            <p class="utrecht-paragraph">{t('shareNone')}</p>
          ) : (
            <p class="utrecht-paragraph insight-figure" data-figure="share">
              <a class="utrecht-link" href={insightPath(context, '/basisondersteuning')}>
                {t('shareMeets', { share: percent(home.swv.share), meets: home.swv.tally.meets, judged: judged(home.swv.tally) })}
              </a>
            </p>
          )}
          {home.national && judged(home.national.tally) > 0 && (
            <p class="utrecht-paragraph" data-figure="national-share">
              <a class="utrecht-link" href={insightPath(context, '/basisondersteuning', { norm: 'landelijk' })}>
                {t('shareMeetsNational', { share: percent(home.national.share), meets: home.national.tally.meets, judged: judged(home.national.tally) })}
              </a>
            </p>
          )}
          <p class="utrecht-paragraph insight-hint">{t('shareExplained')}</p>
          <TallyChart tally={home.swv.tally} title={t('normSwv')} locale={props.locale} id="home-norm-chart" />
          <h3 class="utrecht-heading-3">{t('largestGaps')}</h3>
          {home.largestGaps.length === 0 ? (
            <p class="utrecht-paragraph">{t('largestGapsNone')}</p>
          ) : (
            <ol class="utrecht-ordered-list" data-figure="gaps">
              {home.largestGaps.map(({ entry, gaps, schools }) => (
                <li>
                  <a class="utrecht-link" href={insightPath(context, `/basisondersteuning/vragen/${entry.item.key}`)}>
                    {entry.item.title}
                  </a>{' '}
                  — {t('gapLine', { count: gaps, total: schools })}
                </li>
              ))}
            </ol>
          )}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={insightPath(context, '/basisondersteuning')}>
              {t('toMatrix')}
            </a>
          </p>
        </section>

        <section class="insight-card" aria-labelledby="holes-heading">
          <h2 class="utrecht-heading-2" id="holes-heading">
            {t('holesHeading')}
          </h2>
          {home.holes.length === 0 ? (
            <p class="utrecht-paragraph">{t('holesNone')}</p>
          ) : (
            <>
              <p class="utrecht-paragraph" data-figure="holes">
                <a class="utrecht-link" href={insightPath(context, '/dekking')}>
                  {t('holesCount', { count: home.holes.length })}
                </a>
              </p>
              <ul class="utrecht-unordered-list">
                {home.holes.slice(0, 5).map((hole) => (
                  <li>
                    {hole.itemTitle} — {hole.group.name}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={insightPath(context, '/dekking')}>
              {t('toCoverage')}
            </a>
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={insightPath(context, '/jaarvergelijking')}>
              {t('compareToLink')}
            </a>
          </p>
        </section>

        <section class="insight-card" aria-labelledby="activity-heading">
          <h2 class="utrecht-heading-2" id="activity-heading">
            {t('activityHeading')}
          </h2>
          {home.activity.length === 0 ? (
            <p class="utrecht-paragraph">{t('activityNone')}</p>
          ) : (
            <ul class="utrecht-unordered-list" data-figure="activity">
              {home.activity.map((row) => (
                <li>
                  <time datetime={row.at.toISOString()}>{formatDate(row.at.toISOString().slice(0, 10), props.locale)}</time>:{' '}
                  <a class="utrecht-link" href={`/profielen/${row.profileId}/cyclus`}>
                    {row.schoolName}
                  </a>{' '}
                  — {row.kind === 'answers' ? t('activityAnswers') : t('activityStatus', { status: labels[row.toStatus as ProfileStatus] ?? row.toStatus ?? '' })}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <h2 class="utrecht-heading-2">{t('exportHeading')}</h2>
      <ExportLinks context={context} kind="antwoorden" label={t('exportAnswers', { year: context.schoolYear })} locale={props.locale} />
      <PdfLink context={context} kind="overzicht" locale={props.locale} />
    </>
  );
}
