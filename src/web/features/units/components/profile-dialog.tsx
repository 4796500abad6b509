import { useId, useState } from 'react';
import { UnitProfileSchema, type UnitProfile, type UnitProfileBody } from '@shared/contracts/driving-units';
import { FieldError, FormAlert, describedBy } from '@web/components/ui/form';
import { toApiError } from '@web/lib/api';
import { serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { unitsApi } from '../api';
import { UnitDialog } from './unit-dialog';

const TEXT_FIELDS = [
  'hostNameTh',
  'hostNameEn',
  'descriptionTh',
  'descriptionEn',
  'contactEmail',
  'contactPhone',
  'website',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Drafts = Record<TextField, string>;

const MULTILINE: ReadonlySet<TextField> = new Set(['descriptionTh', 'descriptionEn']);
const INPUT_TYPE: Partial<Record<TextField, string>> = {
  contactEmail: 'email',
  contactPhone: 'tel',
  website: 'url',
};

const draftsOf = (profile: UnitProfile): Drafts =>
  Object.fromEntries(TEXT_FIELDS.map((f) => [f, profile[f] ?? ''])) as Drafts;

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The unit's staff (and officers) keep its profile: host, introduction and contacts; a stale save loads the latest. */
export function ProfileDialog({
  unitId,
  profile,
  onSaved,
}: {
  unitId: string;
  profile: UnitProfile;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(profile));
  const [version, setVersion] = useState(profile.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (close: () => void) => {
    const body: UnitProfileBody = {
      hostNameTh: drafts.hostNameTh.trim(),
      hostNameEn: drafts.hostNameEn.trim(),
      descriptionTh: drafts.descriptionTh.trim(),
      descriptionEn: drafts.descriptionEn.trim(),
      contactEmail: orNull(drafts.contactEmail),
      contactPhone: orNull(drafts.contactPhone),
      website: orNull(drafts.website),
      version,
    };
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      await unitsApi.saveProfile(unitId, body);
      close();
      onSaved();
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'CONFLICT') {
        const latest = UnitProfileSchema.safeParse(
          (error.details as { current?: unknown } | undefined)?.current,
        );
        if (latest.success) {
          setDrafts(draftsOf(latest.data));
          setVersion(latest.data.version);
        }
        setProblem(t('units.profileDialog.stale'));
        onSaved();
      } else {
        const spread = serverFormErrors(error, TEXT_FIELDS, t);
        setErrors(spread.fields);
        setProblem(spread.form);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <UnitDialog
      openLabel={t('units.dashboard.editProfile')}
      title={t('units.profileDialog.title')}
      testId="un-profile"
      onOpen={() => {
        setDrafts(draftsOf(profile));
        setVersion(profile.version);
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
          {TEXT_FIELDS.map((field) => {
            const fieldId = `${id}-${field}`;
            const error = errors[field];
            const tie = {
              id: fieldId,
              value: drafts[field],
              'aria-invalid': error ? true : undefined,
              'aria-describedby': describedBy(error ? `${fieldId}-error` : undefined),
              'data-testid': `un-profile-${field}`,
            } as const;
            return (
              <div
                key={field}
                className={`field form-field${MULTILINE.has(field) ? ' form-textarea' : ''}`}
                data-invalid={error ? 'true' : undefined}
              >
                <label htmlFor={fieldId}>{t(`units.profileDialog.${field}`)}</label>
                {MULTILINE.has(field) ? (
                  <textarea
                    {...tie}
                    rows={4}
                    maxLength={5000}
                    onChange={(event) => setDrafts({ ...drafts, [field]: event.target.value })}
                  />
                ) : (
                  <input
                    {...tie}
                    type={INPUT_TYPE[field] ?? 'text'}
                    maxLength={500}
                    onChange={(event) => setDrafts({ ...drafts, [field]: event.target.value })}
                  />
                )}
                <FieldError id={`${fieldId}-error`} message={error} />
              </div>
            );
          })}
          {problem ? <FormAlert testId="un-profile-error">{problem}</FormAlert> : null}
          <div className="form-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="un-profile-save"
            >
              {t('units.profileDialog.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('units.profileDialog.cancel')}
            </button>
          </div>
        </form>
      )}
    </UnitDialog>
  );
}
