import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool, listSchoolContacts, lockSchoolRow, replaceSchoolContacts, type SchoolContactRow } from './repository.js';
import { publicContentChanged } from '../public/api.js';
import type { PartnershipTranslate } from './messages.js';

/** A stored contact person, as pages show it. */
export type SchoolContact = SchoolContactRow;

/** Rows on the form: the saved contacts plus empty rows to add new ones. */
export const MAX_SCHOOL_CONTACTS = 12;

function contactRow(t: PartnershipTranslate) {
  return z
    .object({
      name: z.string().trim().max(80, { error: t('contactNameTooLong') }).optional().default(''),
      role: z.string().trim().max(60, { error: t('contactRoleTooLong') }).optional().default(''),
      topic: z.string().trim().max(120, { error: t('contactTopicTooLong') }).optional().default(''),
      email: z.union([z.literal(''), z.email({ error: t('contactEmailInvalid') })]).optional().default(''),
      /** The "show to parents" checkbox: staff are not public unless the school chooses so. */
      showToParents: z
        .string()
        .optional()
        .transform((value) => value === '1'),
    })
    .superRefine((row, ctx) => {
      const isEmpty = !row.name && !row.role && !row.topic && !row.email;
      if (isEmpty) return;
      if (!row.name) ctx.addIssue({ code: 'custom', path: ['name'], message: t('contactNameMissing') });
      if (!row.role) ctx.addIssue({ code: 'custom', path: ['role'], message: t('contactRoleMissing') });
    });
}

/** The form field that carries the version of the list the form was opened on. */
export const CONTACTS_VERSION_FIELD = 'contactsVersion';

/**
 * The version of a school's list of contact persons: a fingerprint of what is stored. The form posts the version it
 * was opened on; a save is refused when the list changed since (another editor saved), like autosave's revisions.
 */
export function contactsVersion(rows: Array<Pick<SchoolContactRow, 'name' | 'role' | 'topic' | 'email' | 'showToParents'>>): string {
  const fields = rows.map((row) => [row.name, row.role, row.topic ?? '', row.email ?? '', row.showToParents]);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 16);
}

/** The posted form: fields `contacts.<n>.name|role|topic|email|showToParents`; empty rows are dropped. */
export function schoolContactsInput(t: PartnershipTranslate) {
  return z.object({
    contacts: z.array(contactRow(t)).max(MAX_SCHOOL_CONTACTS, { error: t('contactsTooMany', { max: MAX_SCHOOL_CONTACTS }) }),
    [CONTACTS_VERSION_FIELD]: z.string({ error: t('contactsVersionMissing') }).regex(/^[0-9a-f]{16}$/, { error: t('contactsVersionMissing') }),
  });
}
export type SchoolContactsInput = z.infer<ReturnType<typeof schoolContactsInput>>;

/** Turns flat form fields (`contacts.0.name`, …) into the shape schoolContactsInput expects. */
export function contactsFromForm(values: Record<string, string>): { contacts: Array<Record<string, string>>; [CONTACTS_VERSION_FIELD]?: string } {
  const rows: Array<Record<string, string>> = [];
  for (const [key, value] of Object.entries(values)) {
    const match = /^contacts\.(\d{1,2})\.(name|role|topic|email|showToParents)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= MAX_SCHOOL_CONTACTS + 2) continue;
    (rows[index] ??= {})[match[2]!] = value;
  }
  const contacts = Array.from({ length: rows.length }, (_, i) => rows[i] ?? {});
  const version = values[CONTACTS_VERSION_FIELD];
  return version === undefined ? { contacts } : { contacts, [CONTACTS_VERSION_FIELD]: version };
}

export type UpdateSchoolContactsResult = { kind: 'saved' } | { kind: 'stale'; stored: SchoolContactRow[]; version: string };

/**
 * A school editor or SWV admin saves the school's contact persons (the whole list, in order) — only when the list is
 * still the version the form was opened on. Otherwise nothing is written and the stored list comes back ("stale").
 */
export async function updateSchoolContacts(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; input: SchoolContactsInput }): Promise<UpdateSchoolContactsResult> {
  const { db, auth, schoolId } = options;
  const result = await db.transaction(async (tx): Promise<UpdateSchoolContactsResult> => {
    const school = await getSchool(tx, schoolId);
    if (!school) throw new AppError('not_found');
    assertInScope('updateSchoolContacts', auth, { schoolId: school.id });
    await lockSchoolRow(tx, school.id);
    const before = await listSchoolContacts(tx, [school.id]);
    const version = contactsVersion(before);
    if (version !== options.input[CONTACTS_VERSION_FIELD]) return { kind: 'stale', stored: before, version };
    const contacts = options.input.contacts
      .filter((c) => c.name || c.role || c.topic || c.email)
      .map((c) => ({ name: c.name, role: c.role, topic: c.topic || null, email: c.email || null, showToParents: c.showToParents }));
    await replaceSchoolContacts(tx, school, contacts);
    await recordAudit(tx, {
      at: options.clock.now(),
      actorUserId: auth.principal.userId,
      partnershipId: school.partnershipId,
      action: 'school.update_contacts',
      entityType: 'school',
      entityId: school.id,
      before: { contacts: before.map(({ name, role, topic, email, showToParents }) => ({ name, role, topic, email, showToParents })) },
      after: { contacts },
    });
    return { kind: 'saved' };
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
  return result;
}
