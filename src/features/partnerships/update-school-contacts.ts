import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import { assertInScope } from '../../auth/policy.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getSchool, listSchoolContacts, replaceSchoolContacts } from './repository.js';

/** Rows on the form: the saved contacts plus empty rows to add new ones. */
export const MAX_SCHOOL_CONTACTS = 12;

const contactRow = z
  .object({
    name: z.string().trim().max(80, { error: 'De naam mag hoogstens 80 tekens lang zijn' }).optional().default(''),
    role: z.string().trim().max(60, { error: 'De functie mag hoogstens 60 tekens lang zijn' }).optional().default(''),
    topic: z.string().trim().max(120, { error: 'Beschrijf in hoogstens 120 tekens waarvoor collega’s en ouders bij deze persoon terechtkunnen' }).optional().default(''),
    email: z.union([z.literal(''), z.email({ error: 'Vul een geldig e-mailadres in of laat het veld leeg' })]).optional().default(''),
    /** The "show to parents" checkbox: staff are not public unless the school chooses so. */
    showToParents: z
      .string()
      .optional()
      .transform((value) => value === '1'),
  })
  .superRefine((row, ctx) => {
    const isEmpty = !row.name && !row.role && !row.topic && !row.email;
    if (isEmpty) return;
    if (!row.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Vul de naam van de contactpersoon in, of maak de hele regel leeg om hem te verwijderen' });
    if (!row.role) ctx.addIssue({ code: 'custom', path: ['role'], message: 'Vul de functie in, bijvoorbeeld Intern begeleider' });
  });

/** The posted form: fields `contacts.<n>.name|role|topic|email|showToParents`; empty rows are dropped. */
export const schoolContactsInput = z.object({ contacts: z.array(contactRow).max(MAX_SCHOOL_CONTACTS, { error: `Hoogstens ${MAX_SCHOOL_CONTACTS} contactpersonen` }) });
export type SchoolContactsInput = z.infer<typeof schoolContactsInput>;

/** Turns flat form fields (`contacts.0.name`, …) into the shape schoolContactsInput expects. */
export function contactsFromForm(values: Record<string, string>): { contacts: Array<Record<string, string>> } {
  const rows: Array<Record<string, string>> = [];
  for (const [key, value] of Object.entries(values)) {
    const match = /^contacts\.(\d{1,2})\.(name|role|topic|email|showToParents)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (index >= MAX_SCHOOL_CONTACTS + 2) continue;
    (rows[index] ??= {})[match[2]!] = value;
  }
  return { contacts: Array.from({ length: rows.length }, (_, i) => rows[i] ?? {}) };
}

/** A school editor or SWV admin saves the school's contact persons (the whole list, in order). */
export async function updateSchoolContacts(options: { db: Database; clock: Clock; auth: Authorized; schoolId: string; input: SchoolContactsInput }): Promise<void> {
  const { db, auth, schoolId } = options;
  await db.transaction(async (tx) => {
    const school = await getSchool(tx, schoolId);
    if (!school) throw new AppError('not_found');
    assertInScope('updateSchoolContacts', auth, { schoolId: school.id });
    const before = await listSchoolContacts(tx, [school.id]);
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
  });
}
