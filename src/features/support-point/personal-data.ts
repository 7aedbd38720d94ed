/**
 * Finds text that looks like personal data in what a support point or a school writes about pupils (issue 14):
 * an e-mail address, a phone number, a citizen service number (BSN: 9 digits passing the elfproef) or a date of
 * birth (a full date next to "geboren"/"geb.", or a full date in the birth years of school-age children).
 * It is a guard against mistakes, not a guarantee: the forms also say that no personal data belongs there.
 */
export type PersonalDataKind = 'email' | 'phone' | 'bsn' | 'birthDate';

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
/** Dutch numbers: 06-12345678, 010 123 45 67, +31 6 1234 5678, 0031 (0)6 12345678. */
const PHONE = [/(?:\+|00)\s?31[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){8}(?!\d)/, /(?<![\d.])0\d(?:[\s-]?\d){8}(?!\d|[.,]\d)/];
const NINE_DIGITS = /(?<![\d.,])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\d,]|\.\d)/g;
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const NUMERIC_DATE = /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/g;
const WORD_DATE = new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})(?!\\d)`, 'gi');
const BIRTH_WORDS = /geboren|geb\.|geboortedatum|geb\s|born|date of birth/i;

/** The elfproef of a BSN: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not 0). */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** The first kind of personal data the text seems to hold, or null. `currentYear` bounds the school-age birth years. */
export function findPersonalData(text: string, currentYear: number): PersonalDataKind | null {
  if (EMAIL.test(text)) return 'email';
  for (const match of text.matchAll(NINE_DIGITS)) if (passesElfproef(match[1]!.replace(/\D/g, ''))) return 'bsn';
  if (PHONE.some((pattern) => pattern.test(text))) return 'phone';
  const dates = [
    ...[...text.matchAll(NUMERIC_DATE)].map((m) => ({ day: Number(m[1]), month: Number(m[2]), year: Number(m[3]), index: m.index ?? 0 })),
    ...[...text.matchAll(WORD_DATE)].map((m) => ({ day: Number(m[1]), month: MONTHS.indexOf(m[2]!.toLowerCase()) + 1, year: Number(m[3]), index: m.index ?? 0 })),
  ].filter((d) => d.day >= 1 && d.day <= 31 && d.month >= 1 && d.month <= 12);
  for (const date of dates) {
    const before = text.slice(Math.max(0, date.index - 30), date.index);
    if (BIRTH_WORDS.test(before)) return 'birthDate';
    // A full date in the birth years of pupils (2 to 20 years ago) is most likely a date of birth.
    if (date.year >= currentYear - 20 && date.year <= currentYear - 2) return 'birthDate';
  }
  return null;
}
