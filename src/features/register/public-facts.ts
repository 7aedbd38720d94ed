/**
 * What the register knows about schools from public files, in the shape a template item's `publicSource` reads
 * (templates/model/public-source.ts). No scope check: called inside use cases that have checked theirs (the cycle's
 * profile preparation, the register's own import), hence `unsafe`.
 */
import type { DbOrTx } from '../../db/client.js';
import type { PublicFacts } from '../templates/model/public-source.js';
import { listPublicDataOfSchools } from './repository.js';

export async function unsafeLoadPublicFacts(db: DbOrTx, schoolIds: string[]): Promise<Map<string, PublicFacts>> {
  const { verdicts, counts } = await listPublicDataOfSchools(db, schoolIds);
  const facts = new Map<string, PublicFacts>();
  const of = (schoolId: string) => {
    let found = facts.get(schoolId);
    if (!found) facts.set(schoolId, (found = { verdicts: [], pupilCount: null }));
    return found;
  };
  for (const verdict of verdicts) of(verdict.schoolId).verdicts.push({ verdict: verdict.verdict, department: verdict.department, decidedOn: verdict.decidedOn });
  // Newest first: the first count per school is its latest.
  for (const count of counts) {
    const school = of(count.schoolId);
    if (!school.pupilCount) school.pupilCount = { low: count.low, high: count.high, countedOn: count.countedOn };
  }
  return facts;
}
