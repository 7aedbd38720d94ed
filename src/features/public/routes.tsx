/** @jsxImportSource hono/jsx */
/**
 * Public pages for parents (issue 13): no account, no cookie, language from `?lang=en`, cacheable (ETag),
 * rate-limited per client in memory. Only published profiles; an unknown SWV or school gives the public 404 page.
 */
import type { Child } from 'hono/jsx';
import { AppError } from '../../auth/app-error.js';
import { isPoolWaitTimeout } from '../../ui/overload.js';
import type { AppContext } from '../../ui/context.js';
import { contentDisposition } from '../../ui/content-disposition.js';
import { parseForm } from '../../ui/forms.js';
import { translator } from '../../ui/i18n.js';
import { requestClientAddress } from '../../ui/request.js';
import { type Access, publicCachedEmbed, publicCachedPage, type RouteTable } from '../../ui/route.js';
import { exportSupportCsv, loadApiSchool, loadApiSwv } from './api-documents.js';
import { buildOpenApiDocument } from './api-schemas.js';
import { COMPARE_MAX, COMPARE_MIN, loadComparePage } from './load-compare-page.js';
import { loadSchoolPage } from './load-school-page.js';
import { loadSwvPage } from './load-swv-page.js';
import { publicMessages, type PublicTranslate } from './messages.js';
import { CACHE_CONTROL, cacheable } from './cacheable-response.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { loadBrandStylesheet } from './load-brand-stylesheet.js';
import { isPublicDocumentName, PUBLIC_DOCUMENTS, renderPublicDocument, standAlonePage } from './render-public-document.js';
import { EMPTY_QUERY, isEmptyQuery, pickSearchStrings, searchQuerySchema } from './search-query.js';
import { searchSchools } from './search-schools.js';
import { PublicLayout, publicHref } from './views/layout.js';
import { ComparePageView, EmbedView, MessageView, SchoolPageView, schoolPath, SwvPageView } from './views/pages.js';

/** Requests per client per minute on the public routes (per process), unless PUBLIC_RATE_LIMIT_PER_MINUTE says otherwise. */
export const DEFAULT_PUBLIC_REQUESTS_PER_MINUTE = 600;

const tr = (c: AppContext): PublicTranslate => translator(publicMessages, c.var.locale);

/** The current address in the other language. */
function otherLanguageHref(c: AppContext): string {
  const url = new URL(c.req.url);
  if (c.var.locale === 'nl') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  const query = url.searchParams.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

interface PublicPageOptions {
  title: string;
  brand?: { name: string; slug: string; color: string } | null;
  breadcrumbs?: Array<[string, string]>;
  status?: number;
  children: Child;
}

/** Renders a public page with a strong ETag over its content and answers 304 when it matches. The page is the same for every visitor (no nonce): it may be cached (response-cache.ts). */
function renderPublic(c: AppContext, options: PublicPageOptions): Response {
  const body = `<!doctype html>${(
    <PublicLayout locale={c.var.locale} title={options.title} brand={options.brand ?? null} breadcrumbs={options.breadcrumbs ?? []} otherLanguageHref={otherLanguageHref(c)}>
      {options.children}
    </PublicLayout>
  ).toString()}`;
  const status = options.status ?? 200;
  if (status !== 200) {
    c.header('Cache-Control', 'no-store');
    return c.html(body, status as 404);
  }
  return cacheable(c, body, 'text/html; charset=utf-8');
}

function notFoundPage(c: AppContext): Response {
  const t = tr(c);
  return renderPublic(c, {
    title: t('notFoundTitle'),
    status: 404,
    children: <MessageView title={t('notFoundTitle')} body={t('notFoundBody')} />,
  });
}

/** Seconds a visitor is asked to wait when the database had no free connection for the whole pool wait. */
const BUSY_RETRY_SECONDS = 5;

/**
 * Overload: every database connection stayed busy for the pool's whole wait. Not a fault of the page or the visitor:
 * 503 with Retry-After (a client or proxy may retry), never cached, instead of the 500 an error would give.
 */
function busyPage(c: AppContext): Response {
  const t = tr(c);
  c.header('Retry-After', String(BUSY_RETRY_SECONDS));
  return renderPublic(c, { title: t('busyTitle'), status: 503, children: <MessageView title={t('busyTitle')} body={t('busyBody')} /> });
}

const brandOf = (swv: { partnership: { name: string; slug: string; primaryColor: string } }) => ({ name: swv.partnership.name, slug: swv.partnership.slug, color: swv.partnership.primaryColor });

export interface PublicRouteOptions {
  /** Requests per client address per minute (the PUBLIC_RATE_LIMIT_PER_MINUTE setting). */
  requestsPerMinute?: number;
  /** The limiter to count with, shared with the response cache (a cached answer counts too); else a new one. */
  limiter?: RateLimiter;
}

export function registerPublicRoutes(table: RouteTable, options: PublicRouteOptions = {}): void {
  const limiter = options.limiter ?? createRateLimiter({ perMinute: options.requestsPerMinute ?? DEFAULT_PUBLIC_REQUESTS_PER_MINUTE });

  /** Rate limit, then the handler; an unknown SWV, school or year becomes the public 404 page. */
  const route = (path: string, handler: (c: AppContext) => Promise<Response> | Response, access: Access = publicCachedPage) =>
    table.get(path, access, async (c) => {
      if (!limiter.take(requestClientAddress(c), Date.now())) {
        const t = tr(c);
        c.header('Retry-After', '60');
        return renderPublic(c, { title: t('tooManyTitle'), status: 429, children: <MessageView title={t('tooManyTitle')} body={t('tooManyBody')} /> });
      }
      try {
        return await handler(c);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return notFoundPage(c);
        if (isPoolWaitTimeout(error)) return busyPage(c);
        throw error;
      }
    });

  // The open-data API (before the pages: `/api/...` must never be read as an SWV slug).
  const api = (path: string, handler: (c: AppContext) => Promise<Response> | Response) =>
    table.get(path, publicCachedPage, async (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Access-Control-Expose-Headers', 'ETag, Last-Modified');
      if (!limiter.take(requestClientAddress(c), Date.now())) {
        c.header('Retry-After', '60');
        return c.json({ error: 'too_many_requests', message: tr(c)('tooManyBody') }, 429);
      }
      try {
        return await handler(c);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return c.json({ error: 'not_found', message: tr(c)('notFoundBody') }, 404);
        if (isPoolWaitTimeout(error)) {
          c.header('Retry-After', String(BUSY_RETRY_SECONDS));
          c.header('Cache-Control', 'no-store');
          return c.json({ error: 'busy', message: tr(c)('busyBody') }, 503);
        }
        throw error;
      }
    });
  const apiResult = (c: AppContext, body: string, contentType: string, lastModified: Date | null) => {
    if (lastModified) c.header('Last-Modified', lastModified.toUTCString());
    return cacheable(c, body, contentType);
  };
  // The public use cases read the SWV's public snapshot as fresh as the cached pages (public-data.ts, loadPublicSwv).
  const publicRead = (c: AppContext) => ({ db: c.var.deps.db, cacheSeconds: c.var.deps.config.PUBLIC_CACHE_SECONDS });
  const baseUrl = (c: AppContext) => c.var.deps.config.PUBLIC_BASE_URL.replace(/\/$/, '');

  api('/api/openapi.json', (c) => cacheable(c, JSON.stringify(buildOpenApiDocument(baseUrl(c))), 'application/json; charset=utf-8'));

  api('/api/:swvSlug', async (c) => {
    const result = await loadApiSwv({ ...publicRead(c), slug: c.req.param('swvSlug')!, baseUrl: baseUrl(c) });
    return apiResult(c, JSON.stringify(result.document), 'application/json; charset=utf-8', result.lastModified);
  });

  api('/api/:swvSlug/scholen/:locationCode', async (c) => {
    const result = await loadApiSchool({ ...publicRead(c), slug: c.req.param('swvSlug')!, locationCode: c.req.param('locationCode')!, baseUrl: baseUrl(c) });
    return apiResult(c, JSON.stringify(result.document), 'application/json; charset=utf-8', result.lastModified);
  });

  api('/api/:swvSlug/aanbod.csv', async (c) => {
    const slug = c.req.param('swvSlug')!;
    const result = await exportSupportCsv({ ...publicRead(c), slug });
    c.header('Content-Disposition', contentDisposition('attachment', `ondersteuningsaanbod-${slug}.csv`));
    return apiResult(c, result.document, 'text/csv; charset=utf-8', result.lastModified);
  });

  // The embed: the school's parent poster in an iframe on its own website, always the newest published year.
  // The only responses that may be framed (`publicEmbed`: src/app.ts sends frame-ancestors * and no X-Frame-Options;
  // every other response sends frame-ancestors 'none' and DENY).
  route('/embed/:swvSlug/scholen/:locationCode', async (c) => {
    const slug = c.req.param('swvSlug')!;
    const page = await loadSchoolPage({ ...publicRead(c), slug, locationCode: c.req.param('locationCode')! });
    const fullHref = `${c.var.deps.config.PUBLIC_BASE_URL.replace(/\/$/, '')}${publicHref(schoolPath(slug, page.school.locationCode), c.var.locale)}`;
    const body = `<!doctype html>${(<EmbedView page={page} locale={c.var.locale} fullHref={fullHref} />).toString()}`;
    return cacheable(c, body, 'text/html; charset=utf-8');
  }, publicCachedEmbed);

  route('/toegankelijkheid', (c) => {
    const t = tr(c);
    return renderPublic(c, { title: t('accessibilityTitle'), children: <MessageView title={t('accessibilityTitle')} body={t('accessibilityBody')} /> });
  });

  route('/privacy', (c) => {
    const t = tr(c);
    return renderPublic(c, { title: t('privacyTitle'), children: <MessageView title={t('privacyTitle')} body={t('privacyBody')} /> });
  });

  // The SWV's colour for its pages (views/layout.tsx, brandStylesheetHref): a style sheet instead of an inline style
  // keeps the pages free of a CSP nonce. The colour in `?v=` only makes a new colour a new address; the sheet always
  // says the current colour, and may be kept a day only when the address names it.
  route('/:swvSlug/huisstijl.css', async (c) => {
    const sheet = await loadBrandStylesheet({ db: c.var.deps.db, slug: c.req.param('swvSlug')! });
    const current = c.req.query('v') === sheet.color.slice(1).toLowerCase();
    return cacheable(c, sheet.css, 'text/css; charset=utf-8', current ? 'public, max-age=86400' : CACHE_CONTROL);
  });

  route('/:swvSlug', async (c) => {
    const page = await loadSwvPage({ ...publicRead(c), slug: c.req.param('swvSlug')! });
    return renderPublic(c, {
      title: page.swv.partnership.name,
      brand: brandOf(page.swv),
      children: <SwvPageView page={page} locale={c.var.locale} query={EMPTY_QUERY} errors={{}} results={null} />,
    });
  });

  route('/:swvSlug/zoeken', async (c) => {
    const t = tr(c);
    const slug = c.req.param('swvSlug')!;
    const parsed = parseForm(searchQuerySchema(t), c.req.query());
    const query = parsed.ok ? parsed.data : { ...EMPTY_QUERY, ...pickSearchStrings(c.req.query()) };
    const swvPage = await loadSwvPage({ ...publicRead(c), slug });
    const search = parsed.ok && !isEmptyQuery(parsed.data) ? await searchSchools({ ...publicRead(c), slug, query: parsed.data, swv: swvPage.swv }) : null;
    return renderPublic(c, {
      title: `${t('resultsHeading')} — ${swvPage.swv.partnership.name}`,
      brand: brandOf(swvPage.swv),
      breadcrumbs: [[swvPage.swv.partnership.name, publicHref(`/${slug}`, c.var.locale)]],
      status: parsed.ok ? 200 : 400,
      children: <SwvPageView page={swvPage} locale={c.var.locale} query={query} errors={parsed.ok ? {} : parsed.errors} results={search?.results ?? null} />,
    });
  });

  route('/:swvSlug/vergelijk', async (c) => {
    const t = tr(c);
    const slug = c.req.param('swvSlug')!;
    const codes = c.req.queries('school') ?? [];
    if (codes.length < COMPARE_MIN || codes.length > COMPARE_MAX || codes.some((code) => !/^[0-9A-Za-z]{4,8}$/.test(code))) {
      const swvPage = await loadSwvPage({ ...publicRead(c), slug });
      return renderPublic(c, {
        title: t('compareTitle'),
        brand: brandOf(swvPage.swv),
        status: 400,
        breadcrumbs: [[swvPage.swv.partnership.name, publicHref(`/${slug}`, c.var.locale)]],
        children: <MessageView title={t('compareTitle')} body={t('compareTooFew')} link={{ href: publicHref(`/${slug}`, c.var.locale), label: t('backToSearch') }} />,
      });
    }
    const page = await loadComparePage({ ...publicRead(c), slug, locationCodes: codes });
    return renderPublic(c, {
      title: `${t('compareTitle')} — ${page.schools.map((s) => s.name).join(', ')}`,
      brand: brandOf(page.swv),
      breadcrumbs: [[page.swv.partnership.name, publicHref(`/${slug}`, c.var.locale)]],
      children: <ComparePageView page={page} locale={c.var.locale} />,
    });
  });

  const schoolRoute = async (c: AppContext, schoolYear: string | undefined) => {
    const slug = c.req.param('swvSlug')!;
    const page = await loadSchoolPage({ ...publicRead(c), slug, locationCode: c.req.param('locationCode')!, schoolYear });
    const t = tr(c);
    const base = schoolPath(slug, page.school.locationCode);
    const downloads = page.isArchive
      ? []
      : [
          { href: `${base}/documenten/ouderposter`, label: t('downloadPoster') },
          { href: `${base}/documenten/ouderposter-webpagina`, label: t('downloadPosterHtml') },
          { href: `${base}/documenten/sop`, label: t('downloadSop') },
          { href: `${base}/documenten/sop-webpagina`, label: t('downloadSopHtml') },
          { href: `${base}/documenten/schoolgids`, label: t('downloadGuide') },
        ];
    return renderPublic(c, {
      title: `${page.school.name} — ${t('schoolYear', { year: page.content.profile.schoolYear })}`,
      brand: brandOf(page.swv),
      breadcrumbs: [[page.swv.partnership.name, publicHref(`/${slug}`, c.var.locale)]],
      children: <SchoolPageView page={page} locale={c.var.locale} downloads={downloads} />,
    });
  };

  route('/:swvSlug/scholen/:locationCode', (c) => schoolRoute(c, undefined));

  route('/:swvSlug/scholen/:locationCode/:publishedYear', (c) => {
    const year = c.req.param('publishedYear')!;
    if (!/^\d{4}-\d{4}$/.test(year)) throw new AppError('not_found');
    return schoolRoute(c, year);
  });

  route('/:swvSlug/scholen/:locationCode/documenten/:publicDocument', async (c) => {
    const name = c.req.param('publicDocument');
    if (!isPublicDocumentName(name)) throw new AppError('not_found');
    const document = await renderPublicDocument({ ...publicRead(c), clock: c.var.deps.clock, slug: c.req.param('swvSlug')!, locationCode: c.req.param('locationCode')!, name });
    const inline = PUBLIC_DOCUMENTS[name].endsWith('html');
    c.header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', document.fileName));
    if (!document.mimeType.startsWith('text/html')) return cacheable(c, document.bytes, document.mimeType);
    const page = standAlonePage(document.bytes);
    c.set('styleHashes', page.styleHashes);
    return cacheable(c, page.html, document.mimeType);
  });
}
