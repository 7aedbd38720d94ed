import { amsterdamDate, formatDutchDate } from '../../cycle/editability.js';

/** "3 december 2026, 14:05" (Amsterdam time). */
export function formatDateTime(date: Date): string {
  return `${formatDutchDate(amsterdamDate(date))}, ${new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(date)}`;
}
