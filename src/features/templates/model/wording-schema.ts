/**
 * The words a template's documents and editor use for things that differ per sector and per SWV:
 * the SWV's own name for a promise ("belofte", "afspraak", "standaard"), whom a parent talks to
 * first (po: the teacher, "leerkracht"; vo: the "mentor"), the support coordinator (po: "intern
 * begeleider"; vo: "zorgcoördinator"), … No sentence in code names one of these: it takes the word
 * from here. A template may set any of them (`wording:` in the file); the rest come from the
 * sector's defaults in templates/sector-wording.yaml (wording.ts).
 */
import { z } from 'zod';

export const SECTORS = ['po', 'vo'] as const;
export type Sector = (typeof SECTORS)[number];

const word = (max: number) =>
  z.string({ error: 'verwacht tekst' }).trim().min(1, { error: 'mag niet leeg zijn' }).max(max, { error: `mag hoogstens ${max} tekens lang zijn` });

export const wordingFields = {
  /** The SWV's word for one section of basic support, in lower case: "belofte". */
  promise: word(40),
  /** Its plural: "beloftes". */
  promises: word(40),
  /** Whom a parent talks to first, in lower case: "leerkracht" (po), "mentor" (vo). */
  firstContact: word(60),
  /** Who coordinates support in the school: "intern begeleider" (po), "zorgcoördinator" (vo). */
  supportCoordinator: word(60),
  /**
   * Other ways schools write that role in their contact list ("IB-er", "zorgcoordinator"), so the
   * documents find the right contact person. Compared without case.
   */
  supportCoordinatorAliases: z.array(word(60)).max(20),
  /** Who leads the school, as a parent would ask for it: "directeur" (po), "teamleider" (vo). */
  schoolLeader: word(60),
  /** The teaching staff, plural: "leerkrachten" (po), "docenten" (vo). */
  staff: word(60),
  /** The headline of the parent poster: "Zo helpen wij uw kind". */
  parentPosterTitle: word(80),
  /** The first lines of the parent poster, in plain language (B1). */
  parentPosterIntro: word(400),
} as const;

/** What a template may write: every word optional. */
export const wordingSchema = z.strictObject({
  promise: wordingFields.promise.optional(),
  promises: wordingFields.promises.optional(),
  firstContact: wordingFields.firstContact.optional(),
  supportCoordinator: wordingFields.supportCoordinator.optional(),
  supportCoordinatorAliases: wordingFields.supportCoordinatorAliases.optional(),
  schoolLeader: wordingFields.schoolLeader.optional(),
  staff: wordingFields.staff.optional(),
  parentPosterTitle: wordingFields.parentPosterTitle.optional(),
  parentPosterIntro: wordingFields.parentPosterIntro.optional(),
});
export type WordingInput = z.infer<typeof wordingSchema>;

/** A sector's defaults: every word present. */
export const sectorWordingSchema = z.strictObject(wordingFields);
export type Wording = z.infer<typeof sectorWordingSchema>;

/** The data file: one complete set of words per sector. */
export const sectorWordingFileSchema = z.strictObject({
  po: sectorWordingSchema,
  vo: sectorWordingSchema,
} satisfies Record<Sector, typeof sectorWordingSchema>);
