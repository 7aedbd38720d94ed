import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { schoolAddedHooks } from './school-added-hooks.js';
import type { PartnershipTranslate } from './messages.js';
import { partnershipInScope } from './in-scope.js';
import { findBoardInPartnership, findDistrictByName, findSchoolByLocationCode, insertBoard, insertDistrict, insertSchool } from './repository.js';

/** The form's schema, with messages in the user's language. */
export function addSchoolInput(t: PartnershipTranslate) {
  const optionalText = (max: number) => z.string().trim().max(max, { error: t('maxChars', { max }) }).optional().default('');
  return z.object({
    name: z.string().trim().min(2, { error: t('schoolNameRequired') }).max(160, { error: t('schoolNameTooLong') }),
    brin: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^\d{2}[A-Z]{2}$/, { error: t('brinInvalid') }),
    vestiging: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, { error: t('vestigingInvalid') })
      .transform((value) => value.padStart(2, '0')),
    boardId: z.string().trim().optional().default(''),
    newBoardName: optionalText(160),
    districtName: optionalText(80),
    street: optionalText(160),
    postalCode: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => value === '' || /^\d{4} ?[A-Z]{2}$/.test(value), { error: t('postalCodeInvalid') })
      .optional()
      .default(''),
    city: optionalText(80),
    website: z.union([z.literal(''), z.url({ error: t('websiteInvalid') })]).optional().default(''),
  });
}
export type AddSchoolInput = z.infer<ReturnType<typeof addSchoolInput>>;

/** An SWV admin adds a school location (and, if needed, its board and district). */
export async function addSchool(options: { db: Database; clock: Clock; auth: Authorized; partnershipId: string; input: AddSchoolInput; t: PartnershipTranslate }): Promise<string> {
  const { db, clock, auth, input, t } = options;
  const partnershipId = partnershipInScope(auth, options.partnershipId);
  const locationCode = `${input.brin}${input.vestiging}`;
  return db.transaction(async (tx) => {
    const existing = await findSchoolByLocationCode(tx, partnershipId, locationCode);
    if (existing) throw new AppError('conflict', t('locationExists', { code: locationCode, name: existing.name }), { field: 'brin' });

    let boardId = input.boardId;
    if (boardId) {
      const board = await findBoardInPartnership(tx, partnershipId, boardId);
      if (!board) throw new AppError('invalid_input', t('chooseOwnBoard'), { field: 'boardId' });
    } else if (input.newBoardName) {
      boardId = crypto.randomUUID();
      const board = { id: boardId, partnershipId, name: input.newBoardName };
      await insertBoard(tx, board);
      await recordAudit(tx, { at: clock.now(), actorUserId: auth.principal.userId, partnershipId, action: 'board.add', entityType: 'board', entityId: boardId, after: board });
    } else {
      throw new AppError('invalid_input', t('chooseBoardOrNew'), { field: 'boardId' });
    }

    let districtId: string | null = null;
    if (input.districtName) {
      const district = await findDistrictByName(tx, partnershipId, input.districtName);
      districtId = district?.id ?? crypto.randomUUID();
      if (!district) {
        const row = { id: districtId, partnershipId, name: input.districtName };
        await insertDistrict(tx, row);
        await recordAudit(tx, { at: clock.now(), actorUserId: auth.principal.userId, partnershipId, action: 'district.add', entityType: 'district', entityId: districtId, after: row });
      }
    }

    const id = crypto.randomUUID();
    const row = {
      id,
      partnershipId,
      boardId,
      districtId,
      name: input.name,
      brin: input.brin,
      locationCode,
      street: input.street || null,
      postalCode: input.postalCode ? input.postalCode.replace(/^(\d{4}) ?([A-Z]{2})$/, '$1 $2') : null,
      city: input.city || null,
      website: input.website || null,
      createdAt: clock.now(),
    };
    await insertSchool(tx, row);
    await recordAudit(tx, { at: clock.now(), actorUserId: auth.principal.userId, partnershipId, action: 'school.add', entityType: 'school', entityId: id, after: row });
    // E.g. the cycle: a school added while a cycle runs gets its profile now (cycle/plugins.tsx).
    for (const hook of schoolAddedHooks) await hook(tx, { schoolId: id, partnershipId, actorUserId: auth.principal.userId, now: clock.now() });
    return id;
  });
}
