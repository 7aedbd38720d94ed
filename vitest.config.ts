import { defineConfig } from 'vitest/config';

// Integration tests open their own database through test/support/test-db.ts:
// in-memory PGlite always, and the PostgreSQL server too when TEST_DATABASE_URL is set.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'hono/jsx' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
