/**
 * The one source of a profile's status in words and tones (status tags: the same Dutch words
 * everywhere). Screens (questionnaire, cycle), documents (SOP .docx/PDF) and e-mails all read these;
 * the words follow issue 5: niet begonnen → bezig → ingediend → advies MR vastgelegd →
 * vastgesteld door het bestuur → gepubliceerd.
 */
import type { Locale } from '../../ui/i18n.js';
import type { ProfileStatus } from '../questionnaire/api.js';

export const PROFILE_STATUS_LABELS = {
  nl: {
    not_started: 'Niet begonnen',
    in_progress: 'Bezig',
    submitted: 'Ingediend',
    advised: 'Advies MR vastgelegd',
    adopted: 'Vastgesteld door het bestuur',
    published: 'Gepubliceerd',
  },
  en: {
    not_started: 'Not started',
    in_progress: 'In progress',
    submitted: 'Submitted',
    advised: 'Council advice recorded',
    adopted: 'Adopted by the board',
    published: 'Published',
  },
} as const satisfies Record<Locale, Record<ProfileStatus, string>>;

/** Tone of each status for a StatusTag: waiting on others (submitted, advised) is a warning, done is success. */
export const PROFILE_STATUS_TONES = {
  not_started: 'neutral',
  in_progress: 'info',
  submitted: 'warning',
  advised: 'warning',
  adopted: 'success',
  published: 'success',
} as const satisfies Record<ProfileStatus, 'neutral' | 'info' | 'success' | 'warning'>;

export function profileStatusLabel(status: ProfileStatus, locale: Locale = 'nl'): string {
  return PROFILE_STATUS_LABELS[locale][status];
}
