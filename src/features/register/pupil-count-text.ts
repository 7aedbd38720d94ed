import type { RegisterTranslate } from './messages.js';

/** A count as people read it: exact, "fewer than 5" (DUO's "<5"), or a range when rows with "<5" were added up. */
export function pupilCountText(count: { low: number; high: number }, t: RegisterTranslate): string {
  if (count.low === count.high) return String(count.low);
  if (count.low === 1 && count.high === 4) return t('fewerThanFive');
  return t('between', { low: count.low, high: count.high });
}

/** The most recent 1 October on or before this day (DUO's count date). */
export function lastCountDate(today: Date): string {
  const year = today.getUTCMonth() >= 9 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `${year}-10-01`;
}
