/**
 * Example data for the renderers' tests, the benchmark and visual checks.
 * `buildDocumentFixture` answers every item of any template realistically: mostly the norm,
 * some below it, some with an ambition — so every status shows up in the documents.
 */
import { existsSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import type { Answer, AnswerValue } from '../../templates/model/answer.js';
import {
  findScale,
  isSingleChoiceKind,
  templateSchema,
  type Item,
  type ItemInput,
  type TemplateDefinition,
  type TemplateInput,
} from '../../templates/model/template.js';
import type { ProfileDocumentData } from '../document-data.js';

const NEXT_YEARS = ['2027-2028', '2028-2029'] as const;

const SENTENCES = [
  'Wij kijken naar wat een kind nodig heeft en stemmen ons onderwijs daarop af.',
  'De leerkracht bespreekt de ontwikkeling van elk kind minstens drie keer per jaar met de intern begeleider.',
  'Ouders zijn welkom om mee te denken; we maken samen afspraken en leggen die vast in het groepsplan.',
  'In de onderbouw werken we met thema’s waarin spel en taal centraal staan.',
  'Voor kinderen die meer uitdaging nodig hebben is er een plusgroep op dinsdag en donderdag.',
  'We werken samen met de jeugdverpleegkundige, het schoolmaatschappelijk werk en de leerplichtambtenaar.',
  'Onze school is een veilige plek waar iedereen zichzelf mag zijn en waar we elkaar met respect behandelen.',
  'Het team volgt dit schooljaar een scholing over executieve functies.',
] as const;

/** Dutch filler text of about `length` characters (never more than `length`). */
export function dutchText(length: number, seed = 0): string {
  let text = '';
  let i = seed;
  while (text.length < length) {
    text += (text ? ' ' : '') + SENTENCES[i % SENTENCES.length];
    i += 1;
  }
  if (text.length <= length) return text;
  const cut = text.slice(0, Math.max(1, length - 1)).replace(/\s+\S*$/, '');
  return `${cut.length > 0 ? cut : text.slice(0, length - 1)}.`.slice(0, length);
}

function firstNotIn(options: string[], excluded: string[] | undefined): string | undefined {
  return options.find((value) => !excluded?.includes(value));
}

/** An answer that meets the norm, or deliberately does not (`below`). */
function answerValue(template: TemplateDefinition, item: Item, index: number, below: boolean, longest: boolean): AnswerValue {
  const options = findScale(template, item.scale)?.options.map((o) => o.value) ?? [];
  const norm = item.norm;
  if (isSingleChoiceKind(item.kind)) {
    const accepted = norm?.accept?.[0];
    if (below && norm?.accept) return firstNotIn(options.slice().reverse(), norm.accept) ?? options[0] ?? 'onbekend';
    return accepted ?? options[index % Math.max(1, options.length)] ?? 'onbekend';
  }
  switch (item.kind) {
    case 'partners': {
      const required = norm?.includes ?? [];
      const extra = options.filter((value, i) => !required.includes(value) && i % 2 === 0);
      const chosen = [...required, ...extra];
      return below && required.length > 0 ? chosen.slice(1) : chosen;
    }
    case 'yesno':
      return below && norm?.equals !== undefined ? !norm.equals : (norm?.equals ?? true);
    case 'number': {
      const min = norm?.min ?? item.min ?? 0;
      const max = norm?.max ?? item.max ?? min + 300;
      if (below && norm?.min !== undefined) return Math.max(item.min ?? 0, norm.min - 1);
      return Math.round(min + (max - min) / 2);
    }
    case 'text':
      return longest ? dutchText(item.maxLength ?? 300, index) : dutchText(90, index);
    case 'longtext':
      return longest ? dutchText(Math.min(item.maxLength ?? 4000, 4000), index) : `${dutchText(420, index)}\n\n${dutchText(260, index + 3)}`;
  }
  return '';
}

export interface DocumentFixtureOptions {
  /** Every parent text and limit at its maximum length: the worst case for the posters. */
  longestTexts?: boolean;
}

export function buildDocumentFixture(template: TemplateDefinition, options: DocumentFixtureOptions = {}): ProfileDocumentData {
  const longest = options.longestTexts ?? false;
  const answers: Record<string, Answer> = {};
  let index = 0;
  for (const section of template.sections) {
    for (const item of section.items) {
      index += 1;
      // Introduction items (inspection verdict…) always meet the norm: the gaps are in the promises.
      const hasNorm = Boolean(item.norm) && section.kind !== 'introduction';
      // Roughly 1 in 7 below the norm, 1 in 7 below with an ambition; the rest meets the norm.
      const isBelow = hasNorm && index % 7 === 3;
      const isAmbition = hasNorm && index % 7 === 5;
      const value = answerValue(template, item, index, isBelow || isAmbition, longest);
      const ambitionTarget = item.norm?.accept?.[0];
      const answer: Answer = {
        value,
        ambition: isAmbition
          ? {
              ...(ambitionTarget ? { target: ambitionTarget } : {}),
              schoolYear: NEXT_YEARS[index % 2] ?? '2027-2028',
              note: 'Het team volgt hiervoor scholing en we maken afspraken met het samenwerkingsverband.',
            }
          : null,
        parentText: item.parentTextEditable
          ? longest
            ? dutchText(item.parentTextMaxLength, index)
            : index % 3 === 0
              ? dutchText(Math.min(140, item.parentTextMaxLength), index)
              : null
          : null,
      };
      answers[item.key] = answer;
    }
  }
  const limits: Record<string, string> = {};
  for (const section of template.sections) {
    if (section.asksLimits) {
      limits[section.key] = longest
        ? dutchText(1000, section.key.length)
        : 'Voor leerlingen die de hele dag één-op-één begeleiding nodig hebben, kunnen wij geen passend aanbod doen. We zoeken dan samen met ouders en het samenwerkingsverband naar een passende plek.';
    }
  }
  limits.__overall =
    'Onze school heeft geen lift; voor leerlingen in een rolstoel is de bovenverdieping niet bereikbaar. Bij ernstige medische zorg die verpleegkundige handelingen vraagt, overleggen we met ouders en de jeugdarts wat mogelijk is.';

  return {
    branding: {
      partnershipName: 'SWV Passend Onderwijs Voorbeeldstad',
      primaryColor: '#1f6f8b',
      logo: { data: exampleLogoPng(), mimeType: 'image/png' },
      parentSupportPoint: {
        name: 'Ouder- en jeugdsteunpunt Voorbeeldstad',
        phone: '010 123 45 67',
        email: 'steunpunt@swv-voorbeeldstad.nl',
        website: 'https://www.swv-voorbeeldstad.nl/ouders',
      },
    },
    school: {
      name: 'Basisschool De Regenboog',
      locationCode: '12AB00',
      boardName: 'Stichting Primair Onderwijs Voorbeeldstad',
      street: 'Kastanjelaan 12',
      postalCode: '1234 AB',
      city: 'Voorbeeldstad',
      website: 'https://www.deregenboog-voorbeeldstad.nl',
      denomination: 'Openbaar',
      districtName: 'Noord',
      contacts: [
        { role: 'Intern begeleider', name: 'Fatima el Idrissi', topic: 'Extra ondersteuning en aanmelding', email: 'f.elidrissi@deregenboog-voorbeeldstad.nl', showToParents: true },
        { role: 'Directeur', name: 'Jeroen de Vries', topic: 'Toelating en het SOP', email: 'j.devries@deregenboog-voorbeeldstad.nl', showToParents: true },
        { role: 'Gedragsspecialist', name: 'Annelies Bakker', topic: 'Gedrag in de groep' },
        { role: 'Anti-pestcoördinator', name: 'Sander Mulder', topic: 'Pesten en sociale veiligheid', email: 'antipesten@deregenboog-voorbeeldstad.nl' },
      ],
    },
    schoolYear: '2026-2027',
    template,
    answers,
    limits,
    status: 'adopted',
    submittedAt: new Date('2026-10-28T10:00:00Z'),
    councilAdvice: {
      date: new Date('2026-11-10T18:30:00Z'),
      text: 'De medezeggenschapsraad geeft een positief advies. De MR vraagt de school om ouders in de nieuwsbrief te informeren over het aanbod voor meer- en hoogbegaafde leerlingen.',
    },
    adoption: { date: new Date('2026-11-24T12:00:00Z'), by: 'het college van bestuur van Stichting Primair Onderwijs Voorbeeldstad' },
    generatedAt: new Date('2026-11-25T09:00:00Z'),
  };
}

/** A small PNG (a coloured roundel) so logos are exercised without a binary file in the repository. */
export function exampleLogoPng(size = 96): Uint8Array {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c + 0.5, y - c + 0.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const ring = d < c - 2 && d > c * 0.55;
      const inner = d <= c * 0.35;
      raw[o] = ring ? 0x1f : inner ? 0xf2 : 0xff;
      raw[o + 1] = ring ? 0x6f : inner ? 0xa9 : 0xff;
      raw[o + 2] = ring ? 0x8b : inner ? 0x00 : 0xff;
      raw[o + 3] = ring || inner ? 255 : 0;
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(body.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** Example templates written beside the code (another engineer's files); tests use whichever exist. */
export const EXAMPLE_TEMPLATE_FILES = ['templates/examples/zoetermeer-po.yaml', 'templates/examples/de-eem-po.yaml'] as const;

export function loadExampleTemplates(root = process.cwd()): Array<{ name: string; template: TemplateDefinition }> {
  const found = EXAMPLE_TEMPLATE_FILES.filter((file) => existsSync(`${root}/${file}`)).map((file) => ({
    name: file,
    template: templateSchema.parse(parseYaml(readFileSync(`${root}/${file}`, 'utf8'))),
  }));
  return found.length > 0 ? found : [{ name: 'inline', template: inlineTemplate() }];
}

/** Copy sections with new keys until the template has at least `minItems` items (benchmark of a big SOP). */
/**
 * Copies sections (with new keys) until the template has `minItems` items. By default the copies
 * keep their poster flags; `{ posters: 'original' }` keeps only the original items on the posters,
 * as a real template of that size would (a one-page poster holds a selection, not everything).
 */
export function padTemplate(template: TemplateDefinition, minItems: number, options: { posters?: 'copy' | 'original' } = {}): TemplateDefinition {
  const posterOf = (item: Item): Item['posters'] => (options.posters === 'original' ? { ...item.posters, parent: false, teacher: false } : item.posters);
  const count = () => sections.reduce((n, s) => n + s.items.length, 0);
  const sections = [...template.sections];
  const promises = template.sections.filter((s) => s.items.length > 0);
  let round = 1;
  while (count() < minItems && promises.length > 0) {
    for (const section of promises) {
      if (count() >= minItems) break;
      sections.push({
        ...section,
        key: `${section.key}-x${round}`.slice(0, 80),
        title: `${section.title} (vervolg ${round})`,
        items: section.items.map((item) => ({ ...item, key: `${item.key}-x${round}`.slice(0, 80), posters: posterOf(item) })),
      });
    }
    round += 1;
  }
  return { ...template, sections };
}

const LEVELS = [
  { value: 'school', label: 'Op schoolniveau', parentLabel: 'Op onze school' },
  { value: 'wijk', label: 'Op wijkniveau', parentLabel: 'In de wijk' },
  { value: 'bestuur', label: 'Op bestuursniveau', parentLabel: 'Via ons schoolbestuur' },
  { value: 'ander-bestuur', label: 'Bij een ander bestuur', parentLabel: 'Bij een andere school' },
  { value: 'bovenbestuurlijk', label: 'Bovenbestuurlijk', parentLabel: 'Via het samenwerkingsverband' },
  { value: 'niet', label: 'Niet beschikbaar', parentLabel: 'Nog niet' },
];

function availability(key: string, title: string, parentText: string, extra: Partial<ItemInput> = {}): ItemInput {
  return {
    key,
    kind: 'availability' as const,
    title,
    scale: 'niveau',
    norm: { accept: ['school'] },
    ambition: true,
    parentText,
    parentTextEditable: true,
    posters: { parent: true, teacher: true },
    ...extra,
  };
}

/** A realistic template in the style of SWV Zoetermeer's seven promises (seed 004), used until the example files exist. */
export function inlineTemplate(): TemplateDefinition {
  const input: TemplateInput = {
    format: 'opensop-template/1',
    key: 'voorbeeld-po',
    name: 'SOP basisondersteuning SWV Voorbeeldstad (po)',
    sector: 'po',
    scales: [
      { key: 'niveau', name: 'Beschikbaarheid', options: LEVELS },
      {
        key: 'ontwikkeling',
        name: 'Ontwikkelingsniveau',
        options: [
          { value: 'niet-ontwikkeld', label: 'Niet ontwikkeld', description: 'minder dan 50 %' },
          { value: 'in-ontwikkeling', label: 'In ontwikkeling', description: '50 %–70 %' },
          { value: 'ontwikkeld', label: 'Ontwikkeld', description: '70 %–80 %' },
          { value: 'ver-ontwikkeld', label: 'Ver ontwikkeld', description: '80 % of meer' },
        ],
      },
      {
        key: 'protocol',
        name: 'Protocol',
        options: [
          { value: 'actief', label: 'Actief toegepast' },
          { value: 'beschikbaar', label: 'Beschikbaar' },
          { value: 'niet-aanwezig', label: 'Niet aanwezig' },
        ],
      },
      {
        key: 'partners',
        name: 'Samenwerkingspartners',
        options: [
          { value: 'cjg', label: 'Centrum voor Jeugd en Gezin' },
          { value: 'jgz', label: 'Jeugdgezondheidszorg' },
          { value: 'smw', label: 'Schoolmaatschappelijk werk' },
          { value: 'leerplicht', label: 'Leerplicht' },
          { value: 'jeugdhulp', label: 'Jeugdhulp' },
          { value: 'logopedie', label: 'Logopedie' },
          { value: 'fysiotherapie', label: 'Fysiotherapie' },
          { value: 'sbo', label: 'Speciaal basisonderwijs' },
          { value: 'so', label: 'Speciaal onderwijs' },
          { value: 'voorschool', label: 'Voorschoolse voorziening' },
        ],
      },
      {
        key: 'inspectie',
        name: 'Oordeel inspectie',
        options: [
          { value: 'goed', label: 'Goed' },
          { value: 'voldoende', label: 'Voldoende' },
          { value: 'onvoldoende', label: 'Onvoldoende' },
          { value: 'zeer-zwak', label: 'Zeer zwak' },
        ],
      },
    ],
    sections: [
      {
        key: 'algemeen',
        kind: 'introduction',
        title: 'Algemeen',
        intro: 'In dit deel beschrijft de school haar visie, de organisatie van het onderwijs en de belangrijkste gegevens.',
        items: [
          { key: 'visie', kind: 'longtext', title: 'Onze visie op ondersteuning', maxLength: 2000 },
          { key: 'organisatie', kind: 'longtext', title: 'Organisatie van het onderwijs', maxLength: 2000 },
          { key: 'inspectieoordeel', kind: 'choice', title: 'Oordeel van de inspectie', scale: 'inspectie', norm: { accept: ['goed', 'voldoende'] } },
          { key: 'leerlingaantal', kind: 'number', title: 'Aantal leerlingen op 1 oktober', unit: 'leerlingen', min: 0, max: 2000 },
        ],
      },
      {
        key: 'belofte-1',
        kind: 'promise',
        title: 'Belofte 1',
        promise:
          'Onze scholen hebben hoge verwachtingen van alle leerlingen, zien kansen en gaan in houding en gedrag nadrukkelijk uit van wat wel kan.',
        asksLimits: true,
        items: [
          availability('aanbod-dyslexie', 'Aanbod dyslexie', 'Heeft uw kind moeite met lezen en spellen? We bieden extra oefening en hulpmiddelen.', { group: 'Onderwijsaanbod' }),
          availability('aanbod-dyscalculie', 'Aanbod dyscalculie', 'Heeft uw kind moeite met rekenen? We helpen met extra uitleg en oefening.', { group: 'Onderwijsaanbod' }),
          availability('aanbod-meerbegaafd', 'Aanbod meer- en hoogbegaafden', 'Leert uw kind snel? Dan krijgt het extra uitdaging in en buiten de klas.', { group: 'Onderwijsaanbod' }),
          availability('aanbod-laagbegaafd', 'Aanbod laagbegaafdheid', 'Leert uw kind langzamer? We passen de lesstof aan.', { group: 'Onderwijsaanbod' }),
          availability('aanbod-motoriek', 'Aanbod motorische en fysieke ontwikkeling', 'We letten op hoe uw kind beweegt en helpen als dat nodig is.', { group: 'Onderwijsaanbod' }),
          availability('aanbod-sociaal-emotioneel', 'Aanbod sociaal-emotionele ontwikkeling', 'We leren kinderen omgaan met gevoelens en met elkaar.', { group: 'Onderwijsaanbod' }),
          availability('signalering-leesproblemen', 'Preventieve signalering van leesproblemen', 'We zien leesproblemen vroeg en helpen meteen.', { group: 'Signalering', posters: { parent: false, teacher: true } }),
          availability('signalering-rekenproblemen', 'Preventieve signalering van rekenproblemen', 'We zien rekenproblemen vroeg en helpen meteen.', { group: 'Signalering', posters: { parent: false, teacher: true } }),
          availability('aanbod-executieve-functies', 'Aanbod executieve functies', 'We helpen kinderen met plannen en organiseren.', { group: 'Signalering' }),
        ],
      },
      {
        key: 'belofte-2',
        kind: 'promise',
        title: 'Belofte 2',
        promise: 'Onze scholen zien de ouder als ervaringsdeskundige en gelijkwaardige partner in de ontwikkeling en begeleiding van leerlingen.',
        items: [
          { key: 'ouders-betrokken', kind: 'yesno', title: 'Ouders worden betrokken bij het opstellen van een ontwikkelingsperspectief', norm: { equals: true }, parentText: 'Heeft uw kind een eigen plan? Dan maken we dat samen met u.', posters: { parent: true, teacher: false } },
          { key: 'onderzoek-voor-aanmelding', kind: 'yesno', title: 'De school onderzoekt de ondersteuningsbehoefte voor inschrijving', norm: { equals: true }, posters: { parent: false, teacher: true } },
          { key: 'gesprekken-ouders', kind: 'number', title: 'Aantal vaste oudergesprekken per jaar', unit: 'gesprekken', norm: { min: 2 }, min: 0, max: 10 },
        ],
      },
      {
        key: 'belofte-3',
        kind: 'promise',
        title: 'Belofte 3',
        promise: 'Onze scholen werken opbrengst- en handelingsgericht aan de ontwikkeling van leerlingen en zijn in staat preventieve en lichte ondersteuning te bieden.',
        asksLimits: true,
        items: [
          { key: 'hgw-doelen', kind: 'development', title: 'Leerkrachten stellen doelen op basis van onderwijsbehoeften', scale: 'ontwikkeling', norm: { accept: ['ontwikkeld', 'ver-ontwikkeld'] }, ambition: true, group: 'Handelingsgericht werken', posters: { parent: false, teacher: true } },
          { key: 'hgw-groepsbespreking', kind: 'development', title: 'Groepsbesprekingen vinden cyclisch plaats', scale: 'ontwikkeling', norm: { accept: ['ontwikkeld', 'ver-ontwikkeld'] }, ambition: true, group: 'Handelingsgericht werken' },
          { key: 'hgw-evaluatie', kind: 'development', title: 'Het team evalueert de opbrengsten twee keer per jaar', scale: 'ontwikkeling', norm: { accept: ['ontwikkeld', 'ver-ontwikkeld'] }, ambition: true, group: 'Handelingsgericht werken' },
          { key: 'protocol-meldcode', kind: 'protocol', title: 'Meldcode huiselijk geweld en kindermishandeling', scale: 'protocol', norm: { accept: ['actief'] }, group: 'Protocollen', posters: { parent: false, teacher: true } },
          { key: 'protocol-pesten', kind: 'protocol', title: 'Anti-pestprotocol', scale: 'protocol', norm: { accept: ['actief'] }, group: 'Protocollen', parentText: 'Pesten pakken we direct aan. Er is een anti-pestcoördinator.', posters: { parent: true, teacher: true } },
          { key: 'protocol-dyslexie', kind: 'protocol', title: 'Dyslexieprotocol', scale: 'protocol', norm: { accept: ['actief'] }, group: 'Protocollen' },
          { key: 'protocol-medisch', kind: 'protocol', title: 'Protocol medisch handelen', scale: 'protocol', norm: { accept: ['actief', 'beschikbaar'] }, group: 'Protocollen', ambition: true },
          { key: 'protocol-schorsen', kind: 'protocol', title: 'Protocol schorsen en verwijderen', scale: 'protocol', norm: { accept: ['actief', 'beschikbaar'] }, group: 'Protocollen' },
        ],
      },
      {
        key: 'belofte-4',
        kind: 'promise',
        title: 'Belofte 4',
        promise: 'Onze scholen werken effectief samen met relevante partners, zoals schoolmaatschappelijk werk, jeugdhulp en leerplicht.',
        items: [
          { key: 'partners', kind: 'partners', title: 'De school werkt samen met', scale: 'partners', norm: { includes: ['jgz', 'smw', 'leerplicht'] }, parentText: 'We werken samen met de jeugdarts, het maatschappelijk werk en leerplicht.', posters: { parent: true, teacher: true } },
          { key: 'ondersteuningsteam', kind: 'yesno', title: 'Er is een ondersteuningsteam met externe deskundigen', norm: { equals: true }, ambition: true, posters: { parent: false, teacher: true } },
        ],
      },
      {
        key: 'extra',
        kind: 'extra',
        title: 'Extra ondersteuning',
        intro: 'Naast de basisondersteuning biedt de school het volgende aanbod en deze expertise.',
        asksLimits: true,
        items: [
          { key: 'expertise-gedrag', kind: 'expertise', title: 'Gedragsspecialist', scale: 'niveau', group: 'Expertise', parentText: 'Een gedragsspecialist denkt mee als het gedrag van uw kind zorgen geeft.', posters: { parent: true, teacher: true } },
          { key: 'expertise-taal', kind: 'expertise', title: 'Taal- en leesspecialist', scale: 'niveau', group: 'Expertise', posters: { parent: false, teacher: true } },
          { key: 'expertise-nt2', kind: 'expertise', title: 'NT2-specialist', scale: 'niveau', group: 'Expertise', posters: { parent: false, teacher: true } },
          { key: 'plusklas', kind: 'availability', title: 'Plusklas voor meer- en hoogbegaafde leerlingen', scale: 'niveau', group: 'Arrangementen', parentText: 'Kinderen die meer aankunnen, gaan een dagdeel per week naar de plusklas.', parentTextEditable: true, posters: { parent: true, teacher: true } },
          { key: 'taalklas', kind: 'availability', title: 'Taalklas voor nieuwkomers', scale: 'niveau', group: 'Arrangementen', parentText: 'Kinderen die net Nederlands leren, krijgen les in de taalklas.', posters: { parent: true, teacher: false } },
          { key: 'extra-toelichting', kind: 'text', title: 'Overige extra ondersteuning', maxLength: 300, required: false },
        ],
      },
      {
        key: 'tot-slot',
        kind: 'closing',
        title: 'Tot slot',
        items: [{ key: 'ambities-toelichting', kind: 'longtext', title: 'Onze ambities in het kort', maxLength: 2000 }],
      },
    ],
  };
  return templateSchema.parse(input);
}
