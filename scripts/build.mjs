// Builds the server and CLI bundles and the static assets into dist/.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { purgeTokens, purgeUtrecht, usedUtrechtClasses } from './purge-css.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const dist = path.join(root, 'dist');
const pub = path.join(dist, 'public');
mkdirSync(path.join(pub, 'client'), { recursive: true });

const started = Date.now();
await build({
  // document-worker: the documents render pool's worker thread (src/features/documents/render/render-pool.ts).
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts', 'document-worker': 'src/features/documents/render/render-worker.ts' },
  absWorkingDir: root,
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
});

// Small client modules for progressive enhancement (autosave, editor): each one its own file.
const clientDir = path.join(root, 'src', 'client');
const clientEntries = existsSync(clientDir) ? readdirSync(clientDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')) : [];
if (clientEntries.length > 0) {
  await build({
    entryPoints: clientEntries.map((f) => path.join(clientDir, f)),
    outdir: path.join(pub, 'client'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'warning',
  });
}

// Only the CSS the app uses (scripts/purge-css.mjs): the Utrecht rules for the classes in src/ and static/,
// and the design tokens that CSS uses.
const utrechtCss = purgeUtrecht(readFileSync(path.join(root, 'node_modules/@utrecht/component-library-css/dist/index.css'), 'utf8'), usedUtrechtClasses(root));
const appCss = readFileSync(path.join(root, 'static', 'app.css'), 'utf8');
const themeCss = purgeTokens(readFileSync(path.join(root, 'node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'), 'utf8'), utrechtCss + appCss);
writeFileSync(path.join(pub, 'utrecht.css'), utrechtCss);
writeFileSync(path.join(pub, 'theme.css'), themeCss);
cpSync(path.join(root, 'static'), pub, { recursive: true });
if (!quiet) console.log(`build klaar in ${Date.now() - started} ms`);
