import { useId, useState, type ReactNode } from 'react';
import type { ProposalDetail } from '@shared/contracts/proposals';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { isOfficer } from '@web/features/call-admin/components/require-officer';
import { endOfBangkokDay } from '@web/features/call-admin/bangkok-time';
import { useAuth } from '@web/features/accounts/auth';
import { toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { intakeApi } from '../api';
import { EligibilityBadge } from './eligibility-cell';
import { ReasonFields } from './reason-fields';
import '@web/components/ui/form.css';
import '@web/features/organisations/components/confirm-action.css';
import '../intake.css';

type Panel = 'return' | 'eligibility' | 'invite' | null;

/** A button that opens or closes one of the step panels. */
function PanelToggle({
  open,
  onClick,
  testId,
  children,
}: {
  open: boolean;
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="action-button"
      aria-expanded={open}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

function CancelButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      {t('calls.admin.cancel')}
    </button>
  );
}

/**
 * Officers' steps on one proposal, shown on its read-only page: return it for revision with a comment and a due
 * date, set its eligibility with a recorded reason, and (two-stage calls) invite a concept note's organisation to
 * send a full proposal. Each step is offered only when the proposal's abilities allow it; the server checks again.
 * `onChanged` is called after each step, for the page to load the proposal again.
 */
export function OfficerProposalActions({
  proposal,
  onChanged,
}: {
  proposal: ProposalDetail;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const id = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [eligible, setEligible] = useState<boolean>(proposal.eligible !== true);
  const [errors, setErrors] = useState<{ reason?: string | undefined; due?: string | undefined }>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  const canInvite = proposal.stage === 'concept' && proposal.status === 'submitted';
  const { returnForRevision, overrideEligibility } = proposal.abilities;
  if (!isOfficer(me) || (!returnForRevision && !overrideEligibility && !canInvite)) {
    return null;
  }

  const open = (next: Panel) => {
    setPanel(panel === next ? null : next);
    setText('');
    setErrors({});
    setOutcome(null);
  };

  const run = (request: Promise<unknown>, done: string) => {
    setBusy(true);
    setOutcome(null);
    request.then(
      () => {
        setBusy(false);
        setPanel(null);
        setOutcome({ ok: true, message: done });
        onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setOutcome({ ok: false, message: apiErrorText(toApiError(error), t) });
      },
    );
  };

  const submitReturn = () => {
    const dueAt = endOfBangkokDay(due);
    const found = {
      reason: text.trim() === '' ? t('forms.required') : undefined,
      due: dueAt ? undefined : t('intake.actions.dueRequired'),
    };
    setErrors(found);
    if (found.reason || !dueAt) {
      return;
    }
    run(
      intakeApi.returnForRevision(proposal.id, { comment: text.trim(), dueAt }),
      t('intake.actions.returned'),
    );
  };

  const submitEligibility = () => {
    if (text.trim() === '') {
      setErrors({ reason: t('forms.required') });
      return;
    }
    run(
      intakeApi.overrideEligibility(proposal.id, { eligible, reason: text.trim() }),
      t('intake.actions.eligibilitySaved'),
    );
  };

  return (
    <section className="in-officer" aria-labelledby={`${id}-title`} data-testid="officer-actions">
      <h2 id={`${id}-title`}>{t('intake.actions.title')}</h2>
      <div className="in-officer__eligibility">
        <span>{t('intake.actions.currentEligibility')}</span>{' '}
        <EligibilityBadge eligible={proposal.eligible} overridden={proposal.eligibilityOverridden} />
      </div>
      <div className="in-officer__buttons">
        {returnForRevision ? (
          <PanelToggle open={panel === 'return'} onClick={() => open('return')} testId="officer-return">
            {t('intake.actions.return')}
          </PanelToggle>
        ) : null}
        {overrideEligibility ? (
          <PanelToggle
            open={panel === 'eligibility'}
            onClick={() => open('eligibility')}
            testId="officer-eligibility"
          >
            {t('intake.actions.override')}
          </PanelToggle>
        ) : null}
        {canInvite ? (
          <PanelToggle open={panel === 'invite'} onClick={() => open('invite')} testId="officer-invite">
            {t('intake.actions.invite')}
          </PanelToggle>
        ) : null}
      </div>

      {panel === 'return' || panel === 'eligibility' ? (
        <div className="in-officer__panel">
          {panel === 'eligibility' ? (
            <fieldset className="in-radios">
              <legend>{t('intake.actions.setEligibility')}</legend>
              {([true, false] as const).map((value) => (
                <div key={String(value)} className="form-check__row">
                  <input
                    id={`${id}-${value ? 'yes' : 'no'}`}
                    type="radio"
                    name={`${id}-eligible`}
                    checked={eligible === value}
                    onChange={() => setEligible(value)}
                  />
                  <label htmlFor={`${id}-${value ? 'yes' : 'no'}`}>
                    {value ? t('intake.eligibility.yes') : t('intake.eligibility.no')}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <ReasonFields
            id={`${id}-text`}
            label={panel === 'return' ? t('intake.actions.comment') : t('intake.actions.reason')}
            rows={4}
            maxLength={panel === 'return' ? 5000 : 2000}
            reason={text}
            onReasonChange={setText}
            due={due}
            onDueChange={setDue}
            withDue={panel === 'return'}
            errors={errors}
            onEdit={(field) => setErrors((now) => ({ ...now, [field]: undefined }))}
            testIds={{ reason: 'officer-text', due: 'officer-due' }}
          />
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={panel === 'return' ? submitReturn : submitEligibility}
              data-testid="officer-submit"
            >
              {busy
                ? t('forms.working')
                : panel === 'return'
                  ? t('intake.actions.returnConfirm')
                  : t('intake.actions.overrideConfirm')}
            </button>
            <CancelButton onClick={() => setPanel(null)} />
          </div>
        </div>
      ) : null}

      {panel === 'invite' ? (
        <div className="in-officer__panel" role="group" aria-labelledby={`${id}-invite`}>
          <p id={`${id}-invite`}>{t('intake.actions.inviteQuestion')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => run(intakeApi.inviteFull(proposal.id), t('intake.actions.invited'))}
              data-testid="officer-invite-confirm"
            >
              {busy ? t('forms.working') : t('intake.actions.inviteConfirm')}
            </button>
            <CancelButton onClick={() => setPanel(null)} />
          </div>
        </div>
      ) : null}

      <div aria-live="polite">{outcome?.ok ? <FormSuccess>{outcome.message}</FormSuccess> : null}</div>
      {outcome && !outcome.ok ? <FormAlert testId="officer-error">{outcome.message}</FormAlert> : null}
    </section>
  );
}
