/**
 * Builds the plain ProfileDocumentData for one profile from the database, through the other
 * features' repositories: SWV branding, school facts and contacts, the template definition,
 * answers and limits, status, advice and adoption. Time comes from the injected clock.
 */
import { AppError } from '../../auth/app-error.js';
import type { Clock } from '../../config/clock.js';
import { queryAll, type DbOrTx } from '../../db/client.js';
import { getPartnership, getSchool, listSchoolContacts, type PartnershipRow } from '../partnerships/api.js';
import { getPupilVoice } from '../pupil-voice/api.js';
import { listAnswers } from '../questionnaire/api.js';
import { getProfile, type ProfileRow } from '../questionnaire/api.js';
import { loadTemplateDefinition } from '../questionnaire/template-cache.js';
import type { Answer } from '../templates/model/answer.js';
import type { Branding, ParentPosterData, ProfileDocumentData, SchoolFacts } from './document-data.js';
import { unsafeLimitsContextForProfile } from '../diversity/school-index.js';

/** Decodes a `data:image/png;base64,…` logo; anything else (or a broken URL) means no logo. */
export function logoFromDataUrl(dataUrl: string | null | undefined): Branding['logo'] {
  const match = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl ?? '');
  if (!match) return undefined;
  const data = new Uint8Array(Buffer.from(match[2]!, 'base64'));
  return data.length > 0 ? { data, mimeType: match[1] as 'image/png' | 'image/jpeg' } : undefined;
}

export function brandingOf(partnership: PartnershipRow): Branding {
  return {
    partnershipName: partnership.name,
    primaryColor: /^#[0-9a-fA-F]{6}$/.test(partnership.primaryColor) ? partnership.primaryColor : '#1f4e79',
    logo: logoFromDataUrl(partnership.logoDataUrl),
    parentSupportPoint: partnership.parentSupportPoint ?? undefined,
  };
}

/** A DATE column ("2026-11-20") as a Date at noon UTC, so it prints as that day in Amsterdam. */
function dateOnly(value: string | null): Date | undefined {
  return value ? new Date(`${value}T12:00:00Z`) : undefined;
}

export async function loadDocumentData(db: DbOrTx, clock: Clock, profileId: string): Promise<ProfileDocumentData> {
  const profile = await getProfile(db, profileId);
  if (!profile) throw new AppError('not_found');
  return loadDocumentDataFor(db, clock, profile);
}

export async function loadDocumentDataFor(db: DbOrTx, clock: Clock, profile: ProfileRow): Promise<ProfileDocumentData> {
  // `db` is a transaction when a snapshot is requested on submit or adoption: queryAll, not Promise.all.
  const [partnership, school, template, stored, contacts, pupilVoice, limitsContext] = await queryAll(db, [
    () => getPartnership(db, profile.partnershipId),
    () => getSchool(db, profile.schoolId),
    () => loadTemplateDefinition(db, profile.templateVersionId),
    () => listAnswers(db, profile.id),
    () => listSchoolContacts(db, [profile.schoolId]),
    () => getPupilVoice(db, profile.id),
    // The profile was authorized by the caller (a documents route, or a snapshot job on its transition).
    () => unsafeLimitsContextForProfile(db, profile),
  ]);
  if (!partnership || !school) throw new AppError('not_found');
  const adoptedOn = dateOnly(profile.adoptedOn);
  const adviceDate = dateOnly(profile.adviceDate);
  return {
    branding: brandingOf(partnership),
    school: schoolFactsOf(school, contacts),
    schoolYear: profile.schoolYear,
    template,
    answers: documentAnswersOf(stored),
    limits: stored.limits,
    ...(limitsContext ? { limitsContext } : {}),
    status: profile.status,
    submittedAt: profile.submittedAt ?? undefined,
    councilAdvice: adviceDate ? { date: adviceDate, text: profile.adviceText ?? '' } : undefined,
    adoption: adoptedOn ? { date: adoptedOn, by: profile.adoptedByName ?? school.boardName } : undefined,
    pupilVoice: pupilVoice ? { methods: pupilVoice.methods, consultedOn: pupilVoice.consultedOn, followUp: pupilVoice.followUp } : undefined,
    generatedAt: clock.now(),
  };
}

/**
 * Only what the parent poster is made of (ParentPosterData), for the save path's fit check: five reads instead of
 * seven, no pupils' voice or diversity context, and a smaller message to the render worker. The same values as
 * loadDocumentData gives for those fields (test/render-worker.test.ts compares the verdicts).
 */
export async function loadParentPosterData(db: DbOrTx, profileId: string): Promise<ParentPosterData> {
  const profile = await getProfile(db, profileId);
  if (!profile) throw new AppError('not_found');
  const [partnership, school, template, stored, contacts] = await queryAll(db, [
    () => getPartnership(db, profile.partnershipId),
    () => getSchool(db, profile.schoolId),
    () => loadTemplateDefinition(db, profile.templateVersionId),
    () => listAnswers(db, profile.id),
    () => listSchoolContacts(db, [profile.schoolId]),
  ]);
  if (!partnership || !school) throw new AppError('not_found');
  return { branding: brandingOf(partnership), school: schoolFactsOf(school, contacts), schoolYear: profile.schoolYear, template, answers: documentAnswersOf(stored) };
}

const optional = <K extends string>(key: K, value: string | null | undefined) => (value ? ({ [key]: value } as Record<K, string>) : {});

function schoolFactsOf(school: NonNullable<Awaited<ReturnType<typeof getSchool>>>, contacts: Awaited<ReturnType<typeof listSchoolContacts>>): SchoolFacts {
  return {
    name: school.name,
    locationCode: school.locationCode,
    boardName: school.boardName,
    ...optional('street', school.street),
    ...optional('postalCode', school.postalCode),
    ...optional('city', school.city),
    ...optional('website', school.website),
    ...optional('denomination', school.denomination),
    ...optional('districtName', school.districtName),
    contacts: contacts.map((c) => ({ name: c.name, role: c.role, ...optional('topic', c.topic), ...optional('email', c.email), showToParents: c.showToParents })),
  };
}

/** The answers as the renderers read them: value, ambition and parent text only. */
function documentAnswersOf(stored: Awaited<ReturnType<typeof listAnswers>>): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const [key, answer] of Object.entries(stored.answers)) {
    answers[key] = { value: answer.value, ambition: answer.ambition, parentText: answer.parentText };
  }
  return answers;
}
