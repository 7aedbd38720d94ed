/** @jsxImportSource hono/jsx */
/**
 * The layout of the public pages: no session, no form that needs a CSRF token, no cookie. The language comes
 * from the URL (`?lang=en`); the language switch is a plain link. No JavaScript.
 */
import type { Child } from 'hono/jsx';
import type { Locale } from '../../../ui/i18n.js';
import { translator } from '../../../ui/i18n.js';
import { publicMessages } from '../messages.js';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * The SWV's colour as a style sheet of its own (`/<slug>/huisstijl.css`), not an inline <style>: an inline style
 * would need a per-request CSP nonce, and a page with a nonce cannot be cached for every visitor. The colour in
 * the query makes a new colour a new address, so browsers may keep the sheet long.
 */
export function brandStylesheetHref(brand: { slug: string; color: string }): string {
  return `/${brand.slug}/huisstijl.css?v=${brandColor(brand.color).slice(1).toLowerCase()}`;
}

/** The SWV's colour when it is a plain hex colour, else the app's default (nothing else reaches CSS). */
export function brandColor(color: string): string {
  return HEX_COLOR.test(color) ? color : '#1f4e79';
}

/** A public link in the page's language: Dutch links carry no parameter, English ones `lang=en`. */
export function publicHref(path: string, locale: Locale, params: Array<[string, string]> = []): string {
  const search = new URLSearchParams(params);
  if (locale !== 'nl') search.set('lang', locale);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export interface PublicLayoutProps {
  locale: Locale;
  title: string;
  /** The SWV the page belongs to (brand name and colour, home link). */
  brand: { name: string; slug: string; color: string } | null;
  breadcrumbs?: Array<[string, string]>;
  /** The same page in the other language. */
  otherLanguageHref: string;
  /** Keep the page out of search engines (the pupil poll). */
  noindex?: boolean;
  children: Child;
}

export function PublicLayout(props: PublicLayoutProps) {
  const t = translator(publicMessages, props.locale);
  return (
    <html lang={props.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.noindex && <meta name="robots" content="noindex, nofollow" />}
        <title>{`${props.title} — ${props.brand?.name ?? t('appName')}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/utrecht.css" />
        <link rel="stylesheet" href="/static/theme.css" />
        <link rel="stylesheet" href="/static/app.css" />
        {props.brand && <link rel="stylesheet" href={brandStylesheetHref(props.brand)} />}
      </head>
      <body class="utrecht-document voorbeeld-theme public-page">
        <a class="utrecht-skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-header__brand" href={props.brand ? publicHref(`/${props.brand.slug}`, props.locale) : publicHref('/toegankelijkheid', props.locale)}>
              <span>{props.brand?.name ?? t('appName')}</span>
            </a>
            <div class="site-header__user">
              <a class="utrecht-link" href={props.otherLanguageHref} lang={t('otherLanguageCode')} hreflang={t('otherLanguageCode')}>
                {t('otherLanguage')}
              </a>
            </div>
          </div>
        </header>
        <main id="main" class="site-main" tabindex={-1}>
          {props.breadcrumbs && props.breadcrumbs.length > 0 && (
            <nav class="utrecht-breadcrumb-nav breadcrumbs" aria-label={t('breadcrumbs')}>
              <ol>
                {props.breadcrumbs.map(([label, href]) => (
                  <li>
                    <a class="utrecht-link" href={href}>
                      {label}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('footerText')}</p>
          <p>
            <a class="utrecht-link" href={publicHref('/toegankelijkheid', props.locale)}>
              {t('footerAccessibility')}
            </a>
            {' · '}
            <a class="utrecht-link" href={publicHref('/privacy', props.locale)}>
              {t('footerPrivacy')}
            </a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** Plain text with blank lines as paragraphs (the SWV's and schools' own texts). */
export function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split(/\n\s*\n/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => (
          <p class="utrecht-paragraph">{part}</p>
        ))}
    </>
  );
}
