/** @jsxImportSource hono/jsx */
/** The audit log (issue 16): `/swv/:id/logboek` for the SWV's administrators, `/beheer/logboek` for the platform's. */
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { fromPartnershipParam, platformScope } from '../partnerships/scopes.js';
import { AUDIT_EXPORT_LIMIT, loadAuditLogPage, type AuditLogPage, type AuditLogQuery } from './load-audit-log-page.js';
import { auditLogMessages, type AuditLogTranslate } from './messages.js';
import { auditLogCsv, AuditLogView } from './views/audit-log.js';

const m = (c: AppContext) => translator(auditLogMessages, c.var.locale);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function querySchema(t: AuditLogTranslate) {
  const date = z
    .string()
    .regex(ISO_DATE, { error: t('dateInvalid') })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: t('dateInvalid') });
  const empty = (schema: z.ZodType<string>) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
  return z
    .object({
      van: empty(date),
      tot: empty(date),
      persoon: empty(z.string().regex(UUID, { error: t('personInvalid') })),
      actie: empty(z.string().max(100, { error: t('actionInvalid') }).regex(/^[a-zA-Z_.]+$/, { error: t('actionInvalid') })),
      school: empty(z.string().regex(UUID, { error: t('schoolInvalid') })),
      voor: empty(z.string().regex(/^\d{1,15}-\d{1,15}$/, { error: t('pageInvalid') })),
    })
    .refine((q) => !q.van || !q.tot || q.van <= q.tot, { error: t('dateOrder'), path: ['tot'] });
}

type Parsed = { ok: true; query: AuditLogQuery; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

function parseQuery(c: AppContext): Parsed {
  const raw = c.req.query();
  const values: Record<string, string> = {};
  for (const key of ['van', 'tot', 'persoon', 'actie', 'school', 'voor']) if (typeof raw[key] === 'string') values[key] = raw[key];
  const parsed = querySchema(m(c)).safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'van')] ??= issue.message;
    return { ok: false, errors, values };
  }
  const q = parsed.data;
  return {
    ok: true,
    values,
    query: { from: q.van, until: q.tot, personId: q.persoon, action: q.actie, schoolId: q.school, before: q.voor === undefined ? undefined : { at: new Date(Number(q.voor.split('-')[0])), id: Number(q.voor.split('-')[1]) } },
  };
}

async function auditPage(c: AppContext, auth: Authorized | null, partnershipId: string | undefined) {
  const t = m(c);
  const parsed = parseQuery(c);
  const load = (query: AuditLogQuery) => loadAuditLogPage({ db: c.var.deps.db, auth: authorized(auth), ...(partnershipId ? { partnershipId } : {}), query });
  let errors: FieldErrors = parsed.ok ? {} : parsed.errors;
  let page: AuditLogPage;
  try {
    page = await load(parsed.ok ? parsed.query : {});
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'invalid_input')) throw error;
    errors = { school: t('schoolInvalid') };
    page = await load({});
  }
  const failed = Object.keys(errors).length > 0;
  // With a mistake in the filters no rows are shown: the page shows the form with the message, not unfiltered rows.
  if (failed) page = { ...page, rows: [], next: null };
  const title = page.partnership ? t('title') : t('platformTitle');
  return renderPage(c, {
    title,
    partnershipId: page.partnership?.id ?? null,
    status: failed ? 400 : 200,
    breadcrumbs: page.partnership ? [[page.partnership.name, `/swv/${page.partnership.id}`]] : [],
    children: <AuditLogView page={page} locale={c.var.locale} errors={errors} values={parsed.values} />,
  });
}

async function auditCsv(c: AppContext, auth: Authorized | null, partnershipId: string | undefined) {
  const parsed = parseQuery(c);
  if (!parsed.ok) throw new AppError('invalid_input', Object.values(parsed.errors)[0]);
  let page: AuditLogPage;
  try {
    page = await loadAuditLogPage({ db: c.var.deps.db, auth: authorized(auth), ...(partnershipId ? { partnershipId } : {}), query: parsed.query, limit: AUDIT_EXPORT_LIMIT });
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') throw new AppError('invalid_input', m(c)('schoolInvalid'));
    throw error;
  }
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="logboek-${c.var.deps.clock.now().toISOString().slice(0, 10)}.csv"`);
  c.header('Cache-Control', 'no-store');
  return c.body(auditLogCsv(page, c.var.locale));
}

export function registerAuditLogRoutes(table: RouteTable): void {
  const view = permission('partnership.viewAuditLog', fromPartnershipParam);
  table.get('/swv/:partnershipId/logboek', view, (c, auth) => auditPage(c, auth, c.req.param('partnershipId')));
  table.get('/swv/:partnershipId/logboek/export', view, (c, auth) => auditCsv(c, auth, c.req.param('partnershipId')));
  const platform = permission('platform.manage', platformScope);
  table.get('/beheer/logboek', platform, (c, auth) => auditPage(c, auth, undefined));
  table.get('/beheer/logboek/export', platform, (c, auth) => auditCsv(c, auth, undefined));
}
