/** A school's index for one school year as a whole, and how its figures are written (pure). */
import { formatDutchNumber } from '../templates/model/dutch-number.js';
import { roundIndex, type Arithmetic } from './care-load.js';

export interface SchoolIndex {
  schoolYear: string;
  pupils: number;
  /** Groups with pupils. */
  groups: number;
  averageGroupSize: number;
  arithmetic: Arithmetic;
  figure: number;
}

/** One decimal for a group size, two for a care load; the weighted group size with one. */
export function indexTexts(index: SchoolIndex): { size: string; figure: string } {
  const oneDecimal = (n: number) => formatDutchNumber(Math.round(n * 10) / 10);
  return { size: oneDecimal(index.averageGroupSize), figure: index.arithmetic === 'points-per-pupil' ? formatDutchNumber(roundIndex(index.figure)) : oneDecimal(index.figure) };
}
