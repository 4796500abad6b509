import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField, type FieldIssue } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { toSearchText } from '@server/lib/thai-text';
import { translate } from '@server/lib/i18n';
import { formatDateTime } from '@server/lib/pdf';
import type { EligibilityResult, FormStage } from '@shared/contracts/calls';
import { FORM_LIMITS, type Answers, type FormDefinition, type Question } from '@shared/contracts/forms';
import type { MemberRole } from '@shared/contracts/organisations';
import type {
  Attachment,
  CreateProposalBody,
  EligibilityOverrideBody,
  OrganisationRef,
  ProposalDetail,
  ProposalStatus,
  ProposalSummary,
  ReturnProposalBody,
  SaveProposalBody,
} from '@shared/contracts/proposals';
import type { Language } from '@shared/i18n/index';
import type { ThemeCode } from '@shared/reference/themes';
import { evaluateEligibility } from '@shared/calls/eligibility';
import {
  allQuestions,
  answerProvinces,
  answerThemes,
  budgetTotalSatang,
  hasBudgetTable,
  isQuestionVisible,
  keepVisibleAnswers,
  validateAnswers,
} from '@shared/forms/validate';
import {
  callPhase,
  firstStage,
  freezeForm,
  getCurrentForm,
  getForm,
  getTargetGroupProvinceCodes,
  getVisibleCall,
  isBeforeDeadline,
  issueReceiptNumber,
  stageDeadline,
  type CallFormRecord,
  type CallRecord,
} from '@server/modules/calls/calls.service';
import { getPublishedStatement } from '@server/modules/calls/problem-statements.service';
import {
  getMemberRole,
  getOrganisation,
  listMemberContacts,
} from '@server/modules/organisations/organisations.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import type { EmailTemplate } from '@server/modules/notifications/notifications.templates';
import * as repo from './proposals.repo';
import { proposalPolicy, type ProposalAccess } from './proposals.policy';
import { FILE_KIND_NAMES, sanitiseFileName, sniffFile } from '@server/lib/files';

// ---- Loading and shaping -------------------------------------------------------------------------------------

interface Loaded {
  record: repo.ProposalRecord;
  access: ProposalAccess;
  call: CallRecord;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const toIso = (value: Date | string) => toDate(value).toISOString();

function callOf(record: repo.ProposalRecord): CallRecord {
  const c = record.call;
  return {
    id: c.id,
    code: c.code,
    programmeSlug: c.programmeSlug,
    titleTh: c.titleTh,
    titleEn: c.titleEn,
    opensAt: toDate(c.opensAt),
    closesAt: toDate(c.closesAt),
    fullClosesAt: c.fullClosesAt ? toDate(c.fullClosesAt) : null,
    fiscalYear: c.fiscalYear,
    totalBudgetSatang: Number(c.totalBudgetSatang),
    minGrantSatang: Number(c.minGrantSatang),
    maxGrantSatang: Number(c.maxGrantSatang),
    stageMode: c.stageMode as CallRecord['stageMode'],
    eligibility: c.eligibility,
    status: c.status as CallRecord['status'],
  };
}

function accessOf(record: repo.ProposalRecord): ProposalAccess {
  return {
    myRole: record.myRole as MemberRole | null,
    isCoApplicantMember: record.isCoApplicantMember,
    status: record.proposal.status as ProposalStatus,
  };
}

/** Loads a proposal the actor may see; a proposal of someone else's organisation is NOT_FOUND. */
async function load(db: DbOrTx, actor: Actor, id: string): Promise<Loaded> {
  const record = await repo.findProposal(db, id, actor.userId);
  if (!record) {
    throw new AppError('NOT_FOUND');
  }
  const access = accessOf(record);
  if (!proposalPolicy.view(actor, access)) {
    throw new AppError('NOT_FOUND');
  }
  return { record, access, call: callOf(record) };
}

/** Locks the proposal, then loads it: the state a command decides on cannot change before it commits. */
async function loadLocked(tx: DbOrTx, actor: Actor, id: string): Promise<Loaded> {
  if (!(await repo.lockProposal(tx, id))) {
    throw new AppError('NOT_FOUND');
  }
  return load(tx, actor, id);
}

/** The deadline that applies now: the revision due date when returned, else the stage's deadline. */
function currentDeadline(call: CallRecord, p: repo.ProposalRecord['proposal']): Date {
  if (p.status === 'returned' && p.returnDueAt) {
    return toDate(p.returnDueAt);
  }
  return stageDeadline(call, p.stage as FormStage);
}

/**
 * Whether the call takes submissions of drafts at this stage: a published call; for invited full proposals of a
 * two-stage call also a call closed to new concept notes (the full stage has its own deadline).
 */
function acceptsDrafts(call: CallRecord, p: repo.ProposalRecord['proposal']): boolean {
  return call.status === 'published' || (p.stage === 'full' && call.status === 'closed');
}

/** Drafts may be edited; returned proposals until their revision is due. */
function isEditableNow(loaded: Loaded, now: Date): boolean {
  const p = loaded.record.proposal;
  if (p.status === 'draft') {
    return true;
  }
  return p.status === 'returned' && isBeforeDeadline(now, currentDeadline(loaded.call, p));
}

function abilitiesOf(actor: Actor, loaded: Loaded, now: Date): ProposalDetail['abilities'] {
  const { access, call } = loaded;
  const p = loaded.record.proposal;
  const open = isBeforeDeadline(now, currentDeadline(call, p));
  return {
    edit: proposalPolicy.edit(actor, access) && isEditableNow(loaded, now),
    submit:
      proposalPolicy.submit(actor, access) && open && (p.status === 'returned' || acceptsDrafts(call, p)),
    withdraw: proposalPolicy.withdraw(actor, access) && open,
    returnForRevision: proposalPolicy.returnForRevision(actor, access),
    overrideEligibility: proposalPolicy.overrideEligibility(actor, access),
  };
}

function organisationRef(o: repo.ProposalRecord['organisation']): OrganisationRef {
  return {
    id: o.id,
    nameTh: o.nameTh,
    nameEn: o.nameEn,
    type: o.type as OrganisationRef['type'],
    provinceCode: o.provinceCode,
  };
}

function toSummary(record: repo.ProposalListRow): ProposalSummary {
  const p = record.proposal;
  return {
    id: p.id,
    callId: p.callId,
    callCode: record.call.code,
    callTitleTh: record.call.titleTh,
    callTitleEn: record.call.titleEn,
    stage: p.stage as FormStage,
    titleTh: p.titleTh,
    titleEn: p.titleEn,
    status: p.status as ProposalStatus,
    receiptNumber: p.receiptNumber,
    organisation: organisationRef(record.organisation),
    requestedSatang: Number(p.requestedSatang),
    provinceCodes: p.provinceCodes,
    themes: p.themes as ThemeCode[],
    eligible: p.isEligible === null ? null : p.isEligible === 1,
    eligibilityOverridden: p.eligibilityOverride !== null,
    version: p.version,
    submittedAt: p.submittedAt ? toIso(p.submittedAt) : null,
    updatedAt: toIso(p.updatedAt),
  };
}

function toAttachment(row: repo.AttachmentPart): Attachment {
  return {
    id: row.id,
    questionId: row.questionId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    createdAt: toIso(row.createdAt),
  };
}

/** The detail of a proposal as loaded: its attachments, co-applicants and events came with the row. */
async function toDetail(db: DbOrTx, actor: Actor, loaded: Loaded, now: Date): Promise<ProposalDetail> {
  const p = loaded.record.proposal;
  const { attachments, coApplicants, events } = loaded.record.parts;
  const form = await getForm(db, p.formId);
  const override = p.eligibilityOverride;
  return {
    ...toSummary(loaded.record),
    formId: form.id,
    formVersion: form.version,
    form: form.definition,
    answers: p.answers,
    problemStatementId: p.problemStatementId,
    coApplicants: coApplicants.map(organisationRef),
    attachments: attachments.map(toAttachment),
    eligibility: p.eligibility,
    eligibilityOverride: override
      ? { eligible: override.eligible, reason: override.reason, at: override.at }
      : null,
    returned:
      p.status === 'returned' && p.returnComment !== null && p.returnDueAt
        ? { comment: p.returnComment, dueAt: toIso(p.returnDueAt) }
        : null,
    deadline: currentDeadline(loaded.call, p).toISOString(),
    events: events.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      at: toIso(e.createdAt),
    })),
    abilities: abilitiesOf(actor, loaded, now),
  };
}

/** The current detail, for a 409 reply: what the client shows as "the newer version". */
async function conflictWith(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<AppError> {
  const current = await toDetail(db, actor, await load(db, actor, id), now);
  return new AppError('CONFLICT', 'errors.STALE_VERSION', { current, currentVersion: current.version });
}

// ---- Derived facts: money, area, themes, search text, automatic eligibility ------------------------------------

interface Derived {
  requestedSatang: number;
  provinceCodes: number[];
  themes: string[];
  eligibility: EligibilityResult;
}

/** Text answers included in the search text, longest first cut at this many characters in all. */
const SEARCH_TEXT_MAX = 100_000;

function searchTextOf(
  form: FormDefinition,
  answers: Answers,
  parts: {
    titleTh: string;
    titleEn: string;
    organisation: repo.ProposalRecord['organisation'] | OrganisationRef;
  },
  receipt: string | null,
): string {
  const texts: string[] = [];
  let length = 0;
  for (const q of allQuestions(form)) {
    const value = answers[q.id];
    if ((q.type === 'short_text' || q.type === 'long_text') && typeof value === 'string') {
      const text = value.slice(0, Math.max(0, SEARCH_TEXT_MAX - length));
      texts.push(text);
      length += text.length;
    }
  }
  return toSearchText(
    parts.titleTh,
    parts.titleEn,
    parts.organisation.nameTh,
    parts.organisation.nameEn,
    receipt,
    ...texts,
  );
}

async function derive(
  db: DbOrTx,
  call: CallRecord,
  organisation: { id: string; type: string; provinceCode: number | null },
  form: FormDefinition,
  answers: Answers,
  others: { proposalId: string | null; count: number | undefined },
): Promise<Derived> {
  const withBudget = hasBudgetTable(form);
  const requestedSatang = withBudget ? budgetTotalSatang(form, answers) : 0;
  const answered = answerProvinces(form, answers);
  const themes = answerThemes(form, answers);
  const otherProposalCount =
    others.count ?? (await repo.countActive(db, call.id, organisation.id, others.proposalId));
  const targetGroupProvinceCodes = call.eligibility.targetGroupOnly
    ? await getTargetGroupProvinceCodes(db)
    : [];
  const eligibility = evaluateEligibility(call.eligibility, {
    organisationType: organisation.type,
    organisationProvinceCode: organisation.provinceCode,
    proposalProvinceCodes: answered,
    ...(allQuestions(form).some((q) => q.type === 'themes') ? { proposalThemes: themes } : {}),
    requestedSatang: withBudget ? requestedSatang : null,
    otherProposalCount,
    targetGroupProvinceCodes,
    grant: { minSatang: call.minGrantSatang, maxSatang: call.maxGrantSatang },
  });
  return {
    requestedSatang,
    provinceCodes:
      answered.length > 0 ? answered : organisation.provinceCode !== null ? [organisation.provinceCode] : [],
    themes,
    eligibility,
  };
}

function finalEligible(
  automatic: EligibilityResult | null,
  override: { eligible: boolean } | null,
): number | null {
  if (override) {
    return override.eligible ? 1 : 0;
  }
  return automatic ? (automatic.eligible ? 1 : 0) : null;
}

/**
 * The columns that follow from a proposal's answers, titles and organisation: budget, places, eligibility, search.
 * A new draft has no id, receipt number or eligibility override yet. A draft's search text holds its titles and
 * organisation only: its answers join the text when it is submitted, so that an autosave, which changes answers
 * only, leaves every indexed column as it was.
 */
async function derivedColumns(
  db: DbOrTx,
  call: CallRecord,
  organisation: Parameters<typeof derive>[2] & Parameters<typeof searchTextOf>[2]['organisation'],
  form: FormDefinition,
  answers: Answers,
  proposal: {
    id?: string;
    titleTh: string;
    titleEn: string;
    status: ProposalStatus;
    receiptNumber?: string | null;
    eligibilityOverride?: { eligible: boolean } | null;
    /** Other proposals of the organisation in the call, when the caller has read them. */
    otherActiveCount?: number;
  },
) {
  const derived = await derive(db, call, organisation, form, answers, {
    proposalId: proposal.id ?? null,
    count: proposal.otherActiveCount,
  });
  return {
    requestedSatang: derived.requestedSatang,
    provinceCodes: derived.provinceCodes,
    themes: derived.themes,
    eligibility: derived.eligibility,
    isEligible: finalEligible(derived.eligibility, proposal.eligibilityOverride ?? null),
    searchText: searchTextOf(
      form,
      proposal.status === 'draft' ? {} : answers,
      { titleTh: proposal.titleTh, titleEn: proposal.titleEn, organisation },
      proposal.receiptNumber ?? null,
    ),
  };
}

/** Inserts a new draft with no answers yet, and its first event; returns its id. */
async function insertDraft(
  tx: DbOrTx,
  actor: Actor,
  values: Omit<repo.NewProposal, 'answers' | 'status' | 'createdBy' | 'createdAt' | 'updatedAt'>,
  now: Date,
): Promise<string> {
  const proposalId = await repo.insertProposal(tx, {
    ...values,
    answers: {},
    status: 'draft',
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await repo.insertEvent(tx, {
    proposalId,
    fromStatus: null,
    toStatus: 'draft',
    actorUserId: actor.userId,
    at: now,
  });
  return proposalId;
}

// ---- Checks of a save or a submission -------------------------------------------------------------------------

const answerField = (field: string) => `body.${field}`;

function answerIssues(form: FormDefinition, answers: Answers, mode: 'draft' | 'submit'): FieldIssue[] {
  return validateAnswers(form, answers, mode).map((i) =>
    fieldIssue(answerField(i.field), 'invalid', i.key, i.params),
  );
}

/** File answers may only name this proposal's attachments, uploaded for that question. */
function attachmentIssues(
  form: FormDefinition,
  answers: Answers,
  attachments: repo.AttachmentPart[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const q of allQuestions(form)) {
    const value = answers[q.id];
    if (q.type !== 'file' || !Array.isArray(value)) {
      continue;
    }
    value.forEach((id, i) => {
      const found = attachments.some((a) => a.id === id && a.questionId === q.id);
      if (!found) {
        issues.push(fieldIssue(`body.answers.${q.id}.${i}`, 'not_found', 'errors.ATTACHMENT_UNKNOWN'));
      }
    });
  }
  return issues;
}

function answersSizeIssue(answers: Answers): AppError | null {
  const bytes = Buffer.byteLength(JSON.stringify(answers), 'utf8');
  if (bytes <= FORM_LIMITS.answersMaxBytes) {
    return null;
  }
  const params = { maxKb: Math.floor(FORM_LIMITS.answersMaxBytes / 1000) };
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    'errors.ANSWERS_TOO_LARGE',
    { issues: [fieldIssue('body.answers', 'too_large', 'errors.ANSWERS_TOO_LARGE', params)] },
    params,
  );
}

const bahtText = (satang: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(satang / 100);

/** The budget must lie within the call's grant range, when the form asks for a budget. */
function budgetIssues(form: FormDefinition, answers: Answers, call: CallRecord): FieldIssue[] {
  if (!hasBudgetTable(form)) {
    return [];
  }
  const requested = budgetTotalSatang(form, answers);
  if (requested >= call.minGrantSatang && requested <= call.maxGrantSatang) {
    return [];
  }
  const budget =
    allQuestions(form).find((q) => q.type === 'budget_table' && isQuestionVisible(q, answers, form)) ??
    allQuestions(form).find((q) => q.type === 'budget_table');
  return [
    fieldIssue(`body.answers.${budget?.id ?? 'budget'}`, 'out_of_range', 'errors.BUDGET_OUT_OF_RANGE', {
      requested: bahtText(requested),
      min: bahtText(call.minGrantSatang),
      max: bahtText(call.maxGrantSatang),
    }),
  ];
}

async function problemStatementIssue(db: DbOrTx, callId: string, id: string | null): Promise<FieldIssue[]> {
  if (!id) {
    return [];
  }
  try {
    await getPublishedStatement(db, callId, id);
    return [];
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return [fieldIssue('body.problemStatementId', 'not_found', 'errors.PROBLEM_STATEMENT_UNKNOWN')];
    }
    throw error;
  }
}

async function coApplicantIssues(db: DbOrTx, applicantId: string, ids: string[]): Promise<FieldIssue[]> {
  const existing = await repo.existingOrganisationIds(db, ids);
  const issues: FieldIssue[] = [];
  ids.forEach((id, i) => {
    if (id === applicantId) {
      issues.push(fieldIssue(`body.coApplicantIds.${i}`, 'invalid', 'errors.CO_APPLICANT_SELF'));
    } else if (!existing.has(id)) {
      issues.push(fieldIssue(`body.coApplicantIds.${i}`, 'not_found', 'errors.CO_APPLICANT_UNKNOWN'));
    }
  });
  return issues;
}

function failIfIssues(issues: FieldIssue[]): void {
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { issues });
  }
}

// ---- Notifications ---------------------------------------------------------------------------------------------

/** Where links in emails point; routes pass the configured public URL, this is its fallback. */
let defaultPublicUrl = 'http://localhost:3000';

/** Sets the public URL used in email links when a caller does not give one (done when the routes register). */
export function setProposalLinkBase(publicUrl: string): void {
  defaultPublicUrl = publicUrl.replace(/\/$/, '');
}

interface NoticeInput {
  kind: string;
  template: EmailTemplate;
  /** Parameters of the in-app message and of each email, in the reader's language. */
  params: (lang: Language) => Record<string, string>;
}

/** Tells every member of the applicant organisation: in the app and by email, in each member's language. */
async function notifyMembers(
  tx: DbOrTx,
  proposalId: string,
  organisationId: string,
  input: NoticeInput,
  publicUrl: string | undefined,
): Promise<void> {
  const members = await listMemberContacts(tx, organisationId);
  const path = `/proposals/${proposalId}`;
  await notifyUsers(
    tx,
    members.map((m) => m.userId),
    { kind: input.kind, params: input.params, link: path },
  );
  for (const member of members) {
    await queueEmail(tx, {
      to: member.email,
      template: input.template,
      lang: member.lang,
      params: { name: member.name, ...input.params(member.lang) },
      link: `${publicUrl ?? defaultPublicUrl}${path}`,
    });
  }
}

const titleIn = (lang: Language, th: string, en: string | null) => (lang === 'en' && en ? en : th);

function auditSnapshot(p: repo.ProposalRecord['proposal'] | null): Record<string, unknown> | null {
  if (!p) {
    return null;
  }
  return {
    status: p.status,
    version: p.version,
    titleTh: p.titleTh,
    receiptNumber: p.receiptNumber,
    requestedSatang: Number(p.requestedSatang),
    isEligible: p.isEligible,
  };
}

// ---- Reading ---------------------------------------------------------------------------------------------------

/** One proposal for its organisation's members (co-applicants read only) and officers; others get NOT_FOUND. */
export async function getProposal(
  db: Database,
  actor: Actor,
  id: string,
  now: Date,
): Promise<ProposalDetail> {
  return toDetail(db, actor, await load(db, actor, id), now);
}

/** Proposals of the actor's organisations (or of one of them), newest change first. */
export async function listMyProposals(
  db: Database,
  actor: Actor,
  organisationId: string | undefined,
): Promise<ProposalSummary[]> {
  const rows = await repo.listMine(db, actor.userId, organisationId);
  return rows.map(toSummary);
}

/**
 * How many proposals (not withdrawn) an organisation has in a call: the fact behind the "most proposals per
 * organisation" eligibility rule.
 */
export async function countActiveProposals(
  db: DbOrTx,
  callId: string,
  organisationId: string,
): Promise<number> {
  return repo.countActive(db, callId, organisationId, null);
}

// ---- Applicants' commands --------------------------------------------------------------------------------------

/**
 * Starts a draft in an open call for an organisation the actor owns or edits. The draft uses the current form of the
 * call's first stage, which is frozen from now on (later edits by officers make a new version for new drafts).
 */
export async function createProposal(
  db: Database,
  actor: Actor,
  body: CreateProposalBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProposalDetail> {
  const id = await db.transaction(async (tx) => {
    const role = await getMemberRole(tx, body.organisationId, actor.userId);
    if (role === null) {
      throw new AppError('NOT_FOUND');
    }
    if (role === 'viewer') {
      throw new AppError('FORBIDDEN');
    }
    const call = await getVisibleCall(tx, actor, body.callId);
    assertCallOpen(call, now);
    const stage = firstStage(call);
    const form = await getCurrentForm(tx, call.id, stage);
    failIfIssues(await problemStatementIssue(tx, call.id, body.problemStatementId));
    const organisation = await repo.findOrganisationRef(tx, body.organisationId);
    if (!organisation) {
      throw new AppError('NOT_FOUND');
    }
    await freezeForm(tx, form.id, now);
    const derived = await derivedColumns(
      tx,
      call,
      organisation,
      form.definition,
      {},
      {
        status: 'draft',
        titleTh: body.titleTh,
        titleEn: '',
      },
    );
    const proposalId = await insertDraft(
      tx,
      actor,
      {
        callId: call.id,
        stage,
        formId: form.id,
        organisationId: organisation.id,
        problemStatementId: body.problemStatementId,
        titleTh: body.titleTh,
        ...derived,
      },
      now,
    );
    await recordAudit(tx, meta, {
      action: 'proposal.created',
      entityType: 'proposal',
      entityId: proposalId,
      after: { callId: call.id, organisationId: organisation.id, stage, formId: form.id, status: 'draft' },
    });
    return proposalId;
  });
  return getProposal(db, actor, id, now);
}

function assertCallOpen(call: CallRecord, now: Date): void {
  if (call.status !== 'published') {
    throw new AppError('INVALID_STATE', 'errors.CALL_NOT_OPEN');
  }
  const phase = callPhase(call, now);
  if (phase === 'closed') {
    throw new AppError('DEADLINE_PASSED', undefined, { deadline: call.closesAt.toISOString() });
  }
  if (phase !== 'open') {
    throw new AppError('INVALID_STATE', 'errors.CALL_NOT_OPEN');
  }
}

/**
 * Autosaves a draft (or a returned proposal until its revision is due). `version` must be the current one: a stale
 * save gets CONFLICT with the newer proposal in `details.current`, and changes nothing. Answers are checked for
 * shape only (a draft may be incomplete); the facts lists and filters use (amount, area, themes, search text,
 * automatic eligibility) are recomputed.
 */
export async function saveProposal(
  db: Database,
  actor: Actor,
  id: string,
  body: SaveProposalBody,
  now: Date,
): Promise<ProposalDetail> {
  const tooLarge = body.answers ? answersSizeIssue(body.answers) : null;
  if (tooLarge) {
    throw tooLarge;
  }
  // The version check is the UPDATE's own condition, so the reads need no transaction (under READ COMMITTED it would
  // give them no common snapshot either): one is opened only when the co-applicants are replaced with the update.
  const save = async (tx: DbOrTx): Promise<Loaded> => {
    const loaded = await load(tx, actor, id);
    authorize(actor, proposalPolicy.write, loaded.access);
    const p = loaded.record.proposal;
    if (p.version !== body.version) {
      throw await conflictWith(tx, actor, id, now);
    }
    if (!isEditableNow(loaded, now)) {
      throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_EDITABLE');
    }
    const form = await getForm(tx, p.formId);
    const answers = body.answers ?? p.answers;
    const problemStatementId =
      body.problemStatementId === undefined ? p.problemStatementId : body.problemStatementId;
    failIfIssues([
      ...answerIssues(form.definition, answers, 'draft'),
      ...attachmentIssues(form.definition, answers, loaded.record.parts.attachments),
      ...(body.problemStatementId ? await problemStatementIssue(tx, p.callId, body.problemStatementId) : []),
      ...(body.coApplicantIds ? await coApplicantIssues(tx, p.organisationId, body.coApplicantIds) : []),
    ]);
    const titleTh = body.titleTh ?? p.titleTh;
    const titleEn = body.titleEn ?? p.titleEn;
    const derived = await derivedColumns(
      tx,
      loaded.call,
      loaded.record.organisation,
      form.definition,
      answers,
      {
        ...p,
        status: p.status as ProposalStatus,
        titleTh,
        titleEn,
        otherActiveCount: loaded.record.parts.otherActiveCount,
      },
    );
    const saved = await repo.saveIfVersion(tx, id, body.version, {
      titleTh,
      titleEn,
      problemStatementId,
      answers,
      ...derived,
    });
    if (!saved) {
      throw await conflictWith(tx, actor, id, now);
    }
    if (body.coApplicantIds) {
      await repo.replaceCoApplicants(tx, id, [...new Set(body.coApplicantIds)]);
    }
    return { ...loaded, record: { ...loaded.record, proposal: saved } };
  };
  const saved = body.coApplicantIds ? await db.transaction(save) : await save(db);
  // The form version, the attachments, the events, the call and the organisation do not change in a save: the
  // proposal row is the one the update returned; new co-applicants can change who may see it, so then it is loaded
  // again.
  return toDetail(db, actor, body.coApplicantIds ? await load(db, actor, id) : saved, now);
}

/**
 * Submits a draft or a returned proposal, all in one transaction on the locked row: submitting twice gives the same
 * proposal with one receipt number. The deadline is checked to the second (Asia/Bangkok announcements); every answer
 * is validated in full, and the budget must lie within the call's grant range. Eligibility failures do not block
 * submission: officers screen them. A first submission gets the call's next receipt number; a returned proposal
 * keeps its own. Members are told in the app and by email.
 */
export async function submitProposal(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
  now: Date,
  publicUrl?: string,
): Promise<ProposalDetail> {
  await db.transaction(async (tx) => {
    const loaded = await loadLocked(tx, actor, id);
    const p = loaded.record.proposal;
    authorize(actor, proposalPolicy.write, loaded.access);
    if (p.status === 'submitted') {
      return;
    }
    if (p.status !== 'draft' && p.status !== 'returned') {
      throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_SUBMITTABLE');
    }
    if (p.version !== version) {
      throw await conflictWith(tx, actor, id, now);
    }
    const call = loaded.call;
    const deadline = currentDeadline(call, p);
    if (!isBeforeDeadline(now, deadline)) {
      throw new AppError('DEADLINE_PASSED', undefined, { deadline: deadline.toISOString() });
    }
    if (p.status === 'draft' && !acceptsDrafts(call, p)) {
      throw new AppError('INVALID_STATE', 'errors.CALL_NOT_OPEN');
    }
    const form = await getForm(tx, p.formId);
    const found = [
      ...answerIssues(form.definition, p.answers, 'submit'),
      ...attachmentIssues(form.definition, p.answers, loaded.record.parts.attachments),
    ];
    failIfIssues([
      ...found,
      ...budgetIssues(form.definition, p.answers, call).filter(
        (b) => !found.some((i) => i.field === b.field || i.field.startsWith(`${b.field}.`)),
      ),
    ]);
    const answers = keepVisibleAnswers(form.definition, p.answers);
    const receipt = p.receiptNumber ?? (await issueReceiptNumber(tx, call, p.stage as FormStage));
    const derived = await derivedColumns(tx, call, loaded.record.organisation, form.definition, answers, {
      ...p,
      status: 'submitted',
      receiptNumber: receipt,
      otherActiveCount: loaded.record.parts.otherActiveCount,
    });
    await repo.updateProposal(
      tx,
      id,
      { status: 'submitted', answers, receiptNumber: receipt, submittedAt: now, ...derived },
      true,
    );
    await repo.insertEvent(tx, {
      proposalId: id,
      fromStatus: p.status,
      toStatus: 'submitted',
      actorUserId: actor.userId,
      at: now,
    });
    await recordAudit(tx, meta, {
      action: 'proposal.submitted',
      entityType: 'proposal',
      entityId: id,
      before: auditSnapshot(p),
      after: { ...auditSnapshot(p), status: 'submitted', receiptNumber: receipt, version: p.version + 1 },
    });
    const org = loaded.record.organisation;
    await notifyMembers(
      tx,
      id,
      p.organisationId,
      {
        kind: 'proposal_submitted',
        template: 'proposal_submitted',
        params: (lang) => ({
          receipt,
          title: titleIn(lang, p.titleTh, p.titleEn),
          call: titleIn(lang, call.titleTh, call.titleEn),
          organisation: titleIn(lang, org.nameTh, org.nameEn),
          submittedAt: formatDateTime(now, lang),
        }),
      },
      publicUrl,
    );
  });
  return getProposal(db, actor, id, now);
}

/** Withdraws a proposal before its deadline (owners and editors); a withdrawn proposal stays withdrawn. */
export async function withdrawProposal(
  db: Database,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  now: Date,
  publicUrl?: string,
): Promise<ProposalDetail> {
  await db.transaction(async (tx) => {
    const loaded = await loadLocked(tx, actor, id);
    const p = loaded.record.proposal;
    authorize(actor, proposalPolicy.write, loaded.access);
    if (p.status === 'withdrawn') {
      throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_WITHDRAWABLE');
    }
    // Once decided (released or not), giving up is a matter for the call's officers; the message does not say why.
    if (await repo.hasDecision(tx, id)) {
      throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_WITHDRAWABLE');
    }
    const deadline = currentDeadline(loaded.call, p);
    if (!isBeforeDeadline(now, deadline)) {
      throw new AppError('DEADLINE_PASSED', undefined, { deadline: deadline.toISOString() });
    }
    await repo.updateProposal(tx, id, { status: 'withdrawn' }, true);
    await repo.insertEvent(tx, {
      proposalId: id,
      fromStatus: p.status,
      toStatus: 'withdrawn',
      actorUserId: actor.userId,
      at: now,
    });
    await recordAudit(tx, meta, {
      action: 'proposal.withdrawn',
      entityType: 'proposal',
      entityId: id,
      before: auditSnapshot(p),
      after: { ...auditSnapshot(p), status: 'withdrawn', version: p.version + 1 },
    });
    const call = loaded.call;
    const org = loaded.record.organisation;
    await notifyMembers(
      tx,
      id,
      p.organisationId,
      {
        kind: 'proposal_withdrawn',
        template: 'proposal_withdrawn',
        params: (lang) => ({
          title: titleIn(lang, p.titleTh, p.titleEn),
          call: titleIn(lang, call.titleTh, call.titleEn),
          organisation: titleIn(lang, org.nameTh, org.nameEn),
        }),
      },
      publicUrl,
    );
  });
  return getProposal(db, actor, id, now);
}

// ---- Officers' commands ----------------------------------------------------------------------------------------

/**
 * Returns a submitted proposal to its applicant for revision, with a comment and a due date in the future (officers
 * and administrators). The applicant may edit it until then and resubmit it under the same receipt number. Members
 * are told in the app and by email. Used by the proposal page and by the intake's bulk action.
 */
export async function returnProposal(
  db: Database,
  actor: Actor,
  id: string,
  body: ReturnProposalBody,
  meta: RequestMeta,
  now: Date,
  publicUrl?: string,
): Promise<ProposalDetail> {
  const dueAt = new Date(body.dueAt);
  if (Number.isNaN(dueAt.getTime()) || dueAt.getTime() <= now.getTime()) {
    throw invalidField('body.dueAt', 'errors.RETURN_DUE_IN_PAST');
  }
  await db.transaction(async (tx) => {
    const loaded = await loadLocked(tx, actor, id);
    const p = loaded.record.proposal;
    authorize(actor, proposalPolicy.officer, loaded.access);
    if (!proposalPolicy.returnForRevision(actor, loaded.access)) {
      throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_SUBMITTED');
    }
    await repo.updateProposal(
      tx,
      id,
      { status: 'returned', returnComment: body.comment, returnDueAt: dueAt },
      true,
    );
    await repo.insertEvent(tx, {
      proposalId: id,
      fromStatus: p.status,
      toStatus: 'returned',
      note: body.comment,
      actorUserId: actor.userId,
      at: now,
    });
    await recordAudit(tx, meta, {
      action: 'proposal.returned',
      entityType: 'proposal',
      entityId: id,
      before: auditSnapshot(p),
      after: {
        ...auditSnapshot(p),
        status: 'returned',
        returnDueAt: dueAt.toISOString(),
        version: p.version + 1,
      },
    });
    const call = loaded.call;
    const receipt = p.receiptNumber ?? '';
    await notifyMembers(
      tx,
      id,
      p.organisationId,
      {
        kind: 'proposal_returned',
        template: 'proposal_returned',
        params: (lang) => ({
          receipt,
          title: titleIn(lang, p.titleTh, p.titleEn),
          call: titleIn(lang, call.titleTh, call.titleEn),
          dueAt: formatDateTime(dueAt, lang),
          comment: body.comment,
        }),
      },
      publicUrl,
    );
  });
  return getProposal(db, actor, id, now);
}

/**
 * Records an officer's eligibility decision over the automatic screening, with the reason, who and when; the
 * proposal's final eligibility (filters, exports) follows it. Members are told. Used by the proposal page and by the
 * intake's bulk actions.
 */
export async function overrideEligibility(
  db: Database,
  actor: Actor,
  id: string,
  body: EligibilityOverrideBody,
  meta: RequestMeta,
  now: Date = new Date(),
  publicUrl?: string,
): Promise<ProposalDetail> {
  await db.transaction(async (tx) => {
    const loaded = await loadLocked(tx, actor, id);
    const p = loaded.record.proposal;
    authorize(actor, proposalPolicy.officer, loaded.access);
    if (!proposalPolicy.overrideEligibility(actor, loaded.access)) {
      throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_SCREENABLE');
    }
    const override = {
      eligible: body.eligible,
      reason: body.reason,
      byUserId: actor.userId,
      at: now.toISOString(),
    };
    await repo.updateProposal(
      tx,
      id,
      { eligibilityOverride: override, isEligible: finalEligible(p.eligibility, override) },
      false,
    );
    await recordAudit(tx, meta, {
      action: 'proposal.eligibility_overridden',
      entityType: 'proposal',
      entityId: id,
      before: { isEligible: p.isEligible, eligibilityOverride: p.eligibilityOverride },
      after: { isEligible: body.eligible ? 1 : 0, eligibilityOverride: override },
    });
    const resultKey = body.eligible ? 'eligibility.eligible' : 'eligibility.notEligible';
    const receipt = p.receiptNumber ?? '';
    await notifyMembers(
      tx,
      id,
      p.organisationId,
      {
        kind: 'proposal_eligibility',
        template: 'proposal_eligibility',
        params: (lang) => ({
          receipt,
          title: titleIn(lang, p.titleTh, p.titleEn),
          result: translate(lang, resultKey),
          reason: body.reason,
        }),
      },
      publicUrl,
    );
  });
  return getProposal(db, actor, id, now);
}

/**
 * Invites a submitted concept note of a two-stage call to the full stage: a new draft of the organisation, with the
 * title and co-applicants of the concept, on the call's current full-proposal form (frozen from now on). Once per
 * concept note. Members are told in the app and by email.
 */
export async function inviteFullProposal(
  db: Database,
  actor: Actor,
  id: string,
  meta: RequestMeta,
  now: Date,
  publicUrl?: string,
): Promise<ProposalDetail> {
  const fullId = await db.transaction(async (tx) => {
    const loaded = await loadLocked(tx, actor, id);
    const p = loaded.record.proposal;
    const call = loaded.call;
    authorize(actor, proposalPolicy.officer, loaded.access);
    if (call.stageMode !== 'two_stage' || p.stage !== 'concept' || p.status !== 'submitted') {
      throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_CONCEPT');
    }
    if (await repo.findChild(tx, id)) {
      throw new AppError('CONFLICT', 'errors.PROPOSAL_ALREADY_INVITED');
    }
    const deadline = stageDeadline(call, 'full');
    if (!isBeforeDeadline(now, deadline)) {
      throw new AppError('DEADLINE_PASSED', undefined, { deadline: deadline.toISOString() });
    }
    const form = await getCurrentForm(tx, call.id, 'full');
    await freezeForm(tx, form.id, now);
    const organisation = loaded.record.organisation;
    const { coApplicants } = loaded.record.parts;
    const derived = await derivedColumns(
      tx,
      call,
      organisation,
      form.definition,
      {},
      {
        status: 'draft',
        titleTh: p.titleTh,
        titleEn: p.titleEn,
      },
    );
    const newId = await insertDraft(
      tx,
      actor,
      {
        callId: call.id,
        stage: 'full',
        formId: form.id,
        organisationId: p.organisationId,
        problemStatementId: p.problemStatementId,
        parentProposalId: id,
        titleTh: p.titleTh,
        titleEn: p.titleEn,
        ...derived,
      },
      now,
    );
    await repo.replaceCoApplicants(
      tx,
      newId,
      coApplicants.map((c) => c.id),
    );
    await recordAudit(tx, meta, {
      action: 'proposal.invited_full',
      entityType: 'proposal',
      entityId: newId,
      after: { parentProposalId: id, stage: 'full', formId: form.id, status: 'draft' },
    });
    await notifyMembers(
      tx,
      newId,
      p.organisationId,
      {
        kind: 'proposal_invited_full',
        template: 'proposal_invited_full',
        params: (lang) => ({
          title: titleIn(lang, p.titleTh, p.titleEn),
          call: titleIn(lang, call.titleTh, call.titleEn),
          dueAt: formatDateTime(deadline, lang),
        }),
      },
      publicUrl,
    );
    return newId;
  });
  return getProposal(db, actor, fullId, now);
}

// ---- Attachments -----------------------------------------------------------------------------------------------

export interface UploadInput {
  questionId: string | null;
  fileName: string;
  bytes: Buffer;
  /** The upload went past the largest size any question allows, and was cut off. */
  truncated: boolean;
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function fileQuestion(form: CallFormRecord, questionId: string | null): Extract<Question, { type: 'file' }> {
  const question = allQuestions(form.definition).find((q) => q.id === questionId);
  if (!question || question.type !== 'file') {
    throw invalidField('body.questionId', 'errors.NOT_A_FILE_QUESTION');
  }
  return question;
}

/**
 * Attaches a file to a file question of an editable proposal. The file's type is judged on its content (a text file
 * named .pdf is refused), its size against the question's limit, and the question's number of files; a refused
 * upload changes nothing. The bytes go to file storage, their SHA-256 beside the record. The answers are not
 * changed: the client names the new attachment in its next autosave.
 */
export async function uploadAttachment(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  input: UploadInput,
  meta: RequestMeta,
  now: Date,
): Promise<Attachment> {
  const loaded = await load(db, actor, id);
  authorize(actor, proposalPolicy.write, loaded.access);
  if (!isEditableNow(loaded, now)) {
    throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_EDITABLE');
  }
  const form = await getForm(db, loaded.record.proposal.formId);
  const question = fileQuestion(form, input.questionId);
  if (input.truncated || input.bytes.length > question.maxSizeBytes) {
    const params = { max: sizeText(question.maxSizeBytes) };
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      'errors.FILE_TOO_LARGE',
      { issues: [fieldIssue('body.file', 'too_large', 'errors.FILE_TOO_LARGE', params)] },
      params,
    );
  }
  if (input.bytes.length === 0) {
    throw invalidField('body.file', 'errors.FILE_REQUIRED');
  }
  const fileName = sanitiseFileName(input.fileName);
  const sniffed = await sniffFile(input.bytes, fileName);
  const accepted = sniffed?.kinds.some((k) => question.accept.includes(k)) ?? false;
  if (!sniffed || !accepted) {
    const params = { kinds: question.accept.map((k) => FILE_KIND_NAMES[k]).join(', ') };
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'errors.FILE_TYPE_NOT_ALLOWED',
      { issues: [fieldIssue('body.file', 'unsupported_type', 'errors.FILE_TYPE_NOT_ALLOWED', params)] },
      params,
    );
  }
  const tooMany = () => {
    const params = { max: question.maxFiles };
    return new AppError(
      'VALIDATION_FAILED',
      'errors.TOO_MANY_FILES',
      {
        issues: [fieldIssue('body.questionId', 'too_many', 'errors.TOO_MANY_FILES', params)],
      },
      params,
    );
  };
  if ((await repo.countAttachments(db, id, question.id)) >= question.maxFiles) {
    throw tooMany();
  }
  const storageKey = await storage.put('proposals', input.bytes);
  try {
    const row = await db.transaction(async (tx) => {
      const locked = await loadLocked(tx, actor, id);
      if (!isEditableNow(locked, now)) {
        throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_EDITABLE');
      }
      if ((await repo.countAttachments(tx, id, question.id)) >= question.maxFiles) {
        throw tooMany();
      }
      const inserted = await repo.insertAttachment(tx, {
        proposalId: id,
        questionId: question.id,
        fileName,
        contentType: sniffed.contentType,
        sizeBytes: input.bytes.length,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        storageKey,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await recordAudit(tx, meta, {
        action: 'proposal.attachment_added',
        entityType: 'proposal',
        entityId: id,
        after: {
          attachmentId: inserted.id,
          questionId: question.id,
          fileName,
          sizeBytes: inserted.sizeBytes,
        },
      });
      return inserted;
    });
    return toAttachment(row);
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
}

/** A stored attachment's bytes, for anyone who may see the proposal. */
export async function readAttachment(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  attachmentId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  await load(db, actor, id);
  const row = await repo.findAttachment(db, id, attachmentId);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return { fileName: row.fileName, contentType: row.contentType, bytes: await storage.get(row.storageKey) };
}

/**
 * Removes an attachment of an editable proposal, and its id from the answers (without a new version: the client
 * removes it from its copy of the answers too). The bytes are deleted after the commit.
 */
export async function deleteAttachment(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  attachmentId: string,
  meta: RequestMeta,
  now: Date,
): Promise<void> {
  const storageKey = await db.transaction(async (tx) => {
    const loaded = await loadLocked(tx, actor, id);
    authorize(actor, proposalPolicy.write, loaded.access);
    if (!isEditableNow(loaded, now)) {
      throw new AppError('INVALID_STATE', 'errors.PROPOSAL_NOT_EDITABLE');
    }
    const row = await repo.findAttachment(tx, id, attachmentId);
    if (!row) {
      throw new AppError('NOT_FOUND');
    }
    await repo.deleteAttachment(tx, attachmentId);
    const answers = loaded.record.proposal.answers;
    const value = answers[row.questionId];
    if (Array.isArray(value) && value.includes(attachmentId)) {
      await repo.updateProposal(
        tx,
        id,
        { answers: { ...answers, [row.questionId]: value.filter((v) => v !== attachmentId) } },
        false,
      );
    }
    await recordAudit(tx, meta, {
      action: 'proposal.attachment_removed',
      entityType: 'proposal',
      entityId: id,
      before: { attachmentId, questionId: row.questionId, fileName: row.fileName },
      after: null,
    });
    return row.storageKey;
  });
  await storage.remove(storageKey);
}

/** Everything the PDF of a proposal shows, for anyone who may see it. */
export async function getProposalForPrint(db: Database, actor: Actor, id: string, now: Date) {
  const loaded = await load(db, actor, id);
  const detail = await toDetail(db, actor, loaded, now);
  return {
    detail,
    call: loaded.call,
    programme: { nameTh: loaded.record.call.programmeNameTh, nameEn: loaded.record.call.programmeNameEn },
  };
}

/**
 * "Eligible / not eligible, because …" for one of the actor's organisations (officers may ask for any), judged on
 * the organisation's type and province and its proposals in the call so far.
 */
export async function checkEligibility(
  db: Database,
  actor: Actor,
  callId: string,
  organisationId: string,
): Promise<EligibilityResult> {
  const call = await getVisibleCall(db, actor, callId);
  const organisation = await getOrganisation(db, actor, organisationId);
  const [otherProposalCount, targetGroupProvinceCodes] = await Promise.all([
    countActiveProposals(db, callId, organisationId),
    call.eligibility.targetGroupOnly ? getTargetGroupProvinceCodes(db) : Promise.resolve([]),
  ]);
  return evaluateEligibility(call.eligibility, {
    organisationType: organisation.type,
    organisationProvinceCode: organisation.provinceCode,
    otherProposalCount,
    targetGroupProvinceCodes,
  });
}
