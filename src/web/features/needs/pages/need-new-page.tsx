import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CreateNeedBodySchema, NEED_LIMITS, NEED_REQUESTER_TYPES } from '@shared/contracts/needs';
import { THEMES } from '@shared/reference/themes';
import { FieldError, FormAlert, SubmitButton, describedBy } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { toApiError } from '@web/lib/api';
import { spreadErrors } from '@web/lib/field-errors';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useMetaDescription } from '@web/lib/page-title';
import { needsApi } from '../api';
import { issuesByField } from '../labels';
import { EMPTY_SITE, SiteFields, siteBody, type SiteValues } from '../components/site-fields';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../needs.css';

interface TextValues {
  theme: string;
  titleTh: string;
  descriptionTh: string;
  peopleAffected: string;
  requesterName: string;
  requesterOrganisation: string;
  requesterType: string;
  contactEmail: string;
  contactPhone: string;
}

const EMPTY: TextValues = {
  theme: '',
  titleTh: '',
  descriptionTh: '',
  peopleAffected: '',
  requesterName: '',
  requesterOrganisation: '',
  requesterType: '',
  contactEmail: '',
  contactPhone: '',
};

/** `/needs/new`: the public form for a need for innovation (no sign-in); the need waits for staff. */
export default function NeedNewPage() {
  const { t, lang } = useI18n();
  const id = useId();
  usePageTitle(t('needs.form.title'));
  useMetaDescription(t('needs.form.intro'));
  const [values, setValues] = useState<TextValues>(EMPTY);
  const [site, setSite] = useState<SiteValues>(EMPTY_SITE);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const set = (key: keyof TextValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateNeedBodySchema.safeParse({
      ...values,
      theme: values.theme || undefined,
      requesterType: values.requesterType || undefined,
      peopleAffected: values.peopleAffected === '' ? 0 : Number(values.peopleAffected),
      ...siteBody(site),
      consent,
    });
    const contactMissing = values.contactEmail.trim() === '' && values.contactPhone.trim() === '';
    if (!parsed.success || contactMissing) {
      const required = t('forms.required');
      const fields = parsed.success
        ? {}
        : issuesByField(parsed.error.issues, t, {
            theme: values.theme === '' ? required : undefined,
            requesterType: values.requesterType === '' ? required : undefined,
            provinceCode: site.provinceCode === '' ? required : undefined,
            consent: t('errors.needs.CONSENT_REQUIRED'),
            contactPhone: t('errors.needs.PHONE_INVALID'),
          });
      // The refinement (email or phone) only runs once the rest is valid: say it together with the rest.
      setErrors(contactMissing ? { ...fields, contactEmail: t('errors.needs.CONTACT_REQUIRED') } : fields);
      setFormError([]);
      return;
    }
    setErrors({});
    setFormError([]);
    setBusy(true);
    try {
      await needsApi.create(parsed.data);
      setSent(true);
      window.scrollTo({ top: 0 });
    } catch (error) {
      const spread = spreadErrors(toApiError(error), () => true, t);
      setErrors(spread.fields);
      setFormError(spread.rest);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <>
        <PageHeader title={t('needs.form.sentTitle')} />
        <div className="container page-body nd-page">
          <div className="nd-sent" role="status" data-testid="need-sent">
            <p>{t('needs.form.sentBody')}</p>
            <p className="nd-actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  setValues(EMPTY);
                  setSite(EMPTY_SITE);
                  setConsent(false);
                  setSent(false);
                }}
              >
                {t('needs.form.sendAnother')}
              </button>
              <Link to="/needs" className="button button--secondary">
                {t('needs.form.backToList')}
              </Link>
            </p>
          </div>
        </div>
      </>
    );
  }

  const text = (
    key: keyof TextValues,
    label: MessageKey,
    options: {
      hint?: MessageKey;
      type?: string;
      max?: number;
      multiline?: boolean;
      autoComplete?: string;
    } = {},
  ) => {
    const hintId = options.hint ? `${id}-${key}-hint` : undefined;
    const errorId = `${id}-${key}-error`;
    const common = {
      id: `${id}-${key}`,
      value: values[key],
      maxLength: options.max,
      'aria-invalid': errors[key] ? (true as const) : undefined,
      'aria-describedby': describedBy(hintId, errors[key] ? errorId : undefined),
      'data-testid': `need-${key}`,
    };
    return (
      <div
        className={options.multiline ? 'field form-field form-textarea' : 'field form-field'}
        data-invalid={errors[key] ? 'true' : undefined}
      >
        <label htmlFor={common.id}>{t(label)}</label>
        {options.hint ? (
          <p id={hintId} className="field__hint">
            {t(options.hint)}
          </p>
        ) : null}
        {options.multiline ? (
          <textarea {...common} rows={6} onChange={(event) => set(key)(event.target.value)} />
        ) : (
          <input
            {...common}
            type={options.type ?? 'text'}
            autoComplete={options.autoComplete}
            onChange={(event) => set(key)(event.target.value)}
          />
        )}
        <FieldError id={errorId} message={errors[key]} />
      </div>
    );
  };

  const select = (
    key: 'theme' | 'requesterType',
    label: MessageKey,
    placeholder: MessageKey,
    options: Array<{ value: string; label: string }>,
  ) => (
    <div className="field form-field" data-invalid={errors[key] ? 'true' : undefined}>
      <label htmlFor={`${id}-${key}`}>{t(label)}</label>
      <select
        id={`${id}-${key}`}
        value={values[key]}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={describedBy(errors[key] ? `${id}-${key}-error` : undefined)}
        onChange={(event) => set(key)(event.target.value)}
        data-testid={`need-${key}`}
      >
        <option value="">{t(placeholder)}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-${key}-error`} message={errors[key]} />
    </div>
  );

  return (
    <>
      <PageHeader
        title={t('needs.form.title')}
        intro={<p>{t('needs.form.intro')}</p>}
        back={{ to: '/needs', label: t('needs.detail.back') }}
      />
      <div className="container page-body nd-page">
        <form
          className="nd-form panel-card"
          noValidate
          onSubmit={(event) => void submit(event)}
          data-testid="need-form"
        >
          {formError.length > 0 ? (
            <FormAlert testId="need-error">
              {formError.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </FormAlert>
          ) : null}
          <fieldset className="nd-fieldset">
            <legend>{t('needs.form.need')}</legend>
            {select(
              'theme',
              'needs.form.theme',
              'needs.form.chooseTheme',
              THEMES.map((x) => ({ value: x.code, label: lang === 'en' ? x.nameEn : x.nameTh })),
            )}
            {text('titleTh', 'needs.form.titleTh', { hint: 'needs.form.titleHint', max: NEED_LIMITS.title })}
            {text('descriptionTh', 'needs.form.descriptionTh', {
              hint: 'needs.form.descriptionHint',
              max: NEED_LIMITS.description,
              multiline: true,
            })}
            {text('peopleAffected', 'needs.form.peopleAffected', { type: 'number' })}
          </fieldset>
          <fieldset className="nd-fieldset">
            <legend>{t('needs.form.area')}</legend>
            <SiteFields value={site} onChange={setSite} errors={errors} testId="need-site" />
          </fieldset>
          <fieldset className="nd-fieldset">
            <legend>{t('needs.form.requester')}</legend>
            {text('requesterName', 'needs.form.requesterName', {
              max: NEED_LIMITS.name,
              autoComplete: 'name',
            })}
            {text('requesterOrganisation', 'needs.form.requesterOrganisation', {
              max: NEED_LIMITS.name,
              autoComplete: 'organization',
            })}
            {select(
              'requesterType',
              'needs.form.requesterType',
              'needs.form.chooseType',
              NEED_REQUESTER_TYPES.map((code) => ({ value: code, label: t(`needs.requesterType.${code}`) })),
            )}
            <p className="field__hint nd-contact-hint">{t('needs.form.contactHint')}</p>
            <div className="nd-two">
              {text('contactEmail', 'needs.form.contactEmail', {
                type: 'email',
                max: 254,
                autoComplete: 'email',
              })}
              {text('contactPhone', 'needs.form.contactPhone', { type: 'tel', max: 30, autoComplete: 'tel' })}
            </div>
            <div className="form-check" data-invalid={errors.consent ? 'true' : undefined}>
              <div className="form-check__row">
                <input
                  id={`${id}-consent`}
                  type="checkbox"
                  checked={consent}
                  onChange={(event) => setConsent(event.target.checked)}
                  aria-invalid={errors.consent ? true : undefined}
                  aria-describedby={errors.consent ? `${id}-consent-error` : undefined}
                  data-testid="need-consent"
                />
                <label htmlFor={`${id}-consent`}>{t('needs.form.consent')}</label>
              </div>
              <FieldError id={`${id}-consent-error`} message={errors.consent} />
            </div>
          </fieldset>
          <p className="nd-actions">
            <SubmitButton busy={busy} busyLabel={t('needs.form.sending')}>
              {t('needs.form.send')}
            </SubmitButton>
          </p>
        </form>
      </div>
    </>
  );
}
