import { AppError } from '../../auth/app-error.js';
import { assertInScope, can } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { getCycleFor } from '../cycle/api.js';
import { getSchool } from '../partnerships/api.js';
import { getProfile } from '../questionnaire/api.js';
import { loadPollSummaryForRecord } from '../pupil-poll/poll-summary.js';
import { getPupilVoice, type PupilVoiceRow } from './repository.js';

export type { PupilVoiceRow };

export interface PupilVoiceView {
  profile: { id: string; schoolId: string; schoolYear: string; partnershipId: string; status: string };
  schoolName: string;
  record: PupilVoiceRow | null;
  /** The cycle's setting: is the record required, and before which step? */
  required: 'none' | 'before_submission' | 'before_adoption';
  /** May this viewer record it now (the school's editors, before adoption)? */
  canRecord: boolean;
  /** A poll's results offered as a draft ("poll" method): the form shows them, the school edits and saves. */
  fromPoll: { consultedOn: string; summary: string } | null;
}

/** The pupils' voice of one profile, for its cycle page section and the form. */
export async function loadPupilVoice(options: { db: DbOrTx; auth: Authorized; profileId: string; pollId?: string | undefined }): Promise<PupilVoiceView> {
  const { db, auth } = options;
  const profile = await getProfile(db, options.profileId);
  if (!profile) throw new AppError('not_found');
  assertInScope('loadPupilVoice', auth, { schoolId: profile.schoolId });
  const record = await getPupilVoice(db, profile.id);
  const cycle = await getCycleFor(db, profile.partnershipId, profile.schoolYear);
  const school = await getSchool(db, profile.schoolId);
  // A poll of this school only (another school's poll id is 404), and only its released texts travel.
  const fromPoll = options.pollId ? await loadPollSummaryForRecord({ db, auth, schoolId: profile.schoolId, pollId: options.pollId }) : null;
  const open = ['not_started', 'in_progress', 'submitted', 'advised'].includes(profile.status);
  return {
    profile: { id: profile.id, schoolId: profile.schoolId, schoolYear: profile.schoolYear, partnershipId: profile.partnershipId, status: profile.status },
    schoolName: school?.name ?? '',
    record,
    required: cycle?.pupilVoiceRequired ?? 'none',
    canRecord: open && can(auth.principal, 'profile.recordPupilVoice', auth.scope),
    fromPoll,
  };
}
