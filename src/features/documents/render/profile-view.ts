/**
 * One reading of a profile for every renderer: sections → groups → rows, with the answer,
 * the norm and the status already in Dutch words. The .docx, PDF, HTML and posters all
 * render from this, so a status reads the same everywhere (the same status words everywhere).
 */
import {
  describeAnswer,
  describeNorm,
  evaluateNorm,
  isAnswered,
  type Answer,
  type NormStatus,
} from '../../templates/model/answer.js';
import { findScale, type Item, type Section, type TemplateDefinition } from '../../templates/model/template.js';
import { PROFILE_STATUS_LABELS as PROFILE_STATUS_WORDS } from '../../cycle/profile-status.js';
import type { ProfileDocumentData } from '../document-data.js';

export const STATUS_LABELS = {
  meets: 'Voldoet aan basisondersteuning',
  below: 'Onder de norm',
  ambition: 'Ambitie',
  unanswered: 'Niet ingevuld',
  'no-norm': '',
  'cannot-judge': 'Kan niet beoordelen',
} as const satisfies Record<NormStatus, string>;

/** The same words as on every screen (cycle/profile-status.ts). */
export const PROFILE_STATUS_LABELS: Record<ProfileDocumentData['status'], string> = PROFILE_STATUS_WORDS.nl;

export const SECTION_HEADINGS = {
  introduction: 'Algemeen',
  promise: 'Basisondersteuning',
  extra: 'Extra ondersteuning en expertise',
  closing: 'Tot slot',
} as const;

export interface ItemRow {
  item: Item;
  answer: Answer | undefined;
  /** The answer in words ('' when unanswered). */
  answerText: string;
  /** The norm in words, or '' for descriptive items. */
  normText: string;
  status: NormStatus;
  /** e.g. "Voldoet aan basisondersteuning", "Ambitie: Op schoolniveau (2027-2028)". */
  statusText: string;
}

export interface ItemGroup {
  /** Sub-heading inside the section; null for items without a group. */
  title: string | null;
  rows: ItemRow[];
}

export interface SectionView {
  section: Section;
  /** Long free-text answers (vision, organisation…): rendered as paragraphs, not in a table. */
  narratives: Array<{ item: Item; text: string }>;
  groups: ItemGroup[];
  limit: string | null;
  counts: Record<NormStatus, number>;
}

export interface AmbitionView {
  section: Section;
  item: Item;
  target: string | null;
  schoolYear: string | null;
  note: string | null;
}

export interface ProfileView {
  data: ProfileDocumentData;
  sections: SectionView[];
  ambitions: AmbitionView[];
  /** Limits in section order, with the closing ("__overall") limit last. */
  limits: Array<{ title: string; text: string }>;
  totals: Record<NormStatus, number>;
}

function emptyCounts(): Record<NormStatus, number> {
  return { meets: 0, below: 0, ambition: 0, unanswered: 0, 'no-norm': 0, 'cannot-judge': 0 };
}

export function optionLabel(template: TemplateDefinition, item: Item, value: string): string {
  return findScale(template, item.scale)?.options.find((option) => option.value === value)?.label ?? value;
}

/** "Ambitie: Op schoolniveau (2027-2028)". */
export function describeAmbition(template: TemplateDefinition, item: Item, answer: Answer | undefined): string {
  const ambition = answer?.ambition;
  if (!ambition) return STATUS_LABELS.ambition;
  const target = ambition.target ? optionLabel(template, item, ambition.target) : null;
  const year = ambition.schoolYear ? ` (${ambition.schoolYear})` : '';
  return `${STATUS_LABELS.ambition}: ${target ?? 'nog niet, maar dit willen we bieden'}${year}`;
}

export function describeStatus(template: TemplateDefinition, item: Item, answer: Answer | undefined, status: NormStatus): string {
  return status === 'ambition' ? describeAmbition(template, item, answer) : STATUS_LABELS[status];
}

function isNarrative(item: Item): boolean {
  return item.kind === 'longtext';
}

export function buildItemRow(template: TemplateDefinition, item: Item, answer: Answer | undefined): ItemRow {
  const status = evaluateNorm(item, answer);
  return {
    item,
    answer,
    answerText: describeAnswer(template, item, answer?.value),
    normText: describeNorm(template, item) ?? '',
    status,
    statusText: describeStatus(template, item, answer, status),
  };
}

export function buildProfileView(data: ProfileDocumentData): ProfileView {
  const { template, answers } = data;
  const totals = emptyCounts();
  const ambitions: AmbitionView[] = [];
  const limits: ProfileView['limits'] = [];
  /** Answers of items with the role `limits` (e.g. a closing section's "Waar liggen de grenzen?"). */
  const roleLimits: ProfileView['limits'] = [];

  const sections = template.sections.map((section): SectionView => {
    const counts = emptyCounts();
    const narratives: SectionView['narratives'] = [];
    const groups: ItemGroup[] = [];
    for (const item of section.items) {
      const answer = answers[item.key];
      if (item.role === 'limits') {
        // The school's limits go to the limits chapter (one place), not among the section's texts.
        if (answer && typeof answer.value === 'string' && isAnswered(answer.value)) roleLimits.push({ title: item.title, text: answer.value.trim() });
        continue;
      }
      if (isNarrative(item)) {
        if (answer && isAnswered(answer.value)) narratives.push({ item, text: String(answer.value) });
        continue;
      }
      const row = buildItemRow(template, item, answer);
      counts[row.status] += 1;
      totals[row.status] += 1;
      const title = item.group ?? null;
      const last = groups.at(-1);
      if (last && last.title === title) last.rows.push(row);
      else groups.push({ title, rows: [row] });
      if (answer?.ambition) {
        ambitions.push({
          section,
          item,
          target: answer.ambition.target ? optionLabel(template, item, answer.ambition.target) : null,
          schoolYear: answer.ambition.schoolYear ?? null,
          note: answer.ambition.note ?? null,
        });
      }
    }
    const limit = data.limits[section.key]?.trim() || null;
    if (limit) limits.push({ title: section.title, text: limit });
    return { section, narratives, groups, limit, counts };
  });
  const overall = data.limits.__overall?.trim();
  if (overall) limits.push({ title: 'Algemeen', text: overall });
  limits.push(...roleLimits);
  // The school's group size and care load, when it chose to show them: context for the limits above.
  if (data.limitsContext && limits.length > 0) limits.push(data.limitsContext);

  return { data, sections, ambitions, limits, totals };
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

/** "23 november 2026". */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^(basisschool|obs|cbs|rkbs|pcbs|ikc|sbo|school)\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** "2026-2027-12AB00-de-regenboog" — used in every file name. */
export function documentBaseName(data: Pick<ProfileDocumentData, 'schoolYear'> & { school: Pick<ProfileDocumentData['school'], 'name' | 'locationCode'> }): string {
  const code = data.school.locationCode.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return [data.schoolYear, code, slugify(data.school.name)].filter(Boolean).join('-');
}

const HEX = /^#?([0-9a-f]{6})$/i;
const FALLBACK_COLOR = '1F5F8B';

/** The SWV colour as "RRGGBB" (docx) — a malformed colour falls back to a calm blue instead of breaking the document. */
export function brandHex(data: Pick<ProfileDocumentData, 'branding'>): string {
  return HEX.exec(data.branding.primaryColor.trim())?.[1]?.toUpperCase() ?? FALLBACK_COLOR;
}

/** The SWV colour as "#rrggbb" (PDF, HTML). */
export function brandColor(data: Pick<ProfileDocumentData, 'branding'>): string {
  return `#${brandHex(data).toLowerCase()}`;
}

/** Mix the colour with white: `amount` 0 = colour, 1 = white. For tinted backgrounds. */
export function tint(hex: string, amount: number): string {
  const value = HEX.exec(hex)?.[1] ?? FALLBACK_COLOR;
  const channels = [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16));
  return `#${channels
    .map((c) => Math.round(c + (255 - c) * amount).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Dark enough for white text on it (WCAG contrast ≥ 4.5:1)? Otherwise use a dark text colour. */
export function textColorOn(hex: string): string {
  const value = HEX.exec(hex)?.[1] ?? FALLBACK_COLOR;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(value.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05 / (luminance + 0.05)) >= 4.5 ? '#ffffff' : '#1a1a1a';
}

/** Colours for the status words; the words carry the meaning, the colour only supports it. */
export const STATUS_COLORS = {
  meets: { fg: '#0b5d1e', bg: '#e3f4e6' },
  below: { fg: '#8a1c12', bg: '#fbe7e4' },
  ambition: { fg: '#6b4700', bg: '#fff3d1' },
  unanswered: { fg: '#4a4a4a', bg: '#eeeeee' },
  'no-norm': { fg: '#4a4a4a', bg: '#ffffff' },
  'cannot-judge': { fg: '#7a4100', bg: '#fff3e0' },
} as const satisfies Record<NormStatus, { fg: string; bg: string }>;

/** Width and height of a PNG or JPEG, so logos keep their proportions. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1] ?? 0;
      const length = view.getUint16(offset + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return null;
}

/** Fit a logo inside a box, keeping its proportions. */
export function fitLogo(data: Pick<ProfileDocumentData, 'branding'>, maxWidth: number, maxHeight: number): { width: number; height: number } | null {
  const logo = data.branding.logo;
  if (!logo) return null;
  const size = imageSize(logo.data);
  if (!size || size.width <= 0 || size.height <= 0) return null;
  const scale = Math.min(maxWidth / size.width, maxHeight / size.height);
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

export function logoDataUrl(data: Pick<ProfileDocumentData, 'branding'>): string | null {
  const logo = data.branding.logo;
  if (!logo || !fitLogo(data, 1, 1)) return null;
  return `data:${logo.mimeType};base64,${Buffer.from(logo.data).toString('base64')}`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Split a free text into paragraphs on blank lines (single newlines stay inside the paragraph). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

export function schoolAddress(data: ProfileDocumentData): string {
  const { street, postalCode, city } = data.school;
  return [street, [postalCode, city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** School facts as label/value pairs, skipping what is unknown. */
export function schoolFactRows(data: ProfileDocumentData): Array<[string, string]> {
  const s = data.school;
  const rows: Array<[string, string | undefined]> = [
    ['Naam', s.name],
    ['BRIN en vestiging', s.locationCode],
    ['Schoolbestuur', s.boardName],
    ['Adres', schoolAddress(data) || undefined],
    ['Website', s.website],
    ['Denominatie', s.denomination],
    ['Wijk', s.districtName],
    ['Samenwerkingsverband', data.branding.partnershipName],
    ['Schooljaar', data.schoolYear],
    ['Status', PROFILE_STATUS_LABELS[data.status]],
  ];
  return rows.filter((row): row is [string, string] => Boolean(row[1]?.trim()));
}

export function adoptionText(data: ProfileDocumentData): string {
  return data.adoption
    ? `Dit schoolondersteuningsprofiel is vastgesteld door ${data.adoption.by} op ${formatDate(data.adoption.date)}.`
    : 'Dit schoolondersteuningsprofiel is nog niet vastgesteld door het bevoegd gezag.';
}

export function councilAdviceHeading(data: ProfileDocumentData): string {
  return data.councilAdvice
    ? `Advies van de medezeggenschapsraad (${formatDate(data.councilAdvice.date)})`
    : 'Advies van de medezeggenschapsraad';
}

export function councilAdviceText(data: ProfileDocumentData): string {
  return data.councilAdvice?.text.trim() || 'Het advies van de medezeggenschapsraad is nog niet vastgelegd.';
}

export function sectionHeading(section: Section): string {
  return section.title;
}

/** "Belofte 1: <promise text>" — a bare "Belofte 1" means little to staff and parents. */
export function sectionLabel(section: Section): string {
  const promise = section.promise?.trim();
  return promise && !promise.startsWith(section.title) ? `${section.title}: ${promise}` : section.title;
}

/** The heading over the limits (what the school cannot offer). */
export const LIMITS_HEADING = 'Grenzen aan de ondersteuning: wat de school niet kan bieden';

/** Printed under the table of contents in the .docx. */
export const TOC_UPDATE_HINT =
  'Paginanummers in de inhoudsopgave bijwerken: klik in de inhoudsopgave en druk op F9 (Word) of kies Extra › Bijwerken › Alles bijwerken (LibreOffice).';

export interface ContactPerson {
  name: string;
  role: string;
  topic?: string | undefined;
  email?: string | undefined;
}

/** "Intern begeleider: Fatima el Idrissi (f.elidrissi@…) — voor vragen over extra ondersteuning". */
export function contactLine(contact: ContactPerson): string {
  return `${contact.role}: ${contact.name}${contact.email ? ` (${contact.email})` : ''}${contact.topic ? ` — ${contact.topic}` : ''}`;
}
