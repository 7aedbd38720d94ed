/**
 * Where a user lands right after logging in (without a page to return to), when a feature knows better than the list
 * of places (e.g. a school editor with one school goes to that school's current profile). Features
 * register from src/features/register.ts; the first that answers a path wins.
 */
import type { Principal } from '../../auth/roles.js';
import type { AppContext } from '../../ui/context.js';

export type HomeLanding = (c: AppContext, principal: Principal) => Promise<string | null>;

export const homeLandings: HomeLanding[] = [];
