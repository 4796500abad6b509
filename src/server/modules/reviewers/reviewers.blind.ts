/**
 * Blind review: what a reviewer sees of a proposal when the call hides applicants. Pure functions, no database.
 *
 * - The organisation, its co-applicants and the author are not named.
 * - Answers to question types that name people (team tables) are withheld entirely.
 * - Everywhere else (title, every text answer), the names, registration numbers, addresses, e-mail addresses and
 *   phone numbers of the applicant and co-applicant organisations and of their members are blanked out, and so is any
 *   e-mail address or phone number at all.
 * - Attachments keep their content (the reviewer needs it) but get neutral names: `attachment-1.pdf`, …
 */
import type { FormDefinition, QuestionType } from '@shared/contracts/forms';
import type { ReviewerProposal } from '@shared/contracts/reviewers';
import { allQuestions } from '@shared/forms/validate';

/** Question types whose answers identify people. */
export const IDENTIFYING_QUESTION_TYPES: readonly QuestionType[] = ['team_table'];

/** What replaces an identifying piece of text. */
export const REDACTED = '█████';

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
/** Nine or more digits, possibly split by spaces, dashes or dots (phone numbers, 13-digit registration numbers). */
const LONG_NUMBER = /\+?\d(?:[\s.-]?\d){8,}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A function that blanks out the given identifying strings (whole, and for people's names also each part of at
 * least four characters), e-mail addresses and long numbers.
 */
export function makeScrubber(
  identifying: ReadonlyArray<string | null | undefined>,
): (text: string) => string {
  const terms = new Set<string>();
  for (const value of identifying) {
    const text = value?.trim();
    if (!text || text.length < 3) {
      continue;
    }
    terms.add(text);
    for (const part of text.split(/\s+/)) {
      if (part.length >= 4) {
        terms.add(part);
      }
    }
  }
  const ordered = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = ordered.length > 0 ? new RegExp(ordered.join('|'), 'giu') : null;
  return (text: string) => {
    let result = text.replace(EMAIL, REDACTED).replace(LONG_NUMBER, REDACTED);
    if (pattern) {
      result = result.replace(pattern, REDACTED);
    }
    return result;
  };
}

/** Applies the scrubber to every string inside a JSON value. */
export function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') {
    return scrub(value);
  }
  if (Array.isArray(value)) {
    return value.map((v) => scrubDeep(v, scrub));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, scrub)]));
  }
  return value;
}

/** `attachment-<n>.<ext>`: the position among the proposal's attachments and the original extension only. */
export function neutralFileName(index: number, original: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(original);
  return `attachment-${index + 1}${match ? `.${match[1]?.toLowerCase() ?? ''}` : ''}`;
}

/** The blind version of a proposal view. */
export function blindProposal(
  view: ReviewerProposal,
  definition: FormDefinition,
  identifying: ReadonlyArray<string | null | undefined>,
): ReviewerProposal {
  const scrub = makeScrubber(identifying);
  const withheld = new Set(
    allQuestions(definition)
      .filter((q) => IDENTIFYING_QUESTION_TYPES.includes(q.type))
      .map((q) => q.id),
  );
  const answers: Record<string, unknown> = {};
  for (const [questionId, value] of Object.entries(view.answers)) {
    if (!withheld.has(questionId)) {
      answers[questionId] = scrubDeep(value, scrub);
    }
  }
  return {
    ...view,
    titleTh: scrub(view.titleTh),
    titleEn: scrub(view.titleEn),
    isBlind: true,
    organisationNameTh: null,
    organisationNameEn: null,
    coApplicants: [],
    answers,
    redactedQuestionIds: [...withheld].filter((id) => id in view.answers),
    attachments: view.attachments.map((a, i) => ({ ...a, fileName: neutralFileName(i, a.fileName) })),
  };
}
