import { useId, useState, type FormEvent } from 'react';
import { COHORT_LIMITS, type Questionnaire } from '@shared/contracts/cohorts';
import { FieldError, FormAlert, FormSuccess } from '@web/components/ui/form';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { cohortsApi, useQuestionnaire } from '../api';
import { inLang, spreadErrors } from '../labels';

interface ItemDraft {
  key: string;
  id?: string;
  textTh: string;
  textEn: string;
}

interface Draft {
  titleTh: string;
  titleEn: string;
  scalePoints: number;
  items: ItemDraft[];
}

let nextKey = 0;
const newKey = () => `k${(nextKey += 1)}`;

function useStarter(): () => Draft {
  const { t } = useI18n();
  return () => ({
    titleTh: t('cohorts.questionnaire.starter.title'),
    titleEn: '',
    scalePoints: 5,
    items: ([1, 2, 3, 4, 5] as const).map((n) => ({
      key: newKey(),
      textTh: t(`cohorts.questionnaire.starter.items.item${n}`),
      textEn: '',
    })),
  });
}

const draftOf = (q: Questionnaire): Draft => ({
  titleTh: q.titleTh,
  titleEn: q.titleEn,
  scalePoints: q.scalePoints,
  items: q.items.map((i) => ({ key: newKey(), id: i.id, textTh: i.textTh, textEn: i.textEn })),
});

function Editor({
  cohortId,
  current,
  initial,
  onSaved,
  onCancel,
}: {
  cohortId: string;
  current: Questionnaire | null;
  initial: Draft;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const [busy, setBusy] = useState(false);
  const locked = current?.lockedAt !== null && current !== null;
  const setItem = (index: number, patch: Partial<ItemDraft>) =>
    setDraft((d) => ({
      ...d,
      items: d.items.map((item, i) => (i === index ? { ...item, ...patch } : item)),
    }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty: Record<string, string> = {};
    if (!draft.titleTh.trim()) {
      empty.titleTh = t('cohorts.questionnaire.required');
    }
    draft.items.forEach((item, index) => {
      if (!item.textTh.trim()) {
        empty[`items.${index}.textTh`] = t('cohorts.questionnaire.required');
      }
    });
    if (Object.keys(empty).length > 0) {
      setErrors({ fields: empty, rest: [] });
      return;
    }
    setBusy(true);
    cohortsApi
      .saveQuestionnaire(cohortId, {
        version: current?.version ?? null,
        titleTh: draft.titleTh,
        titleEn: draft.titleEn,
        scalePoints: draft.scalePoints,
        items: draft.items.map((i) => ({
          ...(i.id ? { id: i.id } : {}),
          textTh: i.textTh,
          textEn: i.textEn,
        })),
      })
      .then(onSaved, (error: unknown) => {
        setBusy(false);
        setErrors(spreadErrors(toApiError(error), t));
      });
  };

  return (
    <form className="co-q-form" onSubmit={onSubmit} noValidate data-testid="questionnaire-form">
      {errors.rest.length > 0 ? <FormAlert>{errors.rest.join(' ')}</FormAlert> : null}
      <div className="panel-form__grid">
        <div className="field form-field" data-invalid={errors.fields.titleTh ? 'true' : undefined}>
          <label htmlFor={`${id}-titleTh`}>{t('cohorts.questionnaire.titleTh')}</label>
          <input
            id={`${id}-titleTh`}
            value={draft.titleTh}
            maxLength={COHORT_LIMITS.name}
            onChange={(event) => setDraft({ ...draft, titleTh: event.target.value })}
          />
          <FieldError id={`${id}-titleTh-error`} message={errors.fields.titleTh} />
        </div>
        <div className="field form-field">
          <label htmlFor={`${id}-titleEn`}>{t('cohorts.questionnaire.titleEn')}</label>
          <input
            id={`${id}-titleEn`}
            value={draft.titleEn}
            maxLength={COHORT_LIMITS.name}
            onChange={(event) => setDraft({ ...draft, titleEn: event.target.value })}
          />
        </div>
        <div className="field form-field" data-invalid={errors.fields.scalePoints ? 'true' : undefined}>
          <label htmlFor={`${id}-scale`}>{t('cohorts.questionnaire.scalePoints')}</label>
          <select
            id={`${id}-scale`}
            value={draft.scalePoints}
            disabled={locked}
            onChange={(event) => setDraft({ ...draft, scalePoints: Number(event.target.value) })}
          >
            {Array.from(
              { length: COHORT_LIMITS.scalePointsMax - COHORT_LIMITS.scalePointsMin + 1 },
              (_, i) => i + COHORT_LIMITS.scalePointsMin,
            ).map((n) => (
              <option key={n} value={n}>
                {t('cohorts.questionnaire.scale', { points: n })}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-scale-error`} message={errors.fields.scalePoints} />
        </div>
      </div>
      <ol className="co-q-items">
        {draft.items.map((item, index) => (
          <li key={item.key} className="co-q-item" data-testid="questionnaire-item">
            <div
              className="field form-field"
              data-invalid={errors.fields[`items.${index}.textTh`] ? 'true' : undefined}
            >
              <label htmlFor={`${id}-${item.key}-th`}>
                {t('cohorts.questionnaire.item', { n: index + 1 })} · {t('cohorts.questionnaire.itemTh')}
              </label>
              <input
                id={`${id}-${item.key}-th`}
                value={item.textTh}
                disabled={locked}
                maxLength={COHORT_LIMITS.itemText}
                onChange={(event) => setItem(index, { textTh: event.target.value })}
              />
              <FieldError
                id={`${id}-${item.key}-th-error`}
                message={errors.fields[`items.${index}.textTh`] ?? errors.fields[`items.${index}.id`]}
              />
            </div>
            <div className="field form-field">
              <label htmlFor={`${id}-${item.key}-en`}>{t('cohorts.questionnaire.itemEn')}</label>
              <input
                id={`${id}-${item.key}-en`}
                value={item.textEn}
                disabled={locked}
                maxLength={COHORT_LIMITS.itemText}
                onChange={(event) => setItem(index, { textEn: event.target.value })}
              />
            </div>
            {!locked && draft.items.length > COHORT_LIMITS.itemsMin ? (
              <button
                type="button"
                className="button button--secondary co-small-button"
                onClick={() => setDraft({ ...draft, items: draft.items.filter((_, i) => i !== index) })}
              >
                {t('cohorts.questionnaire.removeItem', { n: index + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="form-actions co-actions">
        {!locked && draft.items.length < COHORT_LIMITS.itemsMax ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              setDraft({ ...draft, items: [...draft.items, { key: newKey(), textTh: '', textEn: '' }] })
            }
          >
            {t('cohorts.questionnaire.addItem')}
          </button>
        ) : null}
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="questionnaire-save"
        >
          {t('cohorts.questionnaire.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('cohorts.questionnaire.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The cohort's questionnaire (managers): shown, made from a starter set, edited until the first answer locks it. */
export function QuestionnaireSection({ cohortId }: { cohortId: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const questionnaire = useQuestionnaire(cohortId, true);
  const starter = useStarter();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  const body = () => {
    if (questionnaire.status === 'error') {
      return <ErrorState error={questionnaire.error} onRetry={questionnaire.reload} />;
    }
    if (questionnaire.status !== 'success') {
      return <LoadingState />;
    }
    const q = questionnaire.data;
    if (editing) {
      return (
        <Editor
          cohortId={cohortId}
          current={q}
          initial={q ? draftOf(q) : starter()}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            questionnaire.reload();
          }}
        />
      );
    }
    if (!q) {
      return (
        <>
          <p className="co-muted">{t('cohorts.questionnaire.none')}</p>
          <p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing(true)}
              data-testid="questionnaire-create"
            >
              {t('cohorts.questionnaire.create')}
            </button>
          </p>
        </>
      );
    }
    return (
      <div className="co-q-view" data-testid="questionnaire-view">
        <p>
          <strong>{inLang(lang, q.titleTh, q.titleEn)}</strong>{' '}
          <span className="co-muted co-inline">
            {t('cohorts.questionnaire.scale', { points: q.scalePoints })}
          </span>
        </p>
        {q.lockedAt ? (
          <p className="co-note" data-testid="questionnaire-locked">
            {t('cohorts.questionnaire.locked', { date: formatDate(q.lockedAt, lang) })}
          </p>
        ) : null}
        <p className="co-muted">
          {t('cohorts.questionnaire.counts', {
            pre: formatNumber(q.responseCounts.pre, lang),
            post: formatNumber(q.responseCounts.post, lang),
          })}
        </p>
        <ol className="co-q-list">
          {q.items.map((item) => (
            <li key={item.id}>{inLang(lang, item.textTh, item.textEn)}</li>
          ))}
        </ol>
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
            data-testid="questionnaire-edit"
          >
            {t('cohorts.questionnaire.edit')}
          </button>
        </p>
      </div>
    );
  };

  return (
    <section className="co-section" aria-labelledby={`${id}-title`} data-testid="questionnaire-section">
      <h2 id={`${id}-title`}>{t('cohorts.questionnaire.title')}</h2>
      <p className="co-intro">{t('cohorts.questionnaire.intro')}</p>
      {saved ? <FormSuccess>{t('cohorts.questionnaire.saved')}</FormSuccess> : null}
      {body()}
    </section>
  );
}
