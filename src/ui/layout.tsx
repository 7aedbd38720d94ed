/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { getPartnershipBrand } from '../features/partnerships/api.js';
import type { Membership } from '../auth/roles.js';
import type { AppContext } from './context.js';
import { translator } from './i18n.js';
import { uiMessages } from './messages.js';
import { CsrfField } from './components.js';

export interface PageOptions {
  title: string;
  /** The SWV whose branding the page carries; defaults to the user's first SWV. */
  partnershipId?: string | null | undefined;
  children: Child;
  /** Breadcrumb trail above the title: [label, href][] */
  breadcrumbs?: Array<[string, string]>;
  /** Extra client module to load (served from /static/client/). */
  clientScript?: string;
  status?: number;
}

interface NavLink {
  href: string;
  label: string;
  /** The user's roles at this place, in words ("Schoolteam (directie/IB)"); empty when the label is the role. */
  roles: string[];
}

/** One link per place the user holds a role at, with the role(s) they hold there. */
function navigationFor(memberships: Membership[], t: ReturnType<typeof translator<keyof typeof uiMessages.nl>>): NavLink[] {
  const links = new Map<string, NavLink>();
  const add = (href: string, label: string, role: string | null) => {
    const link = links.get(href) ?? { href, label, roles: [] };
    if (role && !link.roles.includes(role)) link.roles.push(role);
    links.set(href, link);
  };
  for (const membership of memberships) {
    const role = t(`role.${membership.role}`);
    if (membership.role === 'platform_admin') add('/beheer', role, null);
    if (membership.role === 'partnership_admin' && membership.partnershipId) add(`/swv/${membership.partnershipId}`, membership.placeName, role);
    if (membership.role === 'partnership_adviser' && membership.partnershipId) add(`/swv/${membership.partnershipId}/plausibiliteit`, membership.placeName, role);
    if (membership.role === 'support_point' && membership.partnershipId) add(`/swv/${membership.partnershipId}/signalen`, membership.placeName, role);
    if (membership.role === 'board_user' && membership.boardId) add(`/besturen/${membership.boardId}`, membership.placeName, role);
    if ((membership.role === 'school_editor' || membership.role === 'council_member') && membership.schoolId)
      add(`/scholen/${membership.schoolId}`, membership.placeName, role);
  }
  return [...links.values()];
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export async function renderPage(c: AppContext, options: PageOptions): Promise<Response> {
  const { principal, locale, csrfToken, nonce, deps } = c.var;
  const t = translator(uiMessages, locale);
  const partnershipId = options.partnershipId ?? principal?.memberships.find((m) => m.homePartnershipId)?.homePartnershipId ?? null;
  const brand = partnershipId ? await getPartnershipBrand(deps.db, partnershipId) : null;
  const brandColor = brand && HEX_COLOR.test(brand.color) ? brand.color : '#1f4e79';
  const nav = principal ? navigationFor(principal.memberships, t) : [];
  const url = new URL(c.req.url);
  const path = url.pathname;
  // After a form post the current address may not be viewable with GET: return to the home page then.
  const returnTo = c.req.method === 'GET' ? path + url.search : '/';
  const page = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={csrfToken} />
        <title>{`${options.title} — ${brand?.name ?? t('appName')}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/utrecht.css" />
        <link rel="stylesheet" href="/static/theme.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <style nonce={nonce}>{`:root{--brand-color:${brandColor};}`}</style>
        {options.clientScript && <script type="module" src={`/static/client/${options.clientScript}`} nonce={nonce}></script>}
      </head>
      <body class="utrecht-document voorbeeld-theme">
        <a class="utrecht-skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__brand" href="/">
              {brand?.logo && <img class="site-header__logo" src={brand.logo} alt="" />}
              <span>{brand?.name ?? t('appName')}</span>
            </a>
            <div class="site-header__user">
              {principal ? (
                <>
                  <span class="site-header__name">{principal.name}</span>
                  <a class="utrecht-link site-header__account" href="/mijn-account">
                    {t('myAccount')}
                  </a>
                  <form method="post" action="/uitloggen" class="inline-form">
                    <CsrfField token={csrfToken} />
                    <button class="utrecht-button utrecht-button--subtle link-button" type="submit">
                      {t('logOut')}
                    </button>
                  </form>
                </>
              ) : (
                path !== '/inloggen' && (
                  <a class="utrecht-link" href="/inloggen">
                    {t('logIn')}
                  </a>
                )
              )}
            </div>
          </div>
          {nav.length > 0 && (
            <nav class="site-nav" aria-label={t('mainNavigation')}>
              <ul>
                <li>
                  <a href="/" aria-current={path === '/' ? 'page' : undefined}>
                    {t('home')}
                  </a>
                </li>
                {nav.map((link) => (
                  <li>
                    <a href={link.href} aria-current={path === link.href ? 'page' : undefined}>
                      {link.label}
                      {link.roles.length > 0 && <span class="site-nav__role"> ({link.roles.join(', ')})</span>}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class="site-main" tabindex={-1}>
          {options.breadcrumbs && options.breadcrumbs.length > 0 && (
            <nav class="utrecht-breadcrumb-nav breadcrumbs" aria-label={t('breadcrumbs')}>
              <ol>
                {options.breadcrumbs.map(([label, href]) => (
                  <li>
                    <a class="utrecht-link" href={href}>
                      {label}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          {options.children}
        </main>
        <footer class="site-footer">
          <p>{t('footerText')}</p>
          <form method="post" action="/taal" class="inline-form">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="locale" value={t('otherLocale')} />
            <input type="hidden" name="returnTo" value={returnTo} />
            <button class="utrecht-button utrecht-button--subtle link-button" type="submit" lang={t('otherLocale')}>
              {t('switchToOther')}
            </button>
          </form>
        </footer>
      </body>
    </html>
  );
  return c.html(`<!doctype html>${page}`, (options.status ?? 200) as 200);
}
