import { LRUCache } from 'lru-cache';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type {
  CallDetail,
  CallForm,
  CallListQuery,
  CallStageMode,
  CallStatus,
  CallSummary,
  CallTransition,
  CreateCallBody,
  EligibilityRules,
  FormStage,
  UpdateCallBody,
} from '@shared/contracts/calls';
import type { FormDefinition } from '@shared/contracts/forms';
import type { ProgrammeType } from '@shared/reference/programmes';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import { listProvinceGroupCodes } from '@server/modules/reference/reference.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { findProgramme } from '@server/modules/programmes/programmes.service';
import * as repo from './calls.repo';
import { callPolicy } from './calls.policy';
import { callPhase } from './calls.phase';
import { callRuleIssues, stagesOf } from './calls.rules';
import { nextCallStatus } from './calls.transitions';
import { starterForm } from './calls.starter-forms';
import { listVisibleStatements } from './problem-statements.service';

export { callPhase, isBeforeDeadline } from './calls.phase';

/** A call as other modules (proposals, intake) see it. */
export interface CallRecord {
  id: string;
  code: string;
  programmeSlug: string;
  titleTh: string;
  titleEn: string;
  opensAt: Date;
  closesAt: Date;
  fullClosesAt: Date | null;
  fiscalYear: number;
  totalBudgetSatang: number;
  minGrantSatang: number;
  maxGrantSatang: number;
  stageMode: 'single' | 'two_stage';
  eligibility: EligibilityRules;
  status: CallStatus;
}

export interface CallFormRecord {
  id: string;
  callId: string;
  stage: FormStage;
  version: number;
  definition: FormDefinition;
  frozenAt: Date | null;
}

function toRecord(row: repo.CallRow): CallRecord {
  return {
    id: row.id,
    code: row.code,
    programmeSlug: row.programmeSlug,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    opensAt: new Date(row.opensAt),
    closesAt: new Date(row.closesAt),
    fullClosesAt: row.fullClosesAt ? new Date(row.fullClosesAt) : null,
    fiscalYear: row.fiscalYear,
    totalBudgetSatang: Number(row.totalBudgetSatang),
    minGrantSatang: Number(row.minGrantSatang),
    maxGrantSatang: Number(row.maxGrantSatang),
    stageMode: row.stageMode as CallRecord['stageMode'],
    eligibility: row.eligibility,
    status: row.status as CallStatus,
  };
}

function toFormRecord(row: repo.CallFormRow): CallFormRecord {
  return {
    id: row.id,
    callId: row.callId,
    stage: row.stage as FormStage,
    version: row.version,
    definition: row.definition,
    frozenAt: row.frozenAt ? new Date(row.frozenAt) : null,
  };
}

/** The deadline of a stage: the full-proposal deadline for a two-stage call's second stage, else the call's. */
export function stageDeadline(call: CallRecord, stage: FormStage): Date {
  return stage === 'full' && call.fullClosesAt ? call.fullClosesAt : call.closesAt;
}

/** The first stage applicants start in: `concept` for two-stage calls, else `proposal`. */
export function firstStage(call: Pick<CallRecord, 'stageMode'>): FormStage {
  return call.stageMode === 'two_stage' ? 'concept' : 'proposal';
}

async function getCallRowOrThrow(db: DbOrTx, actor: Actor | null, id: string): Promise<repo.CallRow> {
  const row = await repo.findCall(db, id);
  if (!row || !callPolicy.view(actor, { status: row.status as CallStatus })) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

/** A call the actor may see (drafts only for officers), else NOT_FOUND. */
export async function getVisibleCall(db: DbOrTx, actor: Actor | null, callId: string): Promise<CallRecord> {
  return toRecord(await getCallRowOrThrow(db, actor, callId));
}

/** The newest form version of a call stage; INVALID_STATE when the officers have not composed it. */
export async function getCurrentForm(db: DbOrTx, callId: string, stage: FormStage): Promise<CallFormRecord> {
  const row = await repo.findCurrentForm(db, callId, stage);
  if (!row) {
    throw new AppError('INVALID_STATE', 'errors.CALL_FORM_MISSING');
  }
  return toFormRecord(row);
}

/**
 * Frozen form versions by id. A frozen version never changes (edits make a new version), and every autosave,
 * submission and read of a proposal needs its form's definition: these are read once per process.
 */
const frozenForms = new LRUCache<string, CallFormRecord>({ max: 200 });

export async function getForm(db: DbOrTx, formId: string): Promise<CallFormRecord> {
  const known = frozenForms.get(formId);
  if (known) {
    return known;
  }
  const row = await repo.findForm(db, formId);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  const record = toFormRecord(row);
  if (record.frozenAt) {
    frozenForms.set(formId, deepFreeze(record));
  }
  return record;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}

/** Freezes a form version once a proposal uses it: later edits make a new version, for new drafts only. */
export async function freezeForm(tx: DbOrTx, formId: string, now: Date): Promise<void> {
  await repo.freezeForm(tx, formId, now);
}

/**
 * Issues the next receipt number of a call stage inside the caller's transaction, e.g. `CC-2569-0001` (full
 * proposals of two-stage calls: `CC-2569-F0001`). Gap-free across concurrent submissions.
 */
export async function issueReceiptNumber(tx: DbOrTx, call: CallRecord, stage: FormStage): Promise<string> {
  const n = await repo.incrementReceiptCounter(tx, call.id, stage);
  const seq = String(n).padStart(4, '0');
  return `${call.code}-${call.fiscalYear}-${stage === 'full' ? 'F' : ''}${seq}`;
}

/** Provinces of the target province group (กลุ่มจังหวัดยากจน), for eligibility. */
/**
 * Locks the call's row until the transaction ends: changes of one call that must not interleave (assignment runs,
 * awards against its budget) run one after another. Returns the call's money limits, or null when there is no call.
 */
export async function lockCall(
  tx: DbOrTx,
  callId: string,
): Promise<{ totalBudgetSatang: number; maxGrantSatang: number } | null> {
  const row = await repo.lockCall(tx, callId);
  return row
    ? { totalBudgetSatang: Number(row.totalBudgetSatang), maxGrantSatang: Number(row.maxGrantSatang) }
    : null;
}

/** The id of the call with this receipt code in this fiscal year, or null. */
export async function findCallIdByCode(db: DbOrTx, code: string, fiscalYear: number): Promise<string | null> {
  return (await repo.findCallByCode(db, code, fiscalYear))?.id ?? null;
}

export async function getTargetGroupProvinceCodes(db: DbOrTx): Promise<number[]> {
  return listProvinceGroupCodes(db, TARGET_GROUP_CODE);
}

// ---- Officers and the public: lists, details, changes -------------------------------------------------------------

const PUBLIC_STATUSES: readonly CallStatus[] = ['published', 'closed'];

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function toSummary(row: repo.CallRow, problemStatementCount: number, now: Date): CallSummary {
  const record = toRecord(row);
  return {
    id: row.id,
    programmeSlug: row.programmeSlug,
    programmeType: row.programmeType as ProgrammeType,
    programmeNameTh: row.programmeNameTh,
    programmeNameEn: row.programmeNameEn,
    code: row.code,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    opensAt: record.opensAt.toISOString(),
    closesAt: record.closesAt.toISOString(),
    fullClosesAt: iso(record.fullClosesAt),
    fiscalYear: row.fiscalYear,
    totalBudgetSatang: record.totalBudgetSatang,
    minGrantSatang: record.minGrantSatang,
    maxGrantSatang: record.maxGrantSatang,
    stageMode: record.stageMode,
    status: record.status,
    phase: callPhase(record, now),
    eligibility: row.eligibility,
    problemStatementCount,
  };
}

function toCallForm(row: repo.CallFormRow): CallForm {
  return {
    id: row.id,
    stage: row.stage as FormStage,
    version: row.version,
    definition: row.definition,
    frozenAt: iso(row.frozenAt),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function snapshot(row: repo.CallRow): Record<string, unknown> {
  const {
    createdAt: _c,
    updatedAt: _u,
    programmeNameTh: _t,
    programmeNameEn: _e,
    programmeType: _p,
    ...rest
  } = row;
  return rest;
}

/**
 * Calls by phase (computed from `now`), programme, theme (calls that name it or take any theme) and fiscal year.
 * Everyone sees published and closed calls; officers may ask for drafts or archived calls by status.
 */
export async function listCalls(
  db: Database,
  actor: Actor | null,
  query: CallListQuery,
  now: Date,
): Promise<CallSummary[]> {
  if (query.status && !PUBLIC_STATUSES.includes(query.status) && !callPolicy.manage(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const rows = await repo.listCalls(db, {
    statuses: query.status ? [query.status] : PUBLIC_STATUSES,
    phase: query.phase,
    programmeSlug: query.programme,
    theme: query.theme,
    fiscalYear: query.fiscalYear,
    now,
  });
  return rows.map((r) => toSummary(r, r.problemStatementCount, now));
}

/** A call the actor may manage: NOT_FOUND when it cannot be seen, FORBIDDEN when it can but not be managed. */
async function getManagedCall(db: DbOrTx, actor: Actor, id: string): Promise<repo.CallRow> {
  const row = await getCallRowOrThrow(db, actor, id);
  authorize(actor, callPolicy.manage, row);
  return row;
}

/**
 * One call with the current form of each of its stages, its problem statements (published; officers also see
 * pending and withdrawn ones, a poster their own) and what the actor may do with it.
 */
export async function getCallDetail(
  db: Database,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<CallDetail> {
  const row = await getCallRowOrThrow(db, actor, id);
  const statements = await listVisibleStatements(db, actor, id);
  const summary = toSummary(row, statements.filter((s) => s.status === 'published').length, now);
  const forms: CallForm[] = [];
  for (const stage of stagesOf(summary.stageMode)) {
    const form = await repo.findCurrentForm(db, id, stage);
    if (form) {
      forms.push(toCallForm(form));
    }
  }
  const manage = callPolicy.manage(actor);
  return {
    ...summary,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    version: row.version,
    forms,
    problemStatements: statements,
    abilities: {
      edit: manage && summary.status !== 'archived',
      apply: summary.status === 'published' && summary.phase === 'open',
      manageIntake: manage,
    },
  };
}

function assertCallRules(shape: Parameters<typeof callRuleIssues>[0]): void {
  const issues = callRuleIssues(shape);
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { issues });
  }
}

async function programmeIdOf(db: DbOrTx, slug: string): Promise<string> {
  const programme = await findProgramme(db, slug);
  if (!programme) {
    throw invalidField('body.programmeSlug', 'errors.UNKNOWN_PROGRAMME', { slug });
  }
  return programme.id;
}

async function assertCodeFree(db: DbOrTx, code: string, fiscalYear: number, selfId: string | null) {
  const other = await repo.findCallByCode(db, code, fiscalYear);
  if (other && other.id !== selfId) {
    throw new AppError(
      'CONFLICT',
      'errors.CALL_CODE_TAKEN',
      {
        issues: [fieldIssue('body.code', 'taken', 'errors.CALL_CODE_TAKEN', { code, fiscalYear })],
      },
      { code, fiscalYear },
    );
  }
}

/** Gives every stage of the call a form, starting from the starter form where a stage has none yet. */
async function ensureStageForms(tx: DbOrTx, callId: string, stageMode: CallStageMode, userId: string) {
  for (const stage of stagesOf(stageMode)) {
    if (!(await repo.findCurrentForm(tx, callId, stage))) {
      await repo.insertForm(tx, {
        callId,
        stage,
        version: 1,
        definition: starterForm(stage),
        createdBy: userId,
      });
    }
  }
}

/** Officers create a call as a draft; each of its stages starts with a starter form to edit. */
export async function createCall(
  db: Database,
  actor: Actor,
  body: CreateCallBody,
  meta: RequestMeta,
  now: Date,
): Promise<CallDetail> {
  authorize(actor, callPolicy.manage, {});
  const { programmeSlug, opensAt, closesAt, fullClosesAt, ...rest } = body;
  const dates = {
    opensAt: new Date(opensAt),
    closesAt: new Date(closesAt),
    fullClosesAt: fullClosesAt === null ? null : new Date(fullClosesAt),
  };
  assertCallRules({ ...rest, ...dates });
  const id = await db.transaction(async (tx) => {
    const programmeId = await programmeIdOf(tx, programmeSlug);
    await assertCodeFree(tx, body.code, body.fiscalYear, null);
    const created = await repo.insertCall(tx, {
      ...rest,
      ...dates,
      programmeId,
      status: 'draft',
      createdBy: actor.userId,
    });
    await ensureStageForms(tx, created, body.stageMode, actor.userId);
    const row = await getCallRowOrThrow(tx, actor, created);
    await recordAudit(tx, meta, {
      action: 'call.created',
      entityType: 'call',
      entityId: created,
      after: snapshot(row),
    });
    return created;
  });
  return getCallDetail(db, actor, id, now);
}

/**
 * Officers change a call if `version` is still current. Once a proposal exists, the code, fiscal year (both in its
 * receipt numbers) and stage mode stay as they are. An archived call is read-only.
 */
export async function updateCall(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateCallBody,
  meta: RequestMeta,
  now: Date,
): Promise<CallDetail> {
  await db.transaction(async (tx) => {
    const found = await getManagedCall(tx, actor, id);
    if (found.status === 'archived') {
      throw new AppError('INVALID_STATE', 'errors.CALL_ARCHIVED');
    }
    const current = toRecord(found);
    const { version, programmeSlug, opensAt, closesAt, fullClosesAt, ...rest } = body;
    const changes: repo.CallChanges = {
      ...rest,
      ...(opensAt === undefined ? {} : { opensAt: new Date(opensAt) }),
      ...(closesAt === undefined ? {} : { closesAt: new Date(closesAt) }),
      ...(fullClosesAt === undefined
        ? {}
        : { fullClosesAt: fullClosesAt === null ? null : new Date(fullClosesAt) }),
      ...(programmeSlug === undefined ? {} : { programmeId: await programmeIdOf(tx, programmeSlug) }),
    };
    const merged = { ...current, ...changes } as typeof current;
    assertCallRules(merged);
    const locked =
      merged.code !== current.code ||
      merged.fiscalYear !== current.fiscalYear ||
      merged.stageMode !== current.stageMode;
    if (locked && (await repo.hasFrozenForm(tx, id))) {
      throw new AppError('INVALID_STATE', 'errors.CALL_HAS_PROPOSALS');
    }
    if (merged.code !== current.code || merged.fiscalYear !== current.fiscalYear) {
      await assertCodeFree(tx, merged.code, merged.fiscalYear, id);
    }
    if (!(await repo.updateCall(tx, id, version, changes))) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: found.version });
    }
    if (merged.stageMode !== current.stageMode) {
      await ensureStageForms(tx, id, merged.stageMode, actor.userId);
    }
    await recordAudit(tx, meta, {
      action: 'call.updated',
      entityType: 'call',
      entityId: id,
      before: snapshot(found),
      after: snapshot(await getCallRowOrThrow(tx, actor, id)),
    });
  });
  return getCallDetail(db, actor, id, now);
}

/**
 * Moves a call along its status machine (see `CALL_TRANSITIONS`): publishing needs a form for every stage, and
 * reopening needs a closing time still ahead.
 */
export async function transitionCall(
  db: Database,
  actor: Actor,
  id: string,
  transition: CallTransition,
  meta: RequestMeta,
  now: Date,
): Promise<CallDetail> {
  await db.transaction(async (tx) => {
    await repo.lockCall(tx, id);
    const found = await getManagedCall(tx, actor, id);
    const call = toRecord(found);
    const to = nextCallStatus(call.status, transition);
    if (to === null) {
      throw new AppError('INVALID_STATE', 'errors.CALL_TRANSITION');
    }
    switch (transition) {
      case 'publish':
        for (const stage of stagesOf(call.stageMode)) {
          if (!(await repo.findCurrentForm(tx, id, stage))) {
            throw new AppError('INVALID_STATE', 'errors.CALL_PUBLISH_NEEDS_FORMS');
          }
        }
        break;
      case 'reopen':
        if (callPhase({ ...call, status: 'published' }, now) === 'closed') {
          throw new AppError('INVALID_STATE', 'errors.CALL_REOPEN_PAST_DEADLINE');
        }
        break;
      case 'close':
      case 'archive':
        break;
      default: {
        const exhaustive: never = transition;
        return exhaustive;
      }
    }
    const publishedAt = transition === 'publish' && !found.publishedAt ? now : null;
    if (!(await repo.setCallStatus(tx, id, call.status, to, publishedAt))) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: found.version });
    }
    await recordAudit(tx, meta, {
      action: `call.${transition}`,
      entityType: 'call',
      entityId: id,
      before: { status: call.status },
      after: { status: to },
    });
  });
  return getCallDetail(db, actor, id, now);
}

// ---- Forms -------------------------------------------------------------------------------------------------------

/** Every form version of a call, newest first within each stage (officers). */
export async function listCallForms(db: Database, actor: Actor, id: string): Promise<CallForm[]> {
  await getManagedCall(db, actor, id);
  return (await repo.listForms(db, id)).map(toCallForm);
}

/**
 * Officers save a stage's form: the newest version is edited in place while no proposal uses it; once frozen, the
 * save makes the next version, which only new drafts get (existing proposals keep the version they started on).
 */
export async function saveCallForm(
  db: Database,
  actor: Actor,
  id: string,
  stage: FormStage,
  definition: FormDefinition,
  meta: RequestMeta,
): Promise<CallForm> {
  return db.transaction(async (tx) => {
    await repo.lockCall(tx, id);
    const call = toRecord(await getManagedCall(tx, actor, id));
    if (call.status === 'archived') {
      throw new AppError('INVALID_STATE', 'errors.CALL_ARCHIVED');
    }
    if (!stagesOf(call.stageMode).includes(stage)) {
      throw invalidField('params.stage', 'errors.CALL_STAGE_MISMATCH');
    }
    const current = await repo.findCurrentForm(tx, id, stage);
    const edited = current ? await repo.updateUnfrozenForm(tx, current.id, definition) : undefined;
    const saved =
      edited ??
      (await repo.insertForm(tx, {
        callId: id,
        stage,
        version: (current?.version ?? 0) + 1,
        definition,
        createdBy: actor.userId,
      }));
    await recordAudit(tx, meta, {
      action: edited ? 'call_form.edited' : 'call_form.versioned',
      entityType: 'call',
      entityId: id,
      before: current ? { stage, version: current.version, formId: current.id } : null,
      after: {
        stage,
        version: saved.version,
        formId: saved.id,
        questions: definition.sections.reduce((n, s) => n + s.questions.length, 0),
      },
    });
    return toCallForm(saved);
  });
}

// ---- Eligibility -------------------------------------------------------------------------------------------------
