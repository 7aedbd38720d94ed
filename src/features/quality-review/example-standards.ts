import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/project-root.js';
import type { QualityStandards } from './model.js';
import { parseStandardsFile } from './standards-file.js';

/** The shipped EXAMPLE standards (templates/quality/basiskwaliteit-voorbeeld.yaml), marked `example: true`. */
export const EXAMPLE_STANDARDS_FILE = path.join('templates', 'quality', 'basiskwaliteit-voorbeeld.yaml');

let cached: QualityStandards | null = null;

export function loadExampleStandards(): QualityStandards {
  if (cached) return cached;
  const result = parseStandardsFile(readFileSync(path.join(projectRoot(), EXAMPLE_STANDARDS_FILE), 'utf8'));
  if (!result.ok) throw new Error(`Voorbeeldstandaarden zijn ongeldig: ${result.errors.map((e) => `regel ${e.line}: ${e.message}`).join('; ')}`);
  cached = result.standards;
  return cached;
}
