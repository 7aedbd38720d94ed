import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { contrastRatio } from '../../ui/contrast.js';
import type { Authorized } from '../../ui/route.js';
import { getPartnership, updatePartnershipSettings } from './repository.js';

const MAX_LOGO_BYTES = 200 * 1024;

export const partnershipSettingsInput = z.object({
  name: z.string().trim().min(3, { error: 'Vul de naam van het samenwerkingsverband in (minstens 3 tekens)' }).max(120, { error: 'De naam mag hoogstens 120 tekens lang zijn' }),
  primaryColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'Kies een kleur als #rrggbb, bijvoorbeeld #1f4e79' })
    .refine((color) => contrastRatio(color, '#ffffff') >= 4.5, {
      error: 'Deze kleur is te licht: witte tekst erop is slecht leesbaar. Kies een donkerdere kleur (contrast minstens 4,5 : 1).',
    }),
  supportPointName: z.string().trim().max(120).optional().default(''),
  supportPointPhone: z.string().trim().max(40).optional().default(''),
  supportPointEmail: z.union([z.literal(''), z.email({ error: 'Vul een geldig e-mailadres in of laat het veld leeg' })]).optional().default(''),
  supportPointWebsite: z.union([z.literal(''), z.url({ error: 'Vul een webadres in dat begint met https://, of laat het veld leeg' })]).optional().default(''),
});
export type PartnershipSettingsInput = z.infer<typeof partnershipSettingsInput>;

export interface LogoUpload {
  bytes: Uint8Array;
  mimeType: string;
}

export class LogoError extends Error {}

export function logoToDataUrl(logo: LogoUpload): string {
  if (logo.mimeType !== 'image/png' && logo.mimeType !== 'image/jpeg') throw new LogoError('Het logo moet een PNG- of JPEG-bestand zijn.');
  if (logo.bytes.byteLength > MAX_LOGO_BYTES) throw new LogoError('Het logo is te groot: maximaal 200 kB.');
  const isPng = logo.bytes[0] === 0x89 && logo.bytes[1] === 0x50;
  const isJpeg = logo.bytes[0] === 0xff && logo.bytes[1] === 0xd8;
  if ((logo.mimeType === 'image/png' && !isPng) || (logo.mimeType === 'image/jpeg' && !isJpeg)) {
    throw new LogoError('Dit bestand is geen geldig PNG- of JPEG-plaatje.');
  }
  return `data:${logo.mimeType};base64,${Buffer.from(logo.bytes).toString('base64')}`;
}

/** Name, brand colour, logo and parent support point of an SWV. */
export async function updateSettings(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; input: PartnershipSettingsInput; logoDataUrl?: string | null }): Promise<void> {
  const { db, input, partnershipId } = options;
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
    const after = {
      name: input.name,
      primaryColor: input.primaryColor.toLowerCase(),
      parentSupportPoint,
      ...(options.logoDataUrl !== undefined ? { logoDataUrl: options.logoDataUrl } : {}),
    };
    await updatePartnershipSettings(tx, partnershipId, after);
    await recordAudit(tx, {
      at: options.clock.now(),
      actorUserId: options.auth.principal.userId,
      partnershipId,
      action: 'partnership.update_settings',
      entityType: 'partnership',
      entityId: partnershipId,
      before: before && { name: before.name, primaryColor: before.primaryColor, parentSupportPoint: before.parentSupportPoint, hasLogo: !!before.logoDataUrl },
      after: { ...after, logoDataUrl: undefined, hasLogo: options.logoDataUrl === undefined ? !!before?.logoDataUrl : !!options.logoDataUrl },
    });
  });
}
