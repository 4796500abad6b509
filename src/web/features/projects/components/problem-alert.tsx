import { FormAlert } from '@web/components/ui/form';
import type { ApiError } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { spreadErrors } from '@web/lib/field-errors';

/** A failed command: the server's message, or each of its issues (e.g. the reports still to approve). */
export function ProblemAlert({ error, testId }: { error: ApiError | null; testId?: string }) {
  const { t } = useI18n();
  if (!error) {
    return null;
  }
  const { rest: lines } = spreadErrors(error, () => false, t);
  return (
    <FormAlert testId={testId}>
      {lines.map((line, index) => (
        <p key={`${index}-${line}`}>{line}</p>
      ))}
    </FormAlert>
  );
}
