/** SWV B's resources the scope-assertion cases need beyond the matrix's (matrix-other-tenant.ts). */
import type { TestApp } from '../test-app.js';

export async function scopeFixtures(_testApp: TestApp): Promise<Record<string, string>> {
  return {};
}
