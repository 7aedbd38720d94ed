import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** One entry of the SWV's list of jargon for parent texts (partnerships/plain-language.ts). */
export interface ParentWordListEntry {
  word: string;
  instead: string | null;
}

export interface PartnershipPublicInfo {
  registration?: string;
  dutyOfCare?: string;
  whereToTurn?: string;
}

/** A samenwerkingsverband (SWV): the tenant. Everything an SWV configures lives in its row or its own tables. */
export const partnerships = pgTable('partnerships', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  sector: text('sector', { enum: ['po', 'vo'] }).notNull().default('po'),
  /** Branding: main colour as #rrggbb and an optional logo. */
  primaryColor: text('primary_color').notNull().default('#1f4e79'),
  logoDataUrl: text('logo_data_url'),
  /**
   * Jargon to avoid in texts for parents, with plainer words: schools get hints while writing (issue 13).
   * Null: the shipped example list (templates/plain-language/vaktaal-voorbeeld.txt) until the SWV writes its own.
   */
  parentWordList: jsonb('parent_word_list').$type<ParentWordListEntry[]>(),
  /** Ouder- en jeugdsteunpunt (name, phone, email, website). */
  parentSupportPoint: jsonb('parent_support_point').$type<{ name: string; phone?: string; email?: string; website?: string }>(),
  /**
   * The SWV's own words for parents on its public page (`/<slug>`): how to register a child, what the school's
   * duty of care (zorgplicht) means, where to turn when it goes wrong. Plain text; paragraphs split on blank lines.
   */
  publicInfo: jsonb('public_info').$type<PartnershipPublicInfo>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const districts = pgTable(
  'districts',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('districts_partnership_name').on(t.partnershipId, t.name)],
);

/**
 * A school board (bevoegd gezag). `boardNumber` is DUO's "bevoegd gezag nummer": the board's identity within
 * an SWV (unique per SWV; imports match on it). A name the SWV set itself (`nameSetBySwv`) survives imports.
 */
export const boards = pgTable(
  'boards',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    name: text('name').notNull(),
    boardNumber: text('board_number'),
    nameSetBySwv: boolean('name_set_by_swv').notNull().default(false),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('boards_partnership').on(t.partnershipId),
    uniqueIndex('boards_partnership_number').on(t.partnershipId, t.boardNumber).where(sql`${t.boardNumber} is not null`),
  ],
);

/** One school location, identified by DUO's BRIN + vestigingsnummer (`locationCode`, e.g. "12AB00"). */
export const schools = pgTable(
  'schools',
  {
    id: text('id').primaryKey(),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    boardId: text('board_id').notNull().references(() => boards.id),
    districtId: text('district_id').references(() => districts.id),
    name: text('name').notNull(),
    brin: text('brin').notNull(),
    locationCode: text('location_code').notNull(),
    /** Street and house number as one line, e.g. "Kerkstraat 12a". */
    street: text('street'),
    /** DUO's HUISNUMMER-TOEVOEGING, e.g. "12a"; its leading number matches CBS's postcode-house number table. */
    houseNumber: text('house_number'),
    postalCode: text('postal_code'),
    city: text('city'),
    municipalityCode: text('municipality_code'),
    website: text('website'),
    denomination: text('denomination'),
    /** po or vo, from the DUO file the school came from (or the form). */
    sector: text('sector'),
    /** DUO's school types, lower case as data (e.g. ["bao"], ["sbo"], ["vmbo","havo","vwo"]); never a fixed list in code. */
    schoolTypes: text('school_types').array().notNull().default(sql`'{}'::text[]`),
    /** An archived school has left the SWV's register: no new profiles, its documents and history stay. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('schools_partnership_location').on(t.partnershipId, t.locationCode),
    index('schools_board').on(t.boardId),
  ],
);

/**
 * A school's contact persons: who to ask for what (name, function, topic, e-mail). School data,
 * edited on the school page by the school's editors and the SWV's admins; used by the teacher
 * poster ("Wie vraag je wat?"), the parent poster and the SOP. Staff only — never pupil data.
 */
export const schoolContacts = pgTable(
  'school_contacts',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
    partnershipId: text('partnership_id').notNull().references(() => partnerships.id),
    /** Order on the page and in the documents. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** Function, e.g. "Intern begeleider". */
    role: text('role').notNull(),
    /** What to ask them for, e.g. "Extra ondersteuning, aanmelding van leerlingen". */
    topic: text('topic'),
    email: text('email'),
    /** Shown to parents (public pages, parent poster)? Off unless the school chose it: staff are not public by default. */
    showToParents: boolean('show_to_parents').notNull().default(false),
  },
  (t) => [index('school_contacts_school').on(t.schoolId, t.position)],
);

