import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, type FieldIssue } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { checkEvidenceUpload, type UploadInput } from '@server/lib/files';
import { recordAudit } from '@server/modules/audit/audit.service';
import { listMemberContacts } from '@server/modules/organisations/organisations.service';
import { notifyUsers } from '@server/modules/notifications/notifications.service';
import { getProjectAccess, titleIn } from '@server/modules/projects/projects.service';
import type { ProjectAccess } from '@server/modules/projects/projects.policy';
import {
  DISAGGREGATION_CATEGORIES,
  type Disaggregation,
  type IndicatorAggregation,
  type IndicatorDirection,
  type IndicatorType,
} from '@shared/contracts/impact-library';
import {
  IMPACT_PROJECT_LIMITS,
  PROJECT_INDICATOR_CODE,
  type CreateIndicatorValueBody,
  type CreateProjectIndicatorBody,
  type IndicatorBreakdown,
  type IndicatorFile,
  type IndicatorValue,
  type IndicatorValueSource,
  type IndicatorValueStatus,
  type ProjectIndicator,
  type ProjectIndicators,
  type ReviewIndicatorValueBody,
  type UpdateIndicatorValueBody,
  type UpdateProjectIndicatorBody,
} from '@shared/contracts/impact-project';
import { aggregateValues, indicatorQualityFlags } from '@shared/impact/indicator-quality';
import { bangkokDate } from '@shared/projects/plan';
import type { Language } from '@shared/i18n/index';
import { impactPolicy } from './impact.policy';
import { assertImpact, logicNodeIds } from './logic-models.service';
import * as repo from './project-indicators.repo';

// ---- Loading ------------------------------------------------------------------------------------------------------

const iso = (value: Date | string) => new Date(value).toISOString();

function refuse(issues: FieldIssue[]): never {
  throw new AppError('VALIDATION_FAILED', undefined, { issues });
}

function stale(currentVersion: number): never {
  throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion });
}

interface LoadedIndicator {
  indicator: repo.ProjectIndicatorRow;
  access: ProjectAccess;
}

/** A project indicator the actor may read (else NOT_FOUND), with the actor's access to its project. */
async function loadIndicator(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<LoadedIndicator> {
  const indicator = await repo.findProjectIndicator(db, id, lock);
  if (!indicator) {
    throw new AppError('NOT_FOUND');
  }
  const { access } = await getProjectAccess(db, actor, indicator.projectId);
  return { indicator, access };
}

interface LoadedValue extends LoadedIndicator {
  value: repo.IndicatorValueRow;
  organisationId: string;
  projectTitle: { th: string; en: string | null; agreement: string };
}

async function loadValue(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<LoadedValue> {
  const value = await repo.findValue(db, id, lock);
  if (!value) {
    throw new AppError('NOT_FOUND');
  }
  const { project, access } = await getProjectAccess(db, actor, value.projectId);
  const indicator = await repo.findProjectIndicator(db, value.projectIndicatorId);
  if (!indicator) {
    throw new AppError('NOT_FOUND');
  }
  return {
    value,
    indicator,
    access,
    organisationId: project.organisationId,
    projectTitle: { th: project.titleTh, en: project.titleEn, agreement: project.agreementNumber ?? '' },
  };
}

// ---- Shaping ------------------------------------------------------------------------------------------------------

function toFile(row: repo.IndicatorFileRow): IndicatorFile {
  return {
    id: row.id,
    valueId: row.valueId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    createdAt: iso(row.createdAt),
  };
}

const mayEditValue = (actor: Actor, access: ProjectAccess, status: string) =>
  impactPolicy.enterValues(actor, access) && status !== 'verified';

/**
 * The project's indicators with their baseline, target, values (evidence files, verification, flags), the roll-up
 * actual and the verified share, the reporting periods, counts and what the actor may do; for readers of the project.
 */
export async function listProjectIndicators(
  db: Database,
  actor: Actor,
  projectId: string,
  now: Date,
): Promise<ProjectIndicators> {
  const { project, access } = await getProjectAccess(db, actor, projectId);
  // One after another: `db` may be a single connection.
  const indicators = await repo.listProjectIndicators(db, projectId);
  const valueRows = await repo.listProjectValues(db, projectId);
  const files = await repo.listFilesOfValues(
    db,
    valueRows.map((r) => r.value.id),
  );
  const periods = await repo.listReportPeriods(db, projectId);
  const today = project.status === 'active' ? bangkokDate(now) : null;
  const verify = impactPolicy.verifyValues(actor, access);
  const counts = {
    indicators: indicators.length,
    values: 0,
    submitted: 0,
    queried: 0,
    verified: 0,
    flagged: 0,
  };
  const shaped = indicators.map((row): ProjectIndicator => {
    const rows = valueRows.filter((r) => r.value.projectIndicatorId === row.id);
    const flags = indicatorQualityFlags({
      type: row.type as IndicatorType,
      target: row.target,
      values: rows.map((r) => ({
        id: r.value.id,
        periodEnd: r.value.periodEnd,
        value: r.value.value,
        breakdown: r.value.breakdown,
      })),
      periods,
      today,
    });
    const values = rows.map(({ value, reviewerName, reviewerStatus, reportSequence }): IndicatorValue => {
      const valueFlags = flags.filter((f) => f.valueId === value.id);
      counts.values += 1;
      counts[value.status as IndicatorValueStatus] += 1;
      if (valueFlags.length > 0) {
        counts.flagged += 1;
      }
      return {
        id: value.id,
        projectIndicatorId: value.projectIndicatorId,
        periodStart: value.periodStart,
        periodEnd: value.periodEnd,
        value: value.value,
        breakdown: value.breakdown,
        note: value.note,
        source: value.source as IndicatorValueSource,
        reportId: value.reportId,
        reportSequence: reportSequence ?? null,
        status: value.status as IndicatorValueStatus,
        reviewComment: value.reviewComment,
        reviewedAt: value.reviewedAt ? iso(value.reviewedAt) : null,
        reviewerName: reviewerStatus === 'erased' ? null : (reviewerName ?? null),
        files: files.filter((f) => f.valueId === value.id).map(toFile),
        flags: valueFlags,
        version: value.version,
        abilities: { edit: mayEditValue(actor, access, value.status), review: verify },
      };
    });
    const verified = values.filter((v) => v.status === 'verified').length;
    return {
      id: row.id,
      projectId: row.projectId,
      indicatorId: row.indicatorId,
      code: row.code,
      nameTh: row.nameTh,
      nameEn: row.nameEn,
      unitTh: row.unitTh,
      unitEn: row.unitEn,
      type: row.type as IndicatorType,
      direction: row.direction as IndicatorDirection,
      aggregation: row.aggregation as IndicatorAggregation,
      disaggregations: row.disaggregations as Disaggregation[],
      logicNodeId: row.logicNodeId,
      baseline: row.baseline,
      baselineOn: row.baselineOn,
      target: row.target,
      targetOn: row.targetOn,
      position: row.position,
      actual: aggregateValues(row.aggregation as IndicatorAggregation, values),
      verifiedShare: values.length === 0 ? null : verified / values.length,
      values,
      flags,
      version: row.version,
    };
  });
  return {
    projectId,
    projectStatus: project.status,
    indicators: shaped,
    periods,
    counts,
    abilities: {
      editPlan: impactPolicy.editPlan(actor, access),
      enterValues: impactPolicy.enterValues(actor, access),
      verify,
    },
  };
}

async function indicatorView(db: Database, actor: Actor, projectId: string, id: string, now: Date) {
  const list = await listProjectIndicators(db, actor, projectId, now);
  const found = list.indicators.find((i) => i.id === id);
  if (!found) {
    throw new AppError('NOT_FOUND');
  }
  return found;
}

async function valueView(db: Database, actor: Actor, projectId: string, valueId: string, now: Date) {
  const list = await listProjectIndicators(db, actor, projectId, now);
  const found = list.indicators.flatMap((i) => i.values).find((v) => v.id === valueId);
  if (!found) {
    throw new AppError('NOT_FOUND');
  }
  return found;
}

// ---- Project indicators -------------------------------------------------------------------------------------------

async function checkLogicNode(db: Database, projectId: string, logicNodeId: string | null | undefined) {
  if (logicNodeId && !(await logicNodeIds(db, projectId)).includes(logicNodeId)) {
    refuse([fieldIssue('body.logicNodeId', 'unknown', 'errors.impactProject.LOGIC_NODE_UNKNOWN')]);
  }
}

/**
 * Adds an indicator to the project (editors of the plan while the project is open): from the library (its code,
 * names, unit, type, direction, aggregation and disaggregations copied; an inactive one refused) or the project's
 * own (code, Thai name, Thai unit and type required). A code is used once per project. Audited.
 */
export async function createProjectIndicator(
  db: Database,
  actor: Actor,
  projectId: string,
  body: CreateProjectIndicatorBody & { indicatorId: string | null },
  meta: RequestMeta,
  now: Date,
): Promise<ProjectIndicator> {
  const id = await db.transaction(async (tx) => {
    const { access } = await getProjectAccess(tx, actor, projectId);
    assertImpact(actor, 'editPlan', access);
    const issues: FieldIssue[] = [];
    let fields: Omit<repo.ProjectIndicatorInsert, 'projectId'>;
    if (body.indicatorId) {
      const library = await repo.findLibraryIndicator(tx, body.indicatorId);
      if (!library || !library.isActive) {
        refuse([fieldIssue('body.indicatorId', 'unknown', 'errors.impactProject.LIBRARY_INDICATOR_UNKNOWN')]);
      }
      fields = {
        indicatorId: library.id,
        code: library.code,
        nameTh: library.nameTh,
        nameEn: library.nameEn,
        unitTh: library.unitTh,
        unitEn: library.unitEn,
        type: library.type,
        direction: library.direction,
        aggregation: library.aggregation,
        disaggregations: library.disaggregations,
      };
    } else {
      const code = body.code ?? '';
      if (!PROJECT_INDICATOR_CODE.test(code)) {
        issues.push(fieldIssue('body.code', 'invalid', 'errors.impactProject.CODE_INVALID'));
      }
      if (!body.nameTh) {
        issues.push(fieldIssue('body.nameTh', 'required', 'errors.impactProject.NAME_REQUIRED'));
      }
      if (!body.unitTh) {
        issues.push(fieldIssue('body.unitTh', 'required', 'errors.impactProject.UNIT_REQUIRED'));
      }
      if (!body.type) {
        issues.push(fieldIssue('body.type', 'required', 'errors.impactProject.TYPE_REQUIRED'));
      }
      fields = {
        indicatorId: null,
        code,
        nameTh: body.nameTh ?? '',
        nameEn: body.nameEn ?? '',
        unitTh: body.unitTh ?? '',
        unitEn: body.unitEn ?? '',
        type: body.type ?? 'count',
        direction: body.direction ?? 'increase',
        aggregation: body.aggregation ?? 'sum',
        disaggregations: [...new Set(body.disaggregations ?? [])],
      };
    }
    if (issues.length > 0) {
      refuse(issues);
    }
    if (await repo.codeTaken(tx, projectId, fields.code)) {
      refuse([
        fieldIssue(
          body.indicatorId ? 'body.indicatorId' : 'body.code',
          'duplicate',
          'errors.impactProject.CODE_TAKEN',
        ),
      ]);
    }
    const total = await repo.countProjectIndicators(tx, projectId);
    if (total >= IMPACT_PROJECT_LIMITS.indicatorsPerProject) {
      refuse([
        fieldIssue('body', 'too_many', 'errors.impactProject.TOO_MANY_INDICATORS', {
          max: IMPACT_PROJECT_LIMITS.indicatorsPerProject,
        }),
      ]);
    }
    await checkLogicNode(tx, projectId, body.logicNodeId);
    const inserted = await repo.insertProjectIndicator(tx, {
      ...fields,
      projectId,
      logicNodeId: body.logicNodeId ?? null,
      baseline: body.baseline ?? null,
      baselineOn: body.baselineOn ?? null,
      target: body.target ?? null,
      targetOn: body.targetOn ?? null,
      position: total,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, meta, {
      action: 'project_indicator.created',
      entityType: 'project_indicator',
      entityId: inserted.id,
      after: {
        projectId,
        code: inserted.code,
        indicatorId: inserted.indicatorId,
        baseline: inserted.baseline,
        target: inserted.target,
      },
    });
    return inserted.id;
  });
  return indicatorView(db, actor, projectId, id, now);
}

/**
 * Changes a project indicator (editors of the plan while the project is open; current version else CONFLICT): the
 * baseline, target, their dates, the logic-model box, direction and order; names and unit of the project's own
 * indicators only. Audited.
 */
export async function updateProjectIndicator(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateProjectIndicatorBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectIndicator> {
  const projectId = await db.transaction(async (tx) => {
    const { indicator, access } = await loadIndicator(tx, actor, id, true);
    assertImpact(actor, 'editPlan', access);
    if (indicator.version !== body.version) {
      stale(indicator.version);
    }
    const { version, ...changes } = body;
    if (indicator.indicatorId !== null) {
      const locked = (['nameTh', 'nameEn', 'unitTh', 'unitEn', 'direction'] as const).filter(
        (k) => changes[k] !== undefined && changes[k] !== indicator[k],
      );
      if (locked.length > 0) {
        refuse(
          locked.map((k) => fieldIssue(`body.${k}`, 'from_library', 'errors.impactProject.FROM_LIBRARY')),
        );
      }
    }
    await checkLogicNode(tx, indicator.projectId, changes.logicNodeId);
    const saved = await repo.updateProjectIndicatorIfVersion(tx, id, version, changes, now);
    if (!saved) {
      stale(indicator.version);
    }
    await recordAudit(tx, meta, {
      action: 'project_indicator.updated',
      entityType: 'project_indicator',
      entityId: id,
      before: Object.fromEntries(
        Object.keys(changes).map((k) => [k, indicator[k as keyof typeof indicator]]),
      ),
      after: changes,
    });
    return indicator.projectId;
  });
  return indicatorView(db, actor, projectId, id, now);
}

/**
 * Removes a project indicator with its values and evidence (editors of the plan while the project is open; current
 * version). Refused while any of its values is verified. Audited; the files' bytes go after the commit.
 */
export async function deleteProjectIndicator(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const { indicator, access } = await loadIndicator(tx, actor, id, true);
    assertImpact(actor, 'editPlan', access);
    if (indicator.version !== version) {
      stale(indicator.version);
    }
    if ((await repo.countVerifiedValues(tx, id)) > 0) {
      throw new AppError('INVALID_STATE', 'errors.impactProject.HAS_VERIFIED_VALUES');
    }
    const storageKeys = await repo.listStorageKeysOfIndicator(tx, id);
    await repo.deleteProjectIndicator(tx, id);
    await recordAudit(tx, meta, {
      action: 'project_indicator.deleted',
      entityType: 'project_indicator',
      entityId: id,
      before: { projectId: indicator.projectId, code: indicator.code, version: indicator.version },
      after: null,
    });
    return storageKeys;
  });
  for (const key of keys) {
    await storage.remove(key);
  }
}

// ---- Values -------------------------------------------------------------------------------------------------------

/** A value's period and breakdown against its indicator: dimensions it is broken down by, known categories. */
function valueIssues(
  indicator: repo.ProjectIndicatorRow,
  input: { periodStart: string | null; periodEnd: string; breakdown: readonly IndicatorBreakdown[] },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.periodStart !== null && input.periodStart > input.periodEnd) {
    issues.push(fieldIssue('body.periodStart', 'after_end', 'errors.impactProject.PERIOD_ORDER'));
  }
  const seen = new Set<string>();
  input.breakdown.forEach((cell, i) => {
    const dimension = cell.dimension;
    if (!indicator.disaggregations.includes(dimension)) {
      issues.push(
        fieldIssue(
          `body.breakdown.${i}.dimension`,
          'not_allowed',
          'errors.impactProject.BREAKDOWN_DIMENSION',
        ),
      );
    } else if (!(DISAGGREGATION_CATEGORIES[dimension] as readonly string[]).includes(cell.category)) {
      issues.push(
        fieldIssue(`body.breakdown.${i}.category`, 'unknown', 'errors.impactProject.BREAKDOWN_CATEGORY'),
      );
    } else if (seen.has(`${dimension}:${cell.category}`)) {
      issues.push(
        fieldIssue(`body.breakdown.${i}.category`, 'duplicate', 'errors.impactProject.BREAKDOWN_DUPLICATE'),
      );
    }
    seen.add(`${dimension}:${cell.category}`);
  });
  return issues;
}

async function assertPeriodFree(tx: DbOrTx, indicatorId: string, periodEnd: string, exceptId?: string) {
  const clash = (await repo.listValuesEnding(tx, indicatorId, periodEnd)).filter((v) => v.id !== exceptId);
  if (clash.length > 0) {
    refuse([fieldIssue('body.periodEnd', 'duplicate', 'errors.impactProject.PERIOD_TAKEN')]);
  }
}

/**
 * Records an actual value of a project indicator for a period (the grantee's owners and editors, the supervising
 * unit's staff and officers, while the project is active): submitted for verification. One value per period end;
 * breakdown cells only for the indicator's dimensions and known categories. Audited.
 */
export async function createValue(
  db: Database,
  actor: Actor,
  indicatorId: string,
  body: CreateIndicatorValueBody & { periodStart: string | null },
  meta: RequestMeta,
  now: Date,
): Promise<IndicatorValue> {
  const { id, projectId } = await db.transaction(async (tx) => {
    const { indicator, access } = await loadIndicator(tx, actor, indicatorId, true);
    assertImpact(actor, 'enterValues', access);
    const breakdown = body.breakdown ?? [];
    const issues = valueIssues(indicator, {
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      breakdown,
    });
    if (issues.length > 0) {
      refuse(issues);
    }
    await assertPeriodFree(tx, indicatorId, body.periodEnd);
    if ((await repo.countValues(tx, indicatorId)) >= IMPACT_PROJECT_LIMITS.valuesPerIndicator) {
      refuse([
        fieldIssue('body', 'too_many', 'errors.impactProject.TOO_MANY_VALUES', {
          max: IMPACT_PROJECT_LIMITS.valuesPerIndicator,
        }),
      ]);
    }
    const inserted = await repo.insertValue(tx, {
      projectIndicatorId: indicatorId,
      projectId: indicator.projectId,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      value: body.value,
      breakdown,
      note: body.note ?? '',
      source: 'entry',
      status: 'submitted',
      enteredBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, meta, {
      action: 'indicator_value.created',
      entityType: 'indicator_value',
      entityId: inserted.id,
      after: { projectIndicatorId: indicatorId, periodEnd: inserted.periodEnd, value: inserted.value },
    });
    return { id: inserted.id, projectId: indicator.projectId };
  });
  return valueView(db, actor, projectId, id, now);
}

/**
 * Corrects a value (those who enter values, while the project is active; current version). A verified value cannot
 * be changed; a queried one goes back to submitted for verification. Audited.
 */
export async function updateValue(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateIndicatorValueBody,
  meta: RequestMeta,
  now: Date,
): Promise<IndicatorValue> {
  const projectId = await db.transaction(async (tx) => {
    const { value, indicator, access } = await loadValue(tx, actor, id, true);
    assertImpact(actor, 'enterValues', access);
    if (value.status === 'verified') {
      throw new AppError('INVALID_STATE', 'errors.impactProject.VALUE_VERIFIED');
    }
    if (value.version !== body.version) {
      stale(value.version);
    }
    const next = {
      periodStart: body.periodStart === undefined ? value.periodStart : body.periodStart,
      periodEnd: body.periodEnd ?? value.periodEnd,
      breakdown: body.breakdown ?? value.breakdown,
    };
    const issues = valueIssues(indicator, next);
    if (issues.length > 0) {
      refuse(issues);
    }
    if (next.periodEnd !== value.periodEnd) {
      await assertPeriodFree(tx, indicator.id, next.periodEnd, id);
    }
    const saved = await repo.updateValueIfVersion(
      tx,
      id,
      body.version,
      {
        ...next,
        value: body.value ?? value.value,
        note: body.note ?? value.note,
        status: 'submitted',
        enteredBy: actor.userId,
      },
      now,
    );
    if (!saved) {
      stale(value.version);
    }
    await recordAudit(tx, meta, {
      action: 'indicator_value.updated',
      entityType: 'indicator_value',
      entityId: id,
      before: {
        status: value.status,
        value: value.value,
        periodEnd: value.periodEnd,
        version: value.version,
      },
      after: { status: saved.status, value: saved.value, periodEnd: saved.periodEnd, version: saved.version },
    });
    return value.projectId;
  });
  return valueView(db, actor, projectId, id, now);
}

/** Removes a value that is not verified, with its evidence (those who enter values; current version). Audited. */
export async function deleteValue(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const { value, access } = await loadValue(tx, actor, id, true);
    assertImpact(actor, 'enterValues', access);
    if (value.status === 'verified') {
      throw new AppError('INVALID_STATE', 'errors.impactProject.VALUE_VERIFIED');
    }
    if (value.version !== version) {
      stale(value.version);
    }
    const files = await repo.listFilesOfValues(tx, [id]);
    await repo.deleteValue(tx, id);
    await recordAudit(tx, meta, {
      action: 'indicator_value.deleted',
      entityType: 'indicator_value',
      entityId: id,
      before: {
        projectIndicatorId: value.projectIndicatorId,
        periodEnd: value.periodEnd,
        value: value.value,
      },
      after: null,
    });
    return files.map((f) => f.storageKey);
  });
  for (const key of keys) {
    await storage.remove(key);
  }
}

/**
 * Staff (officers, the supervising unit's staff) verify a value, or query it with a comment saying what is wrong.
 * A verified value may be queried again (reopened); deciding what it already is gets INVALID_STATE. The grantee's
 * members are told in the app of a query. Audited.
 */
export async function reviewValue(
  db: Database,
  actor: Actor,
  id: string,
  body: ReviewIndicatorValueBody & { comment: string },
  meta: RequestMeta,
  now: Date,
): Promise<IndicatorValue> {
  const projectId = await db.transaction(async (tx) => {
    const loaded = await loadValue(tx, actor, id, true);
    const { value, indicator, access } = loaded;
    if (!impactPolicy.verifyValues(actor, access)) {
      throw new AppError('FORBIDDEN');
    }
    if (value.version !== body.version) {
      stale(value.version);
    }
    if (value.status === body.decision) {
      throw new AppError('INVALID_STATE', 'errors.impactProject.ALREADY_DECIDED');
    }
    const comment = body.comment.trim();
    if (body.decision === 'queried' && comment === '') {
      refuse([fieldIssue('body.comment', 'required', 'errors.impactProject.COMMENT_REQUIRED')]);
    }
    const saved = await repo.updateValueIfVersion(
      tx,
      id,
      body.version,
      { status: body.decision, reviewComment: comment, reviewedBy: actor.userId, reviewedAt: now },
      now,
    );
    if (!saved) {
      stale(value.version);
    }
    await recordAudit(tx, meta, {
      action: `indicator_value.${body.decision}`,
      entityType: 'indicator_value',
      entityId: id,
      before: { status: value.status, version: value.version },
      after: { status: body.decision, version: saved.version, comment, value: value.value },
    });
    if (body.decision === 'queried') {
      const members = await listMemberContacts(tx, loaded.organisationId);
      await notifyUsers(
        tx,
        members.filter((m) => m.role === 'owner' || m.role === 'editor').map((m) => m.userId),
        {
          kind: 'indicator_value_queried',
          params: (lang: Language) => ({
            indicator: lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.nameTh,
            title: titleIn(lang, loaded.projectTitle.th, loaded.projectTitle.en),
            comment,
          }),
          link: `/projects/${value.projectId}/impact`,
        },
      );
    }
    return value.projectId;
  });
  return valueView(db, actor, projectId, id, now);
}

// ---- Evidence files -----------------------------------------------------------------------------------------------

/** An uploaded file as the routes read it. */
export type IndicatorUpload = UploadInput;

function tooManyFiles(): AppError {
  const params = { max: IMPACT_PROJECT_LIMITS.filesPerValue };
  return new AppError(
    'VALIDATION_FAILED',
    'errors.impactProject.TOO_MANY_FILES',
    { issues: [fieldIssue('body.file', 'too_many', 'errors.impactProject.TOO_MANY_FILES', params)] },
    params,
  );
}

function assertMayAttach(actor: Actor, loaded: LoadedValue): void {
  assertImpact(actor, 'enterValues', loaded.access);
  if (loaded.value.status === 'verified') {
    throw new AppError('INVALID_STATE', 'errors.impactProject.VALUE_VERIFIED');
  }
}

/** The evidence files of a value, for readers of the project. */
export async function listValueFiles(db: Database, actor: Actor, id: string): Promise<IndicatorFile[]> {
  await loadValue(db, actor, id);
  return (await repo.listFilesOfValues(db, [id])).map(toFile);
}

/**
 * Attaches an evidence file to a value that is not verified (those who enter values, project active). The type is
 * judged on the content (PDF, images, Office and OpenDocument; a text file renamed .pdf is refused), the size against
 * IMPACT_PROJECT_LIMITS.fileMaxBytes and the count against filesPerValue; a refused upload changes nothing. Audited.
 */
export async function uploadValueFile(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  input: IndicatorUpload,
  meta: RequestMeta,
  now: Date,
): Promise<IndicatorFile> {
  assertMayAttach(actor, await loadValue(db, actor, id));
  const { fileName, sniffed } = await checkEvidenceUpload(input, IMPACT_PROJECT_LIMITS.fileMaxBytes, {
    tooLarge: 'errors.impactProject.FILE_TOO_LARGE',
    notAllowed: 'errors.impactProject.FILE_TYPE_NOT_ALLOWED',
  });
  if ((await repo.countFiles(db, id)) >= IMPACT_PROJECT_LIMITS.filesPerValue) {
    throw tooManyFiles();
  }
  const storageKey = await storage.put('indicator-evidence', input.bytes);
  try {
    const row = await db.transaction(async (tx) => {
      assertMayAttach(actor, await loadValue(tx, actor, id, true));
      if ((await repo.countFiles(tx, id)) >= IMPACT_PROJECT_LIMITS.filesPerValue) {
        throw tooManyFiles();
      }
      const inserted = await repo.insertFile(tx, {
        valueId: id,
        fileName,
        contentType: sniffed.contentType,
        sizeBytes: input.bytes.length,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        storageKey,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await recordAudit(tx, meta, {
        action: 'indicator_value.file_added',
        entityType: 'indicator_value',
        entityId: id,
        after: { fileId: inserted.id, fileName, sizeBytes: inserted.sizeBytes, sha256: inserted.sha256 },
      });
      return inserted;
    });
    return toFile(row);
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
}

async function loadFile(db: DbOrTx, actor: Actor, fileId: string, lock = false) {
  const file = await repo.findFile(db, fileId);
  if (!file) {
    throw new AppError('NOT_FOUND');
  }
  return { file, loaded: await loadValue(db, actor, file.valueId, lock) };
}

/** An evidence file's bytes, for readers of the project. */
export async function readValueFile(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  fileId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const { file } = await loadFile(db, actor, fileId);
  return {
    fileName: file.fileName,
    contentType: file.contentType,
    bytes: await storage.get(file.storageKey),
  };
}

/** Removes an evidence file of a value that is not verified (those who enter values). Audited. */
export async function deleteValueFile(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  fileId: string,
  meta: RequestMeta,
): Promise<void> {
  const key = await db.transaction(async (tx) => {
    const { file, loaded } = await loadFile(tx, actor, fileId, true);
    assertMayAttach(actor, loaded);
    await repo.deleteFile(tx, fileId);
    await recordAudit(tx, meta, {
      action: 'indicator_value.file_removed',
      entityType: 'indicator_value',
      entityId: file.valueId,
      before: { fileId, fileName: file.fileName },
      after: null,
    });
    return file.storageKey;
  });
  await storage.remove(key);
}

// ---- The progress-report feed -------------------------------------------------------------------------------------

/** A submitted report's indicator row, as the feed reads it. */
export interface ReportIndicatorRow {
  indicatorCode: string | null;
  value: number;
  note: string;
}

/**
 * Called by the report service inside the transaction that submits a progress or final report: each of the
 * report's indicator rows whose code is one of the project's indicators' codes becomes (or refreshes) that
 * indicator's value for the report's period, with source `report` and the report's id. A refreshed value whose
 * number changed goes back to submitted for verification; an unchanged verified one stays verified. Returns the
 * number of values written.
 */
export async function feedReportIndicators(
  tx: DbOrTx,
  report: { id: string; projectId: string; periodStart: string; periodEnd: string },
  rows: readonly ReportIndicatorRow[],
  actorUserId: string,
  now: Date,
): Promise<number> {
  const withCode = rows.filter((r): r is ReportIndicatorRow & { indicatorCode: string } => !!r.indicatorCode);
  const indicators = await repo.listProjectIndicatorsByCode(
    tx,
    report.projectId,
    withCode.map((r) => r.indicatorCode),
  );
  let written = 0;
  for (const indicator of indicators) {
    const row = withCode.find((r) => r.indicatorCode === indicator.code);
    if (!row) {
      continue;
    }
    const existing =
      (await repo.findValueOfReport(tx, indicator.id, report.id)) ??
      (await repo.listValuesEnding(tx, indicator.id, report.periodEnd)).find((v) => v.status !== 'verified');
    if (existing) {
      const changed = existing.value !== row.value;
      if (!changed && existing.reportId === report.id) {
        continue;
      }
      await repo.updateValueIfVersion(
        tx,
        existing.id,
        existing.version,
        {
          value: row.value,
          note: row.note,
          source: 'report',
          reportId: report.id,
          periodStart: report.periodStart,
          periodEnd: report.periodEnd,
          ...(changed ? { status: 'submitted' } : {}),
        },
        now,
      );
    } else {
      if ((await repo.listValuesEnding(tx, indicator.id, report.periodEnd)).length > 0) {
        // A verified value of the period entered on the page stands; the report does not replace it.
        continue;
      }
      await repo.insertValue(tx, {
        projectIndicatorId: indicator.id,
        projectId: report.projectId,
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
        value: row.value,
        note: row.note,
        source: 'report',
        reportId: report.id,
        status: 'submitted',
        enteredBy: actorUserId,
        createdAt: now,
        updatedAt: now,
      });
    }
    written += 1;
  }
  return written;
}
