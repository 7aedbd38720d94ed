/** @jsxImportSource hono/jsx */
/** Districts: assign by hand, or from a postcode list or CBS's postcode-house number table (preview, then apply). */
import { Readable } from 'node:stream';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { readForm } from '../../ui/forms.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam } from '../partnerships/scopes.js';
import { assignDistricts } from './assign-districts.js';
import { confirmDistrictImport } from './confirm-district-import.js';
import { loadDistrictsPage } from './load-districts-page.js';
import { registerMessages } from './messages.js';
import { previewDistrictImport } from './preview-district-import.js';
import { UPLOAD_ROUTE, uploadErrors } from './routes.js';
import { DistrictPreviewView, DistrictsView } from './views/districts.js';

const m = (c: AppContext) => translator(registerMessages, c.var.locale);

async function districtsPage(c: AppContext, auth: Authorized | null, errors: FieldErrors, notice?: string) {
  const page = await loadDistrictsPage({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')! });
  return renderPage(c, {
    title: m(c)('districtsTitle'),
    partnershipId: page.partnership.id,
    status: Object.keys(errors).length ? 400 : 200,
    breadcrumbs: [[page.partnership.name, `/swv/${page.partnership.id}`]],
    children: <DistrictsView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} notice={notice} />,
  });
}

export function registerDistrictRoutes(table: RouteTable): void {
  const manage = permission('partnership.manage', fromPartnershipParam);
  const base = '/swv/:partnershipId/wijken';

  table.get(base, manage, (c, auth) => {
    const done = /^\d+$/.exec(c.req.query('klaar') ?? '');
    return districtsPage(c, auth, {}, done ? m(c)('districtsApplied', { count: done[0] }) : undefined);
  });

  table.post(base, manage, async (c, auth) => {
    const values = await readForm(c);
    const assignments = Object.entries(values).flatMap(([key, value]) => (key.startsWith('district.') ? [{ schoolId: key.slice('district.'.length), districtName: value }] : []));
    const partnershipId = c.req.param('partnershipId')!;
    const count = await assignDistricts({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, assignments, source: 'hand' });
    return c.redirect(`/swv/${partnershipId}/wijken?klaar=${count}`, 303);
  });

  for (const source of ['postcodes', 'cbs'] as const) {
    const field = source === 'cbs' ? 'cbsFile' : 'postcodeFile';
    table.post(`${base}/${source}`, manage, async (c, auth) => {
      const body = await c.req.parseBody();
      const file = body[field];
      if (!(file instanceof File) || file.size === 0) return districtsPage(c, auth, { [field]: m(c)('fileRequired') });
      const partnershipId = c.req.param('partnershipId')!;
      try {
        const importId = await previewDistrictImport({
          db: c.var.deps.db,
          clock: c.var.deps.clock,
          auth: authorized(auth),
          partnershipId,
          source,
          fileName: file.name || 'bestand.csv',
          // CBS's table is read as a stream; only the SWV's schools' lines are kept.
          file: source === 'cbs' ? Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream) : new Uint8Array(await file.arrayBuffer()),
          t: m(c),
        });
        return c.redirect(`/swv/${partnershipId}/wijken/${importId}`, 303);
      } catch (error) {
        return districtsPage(c, auth, uploadErrors(error, field));
      }
    }, UPLOAD_ROUTE);
  }

  table.get(`${base}/:districtsImportId`, manage, async (c, auth) => {
    const page = await loadDistrictsPage({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId: c.req.param('partnershipId')!, importId: c.req.param('districtsImportId')! });
    return renderPage(c, {
      title: m(c)('districtPreviewTitle'),
      partnershipId: page.partnership.id,
      breadcrumbs: [
        [page.partnership.name, `/swv/${page.partnership.id}`],
        [m(c)('districtsTitle'), `/swv/${page.partnership.id}/wijken`],
      ],
      children: <DistrictPreviewView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} />,
    });
  });

  table.post(`${base}/:districtsImportId`, manage, async (c, auth) => {
    const values = await readForm(c);
    const wijkNames = Object.fromEntries(Object.entries(values).flatMap(([key, value]) => (key.startsWith('wijk.') ? [[key.slice('wijk.'.length), value]] : [])));
    const partnershipId = c.req.param('partnershipId')!;
    const count = await confirmDistrictImport({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), partnershipId, importId: c.req.param('districtsImportId')!, wijkNames });
    return c.redirect(`/swv/${partnershipId}/wijken?klaar=${count}`, 303);
  });
}
