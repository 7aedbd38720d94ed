/** The SWV's settings form: name, colour, logo, parent support point. */
import { assertInScope } from '../../auth/policy.js';
import { AppError } from '../../auth/app-error.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { formatWordList, wordListOf } from './plain-language.js';
import { getPartnership, type PartnershipRow } from './repository.js';

export interface SettingsPage {
  partnership: PartnershipRow;
  /** The saved values as form fields. */
  values: Record<string, string>;
  /** The SWV has not written its own word list yet: the form shows the example. */
  wordListIsExample: boolean;
}

export async function loadSettingsPage(options: { db: Database; auth: Authorized; partnershipId: string }): Promise<SettingsPage> {
  assertInScope('loadSettingsPage', options.auth, { partnershipId: options.partnershipId });
  const id = options.partnershipId;
  const partnership = await getPartnership(options.db, id);
  if (!partnership) throw new AppError('not_found');
  return {
    partnership,
    values: {
      name: partnership.name,
      primaryColor: partnership.primaryColor,
      supportPointName: partnership.parentSupportPoint?.name ?? '',
      supportPointPhone: partnership.parentSupportPoint?.phone ?? '',
      supportPointEmail: partnership.parentSupportPoint?.email ?? '',
      supportPointWebsite: partnership.parentSupportPoint?.website ?? '',
      publicRegistration: partnership.publicInfo?.registration ?? '',
      publicDutyOfCare: partnership.publicInfo?.dutyOfCare ?? '',
      publicWhereToTurn: partnership.publicInfo?.whereToTurn ?? '',
      parentWordList: formatWordList(wordListOf(partnership)),
    },
    wordListIsExample: partnership.parentWordList === null,
  };
}
