import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain build script without type declarations
import { purgeTokens, purgeUtrecht } from '../scripts/purge-css.mjs';

describe('only the CSS the app uses', () => {
  const used = { exact: new Set(['utrecht-button', 'utrecht-alert']), prefixes: ['utrecht-alert--'] };

  it('keeps rules for the classes the app names (and built prefixes), inside media queries too', () => {
    const css = [
      '.utrecht-button { color: var(--utrecht-button-color); }',
      '.utrecht-badge { color: red; }',
      '.utrecht-alert--warning, .utrecht-badge--x { color: orange; }',
      '@media (min-width: 40em) { .utrecht-badge { padding: 0 } .utrecht-button { padding: 1px } }',
      '@media print { .utrecht-badge { display: none } }',
      ':root { color-scheme: light; }',
    ].join('\n');
    const out = (purgeUtrecht as (css: string, used: unknown) => string)(css, used);
    expect(out).toContain('.utrecht-button{color: var(--utrecht-button-color);}');
    expect(out).toContain('.utrecht-alert--warning{color: orange;}');
    expect(out).toContain('@media (min-width: 40em){.utrecht-button{padding: 1px}}');
    expect(out).toContain(':root{color-scheme: light;}');
    expect(out).not.toContain('utrecht-badge');
    expect(out).not.toContain('@media print');
  });

  it('keeps the design tokens the CSS uses, also through other tokens, and values with semicolons in strings', () => {
    const theme = `.voorbeeld-theme {\n  /* generated */\n  --utrecht-button-color: var(--voorbeeld-blue);\n  --voorbeeld-blue: #0b5563;\n  --voorbeeld-icon: url("data:image/svg+xml;utf8,<svg/>");\n  --utrecht-badge-color: red;\n}`;
    const out = (purgeTokens as (css: string, usedBy: string) => string)(theme, '.x { color: var(--utrecht-button-color); background: var(--voorbeeld-icon) }');
    expect(out).toContain('--utrecht-button-color: var(--voorbeeld-blue);');
    expect(out).toContain('--voorbeeld-blue: #0b5563;');
    expect(out).toContain('--voorbeeld-icon: url("data:image/svg+xml;utf8,<svg/>");');
    expect(out).not.toContain('--utrecht-badge-color');
    expect(out).not.toContain('generated');
  });
});
