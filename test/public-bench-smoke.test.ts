/**
 * Keeps bench/public.bench.ts from rotting: its smoke mode (10 visitors for 3 s, two short saturation rounds, 20
 * generated schools) runs once, on PostgreSQL when TEST_DATABASE_URL is set and on PGlite otherwise, and must end
 * without a failed request. No timings are asserted: the numbers belong in bench/README.md. About 45 s on PostgreSQL
 * at load 15; on PGlite (a second migration in the server process) it took 3 min at load 18, hence the long timeout.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the public pages benchmark', () => {
  it('runs its smoke mode to the end without a failed request', async () => {
    const args = ['--import', 'tsx', 'bench/public.bench.ts', '--smoke', ...(process.env['TEST_DATABASE_URL'] ? [] : ['--pglite'])];
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = execFile(process.execPath, args, { timeout: 280_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      );
      child.stdin?.end();
    });
    expect(output).toMatch(/visitors: \d+ requests .*errors 0,/);
    expect(output).toMatch(/app \d+ req\/s, static \d+ req\/s/);
    expect(code, output).toBe(0);
  }, 300_000);
});
