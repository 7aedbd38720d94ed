import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('public rate limit', () => {
  it('refuses a client over the limit in one minute and lets it in again the next minute', () => {
    const limiter = createRateLimiter({ perMinute: 3 });
    const t0 = Date.parse('2026-11-02T10:00:05Z');
    expect([1, 2, 3].map(() => limiter.take('192.0.2.1', t0))).toEqual([true, true, true]);
    expect(limiter.take('192.0.2.1', t0 + 1000)).toBe(false);
    expect(limiter.take('192.0.2.2', t0 + 1000)).toBe(true);
    expect(limiter.take('192.0.2.1', t0 + 60_000)).toBe(true);
  });

  it('keeps memory bounded: clients beyond the cap share one bucket', () => {
    const limiter = createRateLimiter({ perMinute: 2, maxClients: 2 });
    const t0 = Date.parse('2026-11-02T10:00:05Z');
    limiter.take('a', t0);
    limiter.take('b', t0);
    expect(limiter.take('c', t0)).toBe(true);
    expect(limiter.take('d', t0)).toBe(true);
    expect(limiter.take('e', t0)).toBe(false);
  });
});
