/**
 * Message catalogues: Dutch is the source language, English a full translation.
 * Each feature keeps its own catalogue (`messages.ts`) so features stay independent;
 * the type system makes a missing English key a compile error.
 */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Catalogue<K extends string> {
  nl: Record<K, string>;
  en: Record<K, string>;
}

export function defineMessages<K extends string>(nl: Record<K, string>, en: Record<NoInfer<K>, string>): Catalogue<K> {
  return { nl, en };
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/**
 * A message's parameters: `{name}` is replaced by the value. A count that changes the words is written as a plural
 * (the ICU MessageFormat subset): `{count, plural, one {# school} other {# scholen}}`, the form chosen by the
 * language's plural rules (`Intl.PluralRules`), `=0` etc. for an exact number first; `#` is the number.
 */
export function translator<K extends string>(catalogue: Catalogue<K>, locale: Locale): Translate<K> {
  const messages = catalogue[locale];
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return formatMessage(template, params, locale);
  };
}

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

export function formatMessage(template: string, params: Record<string, string | number>, locale: Locale): string {
  let text = template;
  for (let start = text.search(PLURAL_START); start >= 0; start = text.search(PLURAL_START)) {
    const end = closingBrace(text, start);
    if (end < 0) break;
    text = text.slice(0, start) + choosePlural(text.slice(start + 1, end), params, locale) + text.slice(end + 1);
  }
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

const PLURAL_START = /\{\w+, plural,/;

/** The index of the brace that closes the one at `open` (nested braces counted), or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `count, plural, one {…} other {…}` (without its outer braces): the branch for the parameter's number. */
function choosePlural(body: string, params: Record<string, string | number>, locale: Locale): string {
  const [, name = '', rest = ''] = /^(\w+), plural,([\s\S]*)$/.exec(body) ?? [];
  const branches = new Map<string, string>();
  for (let i = 0; i < rest.length; ) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(rest.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const close = closingBrace(rest, open);
    if (close < 0) break;
    branches.set(selector[1]!, rest.slice(open + 1, close));
    i = close + 1;
  }
  const value = Number(params[name]);
  if (!(name in params) || Number.isNaN(value)) return branches.get('other') ?? '';
  pluralRules[locale] ??= new Intl.PluralRules(locale);
  const chosen = branches.get(`=${value}`) ?? branches.get(pluralRules[locale].select(value)) ?? branches.get('other') ?? '';
  return chosen.replace(/#/g, String(value));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
