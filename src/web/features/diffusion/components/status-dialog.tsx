import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AdoptionDetail, AdoptionStatus } from '@shared/contracts/diffusion';
import { DateField, Field } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { spreadErrors } from '@web/lib/field-errors';
import { toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { diffusionApi } from '../api';

/** Today's Bangkok date, YYYY-MM-DD. */
export function bangkokToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * "Change status": a modal dialog (native `<dialog>`, Escape closes it, focus returns to the button) with the next
 * statuses allowed, the date (not before the current step, not after today) and, for discontinued, the reason.
 */
export function StatusDialog({
  adoption,
  onChanged,
  onStale,
}: {
  adoption: AdoptionDetail;
  onChanged: (next: AdoptionDetail) => void;
  onStale: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [toStatus, setToStatus] = useState<AdoptionStatus | ''>('');
  const [occurredOn, setOccurredOn] = useState(bangkokToday());
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const wasOpen = useRef(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) {
      dialog.showModal();
    }
    if (open) {
      wasOpen.current = true;
    } else if (wasOpen.current) {
      wasOpen.current = false;
      openerRef.current?.focus();
    }
  }, [open]);

  if (adoption.nextStatuses.length === 0) {
    return null;
  }
  const start = () => {
    setToStatus(adoption.nextStatuses[0] ?? '');
    setOccurredOn(bangkokToday());
    setReason('');
    setNote('');
    setErrors({ fields: {}, rest: [] });
    setOpen(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!toStatus) {
      return;
    }
    setBusy(true);
    diffusionApi
      .changeStatus(adoption.id, { toStatus, occurredOn, reason, note, version: adoption.version })
      .then(
        (next) => {
          setBusy(false);
          setOpen(false);
          onChanged(next);
        },
        (error: unknown) => {
          setBusy(false);
          const spread = spreadErrors(
            toApiError(error),
            (name) => ['toStatus', 'occurredOn', 'reason', 'note'].includes(name),
            t,
          );
          setErrors({ fields: spread.fields, rest: spread.stale ? [t('diffusion.stale')] : spread.rest });
          if (spread.stale) {
            onStale();
          }
        },
      );
  };
  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className="button button--primary"
        aria-haspopup="dialog"
        onClick={start}
        data-testid="status-dialog-open"
      >
        {t('diffusion.adoption.changeStatus')}
      </button>
      {open ? (
        <dialog
          ref={dialogRef}
          className="df-dialog"
          aria-labelledby={`${id}-title`}
          onClose={() => setOpen(false)}
          data-testid="status-dialog"
        >
          <form className="df-dialog__body" onSubmit={submit} noValidate>
            <header>
              <h2 id={`${id}-title`}>{t('diffusion.statusDialog.title')}</h2>
              <p className="df-muted">
                {t('diffusion.statusDialog.current', {
                  status: t(`diffusion.status.${adoption.status}`),
                  date: formatDate(adoption.statusOn, lang, 'long'),
                })}
              </p>
            </header>
            {errors.rest.length > 0 ? (
              <FormAlert>
                {errors.rest.map((m) => (
                  <p key={m}>{m}</p>
                ))}
              </FormAlert>
            ) : null}
            <fieldset className="df-choices">
              <legend>{t('diffusion.statusDialog.to')}</legend>
              {adoption.nextStatuses.map((s) => (
                <label key={s} className="df-choice">
                  <input
                    type="radio"
                    name="toStatus"
                    value={s}
                    checked={toStatus === s}
                    onChange={() => setToStatus(s)}
                    data-testid={`status-${s}`}
                  />
                  {t(`diffusion.status.${s}`)}
                </label>
              ))}
              {errors.fields.toStatus ? <p className="field__error">{errors.fields.toStatus}</p> : null}
            </fieldset>
            <DateField
              label={t('diffusion.statusDialog.on')}
              value={occurredOn}
              onChange={setOccurredOn}
              min={adoption.statusOn}
              max={bangkokToday()}
              error={errors.fields.occurredOn}
              testId="status-date"
            />
            {toStatus === 'discontinued' ? (
              <Field label={t('diffusion.statusDialog.reason')} error={errors.fields.reason}>
                {(tie) => (
                  <textarea
                    {...tie}
                    rows={3}
                    maxLength={1000}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="status-reason"
                  />
                )}
              </Field>
            ) : (
              <Field label={t('diffusion.statusDialog.note')} error={errors.fields.note}>
                {(tie) => (
                  <textarea
                    {...tie}
                    rows={2}
                    maxLength={1000}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                )}
              </Field>
            )}
            <p className="df-actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={busy}
                data-testid="status-save"
              >
                {busy ? t('diffusion.saving') : t('diffusion.statusDialog.confirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
                {t('diffusion.cancel')}
              </button>
            </p>
          </form>
        </dialog>
      ) : null}
    </>
  );
}
