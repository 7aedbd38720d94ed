/** Rendering a template page inside the layout, with the version's breadcrumbs. */
import type { Child } from 'hono/jsx';
import type { AppContext } from '../../../ui/context.js';
import { translator } from '../../../ui/i18n.js';
import { renderPage } from '../../../ui/layout.js';
import { uiMessages } from '../../../ui/messages.js';
import { templateMessages } from '../messages.js';
import type { TemplateVersionPage } from '../version-in-scope.js';
import { versionCrumbs } from './paths.js';

export function templateTexts(c: AppContext) {
  return { t: translator(templateMessages, c.var.locale), ui: translator(uiMessages, c.var.locale) };
}

export function renderVersionPage(
  c: AppContext,
  page: TemplateVersionPage,
  options: { title: string; status?: number | undefined; clientScript?: string | undefined; crumbs?: 2 | 3; children: Child },
): Promise<Response> {
  return renderPage(c, {
    title: options.title,
    partnershipId: page.version.partnershipId,
    breadcrumbs: versionCrumbs(page, templateTexts(c).t, options.crumbs ?? 3),
    status: options.status ?? 200,
    ...(options.clientScript ? { clientScript: options.clientScript } : {}),
    children: options.children,
  });
}
