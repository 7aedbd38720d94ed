/** @jsxImportSource hono/jsx */
/**
 * Insight for the SWV (`/swv/:partnershipId/inzicht…`, its readers) and for a board (`/besturen/:boardId/inzicht…`,
 * the board's users and the SWV's admins). The same pages under both: the use case takes the place from the
 * authorized scope, so a board user never sees another board's schools (404).
 */
import { Readable } from 'node:stream';
import type { AppContext } from '../../ui/context.js';
import { contentDisposition } from '../../ui/content-disposition.js';
import { exportInsightPdf } from './export-pdf.js';
import { exportView } from './export-view.js';
import { CONTENT_TYPES } from './sheets.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Access, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromBoardParam, fromPartnershipParam, platformScope } from '../partnerships/scopes.js';
import { exportNationalInsight } from './export-national.js';
import { loadNationalInsight } from './load-national-insight.js';
import { NATIONAL_PATH, NationalInsightView } from './views/national.js';
import { loadBasicSupport } from './load-basic-support.js';
import { loadCoverage } from './load-coverage.js';
import { loadItemAmbitions } from './load-item-ambitions.js';
import { loadYearComparison } from './load-year-comparison.js';
import { CompareView } from './views/compare.js';
import { loadInsightHome } from './load-insight-home.js';
import { loadItemSchools } from './load-item-schools.js';
import { loadSchoolGaps } from './load-school-gaps.js';
import { insightMessages } from './messages.js';
import { filtersOf, parseInsightQuery, parseNationalQuery } from './route-input.js';
import type { InsightContext } from './insight-context.js';
import { CoverageView, ItemAmbitionsView } from './views/coverage.js';
import { ItemSchoolsView, SchoolGapsView } from './views/details.js';
import { InsightHomeView } from './views/home.js';
import { MatrixView } from './views/matrix.js';
import { insightPath, insightT } from './views/shared.js';

const PLACES: Array<{ prefix: string; access: Access }> = [
  { prefix: '/swv/:partnershipId', access: permission('partnership.view', fromPartnershipParam) },
  { prefix: '/besturen/:boardId', access: permission('board.view', fromBoardParam) },
];

function deps(c: AppContext, auth: Authorized | null) {
  return { db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth) };
}

function crumbs(c: AppContext, context: InsightContext, withHome = true): Array<[string, string]> {
  const t = insightT(c.var.locale);
  const trail: Array<[string, string]> = [[context.place.name, context.place.basePath]];
  if (withHome) trail.push([t('insightTitle', { year: context.schoolYear }), insightPath(context, '')]);
  return trail;
}

export function registerInsightRoutes(table: RouteTable): void {
  // The platform administrator's national view: one row per SWV, each leading to that SWV's insight.
  const national = permission('platform.viewInsight', platformScope);
  table.get(NATIONAL_PATH, national, async (c, auth) => {
    const query = parseNationalQuery(c.req.query());
    const page = await loadNationalInsight({ ...deps(c, auth), schoolYear: query.jaar, sort: query.sorteer, direction: query.richting });
    return renderPage(c, {
      title: insightT(c.var.locale)('nationalTitle', { year: page.schoolYear }),
      breadcrumbs: [[insightT(c.var.locale)('nationalCrumb'), '/beheer']],
      children: <NationalInsightView page={page} locale={c.var.locale} />,
    });
  });
  table.get(`${NATIONAL_PATH}/export`, national, async (c, auth) => {
    const query = parseNationalQuery(c.req.query());
    const file = await exportNationalInsight({ ...deps(c, auth), format: query.formaat ?? 'csv', locale: c.var.locale, schoolYear: query.jaar, sort: query.sorteer, direction: query.richting });
    return new Response(typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>), {
      headers: { 'Content-Type': CONTENT_TYPES[file.format], 'Content-Disposition': contentDisposition('attachment', file.fileName), 'Cache-Control': 'no-store' },
    });
  });

  for (const { prefix, access } of PLACES) {
    const base = `${prefix}/inzicht`;

    table.get(base, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const home = await loadInsightHome({ ...deps(c, auth), schoolYear: query.jaar, noDistrict: insightMessages[c.var.locale].noDistrict });
      return renderPage(c, {
        title: `${insightT(c.var.locale)('insightTitle', { year: home.context.schoolYear })} — ${home.context.place.name}`,
        partnershipId: home.context.place.partnershipId,
        breadcrumbs: crumbs(c, home.context, false),
        children: <InsightHomeView home={home} locale={c.var.locale} />,
      });
    });

    table.get(`${base}/basisondersteuning`, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const page = await loadBasicSupport({
        ...deps(c, auth),
        schoolYear: query.jaar,
        filters: filtersOf(query),
        which: query.norm === 'landelijk' ? 'national' : 'swv',
        paging: { page: query.pagina, size: query.aantal },
      });
      return renderPage(c, {
        title: `${insightT(c.var.locale)('matrixTitle', { year: page.context.schoolYear })} — ${page.context.place.name}`,
        partnershipId: page.context.place.partnershipId,
        breadcrumbs: crumbs(c, page.context),
        children: <MatrixView page={page} locale={c.var.locale} />,
      });
    });

    table.get(`${base}/basisondersteuning/scholen/:schoolId`, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const page = await loadSchoolGaps({ ...deps(c, auth), schoolYear: query.jaar, schoolId: c.req.param('schoolId')! });
      return renderPage(c, {
        title: `${insightT(c.var.locale)('schoolGapsTitle', { school: page.school.name, year: page.context.schoolYear })}`,
        partnershipId: page.context.place.partnershipId,
        breadcrumbs: crumbs(c, page.context),
        children: <SchoolGapsView page={page} locale={c.var.locale} />,
      });
    });

    table.get(`${base}/basisondersteuning/vragen/:insightItemKey`, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const page = await loadItemSchools({ ...deps(c, auth), schoolYear: query.jaar, itemKey: c.req.param('insightItemKey')! });
      return renderPage(c, {
        title: `${insightT(c.var.locale)('itemSchoolsTitle', { item: page.entry.item.title, year: page.context.schoolYear })}`,
        partnershipId: page.context.place.partnershipId,
        breadcrumbs: crumbs(c, page.context),
        children: <ItemSchoolsView page={page} locale={c.var.locale} />,
      });
    });

    table.get(`${base}/dekking`, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const page = await loadCoverage({
        ...deps(c, auth),
        schoolYear: query.jaar,
        filters: filtersOf(query),
        by: query.per === 'bestuur' ? 'board' : 'district',
        noDistrict: insightMessages[c.var.locale].noDistrict,
      });
      return renderPage(c, {
        title: `${insightT(c.var.locale)('coverageTitle', { year: page.context.schoolYear })} — ${page.context.place.name}`,
        partnershipId: page.context.place.partnershipId,
        breadcrumbs: crumbs(c, page.context),
        children: <CoverageView page={page} locale={c.var.locale} />,
      });
    });

    // One item's ambitions behind the count on the coverage page: which schools, by when, their notes (paged).
    table.get(`${base}/dekking/ambities/:insightItemKey`, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const page = await loadItemAmbitions({ ...deps(c, auth), schoolYear: query.jaar, filters: filtersOf(query), itemKey: c.req.param('insightItemKey')!, paging: { page: query.pagina, size: query.aantal } });
      return renderPage(c, {
        title: `${insightT(c.var.locale)('ambitionSchoolsTitle', { item: page.item.title, year: page.context.schoolYear })} — ${page.context.place.name}`,
        partnershipId: page.context.place.partnershipId,
        breadcrumbs: [...crumbs(c, page.context), [insightT(c.var.locale)('coverageTitle', { year: page.context.schoolYear }), insightPath(page.context, '/dekking')]],
        children: <ItemAmbitionsView page={page} locale={c.var.locale} />,
      });
    });

    table.get(`${base}/jaarvergelijking`, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const page = await loadYearComparison({ ...deps(c, auth), schoolYear: query.jaar, previousYear: query.vorig, filters: filtersOf(query), paging: { page: query.pagina, size: query.aantal } });
      const t = insightT(c.var.locale);
      return renderPage(c, {
        title: `${t('compareTitle', { previous: page.previousYear ?? '–', year: page.context.schoolYear })} — ${page.context.place.name}`,
        partnershipId: page.context.place.partnershipId,
        breadcrumbs: crumbs(c, page.context),
        children: <CompareView page={page} locale={c.var.locale} />,
      });
    });

    // The home and the coverage view as an A4 PDF for a board meeting (same year and filters as on screen).
    table.get(`${base}/pdf/:insightPdfKind`, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const file = await exportInsightPdf({
        ...deps(c, auth),
        kind: c.req.param('insightPdfKind')!,
        locale: c.var.locale,
        schoolYear: query.jaar,
        filters: filtersOf(query),
        by: query.per === 'bestuur' ? 'board' : 'district',
      });
      return new Response(new Uint8Array(file.bytes), {
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': contentDisposition('attachment', file.fileName), 'Cache-Control': 'no-store' },
      });
    });

    // Every view as CSV or XLSX (?formaat=csv|xlsx), with the same year and filters as on screen.
    table.get(`${base}/export/:exportKind`, access, async (c, auth) => {
      const query = parseInsightQuery(c.req.query());
      const format = query.formaat ?? 'csv';
      const file = await exportView({
        ...deps(c, auth),
        logger: c.var.deps.logger,
        kind: c.req.param('exportKind')!,
        format,
        locale: c.var.locale,
        schoolYear: query.jaar,
        filters: filtersOf(query),
        which: query.norm === 'landelijk' ? 'national' : 'swv',
        by: query.per === 'bestuur' ? 'board' : 'district',
        previousYear: query.vorig,
      });
      const body = file.body instanceof Readable ? (Readable.toWeb(file.body) as ReadableStream<Uint8Array>) : typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>);
      return new Response(body, {
        headers: { 'Content-Type': CONTENT_TYPES[file.format], 'Content-Disposition': contentDisposition('attachment', file.fileName), 'Cache-Control': 'no-store' },
      });
    });
  }
}
