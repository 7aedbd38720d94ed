/** Reading posted forms and turning zod issues into one Dutch message per field. */
import type { z } from 'zod';
import type { AppContext } from './context.js';
import type { FieldErrors } from './components.js';

export async function readForm(c: AppContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first;
  }
  return values;
}

/** All posted values, keeping repeated fields (checkbox groups) as arrays. */
export async function readFormAll(c: AppContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') values[key] = value;
  }
  return values;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseForm<S extends z.ZodType>(schema: S, values: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    if (!errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}
