/**
 * Expected access for the routes of later capabilities (templates, questionnaire, cycle, documents).
 * Each capability adds its routes here; test/authorization-matrix.test.ts merges them.
 */
export interface PersonaGroups<P extends string> {
  EVERYONE: readonly P[];
  SIGNED_IN: readonly P[];
  SWV_ADMINS: readonly P[];
  SCHOOL_READERS: readonly P[];
}

export function featureExpectations<P extends string>(_groups: PersonaGroups<P>): Record<string, readonly P[]> {
  return {};
}
