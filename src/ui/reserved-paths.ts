/**
 * First path segments the app uses itself. An SWV's public page lives at `/<slug>`, so no SWV may take one of
 * these as its slug. test/public-slugs.test.ts checks that every first segment in the route table is listed here
 * (add new ones when a feature adds a top-level path), plus a few kept for later.
 */
export const RESERVED_FIRST_SEGMENTS = [
  // in the route table today
  'health',
  'static',
  'inloggen',
  'uitloggen',
  'taal',
  'wachtwoord-vergeten',
  'wachtwoord-herstellen',
  'uitnodiging',
  'uitnodiging-rol',
  'mijn-account',
  'beheer',
  'swv',
  'besturen',
  'scholen',
  'profielen',
  'toegankelijkheid',
  'privacy',
  'api',
  'embed',
  'peiling',
  // kept free for the app
  'en',
  'nl',
  'admin',
  'login',
  'documenten',
  'sjablonen',
  'dashboard',
  'favicon.ico',
  'robots.txt',
] as const;

const RESERVED = new Set<string>(RESERVED_FIRST_SEGMENTS);

export function isReservedSlug(slug: string): boolean {
  return RESERVED.has(slug.toLowerCase());
}
