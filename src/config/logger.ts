import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { app: 'opensop' }, timestamp: pino.stdTimeFunctions.isoTime });
}
