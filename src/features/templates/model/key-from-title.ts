/**
 * A key made from a title ("Zorgcoördinator één keer per week" → "zorgcoordinator-een-keer-per-week"): lower case,
 * accents dropped, runs of other characters as one dash, cut to `maxLength`; `fallback` when nothing is left. Unique
 * among `taken` by adding "-2", "-3", … Shared by the template editor's items and the quality standards' keys.
 */
export function uniqueKeyFromTitle(title: string, taken: ReadonlySet<string>, options: { maxLength: number; fallback: string }): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, options.maxLength)
      .replace(/-+$/, '') || options.fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
