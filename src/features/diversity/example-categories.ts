/**
 * The EXAMPLE categories of support need offered to an SWV that has none yet (issue 15), read from the shipped
 * example file (templates/examples/verscheidenheidsindex-voorbeeld.yaml). An example, not national values: the SWV
 * changes the names and factors on its settings page. Factors in hundredths (150 = 1,5).
 */
import { exampleIndex } from './index-format.js';

export const EXAMPLE_CATEGORIES: ReadonlyArray<{ name: string; factorHundredths: number }> = exampleIndex().categories;
