/** Notices after a redirect (`?melding=…`): a fixed list, never text from the request. */
import type { Translate } from '../../../ui/i18n.js';
import type { templateMessages } from '../messages.js';
import type { Notice } from './pages.js';

const NOTICES = {
  opgeslagen: { key: 'saved', type: 'ok' },
  gepubliceerd: { key: 'published', type: 'ok' },
  'concept-gestart': { key: 'draftStarted', type: 'ok' },
  geimporteerd: { key: 'imported', type: 'ok' },
  verplaatst: { key: 'moved', type: 'ok' },
  'verwijderd-onderdeel': { key: 'removedSection', type: 'ok' },
  'verwijderd-vraag': { key: 'removedItem', type: 'ok' },
  'verwijderd-schaal': { key: 'removedScale', type: 'ok' },
  gewijzigd: { key: 'conflictList', type: 'warning' },
  'concept-bestaat': { key: 'draftExists', type: 'warning' },
  'landelijke-set': { key: 'nationalAdopted', type: 'ok' },
  'schaal-overgenomen': { key: 'scaleCopied', type: 'ok' },
} as const satisfies Record<string, { key: keyof typeof templateMessages.nl; type: Notice['type'] }>;

export type NoticeName = keyof typeof NOTICES;

export function noticeFrom(t: Translate<keyof typeof templateMessages.nl>, name: string | undefined): Notice | undefined {
  if (!name || !Object.hasOwn(NOTICES, name)) return undefined;
  const notice = NOTICES[name as NoticeName];
  return { type: notice.type, text: t(notice.key) };
}
