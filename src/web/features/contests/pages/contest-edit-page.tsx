import { useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CONTEST_STARTER_CRITERIA,
  type ContestCategoryInput,
  type ContestDetail,
} from '@shared/contracts/contests';
import type { RubricCriterion } from '@shared/contracts/rubrics';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { BangkokDateTimeField } from '@web/features/call-admin/components/bangkok-date-time-field';
import { RequireOfficer } from '@web/features/call-admin/components/require-officer';
import {
  bangkokToIso,
  currentFiscalYearBe,
  isoToBangkok,
  type BangkokDateTime,
} from '@web/features/call-admin/bangkok-time';
import { fieldIssues, toApiError } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { contestsApi, useContest } from '../api';
import '@web/components/ui/form.css';
import '@web/features/call-admin/call-admin.css';
import '../contests.css';

interface CategoryDraft {
  key: string;
  id?: string;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  places: number;
  criteria: RubricCriterion[];
}

interface Draft {
  code: string;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  fiscalYear: string;
  categories: CategoryDraft[];
}

let keyCounter = 0;
const nextKey = () => {
  keyCounter += 1;
  return `c${keyCounter}`;
};

const starterCategory = (): CategoryDraft => ({
  key: nextKey(),
  nameTh: '',
  nameEn: '',
  descriptionTh: '',
  descriptionEn: '',
  places: 1,
  criteria: CONTEST_STARTER_CRITERIA.map((c) => ({ ...c })),
});

function draftOf(contest: ContestDetail | null): Draft {
  if (!contest) {
    return {
      code: '',
      titleTh: '',
      titleEn: '',
      descriptionTh: '',
      descriptionEn: '',
      fiscalYear: String(currentFiscalYearBe()),
      categories: [starterCategory()],
    };
  }
  return {
    code: contest.code,
    titleTh: contest.titleTh,
    titleEn: contest.titleEn,
    descriptionTh: contest.descriptionTh,
    descriptionEn: contest.descriptionEn,
    fiscalYear: String(contest.fiscalYear),
    categories: contest.categories.map((c) => ({
      key: nextKey(),
      id: c.id,
      nameTh: c.nameTh,
      nameEn: c.nameEn,
      descriptionTh: c.descriptionTh,
      descriptionEn: c.descriptionEn,
      places: c.places,
      criteria: c.criteria.map((k) => ({ ...k })),
    })),
  };
}

function TextInput({
  id,
  label,
  value,
  onChange,
  maxLength = 300,
  required,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  required?: boolean;
  testId?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        maxLength={maxLength}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </div>
  );
}

function NumberInput({
  id,
  label,
  value,
  onChange,
  min,
  max,
}: {
  id: string;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min: number;
  max: number;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
    </div>
  );
}

function CriterionEditor({
  prefix,
  criterion,
  onChange,
  onRemove,
}: {
  prefix: string;
  criterion: RubricCriterion;
  onChange: (next: RubricCriterion) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const set = <K extends keyof RubricCriterion>(key: K, value: RubricCriterion[K]) =>
    onChange({ ...criterion, [key]: value });
  return (
    <div className="ct-criterion">
      <div className="ct-grid-2">
        <TextInput
          id={`${prefix}-th`}
          label={t('contests.edit.criterionNameTh')}
          value={criterion.nameTh}
          onChange={(v) => set('nameTh', v)}
        />
        <TextInput
          id={`${prefix}-en`}
          label={t('contests.edit.criterionNameEn')}
          value={criterion.nameEn}
          onChange={(v) => set('nameEn', v)}
        />
      </div>
      <TextInput
        id={`${prefix}-guidance`}
        label={t('contests.edit.guidanceTh')}
        value={criterion.guidanceTh}
        maxLength={2000}
        onChange={(v) => set('guidanceTh', v)}
      />
      <div className="ct-criterion__numbers">
        <TextInput
          id={`${prefix}-id`}
          label={t('contests.edit.criterionId')}
          value={criterion.id}
          maxLength={40}
          onChange={(v) => set('id', v)}
        />
        <NumberInput
          id={`${prefix}-weight`}
          label={t('contests.edit.weight')}
          value={criterion.weight}
          min={1}
          max={100}
          onChange={(v) => set('weight', v ?? 1)}
        />
        <NumberInput
          id={`${prefix}-min`}
          label={t('contests.edit.scaleMin')}
          value={criterion.scaleMin}
          min={0}
          max={10}
          onChange={(v) => set('scaleMin', v ?? 0)}
        />
        <NumberInput
          id={`${prefix}-max`}
          label={t('contests.edit.scaleMax')}
          value={criterion.scaleMax}
          min={1}
          max={100}
          onChange={(v) => set('scaleMax', v ?? 5)}
        />
      </div>
      <NumberInput
        id={`${prefix}-comment`}
        label={t('contests.edit.commentAtOrBelow')}
        value={criterion.commentAtOrBelow}
        min={0}
        max={100}
        onChange={(v) => set('commentAtOrBelow', v)}
      />
      <p>
        <button type="button" className="button button--secondary" onClick={onRemove}>
          {t('contests.edit.removeCriterion')}
        </button>
      </p>
    </div>
  );
}

function ContestForm({ contest }: { contest: ContestDetail | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => draftOf(contest));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dates = useForm<{ open: BangkokDateTime; close: BangkokDateTime }>({
    defaultValues: {
      open: isoToBangkok(contest?.nominationsOpenAt),
      close: isoToBangkok(contest?.nominationsCloseAt),
    },
  });
  const open = useWatch({ control: dates.control, name: 'open' });
  const close = useWatch({ control: dates.control, name: 'close' });
  const fieldsOf = (name: 'open' | 'close') => ({
    day: dates.register(`${name}.day`),
    month: dates.register(`${name}.month`),
    yearBe: dates.register(`${name}.yearBe`),
    time: dates.register(`${name}.time`),
  });
  const categoriesLocked = contest !== null && contest.status !== 'draft' && contest.status !== 'open';

  const setCategory = (key: string, change: Partial<CategoryDraft>) =>
    setDraft((d) => ({
      ...d,
      categories: d.categories.map((c) => (c.key === key ? { ...c, ...change } : c)),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const openAt = bangkokToIso(open);
    const closeAt = bangkokToIso(close);
    if (!openAt || !closeAt) {
      setError(t('contests.edit.datesRequired'));
      return;
    }
    const categories: ContestCategoryInput[] = draft.categories.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      nameTh: c.nameTh,
      nameEn: c.nameEn,
      descriptionTh: c.descriptionTh,
      descriptionEn: c.descriptionEn,
      places: c.places,
      criteria: c.criteria,
    }));
    const fields = {
      code: draft.code.trim().toUpperCase(),
      titleTh: draft.titleTh,
      titleEn: draft.titleEn,
      descriptionTh: draft.descriptionTh,
      descriptionEn: draft.descriptionEn,
      fiscalYear: Number(draft.fiscalYear),
      nominationsOpenAt: openAt,
      nominationsCloseAt: closeAt,
    };
    setBusy(true);
    try {
      const saved = contest
        ? await contestsApi.update(contest.id, {
            version: contest.version,
            ...fields,
            ...(categoriesLocked ? {} : { categories }),
          })
        : await contestsApi.create({ programmeSlug: 'sectoral', ...fields, categories });
      void navigate(`/admin/contests/${saved.id}`);
    } catch (caught) {
      const apiError = toApiError(caught);
      const issues = fieldIssues(apiError);
      setError(
        issues.length > 0
          ? `${apiError.message} ${issues.map((i) => `${i.field}: ${i.message}`).join(' · ')}`
          : apiError.message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ct-form" onSubmit={(e) => void submit(e)} noValidate data-testid="contest-form">
      <fieldset>
        <legend>{t('contests.edit.basics')}</legend>
        <div className="ct-grid-2">
          <TextInput
            id="ct-code"
            label={t('contests.edit.code')}
            value={draft.code}
            maxLength={10}
            onChange={(v) => setDraft({ ...draft, code: v })}
            testId="contest-code"
          />
          <NumberInput
            id="ct-fy"
            label={t('contests.edit.fiscalYear')}
            value={Number(draft.fiscalYear) || null}
            min={2500}
            max={2700}
            onChange={(v) => setDraft({ ...draft, fiscalYear: v === null ? '' : String(v) })}
          />
        </div>
        <TextInput
          id="ct-title-th"
          label={t('contests.edit.titleTh')}
          value={draft.titleTh}
          onChange={(v) => setDraft({ ...draft, titleTh: v })}
          testId="contest-title-th"
        />
        <TextInput
          id="ct-title-en"
          label={t('contests.edit.titleEn')}
          value={draft.titleEn}
          onChange={(v) => setDraft({ ...draft, titleEn: v })}
          testId="contest-title-en"
        />
        <div className="field form-textarea">
          <label htmlFor="ct-desc-th">{t('contests.edit.descriptionTh')}</label>
          <textarea
            id="ct-desc-th"
            rows={4}
            value={draft.descriptionTh}
            onChange={(e) => setDraft({ ...draft, descriptionTh: e.target.value })}
          />
        </div>
        <div className="field form-textarea">
          <label htmlFor="ct-desc-en">{t('contests.edit.descriptionEn')}</label>
          <textarea
            id="ct-desc-en"
            rows={4}
            value={draft.descriptionEn}
            onChange={(e) => setDraft({ ...draft, descriptionEn: e.target.value })}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('contests.edit.nominations')}</legend>
        <BangkokDateTimeField
          legend={t('contests.edit.opensAt')}
          value={open}
          fields={fieldsOf('open')}
          testId="contest-opens"
        />
        <BangkokDateTimeField
          legend={t('contests.edit.closesAt')}
          value={close}
          fields={fieldsOf('close')}
          withSeconds
          testId="contest-closes"
        />
      </fieldset>
      {draft.categories.map((category, index) => (
        <fieldset key={category.key} disabled={categoriesLocked} data-testid="category-editor">
          <legend>{t('contests.edit.category', { number: index + 1 })}</legend>
          <div className="ct-grid-2">
            <TextInput
              id={`${category.key}-th`}
              label={t('contests.edit.categoryNameTh')}
              value={category.nameTh}
              onChange={(v) => setCategory(category.key, { nameTh: v })}
              testId="category-name-th"
            />
            <TextInput
              id={`${category.key}-en`}
              label={t('contests.edit.categoryNameEn')}
              value={category.nameEn}
              onChange={(v) => setCategory(category.key, { nameEn: v })}
              testId="category-name-en"
            />
          </div>
          <TextInput
            id={`${category.key}-desc`}
            label={t('contests.edit.categoryDescriptionTh')}
            value={category.descriptionTh}
            maxLength={2000}
            onChange={(v) => setCategory(category.key, { descriptionTh: v })}
          />
          <NumberInput
            id={`${category.key}-places`}
            label={t('contests.edit.places')}
            value={category.places}
            min={1}
            max={10}
            onChange={(v) => setCategory(category.key, { places: v ?? 1 })}
          />
          <p className="ct-muted">{t('contests.edit.rubricHint')}</p>
          {category.criteria.map((criterion, i) => (
            <CriterionEditor
              key={`${category.key}-${i}`}
              prefix={`${category.key}-${i}`}
              criterion={criterion}
              onChange={(next) =>
                setCategory(category.key, { criteria: category.criteria.map((c, j) => (j === i ? next : c)) })
              }
              onRemove={() =>
                setCategory(category.key, { criteria: category.criteria.filter((_, j) => j !== i) })
              }
            />
          ))}
          <p className="ct-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                setCategory(category.key, {
                  criteria: [
                    ...category.criteria,
                    {
                      id: `c${category.criteria.length + 1}`,
                      nameTh: '',
                      nameEn: '',
                      guidanceTh: '',
                      guidanceEn: '',
                      weight: 10,
                      scaleMin: 1,
                      scaleMax: 5,
                      commentAtOrBelow: null,
                    },
                  ],
                })
              }
            >
              {t('contests.edit.addCriterion')}
            </button>
            {draft.categories.length > 1 ? (
              <button
                type="button"
                className="button button--danger"
                onClick={() =>
                  setDraft({ ...draft, categories: draft.categories.filter((c) => c.key !== category.key) })
                }
              >
                {t('contests.edit.removeCategory')}
              </button>
            ) : null}
          </p>
        </fieldset>
      ))}
      {categoriesLocked ? (
        <p className="ct-muted">{t('contests.edit.categoriesLocked')}</p>
      ) : (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setDraft({ ...draft, categories: [...draft.categories, starterCategory()] })}
          >
            {t('contests.edit.addCategory')}
          </button>
        </p>
      )}
      {error ? (
        <p className="form-alert" role="alert" data-testid="contest-form-error">
          {error}
        </p>
      ) : null}
      <p className="ct-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="contest-save">
          {contest ? t('contests.edit.save') : t('contests.edit.create')}
        </button>
        <Link to={contest ? `/admin/contests/${contest.id}` : '/admin/contests'}>
          {t('contests.edit.cancel')}
        </Link>
      </p>
    </form>
  );
}

function EditContest() {
  const { id } = useParams();
  const { t } = useI18n();
  const contest = useContest(id);
  usePageTitle(id ? t('contests.edit.editTitle') : t('contests.edit.newTitle'));
  const header = (
    <PageHeader
      title={id ? t('contests.edit.editTitle') : t('contests.edit.newTitle')}
      back={{ to: id ? `/admin/contests/${id}` : '/admin/contests', label: t('contests.admin.title') }}
      intro={<p>{t('contests.edit.intro')}</p>}
    />
  );
  if (!id) {
    return (
      <>
        {header}
        <div className="container page-body">
          <ContestForm contest={null} />
        </div>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="container page-body">
        {contest.status === 'error' ? (
          <ErrorState error={contest.error} onRetry={contest.reload} />
        ) : contest.status !== 'success' ? (
          <LoadingState />
        ) : (
          <ContestForm contest={contest.data} />
        )}
      </div>
    </>
  );
}

/** Officers create a contest, or edit its details, dates and award categories with their rubrics. */
export default function ContestEditPage() {
  return (
    <RequireOfficer>
      <EditContest />
    </RequireOfficer>
  );
}
