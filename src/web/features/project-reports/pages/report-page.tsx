import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  PROJECT_LIMITS,
  type EvidenceFile,
  type ReportBody,
  type ReportDetail,
} from '@shared/contracts/projects';
import { Badge } from '@web/components/ui/badge';
import { FormSuccess, SaveProblemAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { fieldIssues, toApiError } from '@web/lib/api';
import { TIME_ZONE, formatDate, localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useUnsavedGuard } from '@web/lib/use-unsaved-guard';
import { projectReportsApi, useProjectReport } from '../api';
import { EvidenceFiles, type FileEvents } from '../components/evidence-files';
import { ExpendituresEditor, useLineName } from '../components/expenditures-section';
import { IndicatorsEditor } from '../components/indicators-section';
import { ProjectIndicatorsOffer } from '@web/features/impact/components/indicator-report-offer';
import { ReportIssueSummary, type ReportIssue } from '../components/issue-summary';
import { MilestonesEditor } from '../components/milestones-section';
import { ReportHistory, ReturnedNotice } from '../components/report-history';
import { ReportSection, ReportView } from '../components/report-sections';
import { ReportStatusBadge } from '../components/report-status-badge';
import { ReviewPanel } from '../components/review-panel';
import { ScalingEditor } from '../components/scaling-section';
import { SrlPicker } from '../components/srl-section';
import { ReportTextArea } from '../components/text-area';
import {
  bodyFromDraft,
  draftFingerprint,
  draftFromReport,
  emptyIndicator,
  fieldDomIdCandidates,
  fieldKey,
  type ReportDraft,
} from '../report-form';
import '@web/components/ui/form.css';
import '../project-reports.css';

type Busy = 'save' | 'submit' | null;
type Problem = { kind: 'error' | 'stale'; message: string } | null;

/** "14:05": hours and minutes in Bangkok. */
function clock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** Takes the person to the field of an error: its input, else the nearest part of the report that holds it. */
function focusField(key: string): void {
  for (const id of fieldDomIdCandidates(key)) {
    const element = document.getElementById(id);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
      return;
    }
  }
}

/** The words for the part of a row an error names (`milestones.<id>.completionPercent` → "Completion (%)"). */
const PART_LABELS: Record<string, Record<string, MessageKey>> = {
  milestones: {
    completionPercent: 'projectReportsUi.milestone.completion',
    note: 'projectReportsUi.milestone.note',
    evidence: 'projectReportsUi.milestone.evidence',
  },
  expenditures: {
    spentSatang: 'projectReportsUi.expenditure.spentNowShort',
    note: 'projectReportsUi.expenditure.note',
  },
  indicators: {
    name: 'projectReportsUi.indicator.name',
    unit: 'projectReportsUi.indicator.unit',
    value: 'projectReportsUi.indicator.value',
    target: 'projectReportsUi.indicator.target',
    note: 'projectReportsUi.indicator.note',
  },
  scalingRecommendations: {
    area: 'projectReportsUi.scaling.area',
    provinceCodes: 'projectReportsUi.scaling.provinces',
    recommendation: 'projectReportsUi.scaling.recommendation',
    conditions: 'projectReportsUi.scaling.conditions',
  },
};

/** "Milestone: Pilot in two villages › Completion (%)": where in the report a field is, for the list of problems. */
function useWhere(report: ReportDetail) {
  const { t, lang } = useI18n();
  const lineName = useLineName();
  const row = (head: string, second: string | undefined): string => {
    const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : null;
    switch (head) {
      case 'milestones': {
        const milestone = report.milestones.find((m) => m.milestoneId === second);
        return milestone
          ? t('projectReportsUi.where.milestone', { title: localText(milestone, 'title', lang) })
          : t('projectReportsUi.where.milestones');
      }
      case 'expenditures': {
        const line = report.expenditures.find((e) => e.budgetLineId === second);
        return line
          ? t('projectReportsUi.where.expenditure', { line: lineName(line) })
          : t('projectReportsUi.where.expenditures');
      }
      case 'indicators':
        return index === null
          ? t('projectReportsUi.where.indicators')
          : t('projectReportsUi.where.indicator', { n: index + 1 });
      case 'scalingRecommendations':
        return index === null
          ? t('projectReportsUi.where.scalingRecommendations')
          : t('projectReportsUi.where.scalingItem', { n: index + 1 });
      case 'narrative':
      case 'problems':
      case 'risks':
      case 'srlLevel':
      case 'srlEvidence':
      case 'lessonsLearned':
      case 'files':
        return t(`projectReportsUi.where.${head}`);
      default:
        return t('projectReportsUi.where.report');
    }
  };
  return (key: string): string => {
    const [head = '', second, part] = key.split('.');
    const partKey = part === undefined ? undefined : PART_LABELS[head]?.[part];
    return partKey ? `${row(head, second)} › ${t(partKey)}` : row(head, second);
  };
}

function ReportMeta({ report }: { report: ReportDetail }) {
  const { t, lang } = useI18n();
  return (
    <dl className="pr-meta">
      <div className="pr-meta__project">
        <dt>{t('projectReportsUi.page.project')}</dt>
        <dd>
          <Link to={`/projects/${report.projectId}`}>
            {localText({ titleTh: report.projectTitleTh, titleEn: report.projectTitleEn }, 'title', lang)}
          </Link>
        </dd>
      </div>
      <div>
        <dt>{t('projectReportsUi.page.period')}</dt>
        <dd>
          {t('projectReportsUi.page.periodValue', {
            start: formatDate(report.periodStart, lang),
            end: formatDate(report.periodEnd, lang),
          })}
        </dd>
      </div>
      <div>
        <dt>{t('projectReportsUi.page.due')}</dt>
        <dd data-testid="report-due">
          {formatDate(report.dueOn, lang)}{' '}
          {report.isOverdue ? <Badge tone="target">{t('projectReportsUi.page.overdue')}</Badge> : null}
        </dd>
      </div>
      {report.submittedAt ? (
        <div>
          <dt>{t('projectReportsUi.page.submittedAt')}</dt>
          <dd>{formatDate(report.submittedAt, lang, 'dateTime')}</dd>
        </div>
      ) : null}
      {report.reviewedAt ? (
        <div>
          <dt>{t('projectReportsUi.page.reviewedAt')}</dt>
          <dd>{formatDate(report.reviewedAt, lang, 'dateTime')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The applicant's editor of a report that can still be changed: every part, save draft and submit. */
function ReportEditor({
  report,
  draft,
  files,
  errors,
  fileEvents,
  onDraft,
}: {
  report: ReportDetail;
  draft: ReportDraft;
  files: readonly EvidenceFile[];
  errors: Record<string, string>;
  fileEvents: FileEvents;
  onDraft: (update: (draft: ReportDraft) => ReportDraft, touched: string) => void;
}) {
  const { t } = useI18n();
  const text = (field: 'narrative' | 'problems' | 'risks' | 'srlEvidence' | 'lessonsLearned') => ({
    fieldKey: field,
    value: draft[field],
    error: errors[field],
    maxLength: PROJECT_LIMITS.longText,
    onChange: (value: string) => onDraft((d) => ({ ...d, [field]: value }), field),
  });
  const filesFor = (purpose: EvidenceFile['purpose']) => files.filter((f) => f.purpose === purpose);
  const evidence = (purpose: EvidenceFile['purpose'], what: string) => (
    <EvidenceFiles
      reportId={report.id}
      files={filesFor(purpose)}
      target={{ purpose }}
      editable
      reportFileCount={files.length}
      what={what}
      onAdded={fileEvents.onAdded}
      onRemoved={fileEvents.onRemoved}
    />
  );

  return (
    <div className="pr-sections" data-testid="report-editor">
      <ReportSection
        name="milestones"
        anchor="milestones"
        title={t('projectReportsUi.sections.milestones')}
        intro={t('projectReportsUi.sections.milestonesIntro')}
        error={errors.milestones}
      >
        <MilestonesEditor
          report={report}
          milestones={draft.milestones}
          files={files}
          errors={errors}
          fileEvents={fileEvents}
          onChange={(milestoneId, part) =>
            onDraft(
              (d) => ({
                ...d,
                milestones: d.milestones.map((m) => (m.milestoneId === milestoneId ? { ...m, ...part } : m)),
              }),
              `milestones.${milestoneId}`,
            )
          }
        />
      </ReportSection>

      <ReportSection name="narrative" title={t('projectReportsUi.sections.narrative')}>
        <ReportTextArea
          {...text('narrative')}
          label={t('projectReportsUi.sections.narrative')}
          hint={t('projectReportsUi.sections.narrativeHint')}
          rows={8}
          hideLabel
        />
      </ReportSection>

      <ReportSection
        name="expenditures"
        anchor="expenditures"
        title={t('projectReportsUi.sections.expenditures')}
        intro={t('projectReportsUi.sections.expendituresIntro')}
        error={errors.expenditures}
      >
        <ExpendituresEditor
          report={report}
          expenditures={draft.expenditures}
          errors={errors}
          onChange={(budgetLineId, part) =>
            onDraft(
              (d) => ({
                ...d,
                expenditures: d.expenditures.map((e) =>
                  e.budgetLineId === budgetLineId ? { ...e, ...part } : e,
                ),
              }),
              `expenditures.${budgetLineId}`,
            )
          }
        />
        <div className="pr-subsection">
          <h3 className="pr-subsection__title">{t('projectReportsUi.sections.expenditureFiles')}</h3>
          {evidence('expenditure', t('projectReportsUi.sections.expenditureFiles'))}
        </div>
      </ReportSection>

      <ReportSection
        name="indicators"
        anchor="indicators"
        title={t('projectReportsUi.sections.indicators')}
        intro={t('projectReportsUi.sections.indicatorsIntro')}
        error={errors.indicators}
      >
        <IndicatorsEditor
          indicators={draft.indicators}
          errors={errors}
          onChange={(update) => onDraft((d) => ({ ...d, indicators: update(d.indicators) }), 'indicators')}
        />
        <ProjectIndicatorsOffer
          projectId={report.projectId}
          presentCodes={draft.indicators.map((i) => i.indicatorCode)}
          onAdd={(rows) =>
            onDraft(
              (d) => ({
                ...d,
                indicators: [...d.indicators, ...rows.map((row) => ({ ...emptyIndicator(), ...row }))],
              }),
              'indicators',
            )
          }
        />
      </ReportSection>

      <ReportSection
        name="srl"
        title={t('projectReportsUi.sections.srl')}
        intro={t('projectReportsUi.sections.srlIntro')}
      >
        <SrlPicker
          value={draft.srlLevel}
          error={errors.srlLevel}
          onChange={(srlLevel) => onDraft((d) => ({ ...d, srlLevel }), 'srlLevel')}
        />
        <ReportTextArea
          {...text('srlEvidence')}
          label={t('projectReportsUi.srl.evidence')}
          hint={t('projectReportsUi.srl.evidenceHint')}
          rows={5}
        />
        <div className="pr-subsection">
          <h3 className="pr-subsection__title">{t('projectReportsUi.srl.files')}</h3>
          {evidence('srl', t('projectReportsUi.srl.files'))}
        </div>
      </ReportSection>

      <ReportSection name="problems" title={t('projectReportsUi.sections.problemsRisks')}>
        <ReportTextArea
          {...text('problems')}
          label={t('projectReportsUi.sections.problems')}
          hint={t('projectReportsUi.sections.problemsHint')}
        />
        <ReportTextArea
          {...text('risks')}
          label={t('projectReportsUi.sections.risks')}
          hint={t('projectReportsUi.sections.risksHint')}
        />
      </ReportSection>

      {report.kind === 'final' ? (
        <ReportSection name="final" title={t('projectReportsUi.sections.final')}>
          <ReportTextArea
            {...text('lessonsLearned')}
            label={t('projectReportsUi.sections.lessons')}
            hint={t('projectReportsUi.sections.lessonsHint')}
            rows={6}
          />
          <div
            className="pr-subsection"
            id={fieldDomIdCandidates('scalingRecommendations')[0]}
            tabIndex={-1}
            data-invalid={errors.scalingRecommendations ? 'true' : undefined}
          >
            <h3 className="pr-subsection__title">{t('projectReportsUi.sections.scaling')}</h3>
            <p className="pr-section__intro">{t('projectReportsUi.sections.scalingIntro')}</p>
            {errors.scalingRecommendations ? (
              <p className="field__error pr-list-error">{errors.scalingRecommendations}</p>
            ) : null}
            <ScalingEditor
              items={draft.scalingRecommendations}
              errors={errors}
              onChange={(update) =>
                onDraft(
                  (d) => ({ ...d, scalingRecommendations: update(d.scalingRecommendations) }),
                  'scalingRecommendations',
                )
              }
            />
          </div>
        </ReportSection>
      ) : null}

      <ReportSection
        name="files"
        anchor="files"
        title={t('projectReportsUi.sections.otherFiles')}
        intro={t('projectReportsUi.sections.otherFilesIntro')}
        error={errors.files}
      >
        {evidence('other', t('projectReportsUi.sections.otherFiles'))}
      </ReportSection>
    </div>
  );
}

function ReportScreen({
  initial,
  flash,
  onReload,
}: {
  initial: ReportDetail;
  flash: string | null;
  onReload: (flash?: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [report, setReport] = useState(initial);
  const [draft, setDraft] = useState(() => draftFromReport(initial));
  const [baseline, setBaseline] = useState(() => draftFingerprint(draftFromReport(initial)));
  const [files, setFiles] = useState<EvidenceFile[]>(initial.files);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<{ during: 'save' | 'submit'; list: ReportIssue[] }>({
    during: 'save',
    list: [],
  });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<Busy>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(flash);
  const [problem, setProblem] = useState<Problem>(null);
  const [confirming, setConfirming] = useState(false);
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);

  const editable = report.abilities.edit;
  const dirty = editable && draftFingerprint(draft) !== baseline;
  const where = useWhere(report);
  const kind = t(`projects.reportKind.${report.kind}`);
  const heading = t('projectReportsUi.page.heading', { kind, sequence: report.sequence });
  usePageTitle(heading);
  useUnsavedGuard(dirty, t('projectReportsUi.guard.leave'));

  const onDraft = useCallback((update: (d: ReportDraft) => ReportDraft, touched: string) => {
    setDraft(update);
    setNotice(null);
    setErrors((now) => {
      const kept = Object.entries(now).filter(([key]) => key !== touched && !key.startsWith(`${touched}.`));
      return kept.length === Object.keys(now).length ? now : Object.fromEntries(kept);
    });
  }, []);

  /** Files sent since the report was last loaded or saved: a save answered meanwhile may not list them yet. */
  const addedSince = useRef(new Set<string>());
  const fileEvents: FileEvents = {
    onAdded: (file) => {
      addedSince.current.add(file.id);
      setFiles((list) => [...list, file]);
      setNotice(null);
    },
    onRemoved: (fileId) => {
      addedSince.current.delete(fileId);
      setFiles((list) => list.filter((f) => f.id !== fileId));
    },
  };

  /** The report as the server now holds it; the draft follows unless it was changed while the request ran. */
  const accept = (saved: ReportDetail, sent: ReportDraft | null) => {
    const fresh = draftFromReport(saved);
    const recent = new Set(addedSince.current);
    addedSince.current.clear();
    setReport(saved);
    setFiles((local) => [
      ...saved.files,
      ...local.filter((f) => recent.has(f.id) && !saved.files.some((known) => known.id === f.id)),
    ]);
    setBaseline(draftFingerprint(fresh));
    if (sent === null || draftFingerprint(draftRef.current) === draftFingerprint(sent)) {
      setDraft(fresh);
    }
    setErrors({});
    setIssues((now) => ({ ...now, list: [] }));
    setProblem(null);
  };

  const showProblems = (found: Record<string, string>, during: 'save' | 'submit') => {
    setErrors(found);
    setIssues({
      during,
      list: Object.entries(found).map(([key, text]) => ({ key, where: where(key), text })),
    });
    setAttempt((n) => n + 1);
  };

  const refused = (
    raw: unknown,
    rows: Pick<ReportBody, 'milestones' | 'expenditures'>,
    during: 'save' | 'submit',
  ) => {
    const error = toApiError(raw);
    if (error.code === 'CONFLICT') {
      setProblem({ kind: 'stale', message: t('projectReportsUi.save.stale') });
      return;
    }
    const found: Record<string, string> = {};
    for (const issue of fieldIssues(error)) {
      const key = fieldKey(issue.field, rows);
      found[key] = found[key] ? `${found[key]} · ${issue.message}` : issue.message;
    }
    if (Object.keys(found).length > 0) {
      showProblems(found, during);
      setProblem(null);
    } else {
      setProblem({
        kind: 'error',
        message: t('projectReportsUi.save.failed', { message: apiErrorText(error, t) }),
      });
    }
  };

  /** Saves the draft; null when it could not be (its problems are shown). */
  const persist = async (during: 'save' | 'submit'): Promise<ReportDetail | null> => {
    const sent = draft;
    const { body, problems } = bodyFromDraft(sent, report.version);
    const keys = Object.keys(problems);
    if (keys.length > 0) {
      showProblems(
        Object.fromEntries(
          Object.entries(problems).map(([key, kind]) => [key, t(`projectReportsUi.problem.${kind}`)]),
        ),
        during,
      );
      return null;
    }
    try {
      const saved = await projectReportsApi.save(report.id, body);
      accept(saved, sent);
      setSavedAt(new Date().toISOString());
      return saved;
    } catch (raw) {
      refused(raw, body, during);
      return null;
    }
  };

  const save = async () => {
    setBusy('save');
    setNotice(null);
    setProblem(null);
    const saved = await persist('save');
    setBusy(null);
    if (saved) {
      setNotice(t('projectReportsUi.save.saved'));
    }
  };

  const submit = async () => {
    setBusy('submit');
    setNotice(null);
    setProblem(null);
    let current = report;
    if (dirty || report.status === 'not_started') {
      const saved = await persist('submit');
      if (!saved) {
        setBusy(null);
        setConfirming(false);
        return;
      }
      current = saved;
    }
    try {
      const submitted = await projectReportsApi.submit(current.id, current.version);
      accept(submitted, null);
      setNotice(t('projectReportsUi.submit.done'));
      window.scrollTo({ top: 0 });
    } catch (raw) {
      refused(raw, current, 'submit');
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  };

  const reviewed = (saved: ReportDetail, decision: 'approve' | 'return') => {
    accept(saved, null);
    setNotice(
      decision === 'approve'
        ? t('projectReportsUi.review.approved')
        : t('projectReportsUi.review.returnedDone'),
    );
    window.scrollTo({ top: 0 });
  };

  const readOnlyNote = editable
    ? null
    : report.status === 'approved'
      ? t('projectReportsUi.page.readOnlyApproved')
      : report.status === 'submitted'
        ? report.abilities.review
          ? null
          : t('projectReportsUi.page.readOnlySubmitted')
        : t('projectReportsUi.page.readOnlyViewer', { status: t(`projects.reportStatus.${report.status}`) });

  const saveText =
    busy === 'save'
      ? t('projectReportsUi.toolbar.saving')
      : dirty
        ? t('projectReportsUi.toolbar.unsaved')
        : savedAt
          ? t('projectReportsUi.toolbar.savedAt', { time: clock(savedAt) })
          : t('projectReportsUi.toolbar.upToDate');

  return (
    <>
      <PageHeader
        title={heading}
        back={{ to: `/projects/${report.projectId}`, label: t('projectReportsUi.page.backToProject') }}
        eyebrow={
          <>
            <ReportStatusBadge status={report.status} />
            <Badge tone={report.kind === 'final' ? 'accent' : 'neutral'}>{kind}</Badge>
            <Badge tone="brand">
              {t('projectReportsUi.page.agreement', { number: report.agreementNumber })}
            </Badge>
          </>
        }
      >
        <ReportMeta report={report} />
      </PageHeader>

      {editable ? (
        <div className="pr-toolbar" data-testid="report-toolbar">
          <div className="container pr-toolbar__inner">
            <p
              className={`pr-toolbar__status${dirty ? ' pr-toolbar__status--dirty' : ''}`}
              role="status"
              aria-live="polite"
              data-testid="report-save-state"
              data-dirty={dirty ? 'true' : 'false'}
            >
              {saveText}
            </p>
            <div className="pr-toolbar__buttons">
              <button
                type="button"
                className="button button--secondary pr-toolbar__button"
                disabled={busy !== null}
                onClick={() => void save()}
                data-testid="report-save"
              >
                {t('projectReportsUi.toolbar.save')}
              </button>
              <a className="button button--primary pr-toolbar__button" href={`#${id}-submit`}>
                {t('projectReportsUi.toolbar.goSubmit')}
              </a>
            </div>
          </div>
        </div>
      ) : null}

      {report.abilities.review && report.status === 'submitted' ? (
        <div className="pr-toolbar" data-testid="review-toolbar">
          <div className="container pr-toolbar__inner">
            <p className="pr-toolbar__status pr-toolbar__status--dirty">{t('projectReportsUi.review.bar')}</p>
            <div className="pr-toolbar__buttons">
              <a className="button button--primary pr-toolbar__button" href="#pr-review">
                {t('projectReportsUi.review.goReview')}
              </a>
            </div>
          </div>
        </div>
      ) : null}

      <div className="container page-body pr-page">
        {notice ? <FormSuccess>{notice}</FormSuccess> : null}
        {problem ? (
          <SaveProblemAlert
            kind={problem.kind}
            message={problem.message}
            reloadLabel={t('projectReportsUi.save.reloadLatest')}
            onReloadLatest={() => onReload()}
          />
        ) : null}
        {issues.list.length > 0 ? (
          <ReportIssueSummary
            key={attempt}
            title={
              issues.during === 'save'
                ? t('projectReportsUi.save.issuesTitle', { count: issues.list.length })
                : t('projectReportsUi.submit.issuesTitle', { count: issues.list.length })
            }
            issues={issues.list}
            onGo={focusField}
          />
        ) : null}
        <ReturnedNotice report={report} />
        {readOnlyNote ? (
          <p className="pr-readonly" data-testid="report-readonly">
            {readOnlyNote}
          </p>
        ) : null}

        {editable ? (
          <ReportEditor
            report={report}
            draft={draft}
            files={files}
            errors={errors}
            fileEvents={fileEvents}
            onDraft={onDraft}
          />
        ) : (
          <ReportView report={report} />
        )}

        {editable ? (
          <section className="pr-submit" id={`${id}-submit`} aria-labelledby={`${id}-submit-title`}>
            <h2 id={`${id}-submit-title`}>{t('projectReportsUi.submit.title')}</h2>
            <p>{t('projectReportsUi.submit.intro')}</p>
            {!report.abilities.submit ? (
              <p className="pr-readonly">{t('projectReportsUi.submit.notAllowed')}</p>
            ) : confirming ? (
              <div className="pr-confirm" role="group" aria-labelledby={`${id}-confirm`}>
                <p id={`${id}-confirm`}>{t('projectReportsUi.submit.confirmQuestion', { title: heading })}</p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={busy !== null}
                    onClick={() => void submit()}
                    data-testid="report-submit-confirm"
                  >
                    {busy === 'submit'
                      ? t('projectReportsUi.submit.submitting')
                      : t('projectReportsUi.submit.confirm')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busy !== null}
                    onClick={() => setConfirming(false)}
                  >
                    {t('projectReportsUi.submit.cancel')}
                  </button>
                </div>
              </div>
            ) : (
              <p>
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy !== null}
                  onClick={() => {
                    setProblem(null);
                    setConfirming(true);
                  }}
                  data-testid="report-submit"
                >
                  {report.status === 'returned'
                    ? t('projectReportsUi.submit.resubmit')
                    : t('projectReportsUi.submit.button')}
                </button>
              </p>
            )}
          </section>
        ) : null}

        {report.abilities.review && report.status === 'submitted' ? (
          <ReviewPanel
            report={report}
            onDone={reviewed}
            onStale={() => onReload(t('projectReportsUi.review.stale'))}
          />
        ) : null}

        <section className="pr-section" aria-labelledby={`${id}-history`}>
          <h2 id={`${id}-history`} className="pr-section__title">
            {t('projectReportsUi.sections.history')}
          </h2>
          <ReportHistory events={report.events} />
        </section>
      </div>
    </>
  );
}

function ReportLoader() {
  const { t } = useI18n();
  const { reportId } = useParams();
  const report = useProjectReport(reportId);
  const [flash, setFlash] = useState<string | null>(null);
  usePageTitle(t('projectReportsUi.page.loadingTitle'));
  if (report.status === 'error') {
    return report.error.isNotFound || report.error.code === 'VALIDATION_FAILED' ? (
      <NotFoundState
        title={t('projectReportsUi.page.notFound')}
        text={t('projectReportsUi.page.notFoundText')}
        back={{ to: '/projects', label: t('projectReportsUi.page.backToProjects') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={report.error} onRetry={report.reload} />
      </div>
    );
  }
  if (report.status !== 'success') {
    return <LoadingState />;
  }
  // a newer version from the server starts the screen afresh
  return (
    <ReportScreen
      key={`${report.data.id}:${report.data.version}:${report.data.status}`}
      initial={report.data}
      flash={flash}
      onReload={(message) => {
        setFlash(message ?? null);
        report.reload();
      }}
    />
  );
}

/**
 * A grant project's report (/projects/:id/reports/:reportId): the organisation's editor while it can be changed
 * (milestones with evidence, narrative, spending, indicators, SRL, problems and risks; for the final report lessons
 * and scaling recommendations), save draft and submit; read only otherwise, with the officers' and the supervising
 * unit's approve / return; and the report's history.
 */
export default function ReportPage() {
  return (
    <RequireAuth>
      <ReportLoader />
    </RequireAuth>
  );
}
