/** The label of each editor form field, so an error in the summary names the field it belongs to. */
import type { Translate } from '../../../ui/i18n.js';
import type { templateMessages } from '../messages.js';

type T = Translate<keyof typeof templateMessages.nl>;
export type LabelOf = (field: string) => string;

export const generalLabel =
  (t: T): LabelOf =>
  (field) => {
    if (field.startsWith('panels.')) {
      const [, index, part] = field.split('.');
      return t(part === 'body' ? 'panelBody' : 'panelTitle', { n: Number(index) + 1 });
    }
    const labels: Record<string, string> = {
      name: t('name'),
      description: t('description'),
      sector: t('sector'),
      welcomeTitle: t('welcomeTitle'),
      welcomeIntro: t('welcomeIntro'),
      nationalSet: t('nationalSetLegend'),
      nationalSetKey: t('nationalSetKey'),
      nationalSetName: t('nationalSetName'),
      nationalSetVersion: t('nationalSetVersion'),
    };
    return labels[field] ?? t('generalTitle');
  };

export const sectionLabel =
  (t: T): LabelOf =>
  (field) =>
    ({ key: t('sectionKey'), kind: t('sectionKind'), title: t('sectionTitle'), promise: t('promise'), intro: t('intro'), asksLimits: t('asksLimits') })[field] ?? t('sectionTitle');

export const itemLabel =
  (t: T): LabelOf =>
  (field) =>
    ({
      key: t('itemKey'),
      kind: t('itemKind'),
      title: t('itemTitle'),
      hint: t('hint'),
      help: t('help'),
      group: t('group'),
      scale: t('scale'),
      norm: t('normLegend'),
      normLabel: `${t('normLegend')} — ${t('normLabel')}`,
      normMin: `${t('normLegend')} — ${t('normMin')}`,
      normMax: `${t('normLegend')} — ${t('normMax')}`,
      nationalNorm: t('nationalNormLegend'),
      nationalNormLabel: `${t('nationalNormLegend')} — ${t('normLabel')}`,
      nationalNormMin: `${t('nationalNormLegend')} — ${t('normMin')}`,
      nationalNormMax: `${t('nationalNormLegend')} — ${t('normMax')}`,
      origin: t('origin'),
      ambition: t('ambition'),
      parentText: t('parentText'),
      parentTextEditable: t('parentTextEditable'),
      parentTextMaxLength: t('parentTextMaxLength'),
      posters: t('postersLegend'),
      required: t('required'),
      min: t('min'),
      max: t('max'),
      unit: t('unit'),
      maxLength: t('maxLength'),
      sectionKey: t('itemSection'),
    })[field] ?? t('itemTitle');

export const scaleLabel =
  (t: T): LabelOf =>
  (field) => {
    if (field.startsWith('options.')) {
      const [, index, part] = field.split('.');
      const partLabel = { value: t('optionValue'), label: t('optionLabel'), description: t('optionDescription'), parentLabel: t('optionParentLabel'), notOffered: t('optionNotOffered') }[part ?? ''];
      return index === undefined ? t('optionsLegend') : `${t('optionLegend', { n: Number(index) + 1 })}${partLabel ? ` — ${partLabel}` : ''}`;
    }
    if (field === 'bron') return t('copyScaleSource');
    if (field === 'copyKey') return t('copyScaleKey');
    return ({ key: t('scaleKey'), name: t('scaleName'), options: t('optionsLegend') } as Record<string, string>)[field] ?? t('scaleName');
  };
