import { useState } from 'react';
import type { CallDetail, CallStatus, CallTransition } from '@shared/contracts/calls';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { ConfirmAction } from '@web/features/organisations/components/confirm-action';
import { toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { callAdminApi } from '../api';
import { CallStatusBadge } from '../labels';

/** The steps a call may take from each status (the server checks again). */
export const TRANSITIONS: Record<CallStatus, readonly CallTransition[]> = {
  draft: ['publish', 'archive'],
  published: ['close'],
  closed: ['reopen', 'archive'],
  archived: [],
};

/** The call's status and its next steps, each asked once more before it is taken. */
export function CallStatusActions({
  call,
  onChanged,
}: {
  call: CallDetail;
  onChanged: (saved: CallDetail) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const run = (transition: CallTransition) => {
    setBusy(true);
    setOutcome(null);
    callAdminApi.transition(call.id, transition).then(
      (saved) => {
        setBusy(false);
        setOutcome({ ok: true, message: t(`calls.admin.actions.done.${saved.status}`) });
        onChanged(saved);
      },
      (error: unknown) => {
        setBusy(false);
        setOutcome({ ok: false, message: apiErrorText(toApiError(error), t) });
      },
    );
  };

  return (
    <div className="ca-status" data-testid="call-status">
      <p className="ca-status__now">
        <span>{t('calls.admin.actions.status')}</span> <CallStatusBadge status={call.status} />
      </p>
      <div className="ca-status__buttons">
        {TRANSITIONS[call.status].map((transition) => (
          <ConfirmAction
            key={transition}
            label={t(`calls.admin.actions.${transition}`)}
            question={t(`calls.admin.actions.confirm.${transition}`)}
            confirmLabel={t(`calls.admin.actions.${transition}`)}
            cancelLabel={t('calls.admin.cancel')}
            onConfirm={() => run(transition)}
            busy={busy}
            danger={transition === 'close' || transition === 'archive'}
            testId={`call-${transition}`}
          />
        ))}
      </div>
      <div aria-live="polite">{outcome?.ok ? <FormSuccess>{outcome.message}</FormSuccess> : null}</div>
      {outcome && !outcome.ok ? <FormAlert testId="transition-error">{outcome.message}</FormAlert> : null}
    </div>
  );
}
