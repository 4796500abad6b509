import { useId, useState } from 'react';
import type { BulkResult, ProposalSummary } from '@shared/contracts/proposals';
import type { ScreeningResult } from '@shared/contracts/decisions';
import { FieldError, FormAlert, FormSuccess, describedBy } from '@web/components/ui/form';
import { toApiError } from '@web/lib/api';
import { localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { decisionsApi } from '../api';
import '../decisions.css';

/**
 * Screening of the proposals ticked on the intake page: pass them into review or fail them out, with one reason. The
 * server screens each one on its own and says which were done and why each of the others was not (a failure, or
 * passing an ineligible proposal, needs the reason).
 */
export function ScreeningBulkActions({
  callId,
  selected,
  onDone,
}: {
  callId: string;
  selected: ProposalSummary[];
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [result, setResult] = useState<ScreeningResult>('passed');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ result: BulkResult; titles: Map<string, string> } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const submitted = selected.filter((p) => p.status === 'submitted');
  if (selected.length === 0) {
    return null;
  }

  const apply = () => {
    if (result === 'failed' && reason.trim() === '') {
      setReasonError(t('decisions.dialog.reasonMissing'));
      return;
    }
    setBusy(true);
    setFailure(null);
    setAnswer(null);
    const titles = new Map(selected.map((p) => [p.id, p.receiptNumber ?? localText(p, 'title', lang)]));
    decisionsApi.screenMany(callId, { ids: selected.map((p) => p.id), result, reason: reason.trim() }).then(
      (done) => {
        setBusy(false);
        setAnswer({ result: done, titles });
        setReason('');
        onDone();
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(apiErrorText(toApiError(error), t));
      },
    );
  };

  return (
    <section className="dd-bulk" aria-labelledby={`${id}-title`} data-testid="screening-bulk">
      <h2 id={`${id}-title`} className="dd-bulk__title">
        {t('decisions.bulk.title', { count: selected.length })}
      </h2>
      <div className="dd-bulk__row">
        <fieldset className="dd-outcomes dd-outcomes--inline">
          <legend>{t('decisions.bulk.result')}</legend>
          {(['passed', 'failed'] as const).map((value) => (
            <label key={value} className="dd-outcome" data-checked={result === value ? 'true' : undefined}>
              <input
                type="radio"
                name={`${id}-result`}
                checked={result === value}
                onChange={() => {
                  setResult(value);
                  setReasonError(undefined);
                }}
                data-testid={`bulk-screening-${value}`}
              />
              <span>
                {value === 'passed' ? t('decisions.screening.pass') : t('decisions.screening.fail')}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field form-field dd-bulk__reason" data-invalid={reasonError ? 'true' : undefined}>
          <label htmlFor={`${id}-reason`}>{t('decisions.bulk.reason')}</label>
          <input
            id={`${id}-reason`}
            maxLength={5000}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError(undefined);
            }}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={describedBy(reasonError && `${id}-reason-error`)}
            data-testid="bulk-screening-reason"
          />
          <FieldError id={`${id}-reason-error`} message={reasonError} />
        </div>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || submitted.length === 0}
          onClick={apply}
          data-testid="bulk-screening-apply"
        >
          {busy ? t('forms.working') : t('decisions.bulk.apply', { count: selected.length })}
        </button>
      </div>
      <div aria-live="polite">
        {answer && answer.result.done.length > 0 ? (
          <FormSuccess>{t('decisions.bulk.done', { count: answer.result.done.length })}</FormSuccess>
        ) : null}
      </div>
      {answer && answer.result.failed.length > 0 ? (
        <FormAlert testId="bulk-screening-failed">
          <p>{t('decisions.bulk.failed', { count: answer.result.failed.length })}</p>
          <ul>
            {answer.result.failed.map((f) => (
              <li key={f.id}>
                {answer.titles.get(f.id) ?? f.id}: {f.message}
              </li>
            ))}
          </ul>
        </FormAlert>
      ) : null}
      {failure ? <FormAlert>{failure}</FormAlert> : null}
    </section>
  );
}
