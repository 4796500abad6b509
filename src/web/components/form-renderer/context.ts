import { createContext, use } from 'react';
import type { Attachment } from '@shared/contracts/proposals';
import type { AnswerIssue, Answers, FormDefinition } from '@shared/contracts/forms';

/** How a file question sends, removes and links files (absent in previews: files cannot be attached there). */
export interface FileHandlers {
  /** Files already stored for this proposal (for names and sizes). */
  attachments: readonly Attachment[];
  upload: (questionId: string, file: File, onProgress: (fraction: number) => void) => Promise<Attachment>;
  remove: (attachment: Attachment) => Promise<void>;
  downloadHref: (attachment: Attachment) => string;
}

/** The grant range of the call: budget tables show their total against it. */
export interface GrantRange {
  minSatang: number;
  maxSatang: number;
}

/** A change to one answer, from the answer before it (uploads finish later than the change that started them). */
export type AnswerUpdate = (previous: unknown) => unknown;

export interface RendererContextValue {
  form: FormDefinition;
  answers: Answers;
  readOnly: boolean;
  /** Prefix of element ids, so that two renderers on one page do not clash. */
  prefix: string;
  issues: readonly AnswerIssue[];
  update: (questionId: string, change: AnswerUpdate) => void;
  touch: (questionId: string) => void;
  files: FileHandlers | null;
  grant: GrantRange | null;
}

export const RendererContext = createContext<RendererContextValue | null>(null);

export function useRenderer(): RendererContextValue {
  const value = use(RendererContext);
  if (!value) {
    throw new Error('Form questions must be rendered inside <FormRenderer>');
  }
  return value;
}
