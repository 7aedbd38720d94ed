/**
 * Domain code throws AppError with a code; src/ui/error-handler.tsx maps codes to
 * HTTP statuses and Dutch/English messages in one place (docs/conventions.md, "A route, step by step").
 */
export const APP_ERROR_STATUS = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_input: 400,
  conflict: 409,
  invalid_state: 409,
  too_many_requests: 429,
  payload_too_large: 413,
  csrf: 403,
  /** The server cannot open the stored second-factor secrets (TOTP_ENCRYPTION_KEY missing or changed): the user can still use a recovery code. */
  second_factor_key: 409,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** A message for the user (already translated), when the generic one for the code is not enough. */
    readonly userMessage?: string,
    readonly details?: unknown,
  ) {
    super(userMessage ?? code);
    this.name = 'AppError';
  }
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}
