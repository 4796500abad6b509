import { FormDefinitionSchema, type FormDefinition } from '@shared/contracts/forms';
import type { FieldIssue } from '@shared/contracts/common';
import { issueMessage, type IssueLike, type Translate } from '@web/lib/forms';
import type { MessageKey } from '@web/lib/i18n';

/** Problems of a form definition by path: `sections.0.questions.2.labelTh` → message. */
export type BuilderIssues = Map<string, string>;

interface ZodIssueLike extends IssueLike {
  path: PropertyKey[];
  message: string;
}

/** A message for one problem: the catalogue's key for our own rules, a rule for ids, or the usual wording. */
function messageOf(issue: ZodIssueLike, t: Translate): string {
  if (issue.code === 'custom' && issue.message.startsWith('errors.')) {
    return t(issue.message as MessageKey);
  }
  const last = issue.path[issue.path.length - 1];
  const isKey = last === 'id' || last === 'value' || last === 'questionId';
  if (issue.code === 'invalid_format' && isKey) {
    return t('calls.admin.builder.idRule');
  }
  if (issue.code === 'too_small' && issue.origin === 'array' && last === 'sections') {
    return t('calls.admin.builder.needSection');
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return t('calls.admin.builder.needOne');
  }
  return issueMessage(issue, t);
}

/** Checks a definition with the shared contract (the same check the server makes) and words each problem. */
export function checkDefinition(definition: FormDefinition, t: Translate): BuilderIssues {
  const issues: BuilderIssues = new Map();
  const result = FormDefinitionSchema.safeParse(definition);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!issues.has(path)) {
        issues.set(path, messageOf(issue, t));
      }
    }
  }
  return issues;
}

/** The server's field problems (`body.definition.sections.0.id`) by the builder's paths (`sections.0.id`). */
export function serverIssues(issues: readonly FieldIssue[], fallback: string): BuilderIssues {
  const found: BuilderIssues = new Map();
  for (const issue of issues) {
    const path = issue.field.replace(/^body\./, '').replace(/^definition\.?/, '');
    if (!found.has(path)) {
      found.set(path, issue.messageEn === undefined ? fallback : issue.message);
    }
  }
  return found;
}

/** The problems at `prefix` or below it, with the rest of their path (`''` for the item itself). */
export function issuesUnder(issues: BuilderIssues, prefix: string): Array<{ rest: string; message: string }> {
  const found: Array<{ rest: string; message: string }> = [];
  for (const [path, message] of issues) {
    if (path === prefix) {
      found.push({ rest: '', message });
    } else if (path.startsWith(`${prefix}.`)) {
      found.push({ rest: path.slice(prefix.length + 1), message });
    }
  }
  return found;
}
