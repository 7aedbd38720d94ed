import { describe, expect, it } from 'vitest';
import { classifySaveResponse, refusalText } from './save-outcome.js';

describe('autosave answers', () => {
  it('stops on a refusal (4xx) and shows the server message, retries only trouble', () => {
    expect(classifySaveResponse(200, { ok: true })).toBe('saved');
    expect(classifySaveResponse(409, { ok: false, conflict: {} })).toBe('conflict');
    expect(classifySaveResponse(401, { reauth: true })).toBe('reauth');
    expect(classifySaveResponse(403, { reauth: true })).toBe('reauth');
    for (const status of [400, 403, 404, 409, 413, 422]) expect(classifySaveResponse(status, { error: 'invalid_input' }), String(status)).toBe('refused');
    expect(classifySaveResponse(413, undefined)).toBe('refused'); // an HTML page, no JSON body
    for (const status of [408, 429, 500, 502, 503]) expect(classifySaveResponse(status, undefined), String(status)).toBe('retry');
    expect(classifySaveResponse(null, undefined)).toBe('retry');
    expect(refusalText({ error: 'invalid_input', message: 'Uw invoer bevat een teken…' }, 'x')).toBe('Uw invoer bevat een teken…');
    expect(refusalText({ error: 'Het antwoord kon niet worden gelezen.' }, 'x')).toBe('Het antwoord kon niet worden gelezen.');
    expect(refusalText(undefined, 'Niet opgeslagen')).toBe('Niet opgeslagen');
  });
});
