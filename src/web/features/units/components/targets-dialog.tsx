import { useId, useState } from 'react';
import {
  UNIT_MEASURES,
  TARGET_MAX,
  type UnitDashboard,
  type UnitMeasure,
} from '@shared/contracts/driving-units';
import { FieldError, FormAlert, describedBy } from '@web/components/ui/form';
import { toApiError } from '@web/lib/api';
import { serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { unitsApi } from '../api';
import { UnitDialog } from './unit-dialog';

type Drafts = Record<UnitMeasure, string>;

const draftsOf = (dashboard: UnitDashboard): Drafts =>
  Object.fromEntries(
    UNIT_MEASURES.map((m) => [m, String(dashboard.measures.find((r) => r.measure === m)?.target ?? '')]),
  ) as Drafts;

/** Officers set the unit's targets for the dashboard's fiscal year: one whole number per measure, or none. */
export function TargetsDialog({ dashboard, onSaved }: { dashboard: UnitDashboard; onSaved: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(dashboard));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (close: () => void) => {
    const local: Record<string, string> = {};
    const targets = UNIT_MEASURES.map((measure, index) => {
      const text = drafts[measure].trim();
      if (text === '') {
        return { measure, target: null };
      }
      const value = Number(text);
      if (!/^\d+$/.test(text) || value > TARGET_MAX) {
        local[`targets.${index}.target`] = t('units.targetsDialog.invalid');
      }
      return { measure, target: value };
    });
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) {
      return;
    }
    setBusy(true);
    try {
      await unitsApi.saveTargets(dashboard.unit.id, { fiscalYear: dashboard.fiscalYear, targets });
      close();
      onSaved();
    } catch (caught) {
      const spread = serverFormErrors(
        toApiError(caught),
        UNIT_MEASURES.flatMap((_m, i) => [`targets.${i}.target`, `targets.${i}.measure`]),
        t,
      );
      setErrors(spread.fields);
      setProblem(spread.form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <UnitDialog
      openLabel={t('units.dashboard.editTargets')}
      title={t('units.targetsDialog.title', { year: dashboard.fiscalYear })}
      subtitle={t('units.targetsDialog.intro')}
      testId="un-targets"
      onOpen={() => {
        setDrafts(draftsOf(dashboard));
        setErrors({});
        setProblem(null);
      }}
    >
      {(close) => (
        <form
          className="un-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit(close);
          }}
        >
          <div className="un-targets-grid">
            {UNIT_MEASURES.map((measure, index) => {
              const fieldId = `${id}-${measure}`;
              const error = errors[`targets.${index}.target`] ?? errors[`targets.${index}.measure`];
              return (
                <div key={measure} className="field form-field" data-invalid={error ? 'true' : undefined}>
                  <label htmlFor={fieldId}>{t(`units.measure.${measure}`)}</label>
                  <input
                    id={fieldId}
                    inputMode="numeric"
                    value={drafts[measure]}
                    onChange={(event) => setDrafts({ ...drafts, [measure]: event.target.value })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy(error ? `${fieldId}-error` : undefined)}
                    data-testid={`un-target-${measure}`}
                  />
                  <FieldError id={`${fieldId}-error`} message={error} />
                </div>
              );
            })}
          </div>
          {problem ? <FormAlert testId="un-targets-error">{problem}</FormAlert> : null}
          <div className="form-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="un-targets-save"
            >
              {t('units.targetsDialog.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('units.targetsDialog.cancel')}
            </button>
          </div>
        </form>
      )}
    </UnitDialog>
  );
}
