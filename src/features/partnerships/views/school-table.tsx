/** @jsxImportSource hono/jsx */
import { translator, type Locale } from '../../../ui/i18n.js';
import { partnershipMessages } from '../messages.js';
import type { SchoolRow } from '../repository.js';

/** The schools of an SWV or a board, each linking to its page. */
export function SchoolTable(props: { locale: Locale; schools: SchoolRow[]; boards: Map<string, string> }) {
  const t = translator(partnershipMessages, props.locale);
  if (props.schools.length === 0) return <p class="utrecht-paragraph">{t('noSchools')}</p>;
  return (
    <table class="utrecht-table">
      <caption class="visually-hidden">{t('schools')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('school')}</th>
          <th scope="col">{t('locationCode')}</th>
          <th scope="col">{t('city')}</th>
          <th scope="col">{t('board')}</th>
        </tr>
      </thead>
      <tbody>
        {props.schools.map((school) => (
          <tr>
            <td>
              <a class="utrecht-link" href={`/scholen/${school.id}`}>
                {school.name}
              </a>
            </td>
            <td>{school.locationCode}</td>
            <td>{school.city}</td>
            <td>{props.boards.get(school.boardId)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
