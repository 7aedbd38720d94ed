import { describe, expect, it } from 'vitest';
import { AppError } from '../../auth/app-error.js';
import { ACTION_RULES, assertStatus, assertWithinCycle, isLate, type CycleAction } from './transition-rules.js';
import { PROFILE_STATUSES } from '../questionnaire/schema.js';

const cycle = { schoolYear: '2026-2027', opensOn: '2026-02-01', closesOn: '2026-12-24', openedAt: new Date('2026-02-01T06:00:00Z') };

describe('transition rules', () => {
  it('allows each action only from its states, and says which status the profile has', () => {
    for (const action of Object.keys(ACTION_RULES) as CycleAction[]) {
      for (const status of PROFILE_STATUSES) {
        const allowed = (ACTION_RULES[action].from as readonly string[]).includes(status);
        if (allowed) expect(() => assertStatus(action, status, 'nl')).not.toThrow();
        else {
          try {
            assertStatus(action, status, 'nl');
            expect.fail(`${action} from ${status} should be refused`);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('invalid_state');
          }
        }
      }
    }
  });

  it('refuses before opening and from the close date on (Dutch dates)', () => {
    expect(() => assertWithinCycle(cycle, '2026-2027', new Date('2026-01-31T12:00:00Z'), 'nl')).toThrow('nog niet geopend');
    expect(() => assertWithinCycle({ ...cycle, openedAt: null }, '2026-2027', new Date('2026-03-01T12:00:00Z'), 'nl')).toThrow('nog niet geopend');
    expect(() => assertWithinCycle(cycle, '2026-2027', new Date('2026-12-23T22:59:00Z'), 'nl')).not.toThrow();
    expect(() => assertWithinCycle(cycle, '2026-2027', new Date('2026-12-23T23:00:00Z'), 'nl')).toThrow('gesloten sinds 24 december 2026');
    expect(() => assertWithinCycle(null, '2026-2027', new Date(), 'nl')).toThrow('Er is geen SOP-ronde voor 2026-2027');
  });

  it('marks a submission after the deadline day (Amsterdam time) as late', () => {
    expect(isLate(new Date('2026-11-01T22:00:00Z'), '2026-11-01')).toBe(false);
    expect(isLate(new Date('2026-11-01T23:30:00Z'), '2026-11-01')).toBe(true);
    expect(isLate(null, '2026-11-01')).toBe(false);
  });
});
