import { AppError } from '../../auth/app-error.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { Clock } from '../../config/clock.js';
import type { Database } from '../../db/client.js';
import type { Authorized } from '../../ui/route.js';
import { checkDefinition } from './editor/check-definition.js';
import { findPublishedForYear, findVersionInPartnership, markPublished, updateTemplateName } from './repository.js';
import { isSchoolYear } from './school-year.js';
import { templateMessages } from './messages.js';
import { translator } from '../../ui/i18n.js';

/**
 * "Publiceren voor schooljaar": makes a draft the version for a school year. From then on it
 * never changes. Refused when that school year already has a published version of this template.
 */
export async function publishVersion(options: { db: Database; clock: Clock; auth: Authorized; versionId: string; schoolYear: string }): Promise<{ number: number }> {
  const { db, clock, auth, schoolYear } = options;
  if (auth.scope.level === 'platform') throw new AppError('not_found');
  const partnershipId = auth.scope.partnershipId;
  const t = translator(templateMessages, auth.principal.locale);
  if (!isSchoolYear(schoolYear)) throw new AppError('invalid_input', t('publishChooseYear'), { field: 'schoolYear' });
  const now = clock.now();
  return db.transaction(async (tx) => {
    const version = await findVersionInPartnership(tx, partnershipId, options.versionId);
    if (!version) throw new AppError('not_found');
    if (version.status !== 'draft') throw new AppError('invalid_state', t('publishAlreadyPublished', { number: version.number, year: version.schoolYear ?? t('publishSomeYear') }));
    const taken = await findPublishedForYear(tx, version.templateId, schoolYear);
    if (taken) {
      throw new AppError(
        'conflict',
        t('publishYearTaken', { year: schoolYear, number: taken.number }),
        { field: 'schoolYear' },
      );
    }
    // The draft was checked at every save; check again so nothing invalid ever becomes final.
    const checked = checkDefinition(version.definition);
    if (!checked.ok) throw new AppError('invalid_state', t('publishHasErrors', { errors: checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ') }));
    if (!(await markPublished(tx, version.id, schoolYear, now))) throw new AppError('conflict', t('publishedMeanwhile'));
    await updateTemplateName(tx, version.templateId, version.definition.name);
    await recordAudit(tx, {
      at: now,
      actorUserId: auth.principal.userId,
      partnershipId,
      action: 'template.publish',
      entityType: 'template_version',
      entityId: version.id,
      before: { status: 'draft' },
      after: { status: 'published', schoolYear, number: version.number },
    });
    return { number: version.number };
  });
}
