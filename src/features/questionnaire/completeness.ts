/**
 * What is still missing before a profile can be submitted: required items per section and overall.
 * Pure; the section pages, the task list, the check page and the cycle (refusing an incomplete submit) share it.
 */
import { evaluateNorm, isAnswered, type Answer } from '../templates/model/answer.js';
import type { TemplateDefinition } from '../templates/model/template.js';

export type SectionStatus = 'not_started' | 'in_progress' | 'complete';

export interface SectionCompleteness {
  sectionKey: string;
  /** Required items with an answer. */
  answered: number;
  required: number;
  /** Required items without an answer, in template order. */
  missingItemKeys: string[];
  /** Answered items (required or not) whose answer is below the SWV's norm (without an ambition). */
  belowNormItemKeys: string[];
  /** Answered items whose answer the norm check cannot judge ("Kan niet beoordelen"; never counted as meeting the norm). */
  cannotJudgeItemKeys: string[];
  status: SectionStatus;
}

export interface Completeness {
  sections: SectionCompleteness[];
  answered: number;
  required: number;
  /** 0–100, rounded down so 100 means really complete. */
  percent: number;
  missingCount: number;
  belowNormCount: number;
  cannotJudgeCount: number;
}

/** Answers by item key; only value and ambition matter here. */
export type AnswersByItem = Record<string, Pick<Answer, 'value' | 'ambition'> | undefined>;

export function computeCompleteness(template: TemplateDefinition, answers: AnswersByItem, limits: Record<string, string> = {}): Completeness {
  const sections = template.sections.map((section): SectionCompleteness => {
    let answered = 0;
    let required = 0;
    let touched = Boolean(limits[section.key]?.trim());
    const missingItemKeys: string[] = [];
    const belowNormItemKeys: string[] = [];
    const cannotJudgeItemKeys: string[] = [];
    for (const item of section.items) {
      const answer = answers[item.key];
      const hasValue = isAnswered(answer?.value);
      if (hasValue || answer?.ambition) touched = true;
      if (item.required) {
        required += 1;
        if (hasValue) answered += 1;
        else missingItemKeys.push(item.key);
      }
      if (hasValue) {
        const status = evaluateNorm(item, answer);
        if (status === 'below') belowNormItemKeys.push(item.key);
        // Either norm: an answer the SWV's or the national norm cannot judge is flagged, never read as meeting it.
        if (status === 'cannot-judge' || evaluateNorm(item, answer, 'national') === 'cannot-judge') cannotJudgeItemKeys.push(item.key);
      }
    }
    const status: SectionStatus = missingItemKeys.length === 0 && (touched || required > 0) ? 'complete' : touched ? 'in_progress' : 'not_started';
    return { sectionKey: section.key, answered, required, missingItemKeys, belowNormItemKeys, cannotJudgeItemKeys, status };
  });
  const answered = sum(sections.map((s) => s.answered));
  const required = sum(sections.map((s) => s.required));
  return {
    sections,
    answered,
    required,
    percent: required === 0 ? 100 : Math.floor((answered / required) * 100),
    missingCount: required - answered,
    belowNormCount: sum(sections.map((s) => s.belowNormItemKeys.length)),
    cannotJudgeCount: sum(sections.map((s) => s.cannotJudgeItemKeys.length)),
  };
}

/** True when every required item has an answer: the profile may be submitted. */
export function isComplete(completeness: Completeness): boolean {
  return completeness.missingCount === 0;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
