/** @jsxImportSource hono/jsx */
/** The pupils' voice plug-ins: its section on the cycle page, and the cycle's requirement before submission or adoption. */
import { profileCycleSections, transitionGuards } from '../cycle/profile-cycle-sections.js';
import { loadPupilVoice } from './load-pupil-voice.js';
import { pupilVoiceT } from './messages.js';
import { getPupilVoice } from './repository.js';
import { PupilVoiceSection } from './views/pupil-voice.js';

profileCycleSections.push(async (c, auth, profile) => {
  const view = await loadPupilVoice({ db: c.var.deps.db, auth, profileId: profile.id });
  return <PupilVoiceSection view={view} locale={c.var.locale} />;
});

// The SWV decides per cycle whether the record is required before submission or before adoption (vo and po differ).
transitionGuards.push(async (tx, event) => {
  const required = event.cycle.pupilVoiceRequired;
  if (required === 'none') return null;
  if (event.action === 'submit' && required !== 'before_submission') return null;
  if (await getPupilVoice(tx, event.profileId)) return null;
  const t = pupilVoiceT(event.locale);
  return event.action === 'submit' ? t('requiredBeforeSubmit') : t('requiredBeforeAdopt');
});
