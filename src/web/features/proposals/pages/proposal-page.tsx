import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AnswerIssue } from '@shared/contracts/forms';
import type { Attachment, ProposalDetail } from '@shared/contracts/proposals';
import { validateAnswers } from '@shared/forms/validate';
import {
  FormRenderer,
  type AnswerUpdate,
  type FileHandlers,
} from '@web/components/form-renderer/form-renderer';
import { focusField, issueCountBySection, issueText } from '@web/components/form-renderer/issues';
import { localized } from '@web/components/form-renderer/frames';
import { useLiveValidation } from '@web/components/form-renderer/use-live-form';
import { Badge } from '@web/components/ui/badge';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useCall } from '@web/features/calls/api';
import { EligibilityChecks } from '@web/features/calls/components/eligibility-checks';
import { OfficerProposalActions } from '@web/features/intake/components/officer-proposal-actions';
import { DecisionCard } from '@web/features/decisions/components/decision-card';
import { SelectionPanel } from '@web/features/decisions/components/selection-panel';
import { ProposalReviewersSection } from '@web/features/reviewers/components/proposal-reviewers-section';
import { useOrganisations } from '@web/features/organisations/api';
import { ConfirmAction } from '@web/features/organisations/components/confirm-action';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatDate, localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { attachmentHref, pdfHref, proposalsApi, uploadAttachment, useProposal } from '../api';
import { ConflictPanel } from '../components/conflict-panel';
import { DetailsSection } from '../components/details-section';
import { IssueSummary, type IssueItem } from '../components/issue-summary';
import { SaveStatus } from '../components/save-status';
import { StatusBadge } from '../components/status-badge';
import { DETAILS_SECTION, issueWhere } from '../issue-where';
import { isConflictPending, useAutosave } from '../use-autosave';
import '../proposals.css';

const PREFIX = 'pf-';

type SubmitPhase = 'idle' | 'checking' | 'confirm' | 'submitting';

function ReceiptCard({
  detail,
  emailed,
  email,
}: {
  detail: ProposalDetail;
  emailed: boolean;
  email: string | null;
}) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (emailed) {
      ref.current?.focus();
    }
  }, [emailed]);
  return (
    <section
      className="receipt-card"
      aria-labelledby={headingId}
      tabIndex={-1}
      ref={ref}
      data-testid="receipt"
    >
      <h2 id={headingId}>{t('proposals.submit.doneTitle')}</h2>
      <dl className="receipt-card__facts">
        <div>
          <dt>{t('proposals.submit.receipt')}</dt>
          <dd className="receipt-card__number" data-testid="receipt-number">
            {detail.receiptNumber}
          </dd>
        </div>
        {detail.submittedAt ? (
          <div>
            <dt>{t('proposals.editor.submittedAt')}</dt>
            <dd>
              {t('proposals.editor.deadlineValue', {
                date: formatDate(detail.submittedAt, lang, 'dateTimeSeconds'),
              })}
            </dd>
          </div>
        ) : null}
      </dl>
      {emailed ? (
        <p>{email ? t('proposals.submit.emailSent', { email }) : t('proposals.submit.emailSentGeneric')}</p>
      ) : null}
      <p>
        <a className="button button--secondary" href={pdfHref(detail.id)} data-testid="proposal-pdf">
          {t('proposals.submit.pdf')}
        </a>
      </p>
    </section>
  );
}

function Returned({ detail }: { detail: ProposalDetail }) {
  const { t, lang } = useI18n();
  if (!detail.returned || detail.status !== 'returned') {
    return null;
  }
  return (
    <section className="returned-notice" data-testid="returned-notice">
      <h2>{t('proposals.returned.title')}</h2>
      <p className="returned-notice__due">
        {t('proposals.returned.due', { date: formatDate(detail.returned.dueAt, lang, 'dateTime') })}
      </p>
      <h3>{t('proposals.returned.comment')}</h3>
      <p className="returned-notice__comment">{detail.returned.comment}</p>
    </section>
  );
}

function ProposalEditor({ initial, onReload }: { initial: ProposalDetail; onReload: () => void }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const autosave = useAutosave(initial, initial.abilities.edit);
  const { detail, draft, state, conflict, change } = autosave;
  const form = detail.form;
  const editable = detail.abilities.edit;
  const call = useCall(detail.callId);
  const organisations = useOrganisations('mine');
  const live = useLiveValidation(form, draft.answers);
  const [section, setSection] = useState(DETAILS_SECTION);
  const [submitPhase, setSubmitPhase] = useState<SubmitPhase>('idle');
  /** The problems found by the last submit attempt: the live client check from then on, or the server's list. */
  const [submitIssues, setSubmitIssues] = useState<
    { kind: 'client' } | { kind: 'server'; items: IssueItem[] } | null
  >(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<Attachment[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const contentRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const navId = useId();
  const title = draft.titleTh || t('proposals.mine.untitled');
  usePageTitle(title);

  const problems = call.status === 'success' ? call.data.problemStatements : [];
  const grant =
    call.status === 'success'
      ? { minSatang: call.data.minGrantSatang, maxSatang: call.data.maxGrantSatang }
      : null;
  const candidates =
    organisations.status === 'success'
      ? organisations.data.filter((o) => o.id !== detail.organisation.id)
      : [];

  const attachments = useMemo(() => {
    const known = new Set(detail.attachments.map((a) => a.id));
    return [...detail.attachments, ...uploaded.filter((a) => !known.has(a.id))].filter(
      (a) => !removed.includes(a.id),
    );
  }, [detail.attachments, uploaded, removed]);

  const files = useMemo<FileHandlers>(
    () => ({
      attachments,
      upload: async (questionId, file, onProgress) => {
        const attachment = await uploadAttachment(detail.id, questionId, file, onProgress);
        setUploaded((list) => [...list, attachment]);
        return attachment;
      },
      remove: async (attachment) => {
        await proposalsApi.removeAttachment(detail.id, attachment.id);
        setRemoved((list) => [...list, attachment.id]);
      },
      downloadHref: (attachment) => attachmentHref(detail.id, attachment.id),
    }),
    [attachments, detail.id],
  );

  const onAnswer = useCallback(
    (questionId: string, update: AnswerUpdate) =>
      change((d) => ({ ...d, answers: { ...d.answers, [questionId]: update(d.answers[questionId]) } })),
    [change],
  );

  const titleError = draft.titleTh.trim() === '' ? t('proposals.editor.titleRequired') : undefined;
  const sectionCounts = issueCountBySection(form, live.issues);
  const navItems = [
    { id: DETAILS_SECTION, title: t('proposals.editor.sectionDetails'), count: titleError ? 1 : 0 },
    ...form.sections.map((s) => ({
      id: s.id,
      title: localized(s.titleTh, s.titleEn, lang),
      count: sectionCounts.get(s.id) ?? 0,
    })),
  ];
  const index = Math.max(
    0,
    navItems.findIndex((item) => item.id === section),
  );

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) {
      return;
    }
    pendingFocus.current = null;
    if (target === '') {
      contentRef.current?.focus({ preventScroll: true });
      contentRef.current?.scrollIntoView({ block: 'start' });
    } else {
      focusField(PREFIX, target);
    }
  }, [section]);

  const goTo = (sectionId: string, field?: string) => {
    if (sectionId === section) {
      if (field) {
        focusField(PREFIX, field);
      }
      return;
    }
    pendingFocus.current = field ?? '';
    setSection(sectionId);
  };

  const toItems = (issues: ReadonlyArray<{ field: string; text: string }>): IssueItem[] =>
    issues.map((issue) => ({ ...issue, where: issueWhere(form, issue.field, t, lang).where }));

  const clientIssues: AnswerIssue[] = [
    ...(titleError ? [{ field: 'titleTh', key: 'errors.form.required' }] : []),
    ...live.allIssues,
  ];
  const shownIssues =
    submitIssues?.kind === 'server'
      ? submitIssues.items
      : submitIssues?.kind === 'client'
        ? toItems(clientIssues.map((i) => ({ field: i.field, text: issueText(i, t, lang) })))
        : [];

  const goToIssue = (field: string) => goTo(issueWhere(form, field, t, lang).sectionId, field);

  const checkAndAsk = async () => {
    setSubmitError(null);
    setSubmitIssues(null);
    setSubmitPhase('checking');
    let saved: ProposalDetail;
    try {
      saved = await autosave.flush();
    } catch (error) {
      setSubmitPhase('idle');
      setSubmitError(
        isConflictPending(error)
          ? t('proposals.submit.resolveConflictFirst')
          : apiErrorText(toApiError(error), t),
      );
      return;
    }
    live.revealAll();
    const found: AnswerIssue[] = [
      ...(saved.titleTh.trim() === '' ? [{ field: 'titleTh', key: 'errors.form.required' }] : []),
      ...validateAnswers(saved.form, saved.answers, 'submit'),
    ];
    if (found.length > 0) {
      setAttempt((n) => n + 1);
      setSubmitIssues({ kind: 'client' });
      setSubmitPhase('idle');
      return;
    }
    setSubmitPhase('confirm');
  };

  const confirmSubmit = async () => {
    setSubmitPhase('submitting');
    setSubmitError(null);
    try {
      const saved = await autosave.flush();
      const result = await proposalsApi.submit(saved.id, saved.version);
      autosave.replace(result);
      setJustSubmitted(true);
      setSubmitPhase('idle');
    } catch (cause) {
      setSubmitPhase('idle');
      if (isConflictPending(cause)) {
        setSubmitError(t('proposals.submit.resolveConflictFirst'));
        return;
      }
      const error = toApiError(cause);
      const issues = fieldIssues(error);
      if (error.code === 'VALIDATION_FAILED' && issues.length > 0) {
        setAttempt((n) => n + 1);
        setSubmitIssues({
          kind: 'server',
          items: toItems(issues.map((i) => ({ field: i.field.replace(/^body\./, ''), text: i.message }))),
        });
      } else if (error.code === 'DEADLINE_PASSED') {
        setSubmitError(
          t('proposals.submit.deadlinePassed', { deadline: formatDate(detail.deadline, lang, 'dateTime') }),
        );
      } else {
        setSubmitError(apiErrorText(error, t));
      }
    }
  };

  const withdraw = () => {
    setSubmitError(null);
    proposalsApi.withdraw(detail.id).then(
      (result) => {
        autosave.replace(result);
        setNotice(t('proposals.withdraw.done'));
      },
      (error: unknown) => setSubmitError(apiErrorText(toApiError(error), t)),
    );
  };

  const deadline = t('proposals.editor.deadlineValue', {
    date: formatDate(detail.deadline, lang, 'dateTime'),
  });
  const callTitle = localText({ titleTh: detail.callTitleTh, titleEn: detail.callTitleEn }, 'title', lang);
  const readOnlyNote = !editable
    ? detail.status === 'draft' || detail.status === 'returned'
      ? t('proposals.editor.readOnlyViewer')
      : t('proposals.editor.readOnlyStatus', { status: t(`proposals.status.${detail.status}`) })
    : null;

  return (
    <>
      <PageHeader
        title={title}
        titleLang="th"
        back={{ to: '/proposals', label: t('proposals.editor.backToMine') }}
        eyebrow={
          <>
            <StatusBadge status={detail.status} />
            <Badge>{t(`proposals.stage.${detail.stage}`)}</Badge>
            {detail.receiptNumber ? <Badge tone="brand">{detail.receiptNumber}</Badge> : null}
          </>
        }
      >
        <dl className="proposal-meta">
          <div>
            <dt>{t('proposals.editor.call')}</dt>
            <dd>
              <Link to={`/calls/${detail.callId}`}>{`${detail.callCode} · ${callTitle}`}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('proposals.editor.organisation')}</dt>
            <dd>{detail.organisation.nameTh}</dd>
          </div>
          <div>
            <dt>{t('proposals.editor.deadline')}</dt>
            <dd data-testid="proposal-deadline">{deadline}</dd>
          </div>
        </dl>
      </PageHeader>

      {editable ? (
        <div className="proposal-toolbar" data-testid="proposal-toolbar">
          <div className="container proposal-toolbar__inner">
            <SaveStatus state={state} onSaveNow={autosave.saveNow} />
            <a className="button button--primary proposal-toolbar__submit" href="#submit">
              {detail.status === 'returned' ? t('proposals.submit.resubmit') : t('proposals.submit.button')}
            </a>
          </div>
        </div>
      ) : null}

      <div className="container page-body proposal-page">
        {notice ? <FormSuccess>{notice}</FormSuccess> : null}
        {detail.status === 'submitted' ? <DecisionCard proposalId={detail.id} /> : null}
        {detail.status === 'submitted' && detail.receiptNumber ? (
          <ReceiptCard detail={detail} emailed={justSubmitted} email={me?.email ?? null} />
        ) : null}
        <Returned detail={detail} />
        {conflict ? (
          <ConflictPanel
            form={form}
            mine={draft}
            theirs={conflict}
            problems={problems}
            onKeepMine={autosave.keepMine}
            onTakeTheirs={autosave.takeTheirs}
          />
        ) : null}
        {readOnlyNote ? <p className="proposal-readonly">{readOnlyNote}</p> : null}

        {editable ? (
          <div className="proposal-layout">
            <nav className="proposal-nav" aria-labelledby={navId}>
              <h2 className="proposal-nav__title" id={navId}>
                {t('proposals.editor.sections')}
              </h2>
              <ol>
                {navItems.map((item, i) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="proposal-nav__item"
                      aria-current={item.id === section ? 'step' : undefined}
                      onClick={() => goTo(item.id)}
                      data-testid={`section-${item.id}`}
                    >
                      <span className="proposal-nav__number">{i + 1}</span>
                      <span className="proposal-nav__name">{item.title}</span>
                      {item.count > 0 ? (
                        <span className="proposal-nav__issues">
                          {t('proposals.editor.sectionIssues', { count: item.count })}
                        </span>
                      ) : null}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
            <div className="proposal-content" ref={contentRef} tabIndex={-1}>
              <p className="proposal-content__progress">
                {t('proposals.editor.sectionProgress', { n: index + 1, total: navItems.length })}
              </p>
              {section === DETAILS_SECTION ? (
                <DetailsSection
                  draft={draft}
                  readOnly={false}
                  prefix={PREFIX}
                  titleError={titleError}
                  problems={problems}
                  applicantId={detail.organisation.id}
                  coApplicants={detail.coApplicants}
                  candidates={candidates}
                  onChange={change}
                />
              ) : (
                <FormRenderer
                  form={form}
                  answers={draft.answers}
                  onAnswer={onAnswer}
                  issues={live.issues}
                  onTouch={live.touch}
                  sectionId={section}
                  files={files}
                  grant={grant}
                  idPrefix={PREFIX}
                />
              )}
              <div className="proposal-pager">
                {index > 0 ? (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => goTo(navItems[index - 1]?.id ?? DETAILS_SECTION)}
                  >
                    ← {t('proposals.editor.previous')}
                  </button>
                ) : (
                  <span />
                )}
                {index < navItems.length - 1 ? (
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => goTo(navItems[index + 1]?.id ?? DETAILS_SECTION)}
                    data-testid="next-section"
                  >
                    {t('proposals.editor.next')} →
                  </button>
                ) : null}
              </div>
            </div>
          </div>
        ) : (
          <div className="proposal-read">
            <DetailsSection
              draft={draft}
              readOnly
              prefix={PREFIX}
              titleError={undefined}
              problems={problems}
              applicantId={detail.organisation.id}
              coApplicants={detail.coApplicants}
              candidates={[]}
              onChange={change}
            />
            <FormRenderer form={form} answers={draft.answers} readOnly files={files} idPrefix={PREFIX} />
          </div>
        )}

        {editable || detail.abilities.withdraw ? (
          <section className="submit-panel" id="submit" aria-labelledby={`${navId}-submit`}>
            <h2 id={`${navId}-submit`}>
              {editable ? t('proposals.submit.title') : t('proposals.withdraw.button')}
            </h2>
            {editable ? <p>{t('proposals.submit.intro')}</p> : null}
            {shownIssues.length > 0 ? (
              <IssueSummary key={attempt} items={shownIssues} onGo={goToIssue} />
            ) : null}
            {submitError ? <FormAlert testId="submit-error">{submitError}</FormAlert> : null}
            {editable && detail.abilities.submit ? (
              submitPhase === 'confirm' || submitPhase === 'submitting' ? (
                <div className="submit-panel__confirm" role="group" aria-labelledby={`${navId}-confirm`}>
                  <p id={`${navId}-confirm`}>
                    {t('proposals.submit.confirmQuestion', {
                      title: draft.titleTh,
                      deadline: formatDate(detail.deadline, lang, 'dateTime'),
                    })}
                  </p>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={submitPhase === 'submitting'}
                      onClick={() => void confirmSubmit()}
                      data-testid="confirm-submit"
                    >
                      {submitPhase === 'submitting'
                        ? t('proposals.submit.submitting')
                        : t('proposals.submit.confirm')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={submitPhase === 'submitting'}
                      onClick={() => setSubmitPhase('idle')}
                    >
                      {t('proposals.submit.cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={submitPhase === 'checking' || conflict !== null}
                  onClick={() => void checkAndAsk()}
                  data-testid="submit-proposal"
                >
                  {submitPhase === 'checking'
                    ? t('proposals.submit.checking')
                    : detail.status === 'returned'
                      ? t('proposals.submit.resubmit')
                      : t('proposals.submit.button')}
                </button>
              )
            ) : editable ? (
              <p className="proposal-readonly">{t('proposals.submit.notAllowed')}</p>
            ) : null}
            {detail.abilities.withdraw ? (
              <div className="submit-panel__withdraw">
                <ConfirmAction
                  label={t('proposals.withdraw.button')}
                  question={t('proposals.withdraw.question')}
                  confirmLabel={t('proposals.withdraw.confirm')}
                  cancelLabel={t('proposals.withdraw.cancel')}
                  onConfirm={withdraw}
                  danger
                  testId="withdraw-proposal"
                />
              </div>
            ) : null}
          </section>
        ) : null}

        <OfficerProposalActions proposal={detail} onChanged={onReload} />
        <SelectionPanel proposal={detail} onChanged={onReload} />
        <ProposalReviewersSection proposal={detail} onChanged={onReload} />

        {detail.eligibility && detail.status !== 'draft' ? (
          <section className="proposal-side-section" aria-labelledby={`${navId}-eligibility`}>
            <h2 id={`${navId}-eligibility`}>{t('proposals.editor.eligibility')}</h2>
            <EligibilityChecks result={detail.eligibility} />
            {detail.eligibilityOverride ? (
              <p className="proposal-readonly">
                {t('proposals.editor.eligibilityOverride', {
                  result: detail.eligibilityOverride.eligible
                    ? t('eligibility.eligible')
                    : t('eligibility.notEligible'),
                  reason: detail.eligibilityOverride.reason,
                })}
              </p>
            ) : null}
          </section>
        ) : null}

        {detail.events.length > 0 ? (
          <section className="proposal-side-section" aria-labelledby={`${navId}-history`}>
            <h2 id={`${navId}-history`}>{t('proposals.editor.history')}</h2>
            <ol className="proposal-history">
              {detail.events.map((event, i) => (
                <li key={`${event.at}-${i}`}>
                  {t('proposals.editor.historyItem', {
                    date: formatDate(event.at, lang, 'dateTime'),
                    status: isStatus(event.toStatus)
                      ? t(`proposals.status.${event.toStatus}`)
                      : event.toStatus,
                  })}
                  {event.note ? <span className="proposal-history__note">{event.note}</span> : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
    </>
  );
}

function isStatus(value: string): value is ProposalDetail['status'] {
  return ['draft', 'submitted', 'returned', 'withdrawn'].includes(value);
}

function ProposalLoader() {
  const { t } = useI18n();
  const { id } = useParams();
  const proposal = useProposal(id);
  usePageTitle(proposal.status === 'success' ? proposal.data.titleTh : t('proposals.editor.loadingTitle'));
  if (proposal.status === 'error') {
    return proposal.error.isNotFound || proposal.error.code === 'VALIDATION_FAILED' ? (
      <NotFoundState
        title={t('proposals.editor.notFound')}
        text={t('proposals.editor.notFoundText')}
        back={{ to: '/proposals', label: t('proposals.editor.backToMine') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={proposal.error} onRetry={proposal.reload} />
      </div>
    );
  }
  if (proposal.status !== 'success') {
    return <LoadingState />;
  }
  // an officer's action (return, override) reloads the proposal: start the editor afresh from the new data
  return (
    <ProposalEditor
      key={`${proposal.data.id}:${proposal.data.version}:${proposal.data.status}:${proposal.data.eligibilityOverride?.at ?? ''}`}
      initial={proposal.data}
      onReload={proposal.reload}
    />
  );
}

/** A proposal: the editor (autosave, sections, submit) or, when it cannot be edited, the read-only view. */
export default function ProposalPage() {
  return (
    <RequireAuth>
      <ProposalLoader />
    </RequireAuth>
  );
}
