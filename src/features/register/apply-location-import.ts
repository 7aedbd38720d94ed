/**
 * Applies a location import to an SWV's register in one transaction: updates the schools in the file (name,
 * address, board, type — never profiles, districts or contacts), adds the chosen new locations with their boards
 * (matched or created by bevoegd gezag number; a name the SWV set survives), archives the chosen missing ones.
 * Used by the confirmation page and by `npm run cli -- schools import`. One audit row lists everything.
 */
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { archiveSchools, insertBoards, insertSchools, listAllBoards, listSchoolsWithBoardNumbers, updateBoard, updateSchool, type BoardRow } from '../partnerships/api.js';
import { schoolAddedHooks } from '../partnerships/school-added-hooks.js';
import type { LocationRecord } from './parse-files.js';
import { planLocationImport, type ExistingSchool } from './plan-location-import.js';
import { publicContentChanged } from '../public/api.js';

export interface LocationImportResult {
  added: number;
  changed: number;
  archived: number;
  newBoards: number;
}

export async function existingSchoolsForImport(db: DbOrTx, partnershipId: string): Promise<ExistingSchool[]> {
  const rows = await listSchoolsWithBoardNumbers(db, partnershipId);
  return rows.map((s) => ({
    id: s.id,
    locationCode: s.locationCode,
    name: s.name,
    boardNumber: s.boardNumber,
    street: s.street,
    houseNumber: s.houseNumber,
    postalCode: s.postalCode,
    city: s.city,
    municipalityCode: s.municipalityCode,
    denomination: s.denomination,
    website: s.website,
    schoolTypes: s.schoolTypes,
    sector: s.sector,
    archived: s.archivedAt !== null,
  }));
}

export async function applyLocationImport(options: {
  db: Database;
  clock: Clock;
  partnershipId: string;
  actorUserId: string | null;
  fileName: string;
  records: LocationRecord[];
  /** Location codes of new locations to add. */
  addCodes: string[];
  /** Ids of the SWV's schools (missing from the file) to archive. */
  archiveIds: string[];
  boardName: (number: string) => string;
}): Promise<LocationImportResult> {
  const { db, clock, partnershipId } = options;
  const now = clock.now();
  const result = await db.transaction(async (tx) => {
    const existing = await existingSchoolsForImport(tx, partnershipId);
    const plan = planLocationImport(options.records, existing, { mode: 'codes', codes: options.addCodes });
    const boards = new Map<string, BoardRow>();
    const unnumbered = new Map<string, BoardRow>();
    for (const board of await listAllBoards(tx, partnershipId)) (board.boardNumber ? boards : unnumbered).set(board.boardNumber ?? board.id, board);
    const schoolBoard = new Map((await listSchoolsWithBoardNumbers(tx, partnershipId)).map((s) => [s.id, s.boardId]));
    const newBoards: BoardRow[] = [];

    /** The board with this number; a school's own board without a number takes it; otherwise a new board. */
    const boardFor = async (number: string, currentBoardId: string | null): Promise<string> => {
      const found = boards.get(number);
      if (found) return found.id;
      const own = currentBoardId ? unnumbered.get(currentBoardId) : undefined;
      if (own) {
        await updateBoard(tx, own.id, { boardNumber: number });
        unnumbered.delete(own.id);
        boards.set(number, { ...own, boardNumber: number });
        return own.id;
      }
      const board: BoardRow = { id: crypto.randomUUID(), partnershipId, name: options.boardName(number), boardNumber: number, nameSetBySwv: false, archivedAt: null };
      boards.set(number, board);
      newBoards.push(board);
      return board.id;
    };

    const changes: Record<string, Record<string, { before: string; after: string }>> = {};
    for (const { school, record, changes: fields } of plan.changed) {
      const patch: Record<string, unknown> = {};
      for (const change of fields) {
        if (change.field === 'boardNumber') patch['boardId'] = await boardFor(record.boardNumber, schoolBoard.get(school.id) ?? null);
        else if (change.field === 'street') Object.assign(patch, { street: record.street, houseNumber: record.houseNumber });
        else patch[change.field] = change.field === 'sector' ? record.sector : record[change.field];
      }
      await updateSchool(tx, school.id, patch);
      changes[school.locationCode] = Object.fromEntries(fields.map((f) => [f.field, { before: f.before, after: f.after }]));
    }

    const toAdd = plan.added.filter((entry) => entry.selected).map((entry) => entry.record);
    const rows = [];
    for (const record of toAdd) {
      rows.push({
        id: crypto.randomUUID(),
        partnershipId,
        boardId: await boardFor(record.boardNumber, null),
        districtId: null,
        name: record.name,
        brin: record.brin,
        locationCode: record.locationCode,
        street: record.street,
        houseNumber: record.houseNumber,
        postalCode: record.postalCode,
        city: record.city,
        municipalityCode: record.municipalityCode,
        denomination: record.denomination,
        website: record.website,
        sector: record.sector,
        schoolTypes: record.schoolTypes,
        createdAt: now,
      });
    }
    await insertBoards(tx, newBoards);
    await insertSchools(tx, rows);

    const archiveIds = new Set(options.archiveIds);
    const archived = plan.missing.filter((entry) => archiveIds.has(entry.school.id)).map((entry) => entry.school);
    await archiveSchools(tx, archived.map((school) => school.id), now);

    await recordAudit(tx, {
      at: now,
      actorUserId: options.actorUserId,
      partnershipId,
      action: 'register.import_locations',
      entityType: 'partnership',
      entityId: partnershipId,
      after: {
        file: options.fileName,
        added: rows.map((r) => r.locationCode),
        changed: changes,
        archived: archived.map((s) => s.locationCode),
        newBoards: newBoards.map((b) => b.boardNumber),
      },
    });
    // E.g. the cycle: a school added while a cycle runs gets its profile now.
    if (rows.length > 0) for (const hook of schoolAddedHooks) await hook(tx, { schoolIds: rows.map((row) => row.id), partnershipId, actorUserId: options.actorUserId, now });
    return { added: rows.length, changed: plan.changed.length, archived: archived.length, newBoards: newBoards.length };
  });
  // Committed: the public pages cached in this process show the change from the next request (features/public/api.ts).
  publicContentChanged();
  return result;
}
