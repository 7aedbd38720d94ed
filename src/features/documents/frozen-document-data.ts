/**
 * ProfileDocumentData as JSON and back, so a snapshot request can carry the document data as it
 * was at the transition (submitted, adopted): the job renders from these frozen data, not from
 * whatever the profile holds when the job runs. Dates travel as ISO strings, the logo as base64.
 */
import { z } from 'zod';
import type { ProfileDocumentData } from './document-data.js';

type Frozen = Omit<ProfileDocumentData, 'branding' | 'submittedAt' | 'councilAdvice' | 'adoption' | 'generatedAt'> & {
  branding: Omit<ProfileDocumentData['branding'], 'logo'> & { logo?: { base64: string; mimeType: 'image/png' | 'image/jpeg' } };
  submittedAt?: string;
  councilAdvice?: { date: string; text: string };
  adoption?: { date: string; by: string };
  generatedAt: string;
};

export function freezeDocumentData(data: ProfileDocumentData): string {
  const { logo, ...branding } = data.branding;
  const frozen: Frozen = {
    ...data,
    branding: { ...branding, ...(logo ? { logo: { base64: Buffer.from(logo.data).toString('base64'), mimeType: logo.mimeType } } : {}) },
    ...(data.submittedAt ? { submittedAt: data.submittedAt.toISOString() } : { submittedAt: undefined }),
    ...(data.councilAdvice ? { councilAdvice: { date: data.councilAdvice.date.toISOString(), text: data.councilAdvice.text } } : { councilAdvice: undefined }),
    ...(data.adoption ? { adoption: { date: data.adoption.date.toISOString(), by: data.adoption.by } } : { adoption: undefined }),
    generatedAt: data.generatedAt.toISOString(),
  };
  return JSON.stringify(frozen);
}

const frozenShape = z.object({ branding: z.object({ partnershipName: z.string() }).loose(), school: z.object({ name: z.string() }).loose(), generatedAt: z.string() }).loose();

export function thawDocumentData(json: string): ProfileDocumentData {
  const frozen = frozenShape.parse(JSON.parse(json)) as unknown as Frozen;
  const { logo, ...branding } = frozen.branding;
  return {
    ...frozen,
    branding: { ...branding, logo: logo ? { data: new Uint8Array(Buffer.from(logo.base64, 'base64')), mimeType: logo.mimeType } : undefined },
    submittedAt: frozen.submittedAt ? new Date(frozen.submittedAt) : undefined,
    councilAdvice: frozen.councilAdvice ? { date: new Date(frozen.councilAdvice.date), text: frozen.councilAdvice.text } : undefined,
    adoption: frozen.adoption ? { date: new Date(frozen.adoption.date), by: frozen.adoption.by } : undefined,
    generatedAt: new Date(frozen.generatedAt),
  };
}
