import { useState } from 'react';
import { fieldIssues, toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';

/**
 * Runs one command of a panel (publish, upload, save the package …): busy while it runs, then `onDone`; a failure
 * shows the first field issue's message (or the error's), and a stale version reloads the entry.
 */
export function usePanelAction(onDone: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (send: () => Promise<unknown>, after: () => void = onDone) => {
    setBusy(true);
    setProblem(null);
    send()
      .then(after, (caught: unknown) => {
        const error = toApiError(caught);
        const issues = fieldIssues(error);
        if (error.code === 'CONFLICT' && issues.length === 0) {
          setProblem(t('innovations.editor.stale'));
          onDone();
          return;
        }
        setProblem(issues.map((i) => i.message).join(' · ') || apiErrorText(error, t));
      })
      .finally(() => setBusy(false));
  };
  return { busy, problem, run };
}
