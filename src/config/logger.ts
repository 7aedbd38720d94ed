import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Error logs never carry what a user typed or an e-mail address (issue 16): a failed query's message lists its
 * parameters ("params: …"), and a database error's `detail` quotes the offending value. The serializer keeps
 * the type, code, the message up to its parameters (e-mail addresses masked), the stack frames and the cause.
 */
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;
const MAX_MESSAGE = 500;

export function safeError(error: unknown, depth = 0): Record<string, unknown> | undefined {
  if (error === undefined || error === null) return undefined;
  if (!(error instanceof Error)) return { type: typeof error };
  const withCode = error as Error & { code?: unknown; cause?: unknown };
  const message = scrubMessage(error.message);
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 15);
  return {
    type: error.name,
    ...(typeof withCode.code === 'string' || typeof withCode.code === 'number' ? { code: withCode.code } : {}),
    message,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
    ...(depth < 3 && withCode.cause !== undefined ? { cause: safeError(withCode.cause, depth + 1) } : {}),
  };
}

function scrubMessage(message: string): string {
  const cut = message.search(/\n\s*params:/);
  const head = cut >= 0 ? `${message.slice(0, cut)} [params left out]` : message;
  // PostgreSQL quotes the value it refused after a colon (`invalid input syntax for type uuid: "…"`).
  const masked = head.replace(/: "(?:[^"\\]|\\.)*"/g, ': "[value left out]"').replace(EMAIL, '[e-mail]');
  return masked.length > MAX_MESSAGE ? `${masked.slice(0, MAX_MESSAGE)}…` : masked;
}

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, base: { app: 'opensop' }, timestamp: pino.stdTimeFunctions.isoTime, serializers: { err: safeError, error: safeError } };
  return destination ? pino(options, destination) : pino(options);
}
