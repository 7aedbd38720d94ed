/** @jsxImportSource hono/jsx */
/** Small pieces the cycle's pages share: the status tag, links into the questionnaire, breadcrumbs (dates: ui/dates.ts). */
import { StatusTag } from '../../../ui/components.js';
import { translator, type Locale, type Translate } from '../../../ui/i18n.js';
import type { ProfileStatus } from '../../questionnaire/api.js';
import { cycleMessages } from '../messages.js';
import type { ProfileListColumnData } from '../profile-cycle-sections.js';
import { PROFILE_STATUS_LABELS, PROFILE_STATUS_TONES } from '../profile-status.js';

export type CycleT = Translate<keyof typeof cycleMessages.nl>;

export function cycleT(locale: Locale): CycleT {
  return translator(cycleMessages, locale);
}

/** Where the questionnaire shows a section; items carry the anchor `item-<key>` (questionnaire/views/item-field.tsx). */
export function sectionHref(profileId: string, sectionKey: string, itemKey?: string): string {
  return `/profielen/${profileId}/onderdelen/${sectionKey}${itemKey ? `#item-${itemKey}` : ''}`;
}

export function ProfileStatusTag(props: { locale: Locale; status: ProfileStatus }) {
  return <StatusTag tone={PROFILE_STATUS_TONES[props.status]}>{PROFILE_STATUS_LABELS[props.locale][props.status]}</StatusTag>;
}

/** School › SOP year, above every page of one profile. */
export function profileCrumbs(page: { schoolName: string; profile: { id: string; schoolId: string; schoolYear: string } }): Array<[string, string]> {
  return [
    [page.schoolName, `/scholen/${page.profile.schoolId}`],
    [`SOP ${page.profile.schoolYear}`, `/profielen/${page.profile.id}`],
  ];
}

/** A cell of a column another feature added to a per-school list (profile-cycle-sections.ts): a linked tag. */
export function ProfileListCellView(props: { column: ProfileListColumnData; profileId: string | null; locale: Locale }) {
  const cell = props.profileId ? props.column.cells[props.profileId] : undefined;
  if (!cell) return <td>{props.profileId ? props.column.empty[props.locale] : '—'}</td>;
  return (
    <td>
      <a class="utrecht-link" href={cell.href}>
        <StatusTag tone={cell.tone}>{cell.label[props.locale]}</StatusTag>
      </a>
    </td>
  );
}
