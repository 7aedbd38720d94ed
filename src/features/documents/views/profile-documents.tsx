/** @jsxImportSource hono/jsx */
/** A profile's documents: the current files (with the accessible version beside each PDF), the school-guide HTML to copy, and the stored snapshots. */
import { Alert } from '../../../ui/components.js';
import { translator, type Locale } from '../../../ui/i18n.js';
import { formatDate, formatMomentDateTime } from '../../../ui/dates.js';
import { isDocumentKind } from '../document-kinds.js';
import type { DocumentListing } from '../get-profile-documents.js';
import { documentMessages, formatSize } from '../messages.js';
import { ACCESSIBLE_ALTERNATIVE } from '../render/index.js';

export function ProfileDocumentsView(props: { listing: DocumentListing; locale: Locale }) {
  const { listing } = props;
  const t = translator(documentMessages, props.locale);
  const { profile, servedSnapshot } = listing;
  const year = profile.schoolYear;
  const reason = (r: string) => (r === 'submitted' ? t('reasonSubmitted') : r === 'adopted' ? t('reasonAdopted') : t('reasonArchive'));
  const base = `/profielen/${profile.id}/documenten`;
  return (
    <>
      <h1 class="utrecht-heading-1">{t('pageTitle', { year })}</h1>
      <p class="utrecht-paragraph">{t('intro')}</p>
      {listing.closedOn ? (
        <Alert type="info">
          {servedSnapshot
            ? t('closedIntro', { year, date: formatDate(listing.closedOn, props.locale), snapshotDate: formatMomentDateTime(servedSnapshot.createdAt, props.locale) })
            : t('closedNoSnapshot', { year })}
        </Alert>
      ) : (
        <p class="utrecht-paragraph">{t('liveIntro')}</p>
      )}
      <h2 class="utrecht-heading-2">{t('currentHeading')}</h2>
      <table class="utrecht-table documents-table">
        <caption class="visually-hidden">{t('currentHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('document')}</th>
            <th scope="col">{t('format')}</th>
            <th scope="col">{t('size')}</th>
          </tr>
        </thead>
        <tbody>
          {listing.files.map((file) => (
            <tr>
              <td>
                <a class="utrecht-link" href={`${base}/${file.kind}`} {...(file.inline ? {} : { download: file.fileName })} data-kind={file.kind}>
                  {t(`kind.${file.kind}`)}
                </a>
                {ACCESSIBLE_ALTERNATIVE[file.kind] && (
                  <>
                    {' · '}
                    <a class="utrecht-link" href={`${base}/${ACCESSIBLE_ALTERNATIVE[file.kind]}`} data-accessible-for={file.kind}>
                      {t('accessibleVersion')}
                    </a>
                  </>
                )}
              </td>
              <td>{file.fileName}</td>
              <td>{file.size === null ? t('sizeOnDownload') : formatSize(file.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 class="utrecht-heading-2" id="schoolgids-html">
        {t('copyHtmlHeading')}
      </h2>
      <p class="utrecht-paragraph">{t('copyHtmlIntro')}</p>
      <div class="utrecht-form-field utrecht-form-field--textarea">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="schoolgids-html-fragment">
            {t('copyHtmlLabel')}
          </label>
        </div>
        <div class="utrecht-form-field__input">
          {/* The fragment is the Dutch school-guide document (documents stay Dutch), whatever the interface's language. */}
          <textarea class="utrecht-textarea documents-html" id="schoolgids-html-fragment" readonly rows={12} spellcheck={false} lang="nl">
            {listing.schoolGuideFragment}
          </textarea>
        </div>
      </div>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/schoolgids-html`} download={listing.files.find((f) => f.kind === 'schoolgids-html')?.fileName ?? 'schoolgids.html'}>
          {t('copyHtmlDownload')}
        </a>
      </p>
      <h2 class="utrecht-heading-2">{t('snapshotsHeading')}</h2>
      <p class="utrecht-paragraph">{t('snapshotsIntro')}</p>
      {listing.snapshots.length === 0 ? (
        <p class="utrecht-paragraph">{t('noSnapshots')}</p>
      ) : (
        listing.snapshots.map((snapshot) => (
          <section class="documents-snapshot" aria-labelledby={`snapshot-${snapshot.id}`}>
            <h3 class="utrecht-heading-3" id={`snapshot-${snapshot.id}`}>
              {t('snapshotCaption', { date: formatMomentDateTime(snapshot.createdAt, props.locale), reason: reason(snapshot.reason) })}
            </h3>
            <ul class="utrecht-unordered-list">
              {snapshot.files.map((file) => (
                <li>
                  <a class="utrecht-link" href={`${base}/snapshots/${snapshot.id}/${file.kind}`}>
                    {isDocumentKind(file.kind) ? t(`kind.${file.kind}`) : file.fileName}
                  </a>{' '}
                  ({formatSize(file.size)})
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
