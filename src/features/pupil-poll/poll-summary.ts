import type { DbOrTx } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { amsterdamDate } from '../cycle/editability.js';
import { pupilPollT } from './messages.js';
import { countResults, resultsSummary } from './poll-rules.js';
import { listPollTexts, listResponses } from './repository.js';
import { pollOfSchool } from './school-polls.js';

/**
 * A poll's results as a draft for the school's pupils' voice record ("poll" method): the counts, and only the texts
 * someone at the school released. Null below 5 answers. The school edits and saves the record itself.
 */
export async function loadPollSummaryForRecord(options: { db: DbOrTx; auth: Authorized; schoolId: string; pollId: string }): Promise<{ consultedOn: string; summary: string } | null> {
  const poll = await pollOfSchool(options.db, options.auth, 'loadPollSummaryForRecord', options.schoolId, options.pollId);
  const responses = await listResponses(options.db, poll.id);
  const results = countResults(poll.questions, responses);
  if (!results) return null;
  const released = await listPollTexts(options.db, poll.id, 'released');
  // Dutch whatever the reader's language: the summary is a draft for the pupils' voice record, which goes into the
  // school's (Dutch) SOP document.
  const t = pupilPollT('nl');
  return {
    consultedOn: amsterdamDate(poll.openedAt),
    summary: resultsSummary({ groupName: poll.groupName, responses: responses.length, results, releasedTexts: released.map((text) => text.text) }, (key, params) => t(key, params)),
  };
}
