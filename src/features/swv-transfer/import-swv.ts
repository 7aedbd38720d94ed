/**
 * `swv import`: an SWV archive (archive.ts) into this installation, in one transaction. Every row gets a new id
 * (ids are renamed by following the schema's foreign keys, src/db/swv-tables.ts); content is kept as it was.
 * Refused when the SWV's short name exists here, or when the archive comes from a newer version of OpenSOP.
 * People (docs/decisions/0017-backups-and-moving-house.md):
 * - an e-mail address without an account here: the account is made (no password) with its roles, and gets a
 *   link to choose a password (mail through the outbox/SMTP job);
 * - an address that already has an account here: the roles are NOT added; the person gets a consent invitation
 *   per role (the rule of accounts/invite-user.ts), and the SWV's history keeps naming that account;
 * - people named by the SWV's rows without a role in it (e.g. a former adviser) come along without a role and get no mail.
 */
import { unzipSync } from 'fflate';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError } from '../../auth/app-error.js';
import type { Role } from '../../auth/roles.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import { isKnownMigrationTag } from '../../db/migration-version.js';
import { insertJsonRows, SWV_TABLES, swvIdBySlug, tableShape, usersByEmail } from '../../db/swv-tables.js';
import { queueMail } from '../../mail/send-mail-job.js';
import { translator, type Locale } from '../../ui/i18n.js';
import { uiMessages } from '../../ui/messages.js';
import { isInvitableRole, unsafeIssueSetPasswordLink, unsafeOfferRole } from '../accounts/moved-accounts.js';
import { documentPath, fromJsonLines, manifestPath, SWV_EXPORT_FORMAT, tablePath, type SwvExportManifest } from './archive.js';
import { swvTransferMessages } from './messages.js';

export interface SwvImportResult {
  partnershipId: string;
  manifest: SwvExportManifest;
  /** table → old id → new id (users: the new or existing account). */
  ids: Map<string, Map<string, string>>;
  rows: Record<string, number>;
  /** New accounts that were sent a link to choose a password. */
  invitedToSetPassword: string[];
  /** Existing accounts here: invited to accept their roles (consent), not given them. */
  awaitingConsent: Array<{ email: string; role: string }>;
  /** Roles that could not be offered as an invitation (reported to the operator). */
  notOffered: Array<{ email: string; role: string; reason: string }>;
}

const BATCH_ROWS = 500;
const BATCH_DOCUMENTS = 10;

function refuse(message: string): never {
  throw new AppError('invalid_input', message);
}

export function readSwvArchive(bytes: Uint8Array): { manifest: SwvExportManifest; entries: Record<string, Uint8Array> } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    refuse('Dit bestand is geen export van een samenwerkingsverband (geen leesbaar ZIP-bestand).');
  }
  let manifest: Partial<SwvExportManifest> = {};
  try {
    const raw = entries[manifestPath];
    if (raw) manifest = JSON.parse(new TextDecoder().decode(raw)) as Partial<SwvExportManifest>;
  } catch {
    // Refused below.
  }
  if (manifest.format !== SWV_EXPORT_FORMAT || !manifest.swv || !manifest.tables || typeof manifest.schemaVersion !== 'string') {
    refuse('Dit bestand is geen export van een samenwerkingsverband uit OpenSOP (manifest.json ontbreekt of klopt niet). Een back-up van de hele database zet u terug met "restore".');
  }
  if (!isKnownMigrationTag(manifest.schemaVersion)) {
    refuse(`Deze export is gemaakt met een nieuwere versie van OpenSOP (${manifest.appVersion}, databaseversie ${manifest.schemaVersion}). Werk deze installatie eerst bij.`);
  }
  return { manifest: manifest as SwvExportManifest, entries };
}

function hex(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}

export async function importSwv(options: { db: Database; clock: Clock; archive: Uint8Array; baseUrl: string }): Promise<SwvImportResult> {
  const { db, clock } = options;
  const { manifest, entries } = readSwvArchive(options.archive);
  if (await swvIdBySlug(db, manifest.swv.slug)) {
    refuse(`Er bestaat hier al een samenwerkingsverband met korte naam "${manifest.swv.slug}". Er is niets geïmporteerd.`);
  }
  const now = clock.now();
  const parsed = new Map<string, Record<string, unknown>[]>();
  const rowsOf = (table: string): Record<string, unknown>[] => {
    if (!parsed.has(table)) {
      const bytes = entries[tablePath(table)];
      parsed.set(table, bytes ? fromJsonLines(bytes) : []);
    }
    return parsed.get(table)!;
  };

  return db.transaction(async (tx) => {
    const ids = new Map<string, Map<string, string>>(SWV_TABLES.map((table) => [table.name, new Map<string, string>()]));
    const rowCounts: Record<string, number> = {};
    const userRows = rowsOf('users');
    const existing = await usersByEmail(tx, userRows.map((row) => String(row['email'])));
    const existingUserIds = new Set<string>();
    const heldBackMemberships = new Map<string, Record<string, unknown>>();
    const scopesOfHeldBack = new Map<string, Record<string, unknown>[]>();

    for (const table of SWV_TABLES) {
      const shape = tableShape(table.name);
      const mapped: Record<string, unknown>[] = [];
      for (const source of rowsOf(table.name)) {
        const row = { ...source };
        for (const column of shape.identityColumns) delete row[column];
        if (table.name === 'users') {
          const account = existing.get(String(row['email']));
          if (account) {
            ids.get('users')!.set(String(source['id']), account);
            existingUserIds.add(account);
            continue;
          }
        }
        if (table.name === 'membership_scopes' && heldBackMemberships.has(String(row['membership_id']))) {
          scopesOfHeldBack.get(String(row['membership_id']))!.push(source);
          continue;
        }
        for (const [column, target] of Object.entries(shape.references)) {
          const value = row[column];
          if (value === null || value === undefined) continue;
          const renamed = ids.get(target)?.get(String(value));
          if (!renamed) refuse(`De export is niet compleet: ${table.name}.${column} verwijst naar ${target} ${String(value)}, die niet in de export staat.`);
          row[column] = renamed;
        }
        if (table.name === 'memberships' && existingUserIds.has(String(row['user_id']))) {
          // Consent rule: a role on an account of this installation is offered, not given.
          heldBackMemberships.set(String(source['id']), row);
          scopesOfHeldBack.set(String(source['id']), []);
          continue;
        }
        if (shape.ownId) {
          const fresh = crypto.randomUUID();
          ids.get(table.name)!.set(String(source[shape.ownId]), fresh);
          row[shape.ownId] = fresh;
        }
        if (table.name === 'document_files') {
          const bytes = entries[documentPath(String(source['id']))];
          if (!bytes) refuse(`De export is niet compleet: het document ${String(source['file_name'])} ontbreekt.`);
          row['bytes'] = hex(bytes);
        }
        mapped.push(row);
      }
      const batch = table.name === 'document_files' ? BATCH_DOCUMENTS : BATCH_ROWS;
      for (let start = 0; start < mapped.length; start += batch) await insertJsonRows(tx, table.name, mapped.slice(start, start + batch));
      rowCounts[table.name] = mapped.length;
    }

    const partnershipId = ids.get('partnerships')!.values().next().value as string;
    const swvName = manifest.swv.name;
    const placeName = (row: Record<string, unknown>): string => {
      const lookup = (table: string, newId: unknown) => {
        const oldId = [...ids.get(table)!].find(([, renamed]) => renamed === newId)?.[0];
        return String(rowsOf(table).find((candidate) => candidate['id'] === oldId)?.['name'] ?? swvName);
      };
      if (row['school_id']) return lookup('schools', row['school_id']);
      if (row['board_id']) return lookup('boards', row['board_id']);
      return swvName;
    };
    const usersById = new Map(userRows.map((row) => [String(row['id']), row]));
    const oldUserOf = (newId: string) => [...ids.get('users')!].find(([, renamed]) => renamed === newId)?.[0];

    // New accounts with a role: a link to choose a password.
    const invitedToSetPassword: string[] = [];
    const rolesOf = new Map<string, Role[]>();
    for (const membership of rowsOf('memberships')) {
      const user = String(ids.get('users')!.get(String(membership['user_id'])));
      if (existingUserIds.has(user)) continue;
      rolesOf.set(user, [...(rolesOf.get(user) ?? []), membership['role'] as Role]);
    }
    for (const [userId, roles] of rolesOf) {
      const user = usersById.get(oldUserOf(userId)!)!;
      if (user['disabled_at']) continue;
      const locale = (user['locale'] === 'en' ? 'en' : 'nl') as Locale;
      const t = translator(swvTransferMessages, locale);
      const ui = translator(uiMessages, locale);
      const token = await unsafeIssueSetPasswordLink(tx, userId, now);
      const params = { name: String(user['name']), swv: swvName, baseUrl: options.baseUrl, roles: [...new Set(roles.map((role) => ui(`role.${role}`)))].join(', ') };
      await queueMail(tx, clock, { to: String(user['email']), subject: t('movedMailSubject', params), text: t('movedMailBody', { ...params, link: `${options.baseUrl}/uitnodiging/${token}` }) });
      invitedToSetPassword.push(String(user['email']));
    }

    // Existing accounts: each role offered as a consent invitation (an adviser limited to places: one per place).
    const awaitingConsent: SwvImportResult['awaitingConsent'] = [];
    const notOffered: SwvImportResult['notOffered'] = [];
    for (const [oldMembershipId, membership] of heldBackMemberships) {
      const userId = String(membership['user_id']);
      const user = usersById.get(oldUserOf(userId)!)!;
      const role = String(membership['role']);
      if (!isInvitableRole(role)) {
        notOffered.push({ email: String(user['email']), role, reason: 'deze rol kan niet met een uitnodiging worden gegeven' });
        continue;
      }
      const scopes = scopesOfHeldBack.get(oldMembershipId)!.map((scope) => ({
        board_id: scope['board_id'] ? ids.get('boards')!.get(String(scope['board_id'])) : null,
        school_id: scope['school_id'] ? ids.get('schools')!.get(String(scope['school_id'])) : null,
      }));
      const places = scopes.length > 0 ? scopes : [{ board_id: membership['board_id'] ?? null, school_id: membership['school_id'] ?? null }];
      const locale = (user['locale'] === 'en' ? 'en' : 'nl') as Locale;
      const t = translator(swvTransferMessages, locale);
      const ui = translator(uiMessages, locale);
      for (const place of places) {
        const token = await unsafeOfferRole(
          tx,
          { partnershipId, userId, role, boardId: (place.board_id as string | null) ?? null, schoolId: (place.school_id as string | null) ?? null, email: String(user['email']), name: String(user['name']) },
          now,
        );
        const params = { name: String(user['name']), swv: swvName, baseUrl: options.baseUrl, role: ui(`role.${role}`), place: placeName(place) };
        await queueMail(tx, clock, { to: String(user['email']), subject: t('movedConsentMailSubject', params), text: t('movedConsentMailBody', { ...params, link: `${options.baseUrl}/uitnodiging-rol/${token}` }) });
        awaitingConsent.push({ email: String(user['email']), role });
      }
    }

    await recordAudit(tx, {
      at: now,
      actorUserId: null,
      partnershipId,
      action: 'swv.import',
      entityType: 'partnership',
      entityId: partnershipId,
      after: { slug: manifest.swv.slug, exportedAt: manifest.createdAt, fromVersion: manifest.appVersion, rows: rowCounts, invitedToSetPassword: invitedToSetPassword.length, awaitingConsent: awaitingConsent.length },
    });
    return { partnershipId, manifest, ids, rows: rowCounts, invitedToSetPassword, awaitingConsent, notOffered };
  });
}
