/**
 * Column names in the public files, current name first, then older or alternative spellings (matched after
 * normalizeColumnName: case and spacing do not matter). DUO renamed BRIN NUMMER → INSTELLINGSCODE and
 * VESTIGINGSNUMMER → VESTIGINGSCODE; the inspection writes CamelCase names; CBS adds the year to its columns.
 */
export const COLUMNS = {
  brin: ['INSTELLINGSCODE', 'BRIN NUMMER', 'BRINNUMMER', 'BRIN'],
  location: ['VESTIGINGSCODE', 'VESTIGINGSNUMMER', 'VESTIGINGS NUMMER', 'VESTIGING', 'VESTNR'],
  locationName: ['VESTIGINGSNAAM', 'INSTELLINGSNAAM VESTIGING', 'NAAM VESTIGING', 'INSTELLINGSNAAM'],
  boardNumber: ['BEVOEGD GEZAG NUMMER', 'BEVOEGDGEZAGNUMMER', 'BEVOEGD GEZAG', 'BESTUURSNUMMER'],
  boardName: ['BEVOEGD GEZAG NAAM', 'BESTUURSNAAM'],
  street: ['STRAATNAAM'],
  houseNumber: ['HUISNUMMER-TOEVOEGING', 'HUISNUMMER TOEVOEGING', 'HUISNUMMER'],
  postcode: ['POSTCODE'],
  city: ['PLAATSNAAM'],
  municipalityCode: ['GEMEENTENUMMER', 'GEMEENTE NUMMER'],
  denomination: ['DENOMINATIE'],
  website: ['INTERNETADRES'],
  /** po files: the kind of school (Bo, Sbo, So, Vso …). */
  poType: ['SOORT PO', 'SOORT PRIMAIR ONDERWIJS', 'SOORT VESTIGING'],
  /** vo files: the education offered, e.g. "VMBO/HAVO/VWO". */
  voStructure: ['ONDERWIJSSTRUCTUUR', 'ONDERWIJSTYPE VO'],
  /** The SWV-membership file: the SWV's code. */
  swvCode: ['ADMINISTRATIENUMMER', 'SAMENWERKINGSVERBAND ID', 'SWV ID', 'CODE SAMENWERKINGSVERBAND', 'SWV CODE', 'SWV NUMMER'],
  swvName: ['SAMENWERKINGSVERBAND', 'NAAM SAMENWERKINGSVERBAND', 'SWV NAAM'],
  pupilCount: ['TOTAAL', 'AANTAL LEERLINGEN', 'TOTAAL AANTAL LEERLINGEN', 'LEERLINGEN', 'AANTAL'],
  countDate: ['PEILDATUM', 'TELDATUM'],
  verdict: ['KWALITEITONDERWIJS', 'KWALITEIT ONDERWIJS', 'OORDEEL', 'EINDOORDEEL'],
  verdictDate: ['VASTSTELLINGSDATUM', 'DATUM VASTSTELLING', 'DATUM'],
  publishedDate: ['PUBLICATIEDATUM', 'DATUM PUBLICATIE'],
  inspectedName: ['OVTNAAM', 'OVT NAAM', 'NAAM'],
  inspectedType: ['TYPEOVT', 'TYPE OVT'],
  inspectionKind: ['TYPEONDERZOEK', 'TYPE ONDERZOEK'],
  pc6: ['PC6', 'POSTCODE'],
  pc4: ['PC4', 'POSTCODE 4', 'POSTCODE'],
  district: ['WIJK', 'WIJKNAAM', 'DISTRICT'],
} as const;

/**
 * DUO writes school kinds in full or abbreviated, and renames them now and then. These spellings map to the
 * short codes people use (bao, sbo, so, vso, …); anything else is kept as written, in lower case — so a new
 * value in next year's file is stored, not refused.
 */
export const SCHOOL_TYPE_SPELLINGS: Record<string, string> = {
  bo: 'bao',
  basisonderwijs: 'bao',
  'basisschool': 'bao',
  sbao: 'sbo',
  'speciaal basisonderwijs': 'sbo',
  'speciaal onderwijs': 'so',
  'voortgezet speciaal onderwijs': 'vso',
  praktijkonderwijs: 'pro',
};

/** "VMBO/HAVO/VWO" → ["vmbo","havo","vwo"]; "Sbo" → ["sbo"]; "SO/VSO" → ["so","vso"]. */
export function schoolTypesOf(value: string): string[] {
  const whole = value.trim().toLowerCase();
  if (whole === '') return [];
  if (SCHOOL_TYPE_SPELLINGS[whole]) return [SCHOOL_TYPE_SPELLINGS[whole]];
  const parts = whole.split(/\s*[/,+]\s*/).filter(Boolean);
  return [...new Set(parts.map((part) => SCHOOL_TYPE_SPELLINGS[part] ?? part))];
}

/** An SWV's code as DUO writes it in various files ("PO 28-01", "PO2801", "po28.01") compared without spacing. */
export function normalizeSwvCode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
