/** The platform administrator's page: every SWV. */
import type { Database } from '../../db/client.js';
import { listPartnerships } from './repository.js';

export interface PlatformPage {
  partnerships: Array<{ id: string; name: string }>;
}

export async function loadPlatformPage(options: { db: Database }): Promise<PlatformPage> {
  const list = await listPartnerships(options.db);
  return { partnerships: list.map((p) => ({ id: p.id, name: p.name })) };
}
