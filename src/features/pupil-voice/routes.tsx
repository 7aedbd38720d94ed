/** @jsxImportSource hono/jsx */
/** The pupils' voice on a profile: the school's form. Thin: parse, one use case, a view. */
import { AppError } from '../../auth/app-error.js';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { parseForm, readFormAll } from '../../ui/forms.js';
import { renderPage } from '../../ui/layout.js';
import { authorized, permission, type Authorized, type RouteTable } from '../../ui/route.js';
import { profileCrumbs } from '../cycle/views/shared.js';
import { fromProfileParam } from '../questionnaire/scopes.js';
import { loadPupilVoice } from './load-pupil-voice.js';
import { pupilVoiceT } from './messages.js';
import { recordPupilVoice, recordPupilVoiceInput } from './record-pupil-voice.js';
import { PupilVoiceFormView } from './views/pupil-voice.js';

async function formPage(c: AppContext, auth: Authorized | null, errors: FieldErrors = {}, values: Record<string, string | string[]> = {}, status?: number) {
  const pollId = c.req.method === 'GET' ? c.req.query('peiling') : undefined;
  const view = await loadPupilVoice({ db: c.var.deps.db, auth: authorized(auth), profileId: c.req.param('profileId')!, pollId });
  return renderPage(c, {
    title: pupilVoiceT(c.var.locale)('formTitle'),
    partnershipId: view.profile.partnershipId,
    status: status ?? (Object.keys(errors).length ? 400 : 200),
    breadcrumbs: profileCrumbs(view),
    children: <PupilVoiceFormView view={view} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} values={values} saved={c.req.query('opgeslagen') === '1'} />,
  });
}

export function registerPupilVoiceRoutes(table: RouteTable): void {
  const record = permission('profile.recordPupilVoice', fromProfileParam);
  table.get('/profielen/:profileId/stem-van-leerlingen', record, (c, auth) => formPage(c, auth));
  table.post('/profielen/:profileId/stem-van-leerlingen', record, async (c, auth) => {
    const values = await readFormAll(c);
    const parsed = parseForm(recordPupilVoiceInput(pupilVoiceT(c.var.locale)), values);
    if (!parsed.ok) return formPage(c, auth, parsed.errors, values);
    try {
      await recordPupilVoice({ db: c.var.deps.db, clock: c.var.deps.clock, auth: authorized(auth), profileId: c.req.param('profileId')!, input: parsed.data });
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_input') return formPage(c, auth, { [(error.details as { field?: string } | undefined)?.field ?? 'summary']: error.userMessage ?? '' }, values);
      if (error instanceof AppError && error.code === 'invalid_state') return formPage(c, auth, { summary: error.userMessage ?? '' }, values, 409);
      throw error;
    }
    return c.redirect(`/profielen/${c.req.param('profileId')}/stem-van-leerlingen?opgeslagen=1`, 303);
  });
}
