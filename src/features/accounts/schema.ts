import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES } from '../../auth/roles.js';
import { boards, partnerships, schools } from '../partnerships/schema.js';

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  /** Stored lower-cased; unique. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** argon2id; null until the invitee sets a password. */
  passwordHash: text('password_hash'),
  locale: text('locale', { enum: ['nl', 'en'] }).notNull().default('nl'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * A role held in one place. Exactly the scope columns the role needs are set:
 * platform_admin none; partnership_admin the SWV; board_user the board;
 * school_editor and council_member the school (and, denormalised, its board and SWV).
 */
export const memberships = pgTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', {
      enum: ROLES,
    }).notNull(),
    partnershipId: text('partnership_id').references(() => partnerships.id),
    boardId: text('board_id').references(() => boards.id),
    schoolId: text('school_id').references(() => schools.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index('memberships_user').on(t.userId),
    uniqueIndex('memberships_unique').on(t.userId, t.role, sql`coalesce(${t.partnershipId}, '')`, sql`coalesce(${t.boardId}, '')`, sql`coalesce(${t.schoolId}, '')`),
  ],
);

/**
 * Limits an SWV-wide role (the SWV adviser) to some boards and schools: one row per board or school.
 * A membership without rows covers the whole SWV.
 */
export const membershipScopes = pgTable(
  'membership_scopes',
  {
    id: text('id').primaryKey(),
    membershipId: text('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
    boardId: text('board_id').references(() => boards.id),
    schoolId: text('school_id').references(() => schools.id),
  },
  (t) => [index('membership_scopes_membership').on(t.membershipId)],
);

/** Server-side sessions, so any app process behind a load balancer can serve any request. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** One-time links for invitations and password resets. */
export const userTokens = pgTable('user_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: ['invitation', 'password_reset'] }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Failed log-ins, counted per e-mail address and per client address for rate limiting. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_key_time').on(t.key, t.attemptedAt)],
);

/**
 * An SWV's invitation of an e-mail address that already has an account (issue 16): the role is added only
 * when the person accepts it through the e-mailed link. The SWV sees only this row (the name it typed and
 * whether its own invitation was accepted), never the account's name or state.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['partnership_admin', 'partnership_adviser', 'support_point', 'board_user', 'school_editor', 'council_member'] }).notNull(),
    /** The board or school of a board or school role, or the one an SWV adviser is limited to. */
    boardId: text('board_id').references(() => boards.id),
    schoolId: text('school_id').references(() => schools.id),
    /** The e-mail address and name as the inviting SWV typed them. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** SHA-256 of the link's token. */
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set once: accepted, declined (by the person) or cancelled (by the SWV). */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    outcome: text('outcome', { enum: ['accepted', 'declined', 'cancelled'] }),
  },
  (t) => [index('invitations_partnership').on(t.partnershipId), index('invitations_user').on(t.userId)],
);

/**
 * A user's second factor (TOTP, RFC 6238; docs/decisions/0023-two-factor-login.md). One row per user: while
 * `enabledAt` is null the secret is being set up (shown once, confirmed with a first code).
 */
export const secondFactors = pgTable('second_factors', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** `plain:<base32>`, or `aes-256-gcm:<iv>:<tag>:<ciphertext>` when TOTP_ENCRYPTION_KEY is set (second-factor-secrets.ts). */
  secret: text('secret').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** The 30-second time step of the last accepted code: a code is accepted once (no replay). */
  lastUsedStep: integer('last_used_step'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** One-time recovery codes for when the phone is lost; only their SHA-256 is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

/**
 * A log-in whose password was right and whose second step (code) is still to come: short-lived, bound to the
 * user; the browser holds the token in a cookie. No session exists before the code is accepted.
 */
export const pendingLogins = pgTable(
  'pending_logins',
  {
    /** SHA-256 of the cookie token. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Where to go after the code (a path on this site). */
    returnTo: text('return_to'),
    failedCodes: integer('failed_codes').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pending_logins_user').on(t.userId)],
);
