import { useState } from 'react';
import { useParams } from 'react-router';
import type { ContestCategory, ContestScore, JudgingSheet } from '@shared/contracts/contests';
import type { CriterionScores } from '@shared/contracts/rubrics';
import { needsComment } from '@shared/reviews/scoring';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatNumber, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { contestsApi, useJudgingSheet } from '../api';
import { entrantOf, useProvinceName } from '../labels';
import '@web/components/ui/form.css';
import '../contests.css';

type SheetEntry = JudgingSheet['categories'][number]['entries'][number];

function Locked({ score }: { score: ContestScore }) {
  const { t, lang } = useI18n();
  return score.status === 'recused' ? (
    <p className="ct-muted" data-testid="score-recused">
      {t('contests.judging.recused')}
    </p>
  ) : (
    <p data-testid="score-submitted">
      <strong>
        {t('contests.judging.submitted', {
          score: formatNumber(score.weightedScore ?? 0, lang, { maximumFractionDigits: 1 }),
        })}
      </strong>
    </p>
  );
}

function ScoreForm({
  category,
  item,
  editable,
  onSaved,
}: {
  category: ContestCategory;
  item: SheetEntry;
  editable: boolean;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const initial = item.myScore;
  const [scores, setScores] = useState<CriterionScores>(() => initial?.scores ?? {});
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [conflict, setConflict] = useState(false);
  const [statement, setStatement] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  if (initial && initial.status !== 'draft') {
    return <Locked score={initial} />;
  }
  if (item.ownOrganisation) {
    return <p className="ct-muted">{t('contests.judging.ownOrganisation')}</p>;
  }
  if (!editable) {
    return null;
  }

  const setScore = (id: string, value: number) =>
    setScores((s) => ({ ...s, [id]: { score: value, comment: s[id]?.comment ?? '' } }));
  const setCriterionComment = (id: string, value: string) =>
    setScores((s) => ({ ...s, [id]: { score: s[id]?.score ?? null, comment: value } }));

  const send = async (submit: boolean) => {
    if (submit && !window.confirm(t('contests.judging.confirmSubmit'))) {
      return;
    }
    setMessage(null);
    setInvalid(new Set());
    setBusy(true);
    try {
      if (submit) {
        await contestsApi.submitScore(item.entry.id, { scores, comment });
        onSaved();
      } else {
        await contestsApi.saveScore(item.entry.id, { scores, comment });
        setMessage({ tone: 'ok', text: t('contests.judging.draftSaved') });
      }
    } catch (caught) {
      const error = toApiError(caught);
      setInvalid(new Set(fieldIssues(error).map((i) => i.field.replace('body.scores.', ''))));
      setMessage({ tone: 'error', text: error.message });
    } finally {
      setBusy(false);
    }
  };

  const recuse = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await contestsApi.declareConflict(item.entry.id, statement);
      onSaved();
    } catch (caught) {
      setMessage({ tone: 'error', text: toApiError(caught).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ct-form" data-testid="score-form">
      {category.criteria.map((criterion) => {
        const current = scores[criterion.id];
        const legendId = `${item.entry.id}-${criterion.id}`;
        const commentNeeded = needsComment(criterion, current?.score);
        return (
          <div
            key={criterion.id}
            className="ct-criterion-score"
            data-invalid={invalid.has(criterion.id) ? 'true' : undefined}
          >
            <fieldset className="ct-scale" aria-describedby={`${legendId}-guide`}>
              <legend>
                {localName(criterion, lang)}{' '}
                <span className="ct-muted">{t('contests.detail.weight', { weight: criterion.weight })}</span>
              </legend>
              {Array.from(
                { length: criterion.scaleMax - criterion.scaleMin + 1 },
                (_, i) => criterion.scaleMin + i,
              ).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={legendId}
                    value={value}
                    checked={current?.score === value}
                    onChange={() => setScore(criterion.id, value)}
                    data-testid={`score-${criterion.id}-${value}`}
                  />
                  <span>{value}</span>
                </label>
              ))}
            </fieldset>
            <p id={`${legendId}-guide`} className="ct-guidance">
              {localText(criterion, 'guidance', lang)}
              {criterion.commentAtOrBelow !== null
                ? ` ${t('contests.judging.commentRule', { score: criterion.commentAtOrBelow })}`
                : ''}
            </p>
            {commentNeeded || current?.comment ? (
              <div className="field form-textarea">
                <label htmlFor={`${legendId}-comment`}>
                  {commentNeeded
                    ? t('contests.judging.commentRequired')
                    : t('contests.judging.criterionComment')}
                </label>
                <textarea
                  id={`${legendId}-comment`}
                  rows={2}
                  value={current?.comment ?? ''}
                  onChange={(e) => setCriterionComment(criterion.id, e.target.value)}
                />
              </div>
            ) : null}
          </div>
        );
      })}
      <div className="field form-textarea">
        <label htmlFor={`${item.entry.id}-comment`}>{t('contests.judging.overallComment')}</label>
        <textarea
          id={`${item.entry.id}-comment`}
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {message ? (
        <p
          className={message.tone === 'error' ? 'form-alert' : 'form-success'}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      <p className="ct-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void send(false)}
        >
          {t('contests.judging.saveDraft')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void send(true)}
          data-testid="submit-score"
        >
          {t('contests.judging.submit')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => setConflict(!conflict)}
          aria-expanded={conflict}
        >
          {t('contests.judging.declareConflict')}
        </button>
      </p>
      {conflict ? (
        <div className="ct-inline-form">
          <div className="field">
            <label htmlFor={`${item.entry.id}-conflict`}>{t('contests.judging.conflictStatement')}</label>
            <input
              id={`${item.entry.id}-conflict`}
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
            />
          </div>
          <button
            type="button"
            className="button button--danger"
            disabled={busy || !statement.trim()}
            onClick={() => void recuse()}
          >
            {t('contests.judging.recuse')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Sheet() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const provinceName = useProvinceName();
  const sheet = useJudgingSheet(id);
  usePageTitle(
    sheet.status === 'success' ? localText(sheet.data.contest, 'title', lang) : t('contests.judging.title'),
  );
  if (sheet.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={sheet.error} onRetry={sheet.reload} />
      </div>
    );
  }
  if (sheet.status !== 'success') {
    return <LoadingState />;
  }
  const { contest, categories } = sheet.data;
  const editable = contest.status === 'judging';
  return (
    <>
      <PageHeader
        title={localText(contest, 'title', lang)}
        eyebrow={t('contests.judging.sheet')}
        back={{ to: '/judging', label: t('contests.judging.title') }}
        intro={
          <p>
            {editable
              ? t('contests.judging.sheetIntro')
              : contest.status === 'open'
                ? t('contests.judging.notYet')
                : t('contests.judging.closed')}
          </p>
        }
      />
      <div className="container page-body">
        {categories.map((category) => (
          <section key={category.id} className="ct-section" aria-labelledby={`ct-sheet-${category.id}`}>
            <h2 id={`ct-sheet-${category.id}`}>{localName(category, lang)}</h2>
            {category.entries.length === 0 ? (
              <EmptyState>{t('contests.admin.noAccepted')}</EmptyState>
            ) : (
              category.entries.map((item) => (
                <article key={item.entry.id} className="ct-score-entry" data-testid="judge-entry">
                  <h3>{localText(item.entry, 'title', lang)}</h3>
                  <p className="ct-meta">
                    {entrantOf(item.entry, lang)}
                    {item.entry.provinceCode ? ` · ${provinceName(item.entry.provinceCode)}` : ''}
                  </p>
                  {localText(item.entry, 'summary', lang) ? (
                    <p>{localText(item.entry, 'summary', lang)}</p>
                  ) : null}
                  <ScoreForm category={category} item={item} editable={editable} onSaved={sheet.reload} />
                </article>
              ))
            )}
          </section>
        ))}
      </div>
    </>
  );
}

/** A judge scores the accepted entries of a contest on each category's rubric, or declares a conflict. */
export default function JudgingSheetPage() {
  return (
    <RequireAuth>
      <Sheet />
    </RequireAuth>
  );
}
