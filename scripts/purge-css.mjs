// Keeps only the CSS the app uses (issue 10: the section page sent 670–780 KB, 93 % CSS).
// - utrecht.css: a rule stays when one of its selectors uses only `utrecht-*` classes the app's source names
//   (src/**/*.ts(x), static/*.css); a class built in code (`utrecht-alert--${type}`) keeps every class with
//   that prefix. Rules without utrecht classes (element selectors, :root) stay; at-rules are filtered inside.
// - theme.css: a design token (`--voorbeeld-…: …;`) stays when it is used (`var(--…)`) by the kept CSS, the
//   app's CSS or another kept token.
// No CSS parser dependency: the Utrecht and token files are plain CSS (no braces inside strings).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file, out);
    else if (/\.(tsx?|css)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(file);
  }
  return out;
}

/** The utrecht classes the app names, and the prefixes of those it builds in code. */
export function usedUtrechtClasses(root) {
  const exact = new Set();
  const prefixes = new Set();
  for (const file of [...walk(path.join(root, 'src')), ...walk(path.join(root, 'static'))]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/utrecht-[a-z0-9_-]+(\$\{)?/g)) {
      if (match[1]) prefixes.add(match[0].slice(0, -2));
      else exact.add(match[0]);
    }
  }
  return { exact, prefixes: [...prefixes].filter((prefix) => prefix.endsWith('-')) };
}

/** Top-level blocks of a CSS text: { prelude, body } for `prelude { body }`, or { statement } for `@import …;`. */
function blocks(css) {
  const out = [];
  let i = 0;
  let start = 0;
  while (i < css.length) {
    const ch = css[i];
    if (ch === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end === -1 ? css.length : end + 2;
      continue;
    }
    if (ch === ';') {
      const statement = css.slice(start, i + 1).trim();
      if (statement) out.push({ statement });
      start = i + 1;
    } else if (ch === '{') {
      let depth = 1;
      let j = i + 1;
      while (j < css.length && depth > 0) {
        if (css[j] === '{') depth++;
        else if (css[j] === '}') depth--;
        j++;
      }
      out.push({ prelude: css.slice(start, i).replace(/\/\*[\s\S]*?\*\//g, '').trim(), body: css.slice(i + 1, j - 1) });
      i = j;
      start = j;
      continue;
    }
    i++;
  }
  return out;
}

function splitSelectors(prelude) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const ch of prelude) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

export function purgeUtrecht(css, used) {
  const isUsed = (cls) => used.exact.has(cls) || used.prefixes.some((prefix) => cls.startsWith(prefix));
  const keepSelector = (selector) => [...selector.matchAll(/\.(utrecht-[a-z0-9_-]+)/g)].every((match) => isUsed(match[1]));
  const purge = (text) =>
    blocks(text)
      .map((block) => {
        if (block.statement) return block.statement;
        if (block.prelude.startsWith('@')) {
          if (/^@(media|supports|layer|container)\b/.test(block.prelude)) {
            const inner = purge(block.body);
            return inner ? `${block.prelude}{${inner}}` : '';
          }
          return `${block.prelude}{${block.body}}`;
        }
        const selectors = splitSelectors(block.prelude).filter(keepSelector);
        return selectors.length ? `${selectors.join(',')}{${block.body.trim()}}` : '';
      })
      .filter(Boolean)
      .join('\n');
  return purge(css);
}

/** Drops custom-property declarations (`--x: …;`) nothing uses; `usedBy` is the other CSS that may use them. */
export function purgeTokens(css, usedBy) {
  // A value may hold quoted strings with ";" in them (data: URLs).
  const declaration = /(--[a-zA-Z0-9_-]+)\s*:\s*((?:"[^"]*"|'[^']*'|[^;{}"'])*);/g;
  const values = new Map();
  for (const match of css.matchAll(declaration)) values.set(match[1], match[2]);
  const used = new Set();
  const queue = [...usedBy.matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)].map((match) => match[1]);
  while (queue.length) {
    const name = queue.pop();
    if (used.has(name)) continue;
    used.add(name);
    for (const match of (values.get(name) ?? '').matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)) queue.push(match[1]);
  }
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(declaration, (whole, name) => (used.has(name) ? whole : ''))
    .replace(/\n\s*\n/g, '\n');
}
