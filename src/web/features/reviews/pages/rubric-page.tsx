import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RubricCriterion } from '@shared/contracts/rubrics';
import { REVIEW_STAGES, type ReviewStage, type Rubric } from '@shared/contracts/reviews';
import { rubricIssues } from '@shared/reviews/scoring';
import { PageHeader } from '@web/components/ui/page-header';
import { FieldError, FormAlert, FormSuccess } from '@web/components/ui/form';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useCall } from '@web/features/call-admin/api';
import { callStages } from '@web/features/call-admin/call-form-values';
import { CallAdminLinks } from '@web/features/call-admin/components/call-admin-links';
import { RequireOfficer } from '@web/features/call-admin/components/require-officer';
import { fieldIssues, toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { formatDate, formatNumber, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { reviewsApi, useRubric } from '../api';
import '@web/components/ui/form.css';
import '../reviews.css';

/** A criterion as edited: numbers as typed. */
interface Draft {
  key: number;
  id: string;
  nameTh: string;
  nameEn: string;
  guidanceTh: string;
  guidanceEn: string;
  weight: string;
  scaleMin: string;
  scaleMax: string;
  commentAtOrBelow: string;
}

let nextKey = 1;

function toDraft(c: RubricCriterion): Draft {
  nextKey += 1;
  return {
    key: nextKey,
    id: c.id,
    nameTh: c.nameTh,
    nameEn: c.nameEn,
    guidanceTh: c.guidanceTh,
    guidanceEn: c.guidanceEn,
    weight: String(c.weight),
    scaleMin: String(c.scaleMin),
    scaleMax: String(c.scaleMax),
    commentAtOrBelow: c.commentAtOrBelow === null ? '' : String(c.commentAtOrBelow),
  };
}

const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

function fromDraft(d: Draft): RubricCriterion {
  return {
    id: d.id.trim(),
    nameTh: d.nameTh.trim(),
    nameEn: d.nameEn.trim(),
    guidanceTh: d.guidanceTh.trim(),
    guidanceEn: d.guidanceEn.trim(),
    weight: num(d.weight),
    scaleMin: num(d.scaleMin),
    scaleMax: num(d.scaleMax),
    commentAtOrBelow: d.commentAtOrBelow.trim() === '' ? null : num(d.commentAtOrBelow),
  };
}

/** A fresh criterion code no other criterion uses. */
function freshId(drafts: Draft[]): string {
  for (let n = drafts.length + 1; ; n += 1) {
    const id = `criterion_${n}`;
    if (!drafts.some((d) => d.id === id)) {
      return id;
    }
  }
}

function TextInput({
  label,
  value,
  onChange,
  error,
  multiline,
  type = 'text',
  lang,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  multiline?: boolean;
  type?: 'text' | 'number';
  lang?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div
      className={multiline ? 'field form-field form-textarea' : 'field form-field'}
      data-invalid={error ? 'true' : undefined}
    >
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={2}
          lang={lang}
          value={value}
          maxLength={2000}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
      ) : (
        <input
          id={id}
          type={type}
          lang={lang}
          inputMode={type === 'number' ? 'numeric' : undefined}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function LockedRubric({ rubric }: { rubric: Rubric }) {
  const { t, lang } = useI18n();
  return (
    <div className="rs-rubric" data-testid="rubric-locked">
      <p className="rs-notice" role="status">
        {t('reviews.rubric.locked', {
          date: rubric.lockedAt ? formatDate(rubric.lockedAt, lang, 'dateTime') : '',
        })}
      </p>
      <ol className="rs-rubric__list">
        {rubric.criteria.map((c) => (
          <li key={c.id} className="rs-rubric__item">
            <h2 className="rs-criterion__name">{lang === 'en' ? c.nameEn : c.nameTh}</h2>
            <p className="rs-criterion__meta">
              <code>{c.id}</code>
              <span>{t('reviews.scoring.weight', { weight: c.weight })}</span>
              <span>{t('reviews.scoring.scale', { min: c.scaleMin, max: c.scaleMax })}</span>
              {c.commentAtOrBelow !== null ? (
                <span>{t('reviews.scoring.commentRequiredHint', { threshold: c.commentAtOrBelow })}</span>
              ) : null}
            </p>
            {(lang === 'en' ? c.guidanceEn : c.guidanceTh) ? (
              <p className="rs-criterion__guidance">{lang === 'en' ? c.guidanceEn : c.guidanceTh}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function RubricEditor({
  callId,
  stage,
  rubric,
  onSaved,
  onReload,
}: {
  callId: string;
  stage: ReviewStage;
  rubric: Rubric;
  onSaved: (rubric: Rubric) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const [drafts, setDrafts] = useState<Draft[]>(() => rubric.criteria.map(toDraft));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ text: string; stale: boolean } | null>(null);
  const [saved, setSaved] = useState(false);

  const totalWeight = drafts.reduce(
    (sum, d) => sum + (Number.isFinite(num(d.weight)) ? num(d.weight) : 0),
    0,
  );

  const update = (key: number, part: Partial<Draft>) => {
    setDrafts((now) => now.map((d) => (d.key === key ? { ...d, ...part } : d)));
    setSaved(false);
  };
  const move = (index: number, by: number) => {
    setDrafts((now) => {
      const next = [...now];
      const [item] = next.splice(index, 1);
      if (item) {
        next.splice(index + by, 0, item);
      }
      return next;
    });
    setSaved(false);
  };

  const save = async () => {
    setFailure(null);
    // The domain rules the server checks after the shape: shown at once, for every criterion.
    const local: Record<string, string> = {};
    for (const issue of rubricIssues(drafts.map(fromDraft))) {
      local[issue.index === null ? 'criteria' : `criteria.${issue.index}`] = t(
        `reviews.errors.rubric.${issue.code}`,
      );
    }
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setFailure({ text: t('errors.VALIDATION_FAILED'), stale: false });
      return;
    }
    setBusy(true);
    try {
      const result = await reviewsApi.saveRubric(callId, stage, {
        version: rubric.version,
        criteria: drafts.map(fromDraft),
      });
      setSaved(true);
      onSaved(result);
    } catch (error) {
      const apiError = toApiError(error);
      const found: Record<string, string> = {};
      for (const issue of fieldIssues(apiError)) {
        found[issue.field.replace(/^body\./, '')] = issue.message;
      }
      setErrors(found);
      setFailure({ text: apiErrorText(apiError, t), stale: apiError.code === 'CONFLICT' });
    } finally {
      setBusy(false);
    }
  };

  /** The error of one field of criterion `index`, or of the criterion as a whole. */
  const errorOf = (index: number, field?: keyof RubricCriterion) =>
    field ? errors[`criteria.${index}.${field}`] : errors[`criteria.${index}`];

  return (
    <form
      className="rs-rubric"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="rubric-editor"
    >
      {rubric.isStarter ? <p className="rs-notice">{t('reviews.rubric.starter')}</p> : null}
      <ol className="rs-rubric__list">
        {drafts.map((d, index) => {
          const weight = num(d.weight);
          const share = totalWeight > 0 && Number.isFinite(weight) ? (weight / totalWeight) * 100 : 0;
          const wholeError = errorOf(index);
          return (
            <li
              key={d.key}
              className="rs-rubric__item"
              data-invalid={wholeError ? 'true' : undefined}
              data-testid={`criterion-${index}`}
            >
              <div className="rs-rubric__head">
                <h2>{t('reviews.rubric.criterion', { n: index + 1 })}</h2>
                <div className="rs-rubric__tools">
                  <button
                    type="button"
                    className="button button--secondary rs-small-button"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    {t('reviews.rubric.moveUp')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary rs-small-button"
                    disabled={index === drafts.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    {t('reviews.rubric.moveDown')}
                  </button>
                  <button
                    type="button"
                    className="button button--danger rs-small-button"
                    disabled={drafts.length <= 1}
                    onClick={() => {
                      setDrafts((now) => now.filter((x) => x.key !== d.key));
                      setSaved(false);
                    }}
                  >
                    {t('reviews.rubric.remove')}
                  </button>
                </div>
              </div>
              {wholeError ? <FieldError id={`criterion-${d.key}-error`} message={wholeError} /> : null}
              <div className="rs-rubric__grid">
                <TextInput
                  label={t('reviews.rubric.nameTh')}
                  lang="th"
                  value={d.nameTh}
                  error={errorOf(index, 'nameTh')}
                  onChange={(v) => update(d.key, { nameTh: v })}
                  testId={`criterion-${index}-nameTh`}
                />
                <TextInput
                  label={t('reviews.rubric.nameEn')}
                  lang="en"
                  value={d.nameEn}
                  error={errorOf(index, 'nameEn')}
                  onChange={(v) => update(d.key, { nameEn: v })}
                  testId={`criterion-${index}-nameEn`}
                />
                <TextInput
                  label={t('reviews.rubric.guidanceTh')}
                  lang="th"
                  multiline
                  value={d.guidanceTh}
                  error={errorOf(index, 'guidanceTh')}
                  onChange={(v) => update(d.key, { guidanceTh: v })}
                />
                <TextInput
                  label={t('reviews.rubric.guidanceEn')}
                  lang="en"
                  multiline
                  value={d.guidanceEn}
                  error={errorOf(index, 'guidanceEn')}
                  onChange={(v) => update(d.key, { guidanceEn: v })}
                />
              </div>
              <div className="rs-rubric__numbers">
                <TextInput
                  label={t('reviews.rubric.id')}
                  lang="en"
                  value={d.id}
                  error={errorOf(index, 'id')}
                  onChange={(v) => update(d.key, { id: v })}
                  testId={`criterion-${index}-id`}
                />
                <TextInput
                  label={t('reviews.rubric.weightField')}
                  type="number"
                  value={d.weight}
                  error={errorOf(index, 'weight')}
                  onChange={(v) => update(d.key, { weight: v })}
                  testId={`criterion-${index}-weight`}
                />
                <TextInput
                  label={t('reviews.rubric.scaleMin')}
                  type="number"
                  value={d.scaleMin}
                  error={errorOf(index, 'scaleMin')}
                  onChange={(v) => update(d.key, { scaleMin: v })}
                  testId={`criterion-${index}-scaleMin`}
                />
                <TextInput
                  label={t('reviews.rubric.scaleMax')}
                  type="number"
                  value={d.scaleMax}
                  error={errorOf(index, 'scaleMax')}
                  onChange={(v) => update(d.key, { scaleMax: v })}
                  testId={`criterion-${index}-scaleMax`}
                />
                <TextInput
                  label={t('reviews.rubric.commentAtOrBelow')}
                  type="number"
                  value={d.commentAtOrBelow}
                  error={errorOf(index, 'commentAtOrBelow')}
                  onChange={(v) => update(d.key, { commentAtOrBelow: v })}
                  testId={`criterion-${index}-comment`}
                />
              </div>
              <p className="rs-muted">
                {t('reviews.rubric.share', {
                  percent: formatNumber(share, lang, { maximumFractionDigits: 1 }),
                })}
                {d.commentAtOrBelow.trim() === ''
                  ? ` · ${t('reviews.rubric.commentAtOrBelow')}: ${t('reviews.rubric.commentNever')}`
                  : ''}
              </p>
            </li>
          );
        })}
      </ol>
      <p className="rs-rubric__total" aria-live="polite">
        {t('reviews.rubric.totalWeight', { total: formatNumber(totalWeight, lang), count: drafts.length })}
      </p>
      {errors.criteria ? <FieldError id="criteria-error" message={errors.criteria} /> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={drafts.length >= 20}
          onClick={() => {
            setDrafts((now) => [
              ...now,
              toDraft({
                id: freshId(now),
                nameTh: '',
                nameEn: '',
                guidanceTh: '',
                guidanceEn: '',
                weight: 10,
                scaleMin: 1,
                scaleMax: 5,
                commentAtOrBelow: 2,
              }),
            ]);
            setSaved(false);
          }}
          data-testid="add-criterion"
        >
          {t('reviews.rubric.add')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="save-rubric">
          {busy ? t('reviews.scoring.saving') : t('reviews.rubric.save')}
        </button>
      </div>
      {failure ? (
        <FormAlert testId={failure.stale ? 'stale-version' : 'form-error'}>
          <p>{failure.text}</p>
          {failure.stale ? (
            <p>
              <button type="button" className="button button--secondary" onClick={onReload}>
                {t('common.retry')}
              </button>
            </p>
          ) : null}
        </FormAlert>
      ) : null}
      {saved ? <FormSuccess>{t('reviews.rubric.saved')}</FormSuccess> : null}
    </form>
  );
}

function RubricScreen({ callId, stage }: { callId: string; stage: ReviewStage }) {
  const { t, lang } = useI18n();
  const call = useCall(callId);
  const rubric = useRubric(callId, stage);
  const [latest, setLatest] = useState<Rubric | null>(null);
  const title =
    call.status === 'success'
      ? t('reviews.rubric.pageTitle', { call: localText(call.data, 'title', lang) })
      : t('reviews.rubric.title');
  usePageTitle(t('reviews.rubric.title'));

  if (call.status === 'error') {
    return call.error.isNotFound ? (
      <NotFoundState
        title={t('calls.admin.edit.notFound')}
        text={t('calls.admin.edit.notFoundText')}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={call.error} onRetry={call.reload} />
      </div>
    );
  }
  const stages = call.status === 'success' ? callStages(call.data) : [];
  const current =
    latest && latest.stage === stage ? latest : rubric.status === 'success' ? rubric.data : null;

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={call.status === 'success' ? <code>{call.data.code}</code> : undefined}
        intro={<p>{t('reviews.rubric.intro')}</p>}
        back={{ to: `/admin/calls/${callId}/edit`, label: t('intake.backToCall') }}
      >
        <CallAdminLinks callId={callId} stages={stages} current="rubric" stage={stage} />
      </PageHeader>
      <div className="container page-body rs-page">
        {stages.length > 1 ? (
          <nav className="rs-stage-switch" aria-label={t('reviews.rubric.stageLabel')}>
            <span>{t('reviews.rubric.stageLabel')}:</span>
            {stages.map((s) => (
              <Link
                key={s}
                to={`/admin/calls/${callId}/rubric/${s}`}
                className={s === stage ? 'button button--primary' : 'button button--secondary'}
                aria-current={s === stage ? 'page' : undefined}
              >
                {t(`reviews.stage.${s}`)}
              </Link>
            ))}
          </nav>
        ) : null}
        {rubric.status === 'error' ? (
          <ErrorState error={rubric.error} onRetry={rubric.reload} />
        ) : !current ? (
          <LoadingState />
        ) : current.lockedAt ? (
          <LockedRubric rubric={current} />
        ) : (
          <RubricEditor
            // A new version read from the server (after a conflict) starts the form afresh; our own save does not.
            key={`${stage}:${rubric.status === 'success' ? rubric.data.version : 0}`}
            callId={callId}
            stage={stage}
            rubric={current}
            onSaved={setLatest}
            onReload={() => {
              setLatest(null);
              rubric.reload();
            }}
          />
        )}
      </div>
    </>
  );
}

/** `/admin/calls/:id/rubric/:stage`: officers edit a call stage's rubric until the first review is submitted. */
export default function RubricPage() {
  const { id, stage } = useParams();
  const { t } = useI18n();
  const valid = REVIEW_STAGES.find((s) => s === stage);
  return (
    <RequireOfficer>
      {id && valid ? (
        <RubricScreen callId={id} stage={valid} />
      ) : (
        <NotFoundState
          title={t('common.notFoundTitle')}
          text={t('common.notFoundText')}
          back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
        />
      )}
    </RequireOfficer>
  );
}
