import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  ExpressInterestBodySchema,
  type InterestOptions,
  type MatchTarget,
  type NeedSummary,
} from '@shared/contracts/needs';
import { FieldError, FormAlert, SubmitButton, describedBy } from '@web/components/ui/form';
import { LoadingState, ErrorState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { spreadErrors } from '@web/lib/field-errors';
import { useI18n } from '@web/lib/i18n';
import { needsApi, useInterestOptions } from '../api';
import { issuesByField } from '../labels';
import { EMPTY_SITE, SiteFields, siteBody, type SiteValues } from './site-fields';

/** Where the dialog starts: the site of the need or problem statement the innovation was matched to. */
function initialSite(target: MatchTarget | null, provinceCode: number | null): SiteValues {
  if (target && target.provinceCode !== null) {
    return {
      provinceCode: String(target.provinceCode),
      districtCode: target.districtCode === null ? '' : String(target.districtCode),
      subdistrictCode: target.subdistrictCode === null ? '' : String(target.subdistrictCode),
      villageNo: target.villageNo === null ? '' : String(target.villageNo),
      villageName: target.villageName,
    };
  }
  return { ...EMPTY_SITE, provinceCode: provinceCode === null ? '' : String(provinceCode) };
}

/** Published needs of a province, to link the adoption to one (optional). */
function useProvinceNeeds(provinceCode: string): NeedSummary[] {
  const [needs, setNeeds] = useState<{ key: string; list: NeedSummary[] } | null>(null);
  useEffect(() => {
    if (provinceCode === '') {
      return undefined;
    }
    const controller = new AbortController();
    needsApi.list({ provinceCode: Number(provinceCode), limit: 100 }, { signal: controller.signal }).then(
      (list) => setNeeds({ key: provinceCode, list: list.data.filter((n) => n.status === 'published') }),
      () => undefined,
    );
    return () => controller.abort();
  }, [provinceCode]);
  return needs && needs.key === provinceCode ? needs.list : [];
}

function InterestForm({
  innovationId,
  options,
  target,
  onDone,
  onCancel,
}: {
  innovationId: string;
  options: InterestOptions;
  target: MatchTarget | null;
  onDone: (adoptionId: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const first = options.organisations[0];
  const [organisationId, setOrganisationId] = useState(first?.id ?? '');
  const [site, setSite] = useState<SiteValues>(() => initialSite(target, first?.provinceCode ?? null));
  const [note, setNote] = useState('');
  const [needId, setNeedId] = useState(target?.kind === 'need' ? target.id : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needs = useProvinceNeeds(site.provinceCode);
  const needChoices =
    target?.kind === 'need' && !needs.some((n) => n.id === target.id)
      ? [{ id: target.id, titleTh: target.titleTh }, ...needs]
      : needs;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ExpressInterestBodySchema.safeParse({
      organisationId,
      ...siteBody(site),
      note,
      needId: needId || null,
      problemStatementId: target?.kind === 'problem_statement' ? target.id : null,
    });
    if (!parsed.success) {
      setErrors(
        issuesByField(parsed.error.issues, t, {
          provinceCode: site.provinceCode === '' ? t('forms.required') : undefined,
        }),
      );
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      const result = await needsApi.expressInterest(innovationId, parsed.data);
      onDone(result.adoptionId);
    } catch (error) {
      const spread = spreadErrors(toApiError(error), (field) => field in EMPTY_SITE || field === 'note', t);
      setErrors(spread.fields);
      setFormError(spread.rest.length > 0 ? spread.rest.join(' ') : null);
      if (Object.keys(spread.fields).length === 0 && spread.rest.length === 0) {
        setFormError(apiErrorText(toApiError(error), t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="nd-dialog__form" noValidate onSubmit={(event) => void submit(event)}>
      <p className="nd-muted">{t('needs.interest.intro')}</p>
      {formError ? <FormAlert testId="interest-error">{formError}</FormAlert> : null}
      <div className="field form-field">
        <label htmlFor={`${id}-org`}>{t('needs.interest.organisation')}</label>
        <select
          id={`${id}-org`}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.target.value)}
          data-testid="interest-organisation"
        >
          {options.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {lang === 'en' && o.nameEn ? o.nameEn : o.nameTh}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="nd-fieldset">
        <legend>{t('needs.interest.site')}</legend>
        <SiteFields value={site} onChange={setSite} errors={errors} testId="interest-site" />
      </fieldset>
      {needChoices.length > 0 ? (
        <div className="field form-field">
          <label htmlFor={`${id}-need`}>{t('needs.interest.need')}</label>
          <select
            id={`${id}-need`}
            value={needId}
            onChange={(event) => setNeedId(event.target.value)}
            data-testid="interest-need"
          >
            <option value="">{t('needs.interest.noNeed')}</option>
            {needChoices.map((n) => (
              <option key={n.id} value={n.id}>
                {n.titleTh}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field form-field form-textarea" data-invalid={errors.note ? 'true' : undefined}>
        <label htmlFor={`${id}-note`}>{t('needs.interest.note')}</label>
        <p id={`${id}-note-hint`} className="field__hint">
          {t('needs.interest.noteHint')}
        </p>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={1000}
          value={note}
          aria-describedby={describedBy(`${id}-note-hint`, errors.note ? `${id}-note-error` : undefined)}
          onChange={(event) => setNote(event.target.value)}
          data-testid="interest-note"
        />
        <FieldError id={`${id}-note-error`} message={errors.note} />
      </div>
      <p className="nd-actions">
        <SubmitButton busy={busy} busyLabel={t('needs.interest.sending')}>
          {t('needs.interest.send')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('needs.interest.cancel')}
        </button>
      </p>
    </form>
  );
}

function DialogBody({
  innovationId,
  target,
  onDone,
  onCancel,
}: {
  innovationId: string;
  target: MatchTarget | null;
  onDone: (adoptionId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const options = useInterestOptions(innovationId);
  if (options.status === 'error') {
    return <ErrorState error={options.error} onRetry={options.reload} />;
  }
  if (options.status !== 'success') {
    return <LoadingState />;
  }
  const data = options.data;
  if (data.existingAdoptionId) {
    return (
      <p className="nd-note" data-testid="interest-existing">
        {t('needs.interest.already')}{' '}
        <Link to={`/adoptions/${data.existingAdoptionId}`}>{t('needs.interest.openAdoption')}</Link>
      </p>
    );
  }
  if (data.organisations.length === 0) {
    return <p className="nd-note">{t('needs.interest.notEligible')}</p>;
  }
  return (
    <InterestForm
      innovationId={innovationId}
      options={data}
      target={target}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

/**
 * "We want to adopt this": a button opening a modal dialog (native `<dialog>`: focus stays inside, Escape closes it)
 * with the organisation, the site, an optional need and a note; on success it shows the adoption it opened.
 */
export function InterestButton({
  innovationId,
  innovationTitle,
  target = null,
  className = 'button button--primary',
  onDone,
}: {
  innovationId: string;
  innovationTitle: string;
  target?: MatchTarget | null;
  className?: string;
  onDone?: (adoptionId: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) {
      dialog.showModal();
    }
  }, [open]);

  const close = () => {
    setOpen(false);
    openerRef.current?.focus();
  };

  if (done) {
    return (
      <p className="nd-success" role="status" data-testid="interest-done">
        {t('needs.interest.done')} <Link to={`/adoptions/${done}`}>{t('needs.interest.openAdoption')}</Link>
      </p>
    );
  }
  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className={className}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="interest-open"
      >
        {t('needs.interest.button')}
      </button>
      {open ? (
        <dialog
          ref={dialogRef}
          className="nd-dialog"
          aria-labelledby={`${id}-title`}
          onClose={() => setOpen(false)}
          data-testid="interest-dialog"
        >
          <div className="nd-dialog__body">
            <header>
              <h2 id={`${id}-title`}>{t('needs.interest.title')}</h2>
              {innovationTitle ? <p className="nd-dialog__subtitle">{innovationTitle}</p> : null}
            </header>
            <DialogBody
              innovationId={innovationId}
              target={target}
              onCancel={close}
              onDone={(adoptionId) => {
                setOpen(false);
                setDone(adoptionId);
                onDone?.(adoptionId);
              }}
            />
          </div>
        </dialog>
      ) : null}
    </>
  );
}
