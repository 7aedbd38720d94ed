/**
 * A jsonb column that gives back exactly the JSON value that was stored.
 *
 * drizzle's own `jsonb()` runs `JSON.parse` on every string it reads, but both drivers we use (pg and
 * PGlite) already parse jsonb into JavaScript. A stored JSON string was therefore parsed twice: the
 * option "3" of a 1–5 scale came back as the number 3, a text answer "true" as `true`, "null" as null,
 * "[1]" as an array (issue 10). The stored data was right (`jsonb_typeof` = 'string'); only reading it
 * was wrong. Writing stays as drizzle does it: the value as JSON text, cast by the column to jsonb.
 */
import { customType } from 'drizzle-orm/pg-core';

export function storedJson<T>(name: string) {
  return customType<{ data: T; driverData: unknown }>({
    dataType: () => 'jsonb',
    toDriver: (value) => JSON.stringify(value),
    // The driver has parsed it already: a string here is a JSON string, not JSON text.
    fromDriver: (value) => value as T,
  })(name);
}
