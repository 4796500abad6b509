import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { fieldIssues, type ApiError } from './api';
import { errorMessageKey, type MessageKey, type MessageValues } from './i18n';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** The parts of a Zod issue that pick its message. */
export interface IssueLike {
  code?: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
  input?: unknown;
}

/** Codes the client makes up itself (no server message to show): their text comes from the catalogue. */
const CLIENT_CODES = new Set(['NETWORK_ERROR', 'HTTP_ERROR', 'INVALID_RESPONSE', 'UNKNOWN']);

/** A Zod issue in the catalogue's words: "required", "at least 10 characters", "a valid email". */
export function issueMessage(issue: IssueLike, t: Translate): string {
  switch (issue.code ?? '') {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('forms.required')
          : t('forms.tooShort', { minimum: String(issue.minimum) });
      }
      return t('forms.invalid');
    case 'too_big':
      return issue.origin === 'string'
        ? t('forms.tooLong', { maximum: String(issue.maximum) })
        : t('forms.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('forms.email') : t('forms.invalid');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('forms.required')
        : t('forms.invalid');
    default:
      return t('forms.invalid');
  }
}

/**
 * A react-hook-form resolver from a shared contract schema, with messages in the UI language. `hints` gives the
 * message for fields whose rule is a pattern or a literal (phone, one-time code, consent), which Zod cannot word
 * for a person; refinements (`custom` issues) keep their own message.
 */
export function contractResolver<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
  t: Translate,
  hints: Partial<Record<string, MessageKey>> = {},
): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  const base = zodResolver(schema, { error: (issue) => issueMessage(issue as IssueLike, t) });
  return async (values, context, options) => {
    const result = await base(values, context, options);
    for (const [name, error] of Object.entries(result.errors)) {
      const hint = hints[name];
      if (hint && error && typeof error === 'object' && 'type' in error && error.type !== 'custom') {
        (error as { message?: string }).message = t(hint);
      }
    }
    return result;
  };
}

/** The text of an API error for a person: the server's localised message, or the catalogue's for client codes. */
export function apiErrorText(error: ApiError, t: Translate): string {
  if (CLIENT_CODES.has(error.code) || !error.message) {
    const key = errorMessageKey(error.code);
    return key ? t(key) : t('common.error');
  }
  return error.message;
}

export interface ServerFormErrors {
  /** Messages for the form's own fields, keyed by field name (`body.email` → `email`). */
  fields: Record<string, string>;
  /** The message to show above the form when no field took the error. */
  form: string | null;
}

/**
 * Spreads a failed request over the form: each `details.issues[]` entry whose field (`body.email`) names one of
 * `fieldNames` goes under that input; when none does, the top-level message is the form's error. Issues the
 * server wrote itself (no `messageEn`, e.g. "email taken") carry English text only, so they show the localised
 * top-level message instead.
 */
export function serverFormErrors(
  error: ApiError,
  fieldNames: readonly string[],
  t: Translate,
): ServerFormErrors {
  const fields: Record<string, string> = {};
  for (const issue of fieldIssues(error)) {
    const name = issue.field.replace(/^(body|query|params)\./, '');
    if (fieldNames.includes(name) && !(name in fields)) {
      fields[name] = issue.messageEn === undefined ? apiErrorText(error, t) : issue.message;
    }
  }
  return { fields, form: Object.keys(fields).length > 0 ? null : apiErrorText(error, t) };
}
