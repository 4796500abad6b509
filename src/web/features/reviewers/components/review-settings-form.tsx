import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ReviewSettings, UpdateReviewSettingsBody } from '@shared/contracts/reviewers';
import {
  CheckboxField,
  FormSuccess,
  SaveProblemAlert,
  SubmitButton,
  TextField,
} from '@web/components/ui/form';
import { BangkokDateTimeField } from '@web/features/call-admin/components/bangkok-date-time-field';
import { bangkokToIso, isoToBangkok, type BangkokDateTime } from '@web/features/call-admin/bangkok-time';
import { toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { reviewersApi } from '../api';

interface Values {
  reviewersPerProposal: string;
  disagreementPoints: string;
  sameProvinceConflict: boolean;
  blindApplicants: boolean;
  hideOtherReviews: boolean;
  shareFeedback: boolean;
  hasPanel: boolean;
  peoplesChoice: boolean;
  opensAt: BangkokDateTime;
  closesAt: BangkokDateTime;
}

function toValues(s: ReviewSettings): Values {
  return {
    reviewersPerProposal: String(s.reviewersPerProposal),
    disagreementPoints: String(s.disagreementPoints),
    sameProvinceConflict: s.sameProvinceConflict,
    blindApplicants: s.blindApplicants,
    hideOtherReviews: s.hideOtherReviews,
    shareFeedback: s.shareFeedback,
    hasPanel: s.hasPanel,
    peoplesChoice: s.peoplesChoice,
    opensAt: isoToBangkok(s.peoplesChoiceOpensAt),
    closesAt: isoToBangkok(s.peoplesChoiceClosesAt),
  };
}

const FLAGS = [
  'blindApplicants',
  'hideOtherReviews',
  'sameProvinceConflict',
  'shareFeedback',
  'hasPanel',
  'peoplesChoice',
] as const;

/** The call's review settings (officers): numbers, the blind and conflict options, and the people's-choice window. */
export function ReviewSettingsForm({
  callId,
  settings: initial,
  onSaved,
  onReload,
}: {
  callId: string;
  settings: ReviewSettings;
  onSaved: (settings: ReviewSettings) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const [settings, setSettings] = useState(initial);
  const { register, handleSubmit, control, reset } = useForm<Values>({ defaultValues: toValues(initial) });
  const values = useWatch({ control });
  const [problem, setProblem] = useState<{ kind: 'error' | 'stale'; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const dateFields = (name: 'opensAt' | 'closesAt') => ({
    day: register(`${name}.day`),
    month: register(`${name}.month`),
    yearBe: register(`${name}.yearBe`),
    time: register(`${name}.time`),
  });

  const submit = handleSubmit(async (v) => {
    setBusy(true);
    setProblem(null);
    setSaved(false);
    const body: UpdateReviewSettingsBody = {
      version: settings.version,
      reviewersPerProposal: Number(v.reviewersPerProposal),
      disagreementPoints: Number(v.disagreementPoints),
      sameProvinceConflict: v.sameProvinceConflict,
      blindApplicants: v.blindApplicants,
      hideOtherReviews: v.hideOtherReviews,
      shareFeedback: v.shareFeedback,
      hasPanel: v.hasPanel,
      peoplesChoice: v.peoplesChoice,
      peoplesChoiceOpensAt: bangkokToIso(v.opensAt),
      peoplesChoiceClosesAt: bangkokToIso(v.closesAt),
    };
    try {
      const next = await reviewersApi.saveSettings(callId, body);
      setSettings(next);
      reset(toValues(next));
      setSaved(true);
      onSaved(next);
    } catch (error) {
      const apiError = toApiError(error);
      setProblem({
        kind: apiError.status === 409 ? 'stale' : 'error',
        message: apiError.status === 409 ? t('reviewers.admin.settings.stale') : apiErrorText(apiError, t),
      });
    } finally {
      setBusy(false);
    }
  });

  return (
    <form
      className="form panel-form rv-settings"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="review-settings"
    >
      <div className="panel-form__grid">
        <TextField
          label={t('reviewers.admin.settings.reviewersPerProposal')}
          type="number"
          min={1}
          max={10}
          inputMode="numeric"
          registration={register('reviewersPerProposal')}
        />
        <TextField
          label={t('reviewers.admin.settings.disagreementPoints')}
          type="number"
          min={1}
          max={100}
          inputMode="numeric"
          registration={register('disagreementPoints')}
        />
      </div>
      <div className="rv-flags">
        {FLAGS.map((flag) => (
          <CheckboxField
            key={flag}
            label={t(`reviewers.admin.settings.${flag}`)}
            registration={register(flag)}
            data-testid={`setting-${flag}`}
          />
        ))}
      </div>
      {values.peoplesChoice ? (
        <div className="panel-form__grid">
          <BangkokDateTimeField
            legend={t('reviewers.admin.settings.opensAt')}
            value={{ ...toValues(settings).opensAt, ...values.opensAt }}
            fields={dateFields('opensAt')}
          />
          <BangkokDateTimeField
            legend={t('reviewers.admin.settings.closesAt')}
            value={{ ...toValues(settings).closesAt, ...values.closesAt }}
            fields={dateFields('closesAt')}
          />
        </div>
      ) : null}
      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('reviewers.admin.settings.reload')}
          onReloadLatest={onReload}
        />
      ) : null}
      {saved ? <FormSuccess>{t('reviewers.admin.settings.saved')}</FormSuccess> : null}
      <div className="button-row">
        <SubmitButton busy={busy} busyLabel={t('reviewers.admin.settings.saving')}>
          {t('reviewers.admin.settings.save')}
        </SubmitButton>
      </div>
    </form>
  );
}
