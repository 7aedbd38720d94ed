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

export function translator<K extends string>(catalogue: Catalogue<K>, locale: Locale): Translate<K> {
  const messages = catalogue[locale];
  return (key, params) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
