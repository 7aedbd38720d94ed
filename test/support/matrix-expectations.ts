/**
 * Expected access for the routes of later capabilities (templates, questionnaire, cycle, documents).
 * Each capability adds its routes here; test/authorization-matrix.test.ts merges them.
 */
import { cycleMatrixExpectations } from './matrix-cycle.js';
import { registerExpectations } from './matrix-register.js';
import { accountsMatrixExpectations } from './matrix-accounts.js';
import { peopleExpectations } from './matrix-people.js';
import { publicExpectations } from './matrix-public.js';
import { insightExpectations } from './matrix-insight.js';
import { diversityExpectations } from './matrix-diversity.js';
import { conversationGuideExpectations } from './matrix-conversation-guide.js';
import { qualityReviewExpectations } from './matrix-quality-review.js';

export interface PersonaGroups<P extends string> {
  EVERYONE: readonly P[];
  SIGNED_IN: readonly P[];
  SWV_ADMINS: readonly P[];
  SCHOOL_READERS: readonly P[];
}

export function featureExpectations<P extends string>(_groups: PersonaGroups<P>): Record<string, readonly P[]> {
  // Templates (issue 3): only the SWV's own admins manage its questionnaire ('template.manage');
  // platform admins have no template role, other SWVs get 404.
  const templateAdmins = _groups.SWV_ADMINS.filter((persona) => persona === 'swv_admin');
  const V = '/swv/:partnershipId/vragenlijsten/versies/:templateVersionId';
  const templates: Record<string, readonly P[]> = {};
  for (const key of [
    'GET /swv/:partnershipId/vragenlijsten',
    'POST /swv/:partnershipId/vragenlijsten/importeren',
    'GET /swv/:partnershipId/vragenlijsten/formaat',
    'GET /swv/:partnershipId/vragenlijsten/template.schema.json',
    'POST /swv/:partnershipId/vragenlijsten/:templateId/nieuwe-conceptversie',
    `GET ${V}`,
    `GET ${V}/bestand`,
    `POST ${V}/landelijke-set`,
    `GET ${V}/vergelijken`,
    `GET ${V}/publiceren`,
    `POST ${V}/publiceren`,
    `GET ${V}/algemeen`,
    `POST ${V}/algemeen`,
    `GET ${V}/onderdelen/nieuw`,
    `POST ${V}/onderdelen/nieuw`,
    `GET ${V}/onderdelen/:templateSectionKey`,
    `POST ${V}/onderdelen/:templateSectionKey`,
    `POST ${V}/onderdelen/:templateSectionKey/verplaatsen`,
    `GET ${V}/onderdelen/:templateSectionKey/verwijderen`,
    `POST ${V}/onderdelen/:templateSectionKey/verwijderen`,
    `GET ${V}/onderdelen/:templateSectionKey/voorbeeld`,
    `GET ${V}/welkom/voorbeeld`,
    `GET ${V}/onderdelen/:templateSectionKey/vragen/nieuw`,
    `POST ${V}/onderdelen/:templateSectionKey/vragen/nieuw`,
    `GET ${V}/vragen/:templateItemKey`,
    `POST ${V}/vragen/:templateItemKey`,
    `POST ${V}/vragen/:templateItemKey/verplaatsen`,
    `GET ${V}/vragen/:templateItemKey/verwijderen`,
    `POST ${V}/vragen/:templateItemKey/verwijderen`,
    `GET ${V}/schalen/nieuw`,
    `POST ${V}/schalen/nieuw`,
    `POST ${V}/schalen/overnemen`,
    `GET ${V}/schalen/:templateScaleKey`,
    `POST ${V}/schalen/:templateScaleKey`,
    `GET ${V}/schalen/:templateScaleKey/verwijderen`,
    `POST ${V}/schalen/:templateScaleKey/verwijderen`,
  ]) {
    templates[key] = templateAdmins;
  }
  // Questionnaire (issue 4): the school's readers view (the council only once submitted — the
  // demo profile is not started), only the school's editors save.
  const profileReaders = _groups.SCHOOL_READERS.filter((persona) => persona !== 'council_member');
  const profileEditors = _groups.SCHOOL_READERS.filter((persona) => persona === 'school_editor');
  const questionnaire: Record<string, readonly P[]> = {
    'GET /profielen/:profileId': profileReaders,
    'GET /profielen/:profileId/welkom': profileReaders,
    'GET /profielen/:profileId/onderdelen/:sectionKey': profileReaders,
    'POST /profielen/:profileId/onderdelen/:sectionKey': profileEditors,
    'POST /profielen/:profileId/antwoorden': profileEditors,
    'GET /profielen/:profileId/controleren': profileReaders,
    'GET /profielen/:profileId/antwoorden/:itemKey/geschiedenis': profileReaders,
  };
  const cycle = cycleMatrixExpectations(_groups);
  const cycleAdmins = _groups.SWV_ADMINS.filter((persona) => persona === 'swv_admin');
  const only = (persona: string) => _groups.SCHOOL_READERS.filter((p) => p === persona);
  // Documents (issue 6): downloads for the school's readers ('documents.download'; the council only once
  // submitted, and the matrix profile is in progress); the batch ZIP only for the SWV's own admins.
  const documents: Record<string, readonly P[]> = {
    'GET /profielen/:profileId/documenten': profileReaders,
    'GET /profielen/:profileId/documenten/:kind': profileReaders,
    'GET /profielen/:profileId/documenten/snapshots/:snapshotId/:kind': profileReaders,
    'GET /swv/:partnershipId/documenten': cycleAdmins,
    'POST /swv/:partnershipId/documenten': cycleAdmins,
    'GET /swv/:partnershipId/documenten/:exportId/zip': cycleAdmins,
  };
  // School contact persons (issue 6): the school's editors and the SWV's own admins ('school.editContacts').
  const schoolContacts: Record<string, readonly P[]> = {
    'POST /scholen/:schoolId/contactpersonen': [...only('swv_admin'), ...only('school_editor')],
  };
  return { ...questionnaire, ...templates, ...cycle, ...documents, ...schoolContacts, ...registerExpectations(_groups), ...publicExpectations(_groups), ...insightExpectations(_groups), ...peopleExpectations(_groups), ...diversityExpectations(_groups), ...conversationGuideExpectations(_groups), ...qualityReviewExpectations(_groups), ...accountsMatrixExpectations(_groups) };
}
