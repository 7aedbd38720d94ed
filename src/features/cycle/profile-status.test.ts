import { describe, expect, it } from 'vitest';
import { PROFILE_STATUS_LABELS as DOCUMENT_LABELS } from '../documents/render/profile-view.js';
import { PROFILE_STATUS_LABELS as QUESTIONNAIRE_LABELS, PROFILE_STATUS_TONES as QUESTIONNAIRE_TONES } from '../questionnaire/messages.js';
import { PROFILE_STATUSES } from '../questionnaire/schema.js';
import { PROFILE_STATUS_LABELS, PROFILE_STATUS_TONES } from './profile-status.js';

describe('profile status words', () => {
  it('are the same on screens and in documents, for every status', () => {
    for (const status of PROFILE_STATUSES) {
      expect(DOCUMENT_LABELS[status], status).toBe(PROFILE_STATUS_LABELS.nl[status]);
      expect(QUESTIONNAIRE_LABELS.nl[status], status).toBe(PROFILE_STATUS_LABELS.nl[status]);
      expect(QUESTIONNAIRE_TONES[status], status).toBe(PROFILE_STATUS_TONES[status]);
    }
  });

  it('use the words of the yearly cycle', () => {
    expect(PROFILE_STATUSES.map((status) => PROFILE_STATUS_LABELS.nl[status])).toEqual([
      'Niet begonnen',
      'Bezig',
      'Ingediend',
      'Advies MR vastgelegd',
      'Vastgesteld door het bestuur',
      'Gepubliceerd',
    ]);
  });
});
