/**
 * What the template routes read from a request, checked with zod: path parameters (a malformed id
 * or key is a 404, like one that does not exist), the editor's form envelope and the uploads.
 */
import { decodeTemplateFile } from './format/decode-template-file.js';
import { z } from 'zod';
import { AppError } from '../../auth/app-error.js';
import type { AppContext } from '../../ui/context.js';
import { readFormAll } from '../../ui/forms.js';
import { authorized, permission, type Authorized } from '../../ui/route.js';
import { fromPartnershipParam } from '../partnerships/scopes.js';
import { text, type FormValues } from './editor/form-input.js';
import { partnershipOf } from './version-in-scope.js';

/** Every template route: the SWV's own admins ('template.manage' at the SWV of :partnershipId). */
export const access = permission('template.manage', fromPartnershipParam);
export const BASE = '/swv/:partnershipId/vragenlijsten';
export const VERSION = `${BASE}/versies/:templateVersionId`;

const MAX_FILE_BYTES = 1_000_000;
/** Request-body limit of a template upload: the file and the form around it, so an oversize file gets the specific message. */
export const TEMPLATE_UPLOAD_ROUTE = { maxBodyBytes: 2 * MAX_FILE_BYTES + 64 * 1024 };
const key = z.string().min(1).max(200);

export const versionParams = z.object({ templateVersionId: z.uuid() });
export const templateParams = z.object({ templateId: z.uuid() });
export const sectionParams = versionParams.extend({ templateSectionKey: key });
export const itemParams = versionParams.extend({ templateItemKey: key });
export const scaleParams = versionParams.extend({ templateScaleKey: key });

/** What every template use case takes from the request besides its input. */
export function useCaseContext(c: AppContext, auth: Authorized | null) {
  return { db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), locale: c.var.locale };
}

/** A version of the authorized SWV, for building its addresses (views/paths.ts). */
export function versionRef(auth: Authorized | null, versionId: string): { partnershipId: string; id: string } {
  return { partnershipId: partnershipOf(authorized(auth)), id: versionId };
}

/** The path parameters, or 404. */
export function readParams<S extends z.ZodType>(c: AppContext, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.param());
  if (!parsed.success) throw new AppError('not_found');
  return parsed.data;
}

const revision = z
  .string()
  .trim()
  .regex(/^\d+$/)
  .transform(Number)
  .optional()
  .catch(undefined);

const editorEnvelope = z.object({
  revision,
  /** "Formulier bijwerken": show the item form again for another kind or scale; nothing is saved. */
  _action: z.literal('refresh').optional().catch(undefined),
  /** Move buttons. */
  richting: z.enum(['up', 'down']).optional().catch(undefined),
  /** Removal pages: only "Ja, verwijderen" removes. */
  bevestigen: z.literal('ja').optional().catch(undefined),
});

export interface EditorForm {
  values: FormValues;
  /** The draft revision the form was based on; -1 when missing (then the save is a conflict, never a blind overwrite). */
  revision: number;
  /** The revision posted, if any (a refreshed form keeps it). */
  postedRevision: number | undefined;
  refresh: boolean;
  direction: 'up' | 'down' | null;
  confirmed: boolean;
}

export async function readEditorForm(c: AppContext): Promise<EditorForm> {
  const values = await readFormAll(c);
  const envelope = editorEnvelope.parse(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value])));
  return {
    values,
    revision: envelope.revision ?? -1,
    postedRevision: envelope.revision,
    refresh: envelope._action === 'refresh',
    direction: envelope.richting ?? null,
    confirmed: envelope.bevestigen === 'ja',
  };
}

/** "Schaal overnemen uit…": which scale of which source, and its key here (optional). */
export function copyScaleInput(values: FormValues): { source: string | undefined; copyKey: string | undefined } {
  return { source: text(values, 'bron'), copyKey: text(values, 'copyKey') };
}

type UploadProblem = 'fileMissing' | 'fileTooLarge' | 'fileNotText';

/** An uploaded template or national-set file, or what is wrong with the upload itself. */
export async function readUpload(c: AppContext): Promise<{ ok: true; file: File; text: string; fields: Record<string, string> } | { ok: false; problem: UploadProblem }> {
  const body = await c.req.parseBody();
  const file = body['file'];
  if (!(file instanceof File) || file.size === 0) return { ok: false, problem: 'fileMissing' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: 'fileTooLarge' };
  const decoded = decodeTemplateFile(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  const fields = Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  return { ok: true, file, text: decoded.text, fields };
}

const publishForm = z.object({ schoolYear: z.string().trim().min(1) });

/** The school year chosen on the publish page, or null when none was chosen. */
export async function readPublishForm(c: AppContext): Promise<{ values: FormValues; schoolYear: string | null }> {
  const values = await readFormAll(c);
  const parsed = publishForm.safeParse({ schoolYear: text(values, 'schoolYear') ?? '' });
  return { values, schoolYear: parsed.success ? parsed.data.schoolYear : null };
}
