import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { AssessmentPhase, MyAssessment } from '@shared/contracts/cohorts';
import { FieldError, FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { toApiError } from '@web/lib/api';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { cohortsApi, useMyAssessment } from '../api';
import { cohortName, inLang, scoreText, spreadErrors } from '../labels';
import '@web/components/ui/form.css';
import '../cohorts.css';

function Submitted({ mine }: { mine: MyAssessment }) {
  const { t, lang } = useI18n();
  return (
    <ul className="co-submitted" data-testid="submitted">
      {(['pre', 'post'] as const).map((phase) => {
        const r = mine.responses[phase];
        return r ? (
          <li key={phase}>
            {t('cohorts.assessment.submitted', {
              phase: t(`cohorts.phase.${phase}`),
              date: formatDate(r.submittedAt, lang, 'dateTime'),
            })}
          </li>
        ) : null;
      })}
    </ul>
  );
}

function AnswerForm({ mine, onDone }: { mine: MyAssessment; onDone: (next: MyAssessment) => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const q = mine.questionnaire;
  const neither = mine.responses.pre === null && mine.responses.post === null;
  const [phase, setPhase] = useState<AssessmentPhase>(mine.responses.pre === null ? 'pre' : 'post');
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const [busy, setBusy] = useState(false);
  if (!q) {
    return null;
  }
  const missing = q.items.filter((i) => answers[i.id] === undefined).length;
  const points = Array.from({ length: q.scalePoints }, (_, i) => i + 1);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (missing > 0) {
      setErrors({
        fields: Object.fromEntries(
          q.items
            .filter((i) => answers[i.id] === undefined)
            .map((i) => [`answers.${i.id}`, t('cohorts.errors.ANSWER_REQUIRED')]),
        ),
        rest: [t('cohorts.assessment.missing', { count: formatNumber(missing, lang) })],
      });
      return;
    }
    if (!window.confirm(t('cohorts.assessment.confirm'))) {
      return;
    }
    setBusy(true);
    cohortsApi.submitResponse(mine.cohortId, { phase, answers }).then(
      (next) => {
        setBusy(false);
        setAnswers({});
        onDone(next);
      },
      (error: unknown) => {
        setBusy(false);
        setErrors(spreadErrors(toApiError(error), t));
      },
    );
  };

  return (
    <form className="co-answer-form" onSubmit={onSubmit} noValidate data-testid="assessment-form">
      <h2>
        {inLang(lang, q.titleTh, q.titleEn)} · {t(`cohorts.phase.${phase}`)}
      </h2>
      <p className="co-intro">{t('cohorts.assessment.intro', { points: q.scalePoints })}</p>
      {neither ? (
        <fieldset className="co-fieldset co-phase-choice">
          <legend>{t('cohorts.assessment.choosePhase')}</legend>
          <div className="co-checks">
            {(['pre', 'post'] as const).map((p) => (
              <label key={p} className="co-check">
                <input type="radio" name={`${id}-phase`} checked={phase === p} onChange={() => setPhase(p)} />
                {t(`cohorts.phase.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <ol className="co-likert-list">
        {q.items.map((item, index) => {
          const error = errors.fields[`answers.${item.id}`];
          return (
            <li key={item.id} className="co-likert" data-invalid={error ? 'true' : undefined}>
              <fieldset
                aria-describedby={error ? `${id}-${item.id}-error` : undefined}
                data-testid="likert-item"
              >
                <legend>
                  <span className="co-likert__n">{index + 1}.</span> {inLang(lang, item.textTh, item.textEn)}
                </legend>
                <div className="co-likert__scale">
                  <span className="co-likert__end" aria-hidden="true">
                    {t('cohorts.assessment.low')}
                  </span>
                  {points.map((n) => (
                    <label key={n} className="co-likert__point">
                      <input
                        type="radio"
                        name={`${id}-${item.id}`}
                        value={n}
                        checked={answers[item.id] === n}
                        onChange={() => setAnswers({ ...answers, [item.id]: n })}
                      />
                      <span>{n}</span>
                    </label>
                  ))}
                  <span className="co-likert__end" aria-hidden="true">
                    {t('cohorts.assessment.high')}
                  </span>
                </div>
                <FieldError id={`${id}-${item.id}-error`} message={error} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      {errors.rest.length > 0 ? <FormAlert>{errors.rest.join(' ')}</FormAlert> : null}
      <div className="form-actions co-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="assessment-submit"
        >
          {t('cohorts.assessment.submit')}
        </button>
      </div>
    </form>
  );
}

function Assessment() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const loaded = useMyAssessment(id);
  const [latest, setLatest] = useState<MyAssessment | null>(null);
  const [thanks, setThanks] = useState(false);
  usePageTitle(t('cohorts.assessment.title'));

  if (loaded.status === 'error') {
    return loaded.error.isNotFound ? (
      <NotFoundState
        title={t('common.notFoundTitle')}
        text={t('common.notFoundText')}
        back={{ to: '/cohorts', label: t('cohorts.page.back') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  }
  if (loaded.status !== 'success') {
    return (
      <div className="container page-body">
        <LoadingState />
      </div>
    );
  }
  const mine = latest ?? loaded.data;
  const name = cohortName({ nameTh: mine.cohortNameTh, nameEn: mine.cohortNameEn }, lang);
  const done = mine.responses.pre !== null && mine.responses.post !== null;
  return (
    <>
      <PageHeader
        title={t('cohorts.assessment.title')}
        eyebrow={<Link to={`/cohorts/${mine.cohortId}`}>{name}</Link>}
        back={{ to: '/cohorts', label: t('cohorts.page.back') }}
      />
      <div className="container page-body co-page co-narrow">
        {thanks ? <FormSuccess>{t('cohorts.assessment.thanks')}</FormSuccess> : null}
        <Submitted mine={mine} />
        {mine.change !== null ? (
          <p className="co-note" data-testid="my-change">
            {t('cohorts.assessment.yourChange', { change: scoreText(mine.change, lang, true) })}
          </p>
        ) : null}
        {!mine.questionnaire ? (
          <EmptyState>{t('cohorts.assessment.noQuestionnaire')}</EmptyState>
        ) : !mine.abilities.answer ? (
          <EmptyState>{t('cohorts.assessment.notMember')}</EmptyState>
        ) : done ? (
          <p className="co-done" data-testid="assessment-done">
            {t('cohorts.assessment.done')}
          </p>
        ) : (
          <AnswerForm
            key={`${mine.responses.pre?.submittedAt ?? ''}${mine.responses.post?.submittedAt ?? ''}`}
            mine={mine}
            onDone={(next) => {
              setLatest(next);
              setThanks(true);
              window.scrollTo({ top: 0 });
            }}
          />
        )}
      </div>
    </>
  );
}

/** `/cohorts/:id/assessment`: a member answers the capacity questionnaire before and after the incubation. */
export default function AssessmentPage() {
  return (
    <RequireAuth>
      <Assessment />
    </RequireAuth>
  );
}
