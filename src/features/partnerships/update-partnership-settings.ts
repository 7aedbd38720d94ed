import { assertInScope } from '../../auth/policy.js';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { contrastRatio } from '../../ui/contrast.js';
import type { FieldErrors } from '../../ui/components.js';
import { parseForm } from '../../ui/forms.js';
import type { Authorized } from '../../ui/route.js';
import type { PartnershipTranslate } from './messages.js';
import { exampleWordList, formatWordList, INSTEAD_MAX_LENGTH, parseWordList, WORD_MAX_LENGTH, type JargonWord } from './plain-language.js';
import { getPartnership, updatePartnershipSettings } from './repository.js';
import { publicContentChanged } from '../public/api.js';

const MAX_LOGO_BYTES = 200 * 1024;
/** The word list as text: 300 entries of a word and a short explanation. */
const WORD_LIST_TEXT_MAX = 40_000;
/** Longest text for parents per field (the SWV's public page). */
export const PUBLIC_TEXT_MAX = 3000;

/** The form's schema, with messages in the user's language. */
export function partnershipSettingsInput(t: PartnershipTranslate) {
  return z.object({
    name: z.string().trim().min(3, { error: t('partnershipNameInvalid') }).max(120, { error: t('partnershipNameTooLong') }),
    primaryColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: t('colorFormat') })
      .refine((color) => contrastRatio(color, '#ffffff') >= 4.5, { error: t('colorTooLight') }),
    supportPointName: z.string().trim().max(120, { error: t('maxChars', { max: 120 }) }).optional().default(''),
    supportPointPhone: z.string().trim().max(40, { error: t('maxChars', { max: 40 }) }).optional().default(''),
    supportPointEmail: z.union([z.literal(''), z.email({ error: t('supportEmailInvalid') })]).optional().default(''),
    // Only http(s): a javascript: address would run in the visitor's browser from the posters and pages (issue 16).
    supportPointWebsite: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: t('websiteInvalid') })]).optional().default(''),
    publicRegistration: z.string().trim().max(PUBLIC_TEXT_MAX, { error: t('maxChars', { max: PUBLIC_TEXT_MAX }) }).optional().default(''),
    publicDutyOfCare: z.string().trim().max(PUBLIC_TEXT_MAX, { error: t('maxChars', { max: PUBLIC_TEXT_MAX }) }).optional().default(''),
    publicWhereToTurn: z.string().trim().max(PUBLIC_TEXT_MAX, { error: t('maxChars', { max: PUBLIC_TEXT_MAX }) }).optional().default(''),
    parentWordList: z.string().max(WORD_LIST_TEXT_MAX, { error: t('maxChars', { max: WORD_LIST_TEXT_MAX }) }).optional(),
  });
}
export type PartnershipSettingsInput = z.infer<ReturnType<typeof partnershipSettingsInput>>;

export interface LogoUpload {
  bytes: Uint8Array;
  mimeType: string;
}

/** A refused logo; `key` names the message in the partnerships catalogue. */
export class LogoError extends Error {
  constructor(readonly key: 'logoWrongType' | 'logoTooBig' | 'logoNotAnImage') {
    super(key);
  }
}

export function logoToDataUrl(logo: LogoUpload): string {
  if (logo.mimeType !== 'image/png' && logo.mimeType !== 'image/jpeg') throw new LogoError('logoWrongType');
  if (logo.bytes.byteLength > MAX_LOGO_BYTES) throw new LogoError('logoTooBig');
  const isPng = logo.bytes[0] === 0x89 && logo.bytes[1] === 0x50;
  const isJpeg = logo.bytes[0] === 0xff && logo.bytes[1] === 0xd8;
  if ((logo.mimeType === 'image/png' && !isPng) || (logo.mimeType === 'image/jpeg' && !isJpeg)) {
    throw new LogoError('logoNotAnImage');
  }
  return `data:${logo.mimeType};base64,${Buffer.from(logo.bytes).toString('base64')}`;
}

/**
 * Reads the posted settings form: the fields through their schema and the logo (a new file, or "remove").
 * `logoDataUrl` is undefined when the logo stays as it is. All errors at once, so the form shows them together.
 */
export function parseSettingsForm(options: { values: Record<string, string>; logo: LogoUpload | null; t: PartnershipTranslate }):
  | { ok: true; input: PartnershipSettingsInput; logoDataUrl: string | null | undefined; parentWordList: JargonWord[] | null | undefined }
  | { ok: false; errors: FieldErrors } {
  const { values, logo, t } = options;
  const parsed = parseForm(partnershipSettingsInput(t), values);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  let logoDataUrl: string | null | undefined;
  if (values['removeLogo'] === '1') logoDataUrl = null;
  else if (logo && logo.bytes.byteLength > 0) {
    try {
      logoDataUrl = logoToDataUrl(logo);
    } catch (error) {
      if (!(error instanceof LogoError)) throw error;
      errors['logo'] = t(error.key);
    }
  }
  // The word list: undefined = not on the form (unchanged); the example's own text = keep following the example (null).
  let parentWordList: JargonWord[] | null | undefined;
  const wordListText = values['parentWordList'];
  if (wordListText !== undefined && parsed.ok) {
    const words = parseWordList(wordListText);
    if (!words.ok) errors['parentWordList'] = t(`wordList_${words.problem}`, { line: words.line, max: words.problem === 'wordTooLong' ? WORD_MAX_LENGTH : INSTEAD_MAX_LENGTH });
    else parentWordList = sameWords(words.words, exampleWordList()) ? null : words.words;
  }
  if (!parsed.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: parsed.data, logoDataUrl, parentWordList };
}

function sameWords(a: readonly JargonWord[], b: readonly JargonWord[]): boolean {
  return formatWordList(a) === formatWordList(b);
}

/** Name, brand colour, logo and parent support point of an SWV. */
export async function updateSettings(options: {
  db: Database;
  clock: Clock;
  auth: Authorized;
  partnershipId: string;
  input: PartnershipSettingsInput;
  logoDataUrl?: string | null;
  /** Undefined: unchanged; null: the example list. */
  parentWordList?: JargonWord[] | null | undefined;
}): Promise<void> {
  const { db, input } = options;
  assertInScope('updateSettings', options.auth, { partnershipId: options.partnershipId });
  const partnershipId = options.partnershipId;
  await db.transaction(async (tx) => {
    const before = await getPartnership(tx, partnershipId);
    const parentSupportPoint = input.supportPointName
      ? {
          name: input.supportPointName,
          ...(input.supportPointPhone ? { phone: input.supportPointPhone } : {}),
          ...(input.supportPointEmail ? { email: input.supportPointEmail } : {}),
          ...(input.supportPointWebsite ? { website: input.supportPointWebsite } : {}),
        }
      : null;
    const publicInfo = {
      ...(input.publicRegistration ? { registration: input.publicRegistration.replace(/\r\n/g, '\n') } : {}),
      ...(input.publicDutyOfCare ? { dutyOfCare: input.publicDutyOfCare.replace(/\r\n/g, '\n') } : {}),
      ...(input.publicWhereToTurn ? { whereToTurn: input.publicWhereToTurn.replace(/\r\n/g, '\n') } : {}),
    };
    const after = {
      name: input.name,
      primaryColor: input.primaryColor.toLowerCase(),
      parentSupportPoint,
      publicInfo: Object.keys(publicInfo).length > 0 ? publicInfo : null,
      ...(options.logoDataUrl !== undefined ? { logoDataUrl: options.logoDataUrl } : {}),
      ...(options.parentWordList !== undefined ? { parentWordList: options.parentWordList } : {}),
    };
    await updatePartnershipSettings(tx, partnershipId, after);
    await recordAudit(tx, {
      at: options.clock.now(),
      actorUserId: options.auth.principal.userId,
      partnershipId,
      action: 'partnership.update_settings',
      entityType: 'partnership',
      entityId: partnershipId,
      before: before && { name: before.name, primaryColor: before.primaryColor, parentSupportPoint: before.parentSupportPoint, publicInfo: before.publicInfo, parentWordList: before.parentWordList, hasLogo: !!before.logoDataUrl },
      after: { ...after, logoDataUrl: undefined, hasLogo: options.logoDataUrl === undefined ? !!before?.logoDataUrl : !!options.logoDataUrl },
    });
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
}
