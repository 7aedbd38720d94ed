import { describe, expect, it } from 'vitest';
import { PROFILE_STATUS_LABELS as DOCUMENT_LABELS } from '../documents/render/profile-view.js';
import { PROFILE_STATUS_LABELS as QUESTIONNAIRE_LABELS, PROFILE_STATUS_TONES as QUESTIONNAIRE_TONES } from '../questionnaire/messages.js';
import { PROFILE_STATUSES } from '../questionnaire/schema.js';
import { PROFILE_STATUS_LABELS, PROFILE_STATUS_TONES, profileStatusLabel } from './profile-status.js';

describe('profile status words', () => {
  it('have one source: screens and documents read the same table (not a copy that can drift)', () => {
    // Identity, not equality: a copied table with the same words today would pass toEqual and drift tomorrow.
    expect(DOCUMENT_LABELS).toBe(PROFILE_STATUS_LABELS.nl);
    expect(QUESTIONNAIRE_LABELS).toBe(PROFILE_STATUS_LABELS);
    expect(QUESTIONNAIRE_TONES).toBe(PROFILE_STATUS_TONES);
  });

  it('use the words of the yearly cycle, in Dutch and in English', () => {
    expect(PROFILE_STATUSES.map((status) => profileStatusLabel(status))).toEqual([
      'Niet begonnen',
      'Bezig',
      'Ingediend',
      'Advies MR vastgelegd',
      'Vastgesteld door het bestuur',
      'Gepubliceerd',
    ]);
    expect(PROFILE_STATUSES.map((status) => profileStatusLabel(status, 'en'))).toEqual([
      'Not started',
      'In progress',
      'Submitted',
      'Council advice recorded',
      'Adopted by the board',
      'Published',
    ]);
  });

  it('say waiting on others with a warning tone and done with success, never colour alone (every status has words)', () => {
    expect(PROFILE_STATUSES.map((status) => PROFILE_STATUS_TONES[status])).toEqual(['neutral', 'info', 'warning', 'warning', 'success', 'success']);
    expect(new Set(PROFILE_STATUSES.map((status) => profileStatusLabel(status))).size).toBe(PROFILE_STATUSES.length);
  });
});
