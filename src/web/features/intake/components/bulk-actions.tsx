import { useId, useState } from 'react';
import { BULK_ACTIONS, type BulkResult, type ProposalSummary } from '@shared/contracts/proposals';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { endOfBangkokDay } from '@web/features/call-admin/bangkok-time';
import { toApiError } from '@web/lib/api';
import { localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { intakeApi } from '../api';
import { ReasonFields } from './reason-fields';

type BulkAction = (typeof BULK_ACTIONS)[number];

/**
 * Actions on the ticked proposals: mark eligible / ineligible with a reason, or return for revision with a comment
 * and a due date. The server answers which were done and why each of the others was not.
 */
export function BulkActions({
  callId,
  selected,
  onDone,
  onClear,
}: {
  callId: string;
  selected: ProposalSummary[];
  onDone: () => void;
  onClear: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [action, setAction] = useState<BulkAction>('mark_eligible');
  const [reason, setReason] = useState('');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; due?: string }>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ answer: BulkResult; titles: Map<string, string> } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const apply = () => {
    const found: { reason?: string; due?: string } = {};
    if (reason.trim() === '') {
      found.reason = t('forms.required');
    }
    const dueAt = action === 'return_for_revision' ? endOfBangkokDay(due) : undefined;
    if (action === 'return_for_revision' && !dueAt) {
      found.due = t('intake.actions.dueRequired');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    setBusy(true);
    setFailure(null);
    setResult(null);
    const titles = new Map(selected.map((p) => [p.id, p.receiptNumber ?? localText(p, 'title', lang)]));
    intakeApi
      .bulk(callId, {
        action,
        ids: selected.map((p) => p.id),
        reason: reason.trim(),
        ...(dueAt ? { dueAt } : {}),
      })
      .then(
        (answer) => {
          setBusy(false);
          setResult({ answer, titles });
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
    <section className="in-bulk" aria-labelledby={`${id}-title`} data-testid="bulk-actions">
      <h2 id={`${id}-title`} className="in-bulk__title">
        {t('intake.bulk.title', { count: selected.length })}
      </h2>
      {selected.length > 0 ? (
        <div className="in-bulk__form">
          <div className="field form-field">
            <label htmlFor={`${id}-action`}>{t('intake.bulk.action')}</label>
            <select
              id={`${id}-action`}
              value={action}
              onChange={(event) => setAction(event.target.value as BulkAction)}
              data-testid="bulk-action"
            >
              {BULK_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`intake.bulk.actions.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <ReasonFields
            id={`${id}-reason`}
            label={
              action === 'return_for_revision' ? t('intake.actions.comment') : t('intake.actions.reason')
            }
            rows={3}
            maxLength={5000}
            reason={reason}
            onReasonChange={setReason}
            due={due}
            onDueChange={setDue}
            withDue={action === 'return_for_revision'}
            errors={errors}
            onEdit={(field) => setErrors((now) => ({ ...now, [field]: undefined }))}
            testIds={{ reason: 'bulk-reason', due: 'bulk-due' }}
          />
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={apply}
              disabled={busy}
              data-testid="bulk-apply"
            >
              {busy ? t('forms.working') : t('intake.bulk.apply', { count: selected.length })}
            </button>
            <button type="button" className="button button--secondary" onClick={onClear}>
              {t('intake.bulk.clear')}
            </button>
          </div>
        </div>
      ) : (
        <p className="in-muted">{t('intake.bulk.hint')}</p>
      )}
      <div aria-live="polite" data-testid="bulk-result">
        {result ? (
          <>
            {result.answer.done.length > 0 ? (
              <FormSuccess>{t('intake.bulk.done', { count: result.answer.done.length })}</FormSuccess>
            ) : null}
            {result.answer.failed.length > 0 ? (
              <FormAlert>
                <p>{t('intake.bulk.failed', { count: result.answer.failed.length })}</p>
                <ul className="in-bulk__failures">
                  {result.answer.failed.map((f) => (
                    <li key={f.id}>
                      <strong>{result.titles.get(f.id) ?? f.id}</strong>: {f.message}
                    </li>
                  ))}
                </ul>
              </FormAlert>
            ) : null}
          </>
        ) : null}
      </div>
      {failure ? <FormAlert testId="bulk-error">{failure}</FormAlert> : null}
    </section>
  );
}
