import type { Child } from 'hono/jsx';
import type { AppContext } from '../../ui/context.js';
import type { Authorized } from '../../ui/route.js';

/** Blocks that other features (questionnaire, cycle, documents) show on a school's page. */
export type SchoolPageSection = (c: AppContext, auth: Authorized, schoolId: string) => Promise<Child>;
export const schoolPageSections: SchoolPageSection[] = [];
