/**
 * The EXAMPLE categories of support need offered to an SWV that has none yet (issue 15). An example, not national
 * values: the SWV changes the names and factors on its settings page. Factors in hundredths (150 = 1,5).
 */
export const EXAMPLE_CATEGORIES: ReadonlyArray<{ name: string; factorHundredths: number }> = [
  { name: 'Lichte ondersteuningsbehoefte (extra aandacht in de groep)', factorHundredths: 100 },
  { name: 'Matige ondersteuningsbehoefte (eigen leerlijn op een vakgebied)', factorHundredths: 150 },
  { name: 'Zware ondersteuningsbehoefte (arrangement van het samenwerkingsverband)', factorHundredths: 200 },
  { name: 'Intensieve ondersteuningsbehoefte (meerdere vakgebieden en gedrag)', factorHundredths: 400 },
];
