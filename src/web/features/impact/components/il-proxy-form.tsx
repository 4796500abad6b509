import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { FinancialProxy } from '@shared/contracts/impact-library';
import { THEMES } from '@shared/reference/themes';
import { parseBahtInput } from '@web/components/form-renderer/money';
import { SaveProblemAlert, SubmitButton, TextAreaField, TextField } from '@web/components/ui/form';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatBaht, formatYear, localName } from '@web/lib/format';
import { apiErrorText, contractResolver } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { libraryApi } from '../api-library';
import {
  EMPTY_PROXY,
  proxyBody,
  proxyFieldOf,
  proxyFormSchema,
  proxyToValues,
  yearFromInput,
  type ProxyFormValues,
} from '../il-form-values';
import { IlCheckboxGroup } from './il-checkbox-group';

/**
 * Adds (`editing` null) or changes a financial proxy: value typed in baht (read back as the platform shows it),
 * price year in either calendar (read back in the interface's). A stale version offers to load the latest.
 */
export function IlProxyForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: FinancialProxy | null;
  onSaved: (row: FinancialProxy) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [current, setCurrent] = useState(editing);
  const [problem, setProblem] = useState<{ kind: 'error' | 'stale'; message: string } | null>(null);
  const resolver = useMemo(() => contractResolver(proxyFormSchema(t), t), [t]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ProxyFormValues>({
    resolver,
    defaultValues: editing ? proxyToValues(editing, lang) : EMPTY_PROXY,
  });
  const valueBaht = useWatch({ control, name: 'valueBaht' });
  const priceYear = useWatch({ control, name: 'priceYear' });
  const satang = parseBahtInput(valueBaht);
  const yearCe = yearFromInput(priceYear);

  const send = async (body: () => Promise<FinancialProxy>) => {
    setProblem(null);
    try {
      onSaved(await body());
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'CONFLICT' && current && fieldIssues(error).length === 0) {
        setProblem({ kind: 'stale', message: t('impactLibrary.common.stale') });
        return;
      }
      let placed = false;
      for (const issue of fieldIssues(error)) {
        const name = proxyFieldOf(issue.field);
        if (name) {
          setError(name, { type: 'server', message: issue.message });
          placed = true;
        }
      }
      if (!placed) {
        setProblem({ kind: 'error', message: apiErrorText(error, t) });
      }
    }
  };

  const onSubmit = handleSubmit((values) => {
    const body = proxyBody(values);
    const { code: _code, ...fields } = body;
    return send(() =>
      current
        ? libraryApi.updateProxy(current.id, { ...fields, version: current.version })
        : libraryApi.createProxy(body),
    );
  });

  const reloadLatest = () => {
    if (!current) {
      return;
    }
    libraryApi.getProxy(current.id).then(
      (latest) => {
        setCurrent(latest);
        reset(proxyToValues(latest, lang));
        setProblem(null);
      },
      (caught: unknown) => setProblem({ kind: 'error', message: apiErrorText(toApiError(caught), t) }),
    );
  };

  const toggleActive = () => {
    if (current) {
      void send(() =>
        libraryApi.updateProxy(current.id, { version: current.version, isActive: !current.isActive }),
      );
    }
  };

  const msg = (name: keyof ProxyFormValues) => errors[name]?.message;

  return (
    <form
      className="il-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="il-proxy-form"
    >
      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('impactLibrary.common.reloadLatest')}
          onReloadLatest={reloadLatest}
        />
      ) : null}
      <div className="il-form__grid">
        <TextField
          label={t('impactLibrary.common.code')}
          hint={t('impactLibrary.common.codeHint')}
          error={msg('code')}
          registration={register('code')}
          readOnly={current !== null}
          autoCapitalize="characters"
          maxLength={40}
          data-testid="il-code"
        />
        <TextField
          label={t('impactLibrary.proxies.currency')}
          error={msg('currency')}
          registration={register('currency')}
          autoCapitalize="characters"
          maxLength={3}
        />
        <TextField
          label={t('impactLibrary.common.nameTh')}
          error={msg('nameTh')}
          registration={register('nameTh')}
          lang="th"
          data-testid="il-name-th"
        />
        <TextField
          label={t('impactLibrary.common.nameEn')}
          error={msg('nameEn')}
          registration={register('nameEn')}
          lang="en"
          data-testid="il-name-en"
        />
        <TextField
          label={t('impactLibrary.proxies.value')}
          hint={
            <span aria-live="polite">
              {typeof satang === 'number' ? formatBaht(satang, lang) : t('common.moneyHint')}
            </span>
          }
          error={msg('valueBaht')}
          registration={register('valueBaht')}
          inputMode="decimal"
          autoComplete="off"
          data-testid="il-value"
        />
        <TextField
          label={t('impactLibrary.proxies.priceYear')}
          hint={yearCe === null ? t('impactLibrary.proxies.priceYearHint') : formatYear(yearCe, lang)}
          error={msg('priceYear')}
          registration={register('priceYear')}
          inputMode="numeric"
          maxLength={4}
          data-testid="il-price-year"
        />
        <TextField
          label={t('impactLibrary.common.unitTh')}
          error={msg('unitTh')}
          registration={register('unitTh')}
          lang="th"
          placeholder="ต่อคนต่อปี"
          data-testid="il-unit-th"
        />
        <TextField
          label={t('impactLibrary.common.unitEn')}
          error={msg('unitEn')}
          registration={register('unitEn')}
          lang="en"
          placeholder="per person per year"
          data-testid="il-unit-en"
        />
      </div>
      <TextField
        label={t('impactLibrary.proxies.sourceTitle')}
        error={msg('sourceTitle')}
        registration={register('sourceTitle')}
        data-testid="il-source-title"
      />
      <TextField
        label={t('impactLibrary.proxies.sourceUrl')}
        error={msg('sourceUrl')}
        registration={register('sourceUrl')}
        type="url"
        inputMode="url"
        placeholder="https://"
        data-testid="il-source-url"
      />
      <IlCheckboxGroup
        legend={t('impactLibrary.common.themes')}
        options={THEMES.map((theme) => ({ value: theme.code, label: localName(theme, lang) }))}
        registration={register('themes')}
        error={errors.themes?.message}
      />
      <TextAreaField
        label={t('impactLibrary.common.descriptionTh')}
        error={msg('descriptionTh')}
        registration={register('descriptionTh')}
        lang="th"
        rows={3}
      />
      <TextAreaField
        label={t('impactLibrary.common.descriptionEn')}
        error={msg('descriptionEn')}
        registration={register('descriptionEn')}
        lang="en"
        rows={3}
      />
      <div className="form-actions il-form__actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('impactLibrary.common.saving')}>
          {t('impactLibrary.common.save')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('impactLibrary.common.cancel')}
        </button>
        {current ? (
          <button
            type="button"
            className={current.isActive ? 'button button--danger' : 'button button--secondary'}
            onClick={toggleActive}
            disabled={isSubmitting}
            data-testid="il-toggle-active"
          >
            {current.isActive ? t('impactLibrary.common.deactivate') : t('impactLibrary.common.reactivate')}
          </button>
        ) : null}
      </div>
      {current?.isActive ? <p className="il-muted">{t('impactLibrary.common.deactivateHint')}</p> : null}
    </form>
  );
}
