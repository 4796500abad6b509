import { useId, useMemo, useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { Link } from 'react-router';
import type { CallDetail, ProblemStatement } from '@shared/contracts/calls';
import { PROVINCES } from '@shared/reference/provinces';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import { FormAlert, SelectField, SubmitButton } from '@web/components/ui/form';
import { EmptyState } from '@web/components/ui/states';
import { ConfirmAction } from '@web/features/organisations/components/confirm-action';
import { useDistricts } from '@web/features/provinces/api';
import { fieldIssues, toApiError } from '@web/lib/api';
import { localName, localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { callAdminApi, type ProblemStatementInput } from '../api';
import { ProblemStatusBadge } from '../labels';
import { ThaiEnglishFields } from './form-parts';

interface ProblemValues {
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  provinceCode: string;
  districtCode: string;
  theme: ThemeCode | '';
  expectedResultTh: string;
  expectedResultEn: string;
}

const PROBLEM_FIELDS = [
  'titleTh',
  'titleEn',
  'descriptionTh',
  'descriptionEn',
  'provinceCode',
  'districtCode',
  'theme',
  'expectedResultTh',
  'expectedResultEn',
] as const satisfies ReadonlyArray<keyof ProblemValues>;

const EMPTY: ProblemValues = {
  titleTh: '',
  titleEn: '',
  descriptionTh: '',
  descriptionEn: '',
  provinceCode: '',
  districtCode: '',
  theme: '',
  expectedResultTh: '',
  expectedResultEn: '',
};

function problemToValues(p: ProblemStatement): ProblemValues {
  return {
    titleTh: p.titleTh,
    titleEn: p.titleEn,
    descriptionTh: p.descriptionTh,
    descriptionEn: p.descriptionEn,
    provinceCode: p.provinceCode === null ? '' : String(p.provinceCode),
    districtCode: p.districtCode === null ? '' : String(p.districtCode),
    theme: p.theme ?? '',
    expectedResultTh: p.expectedResultTh,
    expectedResultEn: p.expectedResultEn,
  };
}

/** The body of a problem statement from the form (empty choices → null); the owner stays as it was. */
function problemBody(values: ProblemValues): Omit<ProblemStatementInput, 'ownerOrganisationId'> {
  return {
    titleTh: values.titleTh.trim(),
    titleEn: values.titleEn.trim(),
    descriptionTh: values.descriptionTh.trim(),
    descriptionEn: values.descriptionEn.trim(),
    provinceCode: values.provinceCode === '' ? null : Number(values.provinceCode),
    districtCode:
      values.provinceCode === '' || values.districtCode === '' ? null : Number(values.districtCode),
    theme: values.theme === '' ? null : values.theme,
    expectedResultTh: values.expectedResultTh.trim(),
    expectedResultEn: values.expectedResultEn.trim(),
  };
}

function ProblemForm({
  callId,
  editing,
  onDone,
  onCancel,
}: {
  callId: string;
  editing: ProblemStatement | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const resolver = useMemo<Resolver<ProblemValues>>(
    () => async (values) => {
      const found: FieldErrors<ProblemValues> = {};
      for (const name of ['titleTh', 'descriptionTh'] as const) {
        if (values[name].trim() === '') {
          found[name] = { type: 'required', message: t('forms.required') };
        }
      }
      return Object.keys(found).length > 0 ? { values: {}, errors: found } : { values, errors: {} };
    },
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ProblemValues>({ resolver, defaultValues: editing ? problemToValues(editing) : EMPTY });
  const provinceCode = useWatch({ control, name: 'provinceCode' });
  const districts = useDistricts(provinceCode === '' ? null : Number(provinceCode));

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      if (editing) {
        await callAdminApi.updateProblem(editing.id, { ...problemBody(values), version: editing.version });
      } else {
        await callAdminApi.createProblem(callId, { ...problemBody(values), ownerOrganisationId: null });
      }
      onDone();
    } catch (caught) {
      const error = toApiError(caught);
      for (const issue of fieldIssues(error)) {
        const name = issue.field.replace(/^body\./, '');
        if ((PROBLEM_FIELDS as readonly string[]).includes(name)) {
          setError(name as (typeof PROBLEM_FIELDS)[number], {
            type: 'server',
            message: issue.messageEn === undefined ? apiErrorText(error, t) : issue.message,
          });
        }
      }
      setProblem(apiErrorText(error, t));
    }
  });

  return (
    <form
      className="form ca-problem-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="problem-form"
    >
      <h4>{editing ? t('calls.admin.problems.editTitle') : t('calls.admin.problems.addTitle')}</h4>
      <div className="panel-form__grid">
        <ThaiEnglishFields
          th={{
            label: t('calls.admin.problems.titleTh'),
            error: errors.titleTh?.message,
            registration: register('titleTh'),
          }}
          en={{
            label: t('calls.admin.problems.titleEn'),
            error: errors.titleEn?.message,
            registration: register('titleEn'),
          }}
          maxLength={300}
        />
      </div>
      <ThaiEnglishFields
        th={{
          label: t('calls.admin.problems.descriptionTh'),
          error: errors.descriptionTh?.message,
          registration: register('descriptionTh'),
        }}
        en={{
          label: t('calls.admin.problems.descriptionEn'),
          error: errors.descriptionEn?.message,
          registration: register('descriptionEn'),
        }}
        maxLength={10000}
        rows={4}
      />
      <div className="panel-form__grid">
        <SelectField
          label={t('calls.admin.problems.province')}
          error={errors.provinceCode?.message}
          registration={register('provinceCode', { onChange: () => setValue('districtCode', '') })}
        >
          <option value="">{t('calls.admin.problems.anyProvince')}</option>
          {PROVINCES.map((p) => (
            <option key={p.code} value={String(p.code)}>
              {localName(p, lang)}
            </option>
          ))}
        </SelectField>
        <SelectField
          // Mounted again once the districts are loaded, so that it shows the chosen district.
          key={`${provinceCode}:${districts.status}`}
          label={t('calls.admin.problems.district')}
          error={errors.districtCode?.message}
          registration={register('districtCode')}
          disabled={provinceCode === ''}
        >
          <option value="">{t('calls.admin.problems.anyDistrict')}</option>
          {districts.status === 'success'
            ? districts.data.map((d) => (
                <option key={d.code} value={String(d.code)}>
                  {localName(d, lang)}
                </option>
              ))
            : null}
        </SelectField>
      </div>
      <SelectField
        label={t('calls.admin.problems.theme')}
        error={errors.theme?.message}
        registration={register('theme')}
      >
        <option value="">{t('calls.admin.problems.noTheme')}</option>
        {THEMES.map((theme) => (
          <option key={theme.code} value={theme.code}>
            {localName(theme, lang)}
          </option>
        ))}
      </SelectField>
      <ThaiEnglishFields
        th={{
          label: t('calls.admin.problems.expectedResultTh'),
          error: errors.expectedResultTh?.message,
          registration: register('expectedResultTh'),
        }}
        en={{
          label: t('calls.admin.problems.expectedResultEn'),
          error: errors.expectedResultEn?.message,
          registration: register('expectedResultEn'),
        }}
        maxLength={5000}
        rows={3}
      />
      {problem ? <FormAlert testId="problem-error">{problem}</FormAlert> : null}
      <div className="form-actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
          {editing ? t('calls.admin.problems.save') : t('calls.admin.problems.add')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('calls.admin.cancel')}
        </button>
      </div>
    </form>
  );
}

function ProblemItem({
  problem,
  onEdit,
  onChanged,
}: {
  problem: ProblemStatement;
  onEdit: () => void;
  onChanged: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const province = PROVINCES.find((p) => p.code === problem.provinceCode);
  const theme = THEMES.find((th) => th.code === problem.theme);
  const title = localText(problem, 'title', lang);

  const run = (action: 'publish' | 'withdraw', done: MessageKey) => {
    setBusy(true);
    setFailure(null);
    const call = action === 'publish' ? callAdminApi.publishProblem : callAdminApi.withdrawProblem;
    call(problem.id).then(
      () => {
        setBusy(false);
        onChanged(t(done, { title }));
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(apiErrorText(toApiError(error), t));
      },
    );
  };

  return (
    <li className="ca-problem" data-testid="problem-statement">
      <div className="ca-problem__head">
        <h4>{title}</h4>
        <ProblemStatusBadge status={problem.status} />
      </div>
      <p className="ca-problem__meta">
        {province ? <span>{localName(province, lang)}</span> : null}
        {theme ? <span>{localName(theme, lang)}</span> : null}
        {problem.ownerOrganisationName ? (
          <span>{t('calls.admin.problems.postedBy', { name: problem.ownerOrganisationName })}</span>
        ) : null}
      </p>
      <p className="ca-problem__text">{localText(problem, 'description', lang)}</p>
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      <div className="ca-problem__actions">
        <Link
          to={`/problem-statements/${problem.id}/matches`}
          className="action-button"
          data-testid="problem-matches"
        >
          {t('needs.matches.viewMatches')}
        </Link>
        {problem.status !== 'withdrawn' ? (
          <button type="button" className="action-button" onClick={onEdit} disabled={busy}>
            {t('calls.admin.problems.edit')}
          </button>
        ) : null}
        {problem.status !== 'published' ? (
          <button
            type="button"
            className="action-button action-button--solid"
            onClick={() => run('publish', 'calls.admin.problems.published')}
            disabled={busy}
            data-testid="publish-problem"
          >
            {problem.status === 'pending'
              ? t('calls.admin.problems.publish')
              : t('calls.admin.problems.republish')}
          </button>
        ) : null}
        {problem.status !== 'withdrawn' ? (
          <ConfirmAction
            label={t('calls.admin.problems.withdraw')}
            question={t('calls.admin.problems.withdrawQuestion', { title })}
            confirmLabel={t('calls.admin.problems.withdrawConfirm')}
            cancelLabel={t('calls.admin.cancel')}
            onConfirm={() => run('withdraw', 'calls.admin.problems.withdrawn')}
            busy={busy}
            danger
            testId="withdraw-problem"
          />
        ) : null}
      </div>
    </li>
  );
}

/** A call's problem statements (โจทย์ปัญหา): the list with publish / withdraw, and a form to add or edit one. */
export function ProblemStatementsSection({ call, onChanged }: { call: CallDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const [editing, setEditing] = useState<ProblemStatement | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const pending = call.problemStatements.filter((p) => p.status === 'pending').length;

  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    onChanged();
  };

  return (
    <section className="panel-card ca-section" aria-labelledby={headingId} data-testid="problem-statements">
      <div className="ca-section__head">
        <h2 id={headingId}>{t('calls.admin.problems.title')}</h2>
        {pending > 0 ? (
          <span className="badge badge--accent">
            {t('calls.admin.problems.pendingCount', { count: pending })}
          </span>
        ) : null}
      </div>
      <p className="field__hint">{t('calls.admin.problems.intro')}</p>
      <p className="visually-hidden" aria-live="polite">
        {notice}
      </p>
      {call.problemStatements.length === 0 ? (
        <EmptyState>{t('calls.admin.problems.empty')}</EmptyState>
      ) : (
        <ul className="ca-problems">
          {call.problemStatements.map((p) =>
            editing !== 'new' && editing?.id === p.id ? (
              <li key={p.id} className="ca-problem">
                <ProblemForm
                  callId={call.id}
                  editing={p}
                  onDone={() => done(t('calls.admin.problems.saved'))}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <ProblemItem key={p.id} problem={p} onEdit={() => setEditing(p)} onChanged={done} />
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <ProblemForm
          callId={call.id}
          editing={null}
          onDone={() => done(t('calls.admin.problems.added'))}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setEditing('new')}
            data-testid="add-problem"
          >
            {t('calls.admin.problems.addButton')}
          </button>
        </p>
      )}
    </section>
  );
}
