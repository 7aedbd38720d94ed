/** The school form's schema (add and edit), with messages in the user's language. */
import { z } from 'zod';
import type { PartnershipTranslate } from './messages.js';

const LOCATION = /^(\d{2}[A-Z]{2})(\d{2})?$/;

/** DUO's bevoegd gezag number: digits only, leading zeros dropped ("041234" and "41234" are one board). */
export function boardNumberSchema(t: PartnershipTranslate) {
  return z
    .string()
    .trim()
    .refine((value) => value === '' || /^\d{1,8}$/.test(value), { error: t('boardNumberInvalid') })
    .transform((value) => value.replace(/^0+(?=\d)/, ''));
}

export function schoolFormInput(t: PartnershipTranslate) {
  const optionalText = (max: number) => z.string().trim().max(max, { error: t('maxChars', { max }) }).optional().default('');
  return z
    .object({
      name: z.string().trim().min(2, { error: t('schoolNameRequired') }).max(160, { error: t('schoolNameTooLong') }),
      // "12AB" with the location number in its own field, or the full location code "12AB00" pasted here.
      brin: z
        .string()
        .trim()
        .toUpperCase()
        .transform((value) => value.replace(/\s+/g, ''))
        .refine((value) => LOCATION.test(value), { error: t('brinInvalid') }),
      vestiging: z
        .string()
        .trim()
        .optional()
        .default('')
        .refine((value) => value === '' || /^\d{1,2}$/.test(value), { error: t('vestigingInvalid') }),
      boardId: z.string().trim().optional().default(''),
      newBoardNumber: boardNumberSchema(t).optional().default(''),
      newBoardName: optionalText(160),
      districtName: optionalText(80),
      // Empty: the SWV's own sector (adding) or the school's current one (editing).
      sector: z.union([z.literal(''), z.enum(['po', 'vo'], { error: t('sectorRequired') })]).optional().default(''),
      schoolTypes: optionalText(120),
      street: optionalText(160),
      postalCode: z
        .string()
        .trim()
        .toUpperCase()
        .refine((value) => value === '' || /^\d{4} ?[A-Z]{2}$/.test(value), { error: t('postalCodeInvalid') })
        .optional()
        .default(''),
      city: optionalText(80),
      website: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: t('websiteInvalid') })]).optional().default(''),
    })
    .superRefine((value, ctx) => {
      const match = LOCATION.exec(value.brin);
      const fromBrin = match?.[2];
      const typed = value.vestiging ? value.vestiging.padStart(2, '0') : '';
      // A full code in the BRIN field wins over the default "00", but never silently over a different number.
      if (fromBrin && typed && typed !== '00' && typed !== fromBrin) {
        ctx.addIssue({ code: 'custom', path: ['vestiging'], message: t('vestigingConflicts', { code: value.brin, vestiging: typed }) });
      }
      if (!fromBrin && !typed) ctx.addIssue({ code: 'custom', path: ['vestiging'], message: t('vestigingInvalid') });
    })
    .transform((value) => {
      const match = LOCATION.exec(value.brin)!;
      const suffix = match[2] ?? value.vestiging.padStart(2, '0');
      return {
        ...value,
        brin: match[1]!,
        locationCode: `${match[1]}${suffix}`,
        schoolTypes: [...new Set(value.schoolTypes.split(/[,/;]/).map((s) => s.trim().toLowerCase()).filter(Boolean))],
        postalCode: value.postalCode ? value.postalCode.replace(/^(\d{4}) ?([A-Z]{2})$/, '$1 $2') : '',
      };
    });
}
export type SchoolFormInput = z.infer<ReturnType<typeof schoolFormInput>>;

/** The house number at the end of a street line ("Kerkstraat 12a" → "12a"), for matching CBS's table. */
export function houseNumberOf(street: string): string | null {
  return /(\d+\S*)$/.exec(street.trim())?.[1] ?? null;
}
