/**
 * What the autosave client does with a server answer (src/client/autosave.ts), apart so a unit test covers it.
 * A 4xx is the server refusing this request; sending it again gets the same answer, so the client stops and
 * shows the message (issue 16: it retried a refused NUL character forever). Only network trouble, a 5xx, a
 * timeout (408) or a rate limit (429) are retried, and a signed-out session waits for the user to sign in.
 */
export type SaveOutcome = 'saved' | 'conflict' | 'reauth' | 'refused' | 'retry';

export interface SaveAnswerBody {
  ok?: boolean;
  error?: string;
  message?: string;
  reauth?: boolean;
  conflict?: unknown;
}

export function classifySaveResponse(status: number | null, body: SaveAnswerBody | undefined): SaveOutcome {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300 && body?.ok) return 'saved';
  if (status === 409 && body?.conflict) return 'conflict';
  if ((status === 401 || status === 403) && body?.reauth) return 'reauth';
  if (status === 408 || status === 429) return 'retry';
  if (status >= 400 && status < 500) return 'refused';
  return 'retry';
}

/** The words to show for a refusal: the server's own message when it sent one. */
export function refusalText(body: SaveAnswerBody | undefined, fallback: string): string {
  return body?.message ?? body?.error ?? fallback;
}
