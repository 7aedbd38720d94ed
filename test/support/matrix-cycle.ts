/** Path parameters of the cycle routes: the demo SWV's current school year. */
import type { TestApp } from './test-app.js';

export async function cycleMatrixParams(_testApp: TestApp): Promise<Record<string, string>> {
  return { schoolYear: '2026-2027' };
}
