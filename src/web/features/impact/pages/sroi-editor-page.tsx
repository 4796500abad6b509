import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  SroiAssessmentModelSchema,
  type SroiAssessmentDetail,
  type SroiAssessmentIssue,
} from '@shared/contracts/sroi-assessments';
import { SroiConventionSchema } from '@shared/contracts/sroi';
import { DEFAULT_DISCOUNT_RATE } from '@shared/impact/sroi';
import { evaluateAssessmentModel, fractionToPercentText } from '@shared/impact/sroi-assessment';
import { Badge } from '@web/components/ui/badge';
import { FormSuccess, SaveProblemAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { apiGet, toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useUnsavedGuard } from '@web/lib/use-unsaved-guard';
import { sroiApi, useProjectIndicatorsForSroi, useSroiAssessment } from '../api-sroi';
import { SroiMapEditor } from '../components/sroi-map-editor';
import { SrNumberInput } from '../components/sroi-number-input';
import { fieldDomId, issueText } from '../components/sroi-labels';
import { SroiComparisonBox, SroiDetails, SroiHeadline, SroiIssueList } from '../components/sroi-results';
import { draftFingerprint, optionalPercentField, type SrDraft } from '../sroi-form';
import '@web/components/ui/form.css';
import '../sroi.css';

type Problem = { kind: 'error' | 'stale'; message: string } | null;
type LiveIssue = Pick<SroiAssessmentIssue, 'path' | 'code' | 'params' | 'message'>;

const draftOf = (a: SroiAssessmentDetail): SrDraft => ({ title: a.title, notes: a.notes, model: a.model });

/** A zod path (['outcomes', 2, 'deadweight']) as a stored path (`outcomes[2].deadweight`). */
function zodPath(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** Takes the person to a field: its input, else its outcome card. */
function goTo(path: string): void {
  const candidates = [fieldDomId(path), fieldDomId(path.replace(/\.[A-Za-z]+.*$/, ''))];
  for (const id of candidates) {
    const element = document.getElementById(id);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
      return;
    }
  }
}

function EditorScreen({ initial, projectId }: { initial: SroiAssessmentDetail; projectId: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<SrDraft>(() => draftOf(initial));
  const [base, setBase] = useState(() => draftFingerprint(draftOf(initial)));
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const indicators = useProjectIndicatorsForSroi(projectId);

  const editable = saved.abilities.edit;
  const dirty = editable && (draftFingerprint(draft) !== base || invalid.size > 0);
  useUnsavedGuard(dirty, t('sroiEditor.editor.leave'));

  const kindLabel = t(`sroiEditor.kindShort.${saved.kind}`);
  const heading =
    draft.title.trim() || t('sroiEditor.editor.untitled', { kind: kindLabel, n: saved.versionNo });
  usePageTitle(heading);

  // The same engine as the server and the CLI, on every change (deferred so typing stays smooth).
  const liveModel = useDeferredValue(draft.model);
  const live = useMemo(() => evaluateAssessmentModel(liveModel), [liveModel]);
  const schema = useMemo(() => SroiAssessmentModelSchema.safeParse(draft.model), [draft.model]);
  const schemaIssues = useMemo<LiveIssue[]>(
    () =>
      schema.success
        ? []
        : schema.error.issues.map((issue) => ({
            path: zodPath(issue.path),
            code: 'OTHER',
            params: {},
            message: issue.message,
          })),
    [schema],
  );
  const shownIssues = useMemo<LiveIssue[]>(
    () => (editable ? [...schemaIssues, ...live.issues] : saved.issues),
    [editable, schemaIssues, live.issues, saved.issues],
  );
  const result = editable ? live.result : saved.result;
  const comparison = editable ? live.comparison : (saved.comparison?.result ?? null);

  const errors = useMemo(() => {
    const map = new Map<string, string>();
    for (const issue of shownIssues) {
      if (!map.has(issue.path)) {
        map.set(issue.path, issueText(t, issue));
      }
    }
    for (const path of invalid) {
      map.set(path, t('sroiEditor.editor.invalidValue'));
    }
    return map;
  }, [shownIssues, invalid, t]);

  const setValidity = (path: string, valid: boolean) =>
    setInvalid((current) => {
      if (valid === !current.has(path)) {
        return current;
      }
      const next = new Set(current);
      if (valid) {
        next.delete(path);
      } else {
        next.add(path);
      }
      return next;
    });

  const setModel = (model: SrDraft['model']) => {
    setFlash(null);
    // rows removed: forget the typed-text problems of rows that no longer exist
    setInvalid((current) => {
      const next = new Set(
        [...current].filter((path) => {
          const match = /^(stakeholders|inputs|outcomes)\[(\d+)\]/.exec(path);
          return !match || Number(match[2]) < model[match[1] as 'inputs'].length;
        }),
      );
      return next.size === current.size ? current : next;
    });
    setDraft((d) => ({ ...d, model }));
  };

  const adopt = (next: SroiAssessmentDetail, message: string | null) => {
    setSaved(next);
    setDraft(draftOf(next));
    setBase(draftFingerprint(draftOf(next)));
    setInvalid(new Set());
    setProblem(null);
    setFlash(message);
  };

  const fail = (error: unknown) => {
    const apiError = toApiError(error);
    setProblem(
      apiError.code === 'CONFLICT'
        ? { kind: 'stale', message: t('sroiEditor.editor.conflict') }
        : { kind: 'error', message: t('sroiEditor.editor.failed', { message: apiErrorText(apiError, t) }) },
    );
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      if (invalid.size > 0 || !schema.success) {
        setProblem({ kind: 'error', message: t('sroiEditor.editor.schemaInvalid') });
        const first = [...invalid][0] ?? schemaIssues[0]?.path;
        if (first) {
          goTo(first);
        }
        return;
      }
      const next = await sroiApi.save(saved.id, {
        version: saved.version,
        title: draft.title,
        notes: draft.notes,
        model: draft.model,
      });
      adopt(
        next,
        next.issues.length > 0
          ? t('sroiEditor.editor.savedWithIssues', { count: next.issues.length })
          : t('sroiEditor.editor.saved'),
      );
    });

  const finalise = () =>
    run(async () => {
      if (!window.confirm(t('sroiEditor.editor.finaliseConfirm'))) {
        return;
      }
      adopt(await sroiApi.finalise(saved.id, saved.version), t('sroiEditor.editor.finalised'));
    });

  const newVersion = () =>
    run(async () => {
      const next = await sroiApi.newVersion(saved.id);
      void navigate(`/projects/${projectId}/sroi/${next.id}`);
    });

  const remove = () =>
    run(async () => {
      if (!window.confirm(t('sroiEditor.editor.deleteConfirm'))) {
        return;
      }
      await sroiApi.remove(saved.id, saved.version);
      setBase(draftFingerprint(draft));
      setInvalid(new Set());
      // leave after the guard has seen that nothing is unsaved any more
      window.setTimeout(() => void navigate(`/projects/${projectId}/impact`), 0);
    });

  const reloadLatest = () =>
    run(async () => {
      adopt(await apiGet<SroiAssessmentDetail>(`/api/sroi-assessments/${saved.id}`), null);
    });

  const canFinalise = saved.abilities.finalise;
  const finaliseBlocked = dirty
    ? t('sroiEditor.editor.finaliseSaveFirst')
    : saved.issues.length > 0 || saved.result === null
      ? t('sroiEditor.editor.finaliseBlocked')
      : null;
  const model = draft.model;
  const defaultRate = fractionToPercentText(DEFAULT_DISCOUNT_RATE[model.convention]);

  return (
    <>
      <PageHeader
        title={heading}
        back={{ to: `/projects/${projectId}/impact`, label: t('sroiEditor.editor.back') }}
        eyebrow={
          <span className="sr-badges">
            <span>{t('sroiEditor.editor.title')}</span>
            <Badge tone="brand">{t(`sroiEditor.kind.${saved.kind}`)}</Badge>
            <Badge>{t('sroiEditor.panel.version', { n: saved.versionNo })}</Badge>
            <Badge tone={saved.status === 'final' ? 'success' : 'accent'}>
              {t(`sroiEditor.status.${saved.status}`)}
            </Badge>
          </span>
        }
      />
      <div className="container page-body sr-page" data-testid="sr-editor">
        {saved.status === 'final' && saved.finalisedAt ? (
          <p className="sr-box sr-box--final" data-testid="sr-frozen">
            {t('sroiEditor.editor.frozen', { date: formatDate(saved.finalisedAt, lang, 'long') })}
          </p>
        ) : !editable ? (
          <p className="sr-box">{t('sroiEditor.editor.readOnly')}</p>
        ) : null}
        {flash ? <FormSuccess>{flash}</FormSuccess> : null}
        {problem ? (
          <SaveProblemAlert
            kind={problem.kind}
            message={problem.message}
            reloadLabel={t('sroiEditor.editor.reload')}
            onReloadLatest={() => void reloadLatest()}
          />
        ) : null}

        <fieldset className="sr-unstyled" disabled={!editable || busy}>
          <legend className="sr-visually-hidden">{t('sroiEditor.editor.title')}</legend>
          <section className="sr-section" aria-labelledby="sr-settings-title">
            <h2 id="sr-settings-title">{t('sroiEditor.section.settings')}</h2>
            <div className="sr-grid">
              <div className="sr-field sr-field--wide">
                <label htmlFor="sr-title">{t('sroiEditor.editor.titleLabel')}</label>
                <input
                  id="sr-title"
                  type="text"
                  maxLength={200}
                  value={draft.title}
                  placeholder={t('sroiEditor.editor.untitled', { kind: kindLabel, n: saved.versionNo })}
                  onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))}
                />
              </div>
              <div className="sr-field sr-field--wide">
                <label htmlFor="sr-convention">{t('sroiEditor.field.convention')}</label>
                <select
                  id="sr-convention"
                  data-testid="sr-convention"
                  value={model.convention}
                  onChange={(e) =>
                    setModel({ ...model, convention: SroiConventionSchema.parse(e.target.value) })
                  }
                >
                  {SroiConventionSchema.options.map((c) => (
                    <option key={c} value={c}>
                      {t(`sroiEditor.convention.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="sr-field">
                <label htmlFor={fieldDomId('discountRate')}>{t('sroiEditor.field.discountRate')}</label>
                <SrNumberInput<number | null>
                  id={fieldDomId('discountRate')}
                  data-testid="sr-discount-rate"
                  value={model.discountRate}
                  format={optionalPercentField.format}
                  parse={optionalPercentField.parse}
                  placeholder={defaultRate}
                  onValue={(discountRate) => setModel({ ...model, discountRate })}
                  onValidity={(valid) => setValidity('discountRate', valid)}
                  aria-describedby="sr-rate-hint"
                />
                <p id="sr-rate-hint" className="sr-hint">
                  {errors.get('discountRate') ??
                    t('sroiEditor.field.discountRateDefault', { rate: defaultRate })}
                </p>
              </div>
              <div className="sr-field">
                <span className="sr-label">{t('sroiEditor.field.currency')}</span>
                <span className="sr-static">{model.currency}</span>
              </div>
              <div className="sr-field sr-field--wide">
                <label htmlFor="sr-notes">{t('sroiEditor.editor.notesLabel')}</label>
                <textarea
                  id="sr-notes"
                  rows={3}
                  maxLength={5000}
                  value={draft.notes}
                  onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))}
                />
              </div>
            </div>
          </section>

          <SroiMapEditor
            model={model}
            onChange={setModel}
            errors={errors}
            onValidity={setValidity}
            indicators={indicators.status === 'success' ? indicators.data.indicators : []}
          />
        </fieldset>

        <section className="sr-section" aria-labelledby="sr-results-title" data-testid="sr-results">
          <h2 id="sr-results-title">{t('sroiEditor.section.results')}</h2>
          {editable ? <p className="sr-muted">{t('sroiEditor.result.live')}</p> : null}
          {shownIssues.length > 0 ? (
            <div className="sr-box sr-box--issues">
              <h3>{t('sroiEditor.section.issues')}</h3>
              <SroiIssueList issues={shownIssues} model={model} onGo={goTo} />
            </div>
          ) : null}
          {result ? (
            <>
              <SroiHeadline result={result} />
              {comparison ? <SroiComparisonBox result={comparison} /> : null}
              <SroiDetails result={result} model={model} onGo={goTo} />
            </>
          ) : (
            <p className="sr-muted">{t('sroiEditor.result.none')}</p>
          )}
        </section>
      </div>

      <div className="sr-bar" data-testid="sr-bar">
        <div className="container sr-bar__inner">
          <p className="sr-bar__ratio" aria-live="polite">
            {result ? (
              <>
                <strong data-testid="sr-bar-ratio">
                  {lang === 'th' ? result.ratioDisplay.th : result.ratioDisplay.uk}
                </strong>{' '}
                <span className="sr-muted">{t(`sroiEditor.conventionShort.${result.convention}`)}</span>
              </>
            ) : (
              <span className="sr-muted">{t('sroiEditor.result.none')}</span>
            )}
            {dirty ? <span className="sr-dirty"> · {t('sroiEditor.editor.unsaved')}</span> : null}
          </p>
          <div
            className="button-row sr-bar__actions"
            role="group"
            aria-label={t('sroiEditor.editor.actions')}
          >
            {editable ? (
              <button
                type="button"
                className="button button--primary"
                data-testid="sr-save"
                disabled={busy || !dirty}
                onClick={() => void save()}
              >
                {busy ? t('sroiEditor.editor.saving') : t('sroiEditor.editor.save')}
              </button>
            ) : null}
            {canFinalise ? (
              <button
                type="button"
                className="button button--secondary"
                data-testid="sr-finalise"
                disabled={busy || finaliseBlocked !== null}
                title={finaliseBlocked ?? undefined}
                onClick={() => void finalise()}
              >
                {t('sroiEditor.editor.finalise')}
              </button>
            ) : null}
            {saved.abilities.newVersion ? (
              <button
                type="button"
                className="button button--secondary"
                data-testid="sr-new-version"
                disabled={busy}
                onClick={() => void newVersion()}
              >
                {t('sroiEditor.editor.newVersion')}
              </button>
            ) : null}
            {saved.abilities.delete ? (
              <button
                type="button"
                className="button button--danger"
                data-testid="sr-delete"
                disabled={busy}
                onClick={() => void remove()}
              >
                {t('sroiEditor.editor.delete')}
              </button>
            ) : null}
          </div>
          {canFinalise && finaliseBlocked ? <p className="sr-hint sr-bar__note">{finaliseBlocked}</p> : null}
        </div>
      </div>
    </>
  );
}

function EditorLoader() {
  const { t } = useI18n();
  const { id, assessmentId } = useParams();
  const assessment = useSroiAssessment(assessmentId);
  usePageTitle(t('sroiEditor.editor.title'));
  if (assessment.status === 'error') {
    return assessment.error.isNotFound || assessment.error.code === 'VALIDATION_FAILED' ? (
      <NotFoundState
        title={t('sroiEditor.editor.notFound')}
        text={t('sroiEditor.editor.notFound')}
        back={{ to: id ? `/projects/${id}/impact` : '/projects', label: t('sroiEditor.editor.back') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={assessment.error} onRetry={assessment.reload} />
      </div>
    );
  }
  if (assessment.status !== 'success') {
    return <LoadingState />;
  }
  const data = assessment.data;
  return <EditorScreen key={data.id} initial={data} projectId={data.projectId} />;
}

/** `/projects/:id/sroi/:assessmentId`: the impact-map editor with live results. */
export default function SroiEditorPage() {
  return (
    <RequireAuth>
      <EditorLoader />
    </RequireAuth>
  );
}
