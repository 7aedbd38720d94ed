/** The roles a user can hold, each in one place (docs/domain.md "Actors"). */
export const ROLES = [
  'platform_admin',
  'partnership_admin',
  'partnership_adviser',
  'support_point',
  'board_user',
  'school_editor',
  'council_member',
] as const;
export type Role = (typeof ROLES)[number];

/** Which scope column a role is held on. */
export const ROLE_SCOPE = {
  platform_admin: 'platform',
  partnership_admin: 'partnership',
  /** An SWV adviser (orthopedagoog, consultant); optionally limited to some boards and schools (`limitedTo`). */
  partnership_adviser: 'partnership',
  /** The SWV's parent and youth support point (ouder- en jeugdsteunpunt). */
  support_point: 'partnership',
  board_user: 'board',
  school_editor: 'school',
  council_member: 'school',
} as const satisfies Record<Role, 'platform' | 'partnership' | 'board' | 'school'>;

export interface Membership {
  role: Role;
  partnershipId: string | null;
  boardId: string | null;
  schoolId: string | null;
  /** Name of the SWV, board or school the role is held at, for display. */
  placeName: string;
  /** The SWV the place belongs to (null for platform roles), for branding. */
  homePartnershipId: string | null;
  /**
   * An SWV-wide role limited to some boards and schools (membership_scopes): it covers those boards (and their
   * schools) and those schools only. Absent or null: the whole SWV.
   */
  limitedTo?: { boardIds: string[]; schoolIds: string[] } | null;
}

/** The signed-in user as every use case sees them. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  locale: 'nl' | 'en';
  memberships: Membership[];
  /** Logs in with a second factor (TOTP); absent where the principal was not loaded from the database. */
  secondFactorEnabled?: boolean;
}
