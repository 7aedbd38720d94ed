import { AppError } from '../../auth/app-error.js';
import type { RegisterTranslate } from './messages.js';
import { TableFileError } from './read-table.js';

/** A problem in an uploaded file as a 400 with its message (line and column), for the form field it came from. */
export function fileProblem(error: unknown, t: RegisterTranslate, field: string): never {
  if (error instanceof TableFileError) throw new AppError('invalid_input', t(error.key, error.params), { field });
  throw error;
}
