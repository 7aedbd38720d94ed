/**
 * Adopting a national item set into a draft: its items join the SWV's own as
 * `origin: national`, with their national norms; the SWV may add its own norm later.
 * Each section of the set goes into the draft section with the same key when there is one,
 * otherwise it becomes a new section (before "Extra" and "Tot slot"). With `intoSection`
 * every item goes into that one section. Key clashes are refused, all of them named at once.
 */
import type { NationalSet } from '../format/national-set.js';
import type { Item, Section } from '../model/template.js';
import { EditRefused, type TemplateEdit } from './edits.js';

export function adoptNationalSet(set: NationalSet, options: { intoSection?: string | undefined } = {}): TemplateEdit {
  return {
    action: 'national-set.adopt',
    target: `${set.key}@${set.version}`,
    apply(draft) {
      const problems: string[] = [];
      if (draft.nationalSet && draft.nationalSet.key !== set.key) {
        problems.push(
          `Deze vragenlijst gebruikt al de landelijke set "${draft.nationalSet.name}" (${draft.nationalSet.key}); een vragenlijst neemt één landelijke set over.`,
        );
      }
      const into = options.intoSection;
      if (into !== undefined && !draft.sections.some((section) => section.key === into)) {
        problems.push(`Onderdeel "${into}" bestaat niet in deze conceptversie; kies een van: ${draft.sections.map((s) => s.key).join(', ')}.`);
      }

      const itemHome = new Map<string, string>();
      for (const section of draft.sections) for (const item of section.items) itemHome.set(item.key, section.title);
      for (const section of set.sections) {
        for (const item of section.items) {
          const home = itemHome.get(item.key);
          if (home !== undefined) {
            problems.push(`Vraag "${item.key}" uit de landelijke set bestaat al in onderdeel "${home}"; geef een van beide een andere sleutel.`);
          }
        }
      }
      const newScales = set.scales.filter((scale) => {
        const existing = draft.scales.find((candidate) => candidate.key === scale.key);
        if (!existing) return true;
        if (existing.options.map((o) => o.value).join('\n') !== scale.options.map((o) => o.value).join('\n')) {
          problems.push(
            `Schaal "${scale.key}" bestaat al in deze vragenlijst met andere antwoordopties (${existing.options.map((o) => o.value).join(', ')}); de landelijke set verwacht ${scale.options.map((o) => o.value).join(', ')}. Geef uw eigen schaal een andere sleutel.`,
          );
        }
        return false; // same options: the draft's own scale (and labels) is used
      });
      if (problems.length > 0) throw new EditRefused(problems.join(' '));

      draft.nationalSet = { key: set.key, name: set.name, version: set.version };
      draft.scales.push(...structuredClone(newScales));
      const national = (item: NationalSet['sections'][number]['items'][number]): Item => ({ ...structuredClone(item), origin: 'national' });
      // New sections go before the first "extra" or "closing" section.
      const insertAt = () => {
        const index = draft.sections.findIndex((section) => section.kind === 'extra' || section.kind === 'closing');
        return index < 0 ? draft.sections.length : index;
      };
      for (const setSection of set.sections) {
        const target = draft.sections.find((section) => section.key === (into ?? setSection.key));
        if (target) {
          target.items.push(...setSection.items.map(national));
          continue;
        }
        const section: Section = {
          key: setSection.key,
          kind: 'promise',
          title: setSection.title,
          ...(setSection.promise ? { promise: setSection.promise } : {}),
          ...(setSection.intro ? { intro: setSection.intro } : {}),
          asksLimits: false,
          items: setSection.items.map(national),
        };
        draft.sections.splice(insertAt(), 0, section);
      }
      return null;
    },
  };
}

/** Item keys of the set, for messages after adoption. */
export function nationalSetItemCount(set: NationalSet): number {
  return set.sections.reduce((count, section) => count + section.items.length, 0);
}
