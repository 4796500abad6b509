import { useEffect, useId, useRef, useState } from 'react';
import {
  OUTCOMES_NEEDING_REASON,
  outcomesForStage,
  type DecisionOutcome,
  type Selection,
} from '@shared/contracts/decisions';
import { FieldError, FormAlert, describedBy } from '@web/components/ui/form';
import { bahtToSatang, satangToBahtText } from '@web/features/call-admin/baht';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatBaht, formatDate } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { decisionsApi } from '../api';
import '@web/components/ui/form.css';
import '@web/features/organisations/components/confirm-action.css';
import '../decisions.css';

export interface DecisionDialogProps {
  proposalId: string;
  stage: string;
  titleTh: string;
  requestedSatang: number;
  maxGrantSatang: number;
  current?: { outcome: string; amountSatang: number | null; reason: string; version: number } | null;
  onDecided: () => void;
}

interface Errors {
  outcome?: string | undefined;
  amount?: string | undefined;
  reason?: string | undefined;
}

const isOutcome = (stage: string, value: string): value is DecisionOutcome =>
  outcomesForStage(stage).some((o) => o === value);

/**
 * The officers' decision on one proposal, in a modal dialog: the outcome (those of the proposal's stage), the amount
 * of an award in baht (sent as satang) beside what was requested, the call's maximum and what is left of its budget,
 * and the reason (required for reject and revision). The server checks everything again; its field problems show
 * under the fields, a budget refusal or a newer decision above the buttons. `onDecided` runs after a saved decision.
 */
export function DecisionDialog({
  proposalId,
  stage,
  titleTh,
  requestedSatang,
  maxGrantSatang,
  current,
  onDecided,
}: DecisionDialogProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [outcome, setOutcome] = useState<string>(current?.outcome ?? '');
  const [amount, setAmount] = useState(satangToBahtText(current?.amountSatang ?? null));
  const [reason, setReason] = useState(current?.reason ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const outcomes = outcomesForStage(stage);
  const known = selection?.decision ?? null;
  const base = known
    ? {
        outcome: known.outcome,
        amountSatang: known.amountSatang,
        reason: known.reason,
        version: known.version,
      }
    : (current ?? null);

  /** The officer has changed a field since the dialog opened: a late answer must not overwrite it. */
  const edited = useRef(false);

  const load = (fill: 'untouched' | 'always' | 'never') => {
    decisionsApi.selection(proposalId).then(
      (data) => {
        setSelection(data);
        if (data.decision && (fill === 'always' || (fill === 'untouched' && !edited.current))) {
          setOutcome(data.decision.outcome);
          setAmount(satangToBahtText(data.decision.amountSatang));
          setReason(data.decision.reason);
        }
      },
      (error: unknown) => setProblem(apiErrorText(toApiError(error), t)),
    );
  };

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) {
      dialog.showModal();
    }
  }, [open]);

  const show = () => {
    setErrors({});
    setProblem(null);
    setSelection(null);
    setOutcome(current?.outcome ?? '');
    setAmount(satangToBahtText(current?.amountSatang ?? null));
    setReason(current?.reason ?? '');
    edited.current = false;
    setOpen(true);
    load('untouched');
  };

  const close = () => {
    dialogRef.current?.close();
    setOpen(false);
  };

  const max = selection?.budget.maxGrantSatang ?? maxGrantSatang;
  const requested = selection?.requestedSatang ?? requestedSatang;
  // what this proposal's own award (if any) holds counts as available to it
  const ownAward = known?.outcome === 'award' ? (known.amountSatang ?? 0) : 0;
  const available = selection ? selection.budget.remainingSatang + ownAward : null;
  const parsed = bahtToSatang(amount);
  const reasonNeeded = isOutcome(stage, outcome) && OUTCOMES_NEEDING_REASON.includes(outcome);

  const validate = (): Errors => {
    const found: Errors = {};
    if (!isOutcome(stage, outcome)) {
      found.outcome = t('forms.required');
    }
    if (outcome === 'award') {
      if (parsed === undefined) {
        found.amount = t('decisions.dialog.amountRequired');
      } else if (parsed === null || parsed < 1) {
        found.amount = t('decisions.dialog.amountInvalid');
      } else if (requested > 0 && parsed > requested) {
        found.amount = t('decisions.dialog.amountOverRequested', { requested: formatBaht(requested, lang) });
      } else if (parsed > max) {
        found.amount = t('decisions.dialog.amountOverMax', { max: formatBaht(max, lang) });
      } else if (available !== null && parsed > available) {
        found.amount = t('decisions.dialog.amountOverBudget', { remaining: formatBaht(available, lang) });
      }
    }
    if (reasonNeeded && reason.trim() === '') {
      found.reason = t('decisions.dialog.reasonMissing');
    }
    return found;
  };

  const save = () => {
    const found = validate();
    setErrors(found);
    setProblem(null);
    if (Object.values(found).some(Boolean) || !isOutcome(stage, outcome)) {
      return;
    }
    setBusy(true);
    decisionsApi
      .decide(proposalId, {
        outcome,
        reason: reason.trim(),
        ...(outcome === 'award' && typeof parsed === 'number' ? { amountSatang: parsed } : {}),
        ...(base ? { version: base.version } : {}),
      })
      .then(
        () => {
          setBusy(false);
          close();
          onDecided();
        },
        (raw: unknown) => {
          setBusy(false);
          const error = toApiError(raw);
          if (error.code === 'CONFLICT') {
            setProblem(t('decisions.dialog.stale'));
            load('always');
            return;
          }
          const issues = fieldIssues(error);
          if (issues.length > 0) {
            const at = (field: string) => issues.find((i) => i.field === field)?.message;
            setErrors({
              outcome: at('body.outcome'),
              amount: at('body.amountSatang'),
              reason: at('body.reason'),
            });
          } else {
            setProblem(apiErrorText(error, t));
            load('never');
          }
        },
      );
  };

  const amountId = `${id}-amount`;
  const reasonId = `${id}-reason`;
  const facts: Array<[string, string]> = [
    [t('decisions.dialog.requested'), formatBaht(requested, lang)],
    [t('decisions.dialog.max'), formatBaht(max, lang)],
    [
      t('decisions.dialog.remaining'),
      available === null ? t('decisions.dialog.loading') : formatBaht(available, lang),
    ],
  ];
  if (outcome === 'award' && available !== null && typeof parsed === 'number') {
    facts.push([t('decisions.dialog.remainingAfter'), formatBaht(available - parsed, lang)]);
  }

  return (
    <>
      <button
        type="button"
        className="action-button"
        onClick={show}
        aria-haspopup="dialog"
        data-testid="decision-open"
      >
        {current ? t('decisions.dialog.change') : t('decisions.dialog.open')}
      </button>
      {open ? (
        <dialog
          ref={dialogRef}
          className="dd-dialog"
          aria-labelledby={`${id}-title`}
          onClose={() => setOpen(false)}
          data-testid="decision-dialog"
        >
          <form
            method="dialog"
            className="dd-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <header className="dd-head">
              <h2 id={`${id}-title`}>{t('decisions.dialog.title')}</h2>
              <p className="dd-of">{t('decisions.dialog.of', { title: titleTh })}</p>
              {base ? (
                <p className="dd-current">
                  {t('decisions.dialog.current', {
                    outcome: isOutcome(stage, base.outcome)
                      ? t(`decisions.outcome.${base.outcome}`)
                      : base.outcome,
                  })}
                  {' · '}
                  {known?.notifiedAt
                    ? t('decisions.dialog.sent', { date: formatDate(known.notifiedAt, lang, 'dateTime') })
                    : t('decisions.dialog.unsent')}
                </p>
              ) : null}
            </header>

            <fieldset
              className="dd-outcomes"
              aria-describedby={describedBy(errors.outcome && `${id}-outcome-error`)}
            >
              <legend>{t('decisions.dialog.outcome')}</legend>
              {outcomes.map((o) => (
                <label key={o} className="dd-outcome" data-checked={outcome === o ? 'true' : undefined}>
                  <input
                    type="radio"
                    name={`${id}-outcome`}
                    value={o}
                    checked={outcome === o}
                    onChange={() => {
                      edited.current = true;
                      setOutcome(o);
                      setErrors({});
                    }}
                    data-testid={`decision-outcome-${o}`}
                  />
                  <span>{t(`decisions.outcome.${o}`)}</span>
                </label>
              ))}
              <FieldError id={`${id}-outcome-error`} message={errors.outcome} />
            </fieldset>

            <dl className="dd-facts" aria-live="polite">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>

            {outcome === 'award' ? (
              <div className="field form-field" data-invalid={errors.amount ? 'true' : undefined}>
                <label htmlFor={amountId}>{t('decisions.dialog.amount')}</label>
                <p id={`${amountId}-hint`} className="field__hint">
                  {t('decisions.dialog.amountHint')}
                </p>
                <input
                  id={amountId}
                  inputMode="decimal"
                  autoComplete="off"
                  value={amount}
                  onChange={(event) => {
                    edited.current = true;
                    setAmount(event.target.value);
                    setErrors((now) => ({ ...now, amount: undefined }));
                  }}
                  aria-invalid={errors.amount ? true : undefined}
                  aria-describedby={describedBy(`${amountId}-hint`, errors.amount && `${amountId}-error`)}
                  data-testid="decision-amount"
                />
                <FieldError id={`${amountId}-error`} message={errors.amount} />
              </div>
            ) : null}

            <div className="field form-field form-textarea" data-invalid={errors.reason ? 'true' : undefined}>
              <label htmlFor={reasonId}>
                {reasonNeeded ? t('decisions.dialog.reasonRequired') : t('decisions.dialog.reasonOptional')}
              </label>
              <textarea
                id={reasonId}
                rows={4}
                maxLength={5000}
                value={reason}
                onChange={(event) => {
                  edited.current = true;
                  setReason(event.target.value);
                  setErrors((now) => ({ ...now, reason: undefined }));
                }}
                aria-invalid={errors.reason ? true : undefined}
                aria-describedby={describedBy(errors.reason && `${reasonId}-error`)}
                data-testid="decision-reason"
              />
              <FieldError id={`${reasonId}-error`} message={errors.reason} />
            </div>

            {base && known?.notifiedAt ? (
              <p className="dd-note">{t('decisions.dialog.changeResends')}</p>
            ) : null}
            {problem ? <FormAlert testId="decision-error">{problem}</FormAlert> : null}

            <div className="form-actions dd-actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={busy}
                data-testid="decision-save"
              >
                {busy ? t('decisions.dialog.saving') : t('decisions.dialog.save')}
              </button>
              <button type="button" className="button button--secondary" onClick={close}>
                {t('decisions.dialog.cancel')}
              </button>
            </div>
          </form>
        </dialog>
      ) : null}
    </>
  );
}
