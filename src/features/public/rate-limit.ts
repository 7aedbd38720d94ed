/**
 * Requests per client on the public routes, counted in memory in fixed one-minute windows: no database write
 * per request. With several app processes each counts on its own (the limit per process); behind a proxy set
 * TRUST_PROXY so the client address is the real one.
 */
export interface RateLimiter {
  /** Counts the request; false when the client went over the limit in this window. */
  take(client: string, now: number): boolean;
}

export function createRateLimiter(options: { perMinute: number; maxClients?: number }): RateLimiter {
  const maxClients = options.maxClients ?? 50_000;
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    take(client, now) {
      const window = Math.floor(now / 60_000);
      if (window !== windowStart) {
        windowStart = window;
        counts = new Map();
      }
      const count = (counts.get(client) ?? 0) + 1;
      // Memory stays bounded under a flood of addresses: new clients beyond the cap share one bucket.
      const key = counts.size >= maxClients && !counts.has(client) ? '*overflow*' : client;
      counts.set(key, key === client ? count : (counts.get(key) ?? 0) + 1);
      return (counts.get(key) ?? 0) <= options.perMinute;
    },
  };
}
