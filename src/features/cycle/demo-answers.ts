/**
 * Realistic demo answers generated from a template: mostly the norm, some below it with an ambition,
 * Dutch texts for open questions. Deterministic per seed, so the demo looks the same every time.
 */
import { isSingleChoiceKind, findScale, listItems, type Item, type TemplateDefinition } from '../templates/model/template.js';
import { computeNormStatuses } from '../questionnaire/answer-change.js';
import type { CarriedAnswer } from './repository.js';

/**
 * Answers to free-text items, by a fragment of the item's key, as a real school writes them (one of several, by
 * seed, so the demo schools differ). Each fits its question: a concept is a concept, not a sentence about partners.
 */
const TEXTS: Array<[string, string[]]> = [
  [
    'visie',
    [
      'Wij willen dat ieder kind zich gezien voelt en zich op zijn eigen manier kan ontwikkelen. Leerkrachten stemmen hun onderwijs af op wat een leerling nodig heeft, samen met ouders en waar nodig met specialisten.',
      'Elk kind hoort erbij. Wij kijken naar wat een kind al kan en wat het nodig heeft om de volgende stap te zetten, en maken die stap samen met ouders.',
    ],
  ],
  [
    'organisatie',
    [
      'Jaarklassen met groepsdoorbrekend werken voor rekenen en lezen. Het ondersteuningsteam (IB, directie, onderwijsassistent) komt elke zes weken bij elkaar.',
      'Combinatiegroepen in de onderbouw, jaargroepen vanaf groep 3. Twee ochtenden per week is er een onderwijsassistent voor kleine groepjes.',
    ],
  ],
  ['onderwijsconcept', ['Openbare basisschool; wij werken met jaarklassen en coöperatieve leervormen.', 'Katholieke basisschool met daltononderwijs: zelfstandigheid, samenwerken en verantwoordelijkheid.', 'Protestants-christelijke basisschool; wij werken thematisch met wereldoriëntatie.']],
  [
    'bijzonderheden-leerlingen',
    [
      'Een gemengde wijk; ongeveer een kwart van de leerlingen groeit meertalig op. Het aantal leerlingen met een ontwikkelingsperspectief is de laatste jaren licht gestegen.',
      'Veel leerlingen komen uit de nieuwbouwwijk rond de school. Relatief veel jonge kinderen hebben een taalachterstand bij de start in groep 1.',
    ],
  ],
  [
    'hoge-verwachtingen',
    [
      'Wij stellen per groep twee keer per jaar doelen voor rekenen, lezen en taal en bespreken de resultaten met het team. Leerlingen bespreken hun eigen doelen in een kindgesprek.',
      'Leerkrachten geven les volgens het directe-instructiemodel en bieden verdieping voor wie meer aankan. In de groepsbespreking kijken wij of elk kind genoeg uitdaging krijgt.',
    ],
  ],
  ['overige-partners', ['Logopediepraktijk in de wijk, fysiotherapie, de bibliotheek (leesconsulent) en de buitenschoolse opvang.', 'Kinderopvang en peuterspeelzaal in het gebouw, de schoolmaatschappelijk werker en de muziekschool.']],
  [
    'samenwerking',
    [
      'Met het wijkteam en de jeugdverpleegkundige hebben wij elke zes weken overleg. Ouders weten dat zij hier via de intern begeleider terechtkunnen.',
      'De jeugdverpleegkundige houdt eens per maand spreekuur op school. Met de logopedist en het wijkteam maken wij korte lijnen; ouders zijn bij elk overleg over hun kind welkom.',
    ],
  ],
  ['opmerkingen', ['Dit jaar is een nieuwe intern begeleider begonnen; de taken zijn opnieuw verdeeld binnen het ondersteuningsteam.', 'Geen verdere opmerkingen.']],
];

/** Answers to the free-text items with a role (template `role`), as a real school writes them: they reach the parent poster and the school guide. */
const ROLE_TEXTS: Partial<Record<NonNullable<Item['role']>, string>> = {
  limits:
    'Een kind dat de hele dag één-op-één begeleiding nodig heeft, kunnen wij die hulp niet bieden. Ook verpleegkundige handelingen, zoals sondevoeding, kunnen wij niet zelf doen. Ons gebouw heeft geen lift, dus de lokalen boven zijn niet bereikbaar met een rolstoel. Past onze school niet bij wat uw kind nodig heeft? Dan zoeken wij samen met u en het samenwerkingsverband naar een school die wel past.',
  extraSupport:
    'Twee keer per week werkt een onderwijsassistent met kleine groepjes aan lezen en rekenen. Kinderen die snel leren, gaan één ochtend per week naar de plusklas. Onze gedragsspecialist begeleidt kinderen die moeite hebben met samenwerken of met hun emoties, en helpt de leerkracht in de klas.',
  parentInvolvement:
    'Aan het begin van het schooljaar hebben wij met alle ouders een startgesprek. Maken wij ons zorgen over uw kind, dan bellen wij u dezelfde week. Bij extra hulp maken wij samen met u een plan en bespreken wij dat na zes tot acht weken.',
  contact: 'Met vragen over extra hulp kunt u terecht bij onze intern begeleider. Maak een afspraak via de administratie of spreek haar aan op het schoolplein.',
  ambitions:
    'Vanaf volgend schooljaar willen wij een taalklas voor nieuwkomers openen. Het team volgt daarvoor scholing in lesgeven aan meertalige kinderen.',
  vision: 'Wij willen dat ieder kind zich gezien voelt en zich op zijn eigen manier kan ontwikkelen. Leerkrachten stemmen hun onderwijs af op wat een leerling nodig heeft, samen met ouders.',
};

/** For a free-text item the demo has no text for: general, so it fits most questions about support. */
const GENERIC = [
  'Wij bespreken dit elk jaar met het team en leggen de afspraken vast in de schoolgids.',
  'De intern begeleider coördineert dit; leerkrachten worden begeleid met collegiale consultatie en klassenbezoeken.',
  'Waar onze eigen expertise ophoudt, schakelen we het schoolondersteuningsteam van het samenwerkingsverband in.',
];

const LIMITS = [
  'Leerlingen die voortdurend één-op-één begeleiding nodig hebben, kunnen wij niet de hele dag bieden.',
  'Voor intensieve medische handelingen hebben wij geen geschoold personeel; we zoeken dan samen met ouders naar een oplossing.',
];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function textFor(item: Item, seed: string): string {
  const byRole = item.role ? ROLE_TEXTS[item.role] : undefined;
  const fixed = TEXTS.find(([key]) => item.key.includes(key))?.[1];
  const pick = (texts: string[]) => texts[hash(seed + item.key) % texts.length]!;
  const text = byRole ?? pick(fixed ?? GENERIC);
  const max = item.maxLength ?? (item.kind === 'text' ? 300 : 4000);
  return text.length > max ? text.slice(0, max) : text;
}

export function generateAnswer(template: TemplateDefinition, item: Item, seed: string, options: { belowNorm?: boolean; ambitionYear?: string } = {}): CarriedAnswer {
  const scale = findScale(template, item.scale);
  const options_ = scale?.options.map((o) => o.value) ?? [];
  let value: CarriedAnswer['value'] = null;
  let ambition: CarriedAnswer['ambition'] = null;
  const below = options.belowNorm === true;
  if (isSingleChoiceKind(item.kind)) {
    const accepted = item.norm?.accept ?? [];
    const others = options_.filter((o) => !accepted.includes(o));
    if (below && others.length > 0) {
      value = others[hash(seed + item.key) % others.length]!;
      if (item.ambition && accepted[0]) ambition = { target: accepted[0], schoolYear: options.ambitionYear ?? '2027-2028' };
    } else value = accepted[0] ?? options_[hash(seed + item.key) % Math.max(1, options_.length)] ?? null;
  } else if (item.kind === 'partners') {
    const required = item.norm?.includes ?? [];
    const extra = options_.filter((o) => !required.includes(o) && hash(seed + o) % 2 === 0);
    value = [...new Set([...required, ...extra])];
  } else if (item.kind === 'yesno') {
    const wanted = item.norm?.equals ?? true;
    value = below ? !wanted : wanted;
    if (below && item.ambition) ambition = { schoolYear: options.ambitionYear ?? '2027-2028', note: 'Wij werken hier in het komende schooljaar aan.' };
  } else if (item.kind === 'number') {
    value = demoNumber(item, seed);
  } else if (item.key.includes('datum') || item.title.toLowerCase().includes('datum')) {
    value = '12 maart 2025';
  } else value = textFor(item, seed);
  return { itemKey: item.key, value, ambition, parentText: null, ...computeNormStatuses(item, value) };
}

/**
 * A number that reads like a school's: pupils between 140 and 420, about 26 pupils per group (the same seed gives
 * the same school size for both), otherwise a value in the lower part of the item's range, at least its norm.
 */
function demoNumber(item: Item, seed: string): number {
  const pupils = 140 + (hash(`${seed}-leerlingen`) % 281);
  const unit = `${item.unit ?? ''} ${item.title}`.toLowerCase();
  const fits = (value: number) => (item.min === undefined || value >= item.min) && (item.max === undefined || value <= item.max);
  if (/leerling/.test(unit) && fits(pupils)) return pupils;
  if (/groep/.test(unit) && fits(Math.round(pupils / 26))) return Math.max(item.min ?? 0, Math.round(pupils / 26));
  const low = item.norm?.min ?? item.min ?? 0;
  const high = item.norm?.max ?? item.max ?? low + 10;
  const step = (high - low) / 10;
  return Math.round((low + step * (1 + (hash(seed + item.key) % 2))) * 10) / 10;
}

/** Answers for every item (optionally skipping optional ones), a few below the norm, plus "wat kan de school niet". */
export function generateAnswers(template: TemplateDefinition, seed: string, options: { belowNormEvery?: number; skipOptional?: boolean; ambitionYear?: string } = {}): CarriedAnswer[] {
  const rows: CarriedAnswer[] = [];
  let normed = 0;
  for (const { item } of listItems(template)) {
    if (options.skipOptional && !item.required) continue;
    const hasNorm = Boolean(item.norm) && item.ambition;
    const below = hasNorm && options.belowNormEvery ? (normed++ + (hash(seed) % options.belowNormEvery)) % options.belowNormEvery === 0 : false;
    rows.push(generateAnswer(template, item, seed, { belowNorm: below, ambitionYear: options.ambitionYear }));
  }
  for (const section of template.sections) {
    if (section.asksLimits) rows.push({ itemKey: `limits:${section.key}`, value: LIMITS[hash(seed + section.key) % LIMITS.length]!, ambition: null, parentText: null, normStatus: null });
  }
  return rows;
}
