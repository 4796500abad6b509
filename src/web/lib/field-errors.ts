import { fieldIssues, type ApiError } from '@web/lib/api';
import { apiErrorText, type Translate } from '@web/lib/forms';

/** A failed request spread over a form: messages by field path (`body.budgetLines.0.amountSatang` → that key). */
export interface SpreadErrors {
  fields: Record<string, string>;
  /** The issues no field of the form shows, and the top-level message when there are no issues. */
  rest: string[];
  /** Someone saved first (409 CONFLICT on a version). */
  stale: boolean;
}

/**
 * Spreads an API error over a form whose fields are named by `shown` (paths without `body.`); the server words its
 * field problems in the request's language.
 */
export function spreadErrors(error: ApiError, shown: (field: string) => boolean, t: Translate): SpreadErrors {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  const issues = fieldIssues(error);
  for (const issue of issues) {
    const name = issue.field.replace(/^(body|query|params)\./, '');
    if (shown(name) && !(name in fields)) {
      fields[name] = issue.message;
    } else {
      rest.push(issue.message);
    }
  }
  if (issues.length === 0) {
    rest.push(apiErrorText(error, t));
  }
  return { fields, rest, stale: error.code === 'CONFLICT' && issues.length === 0 };
}
