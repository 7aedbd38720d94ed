/**
 * Everything a document about one school's profile needs, as plain data.
 * The documents capability renders from this; the profile/cycle capabilities build it.
 * Keeping rendering on plain data means the renderers are pure and benchmarkable.
 */
import type { Answer } from '../templates/model/answer.js';
import type { TemplateDefinition } from '../templates/model/template.js';

export interface Branding {
  /** SWV name as shown in headers, e.g. "SWV PO Voorbeeldstad". */
  partnershipName: string;
  /** Main colour as #rrggbb. */
  primaryColor: string;
  /** Logo as PNG or JPEG bytes, if the SWV uploaded one. */
  logo?: { data: Uint8Array; mimeType: 'image/png' | 'image/jpeg' } | undefined;
  /** The SWV's support point for parents (ouder- en jeugdsteunpunt), named on parent outputs. */
  parentSupportPoint?: { name: string; phone?: string; email?: string; website?: string } | undefined;
}

export interface SchoolFacts {
  name: string;
  /** BRIN + vestigingsnummer, e.g. "12AB00". */
  locationCode: string;
  boardName: string;
  street?: string;
  postalCode?: string;
  city?: string;
  website?: string;
  denomination?: string;
  districtName?: string;
  /**
   * The school's contact persons (school data, edited on the school page): who to ask for what, on
   * the teacher poster ("Wie vraag je wat?"), the parent poster and the SOP. No pupil data.
   * e.g. [{ role: 'Intern begeleider', name: 'Fatima el Idrissi', topic: 'Extra ondersteuning, aanmelding', email: '…' }].
   * Parent-facing outputs (parent poster, school-guide chapter) name only those with `showToParents: true`.
   */
  contacts?: Array<{ role: string; name: string; topic?: string; email?: string; /** The school chose to show this person to parents (parent poster, public pages). */ showToParents?: boolean }>;
}

export interface ProfileDocumentData {
  branding: Branding;
  school: SchoolFacts;
  /** "2026-2027". */
  schoolYear: string;
  template: TemplateDefinition;
  /** Answers by item key; items without an answer are absent. */
  answers: Record<string, Answer>;
  /** "Wat kan de school niet": limits by section key (or "__overall" for the closing). */
  limits: Record<string, string>;
  /**
   * The school's group size and care load as context for its limits (the diversity index, issue 15), when the
   * school chose to show it in this profile: one ready Dutch paragraph, school-level figures only — never counts
   * per category or per group. Appended to the limits chapters of the SOP and the school-guide chapter.
   */
  limitsContext?: { title: string; text: string } | undefined;
  status: 'not_started' | 'in_progress' | 'submitted' | 'advised' | 'adopted' | 'published';
  submittedAt?: Date | undefined;
  councilAdvice?: { date: Date; text: string } | undefined;
  adoption?: { date: Date; by: string } | undefined;
  /**
   * How pupils were heard on the profile (the pupils' voice record, Kamerstuk 36443): the methods, when
   * ("2026-10-05") and what the school did with it. The school-guide chapter says it in one paragraph; what
   * pupils said (the summary) stays in the record.
   */
  pupilVoice?: { methods: Array<'pupil_council' | 'class_discussions' | 'poll' | 'other'>; consultedOn: string; followUp: string } | undefined;
  /** When the document was generated (from the injectable clock). */
  generatedAt: Date;
}

/**
 * What the parent poster is made of: its renderer (render/render-parent-poster.ts) reads nothing else, as its types
 * say. The save path's fit check loads and sends only this to a render worker, not the whole document data.
 */
export type ParentPosterData = Pick<ProfileDocumentData, 'branding' | 'school' | 'schoolYear' | 'template' | 'answers'>;
