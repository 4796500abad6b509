import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import { translate } from '@server/lib/i18n';
import { recordAudit } from '@server/modules/audit/audit.service';
import { getProjectAccess, lockProject } from '@server/modules/projects/projects.service';
import type { ProjectAccess } from '@server/modules/projects/projects.policy';
import {
  SroiAssessmentModelSchema,
  type CreateSroiAssessmentBody,
  type SaveSroiAssessmentBody,
  type SroiAbilities,
  type SroiAssessmentDetail,
  type SroiAssessmentIssue,
  type SroiAssessmentIssues,
  type SroiAssessmentKind,
  type SroiAssessmentList,
  type SroiAssessmentModel,
  type SroiAssessmentSummary,
  type SroiCalculateResponse,
  type SroiIssueDto,
  type SroiVersionBody,
} from '@shared/contracts/sroi-assessments';
import type { SroiConvention } from '@shared/contracts/sroi';
import {
  allFinite,
  evaluateAssessmentModel,
  headlineOf,
  svi2012Comparison,
  toEngineModel,
  toStoredIssue,
} from '@shared/impact/sroi-assessment';
import { calculateSroi, parseSroiModel } from '@shared/impact/sroi';
import { impactPolicy } from './impact.policy';
import * as repo from './sroi-assessments.repo';

// SROI assessments (การประเมินผลตอบแทนทางสังคม) of a project, in versions per kind (forecast at proposal, evaluative at
// close-out): a draft is edited in place and recomputed by the one engine on every save (an invalid model is saved
// with its issues); staff finalise a draft without issues, which freezes it; a new version starts from a copy.

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function assertVersion(current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

/** A stored issue with its Thai and English message (issues stored before codes existed read as OTHER). */
export function issueDto(
  issue: Partial<SroiAssessmentIssue> & { path: string; message: string },
): SroiIssueDto {
  const code = issue.code ?? 'OTHER';
  const params = { message: issue.message, ...(issue.params ?? {}) };
  const key = `errors.sroiEditor.ISSUE_${code}`;
  return {
    path: issue.path,
    message: issue.message,
    code,
    params,
    messageTh: translate('th', key, params),
    messageEn: translate('en', key, params),
  };
}

function toSummary(row: repo.SroiAssessmentRow): SroiAssessmentSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind as SroiAssessmentKind,
    versionNo: row.versionNo,
    status: row.status === 'final' ? 'final' : 'draft',
    title: row.title,
    convention: row.convention as SroiConvention,
    presentValueSatang: row.presentValueSatang,
    investmentSatang: row.investmentSatang,
    ratio: row.ratio,
    issueCount: row.issues.length,
    basedOnId: row.basedOnId,
    finalisedAt: isoOrNull(row.finalisedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

async function abilitiesOf(
  db: DbOrTx,
  actor: Actor,
  access: ProjectAccess,
  row: repo.SroiAssessmentRow,
): Promise<SroiAbilities> {
  const isDraft = row.status === 'draft';
  const canEdit = impactPolicy.editSroi(actor, access);
  let newVersion = false;
  if (!isDraft && canEdit) {
    const latest = await repo.findLatestOfKind(db, row.projectId, row.kind);
    newVersion = latest?.status === 'final';
  }
  return {
    edit: isDraft && canEdit,
    finalise: isDraft && impactPolicy.finaliseSroi(actor, access),
    newVersion,
    delete: isDraft && canEdit,
  };
}

async function toDetail(
  db: DbOrTx,
  actor: Actor,
  access: ProjectAccess,
  row: repo.SroiAssessmentRow,
): Promise<SroiAssessmentDetail> {
  const model = row.model;
  return {
    ...toSummary(row),
    notes: row.notes,
    model,
    result: row.result,
    issues: row.issues.map(issueDto),
    comparison:
      row.result && model.convention === 'th-base-year'
        ? comparisonOf(svi2012Comparison(toEngineModel(model)))
        : null,
    createdBy: row.createdBy,
    finalisedBy: row.finalisedBy,
    abilities: await abilitiesOf(db, actor, access, row),
  };
}

function comparisonOf(result: ReturnType<typeof svi2012Comparison>) {
  return result ? { convention: 'svi-2012' as const, result } : null;
}

/** The columns a (re)computation writes: the model, the result or the issues, and the headline figures. */
function computedColumns(model: SroiAssessmentModel) {
  const evaluation = evaluateAssessmentModel(model);
  const headline = evaluation.result ? headlineOf(evaluation.result) : null;
  return {
    model,
    convention: model.convention,
    result: evaluation.result,
    issues: evaluation.issues satisfies SroiAssessmentIssues,
    presentValueSatang: headline?.presentValueSatang ?? null,
    investmentSatang: headline?.investmentSatang ?? null,
    ratio: headline?.ratio ?? null,
  };
}

/** An assessment with its project's access; NOT_FOUND when the actor may not read the project's impact records. */
async function loadAssessment(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const row = await repo.findAssessment(db, id, lock);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  const { access } = await getProjectAccess(db, actor, row.projectId);
  if (!impactPolicy.read(actor, access)) {
    throw new AppError('NOT_FOUND');
  }
  return { row, access };
}

/** Lists a project's assessments by kind and version, with what the actor may do. */
export async function listAssessments(
  db: Database,
  actor: Actor,
  projectId: string,
): Promise<SroiAssessmentList> {
  const { access } = await getProjectAccess(db, actor, projectId);
  if (!impactPolicy.read(actor, access)) {
    throw new AppError('NOT_FOUND');
  }
  const rows = await repo.listAssessments(db, projectId);
  return {
    items: rows.map(toSummary),
    abilities: {
      create: impactPolicy.editSroi(actor, access),
      finalise: impactPolicy.finaliseSroi(actor, access),
    },
  };
}

/** Reads one assessment with its model, result, issues (Thai and English) and, for th-base-year, the svi-2012 figures. */
export async function getAssessment(db: Database, actor: Actor, id: string): Promise<SroiAssessmentDetail> {
  const { row, access } = await loadAssessment(db, actor, id);
  return toDetail(db, actor, access, row);
}

async function insertNextVersion(
  tx: DbOrTx,
  actor: Actor,
  projectId: string,
  kind: SroiAssessmentKind,
  source: repo.SroiAssessmentRow | undefined,
  title: string | undefined,
  now: Date,
) {
  const model = source ? source.model : SroiAssessmentModelSchema.parse({});
  return repo.insertAssessment(tx, {
    projectId,
    kind,
    versionNo: (await repo.maxVersionNo(tx, projectId, kind)) + 1,
    status: 'draft',
    title: title ?? source?.title ?? '',
    notes: source?.notes ?? '',
    ...computedColumns(model),
    basedOnId: source?.id ?? null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Starts an assessment of a kind: version 1 (an evaluative one starts from a copy of the latest forecast when there
 * is one), or the next version copied from the latest of the kind. Refused while a draft of the kind exists.
 */
export async function createAssessment(
  db: Database,
  actor: Actor,
  projectId: string,
  body: CreateSroiAssessmentBody,
  now: Date,
): Promise<SroiAssessmentDetail> {
  return db.transaction(async (tx) => {
    const { access } = await getProjectAccess(tx, actor, projectId);
    authorize(actor, impactPolicy.editSroi, access);
    await lockProject(tx, projectId);
    const latest = await repo.findLatestOfKind(tx, projectId, body.kind);
    if (latest?.status === 'draft') {
      throw new AppError('INVALID_STATE', 'errors.sroiEditor.DRAFT_EXISTS', { draftId: latest.id });
    }
    const source =
      latest ??
      (body.kind === 'evaluative' ? await repo.findLatestOfKind(tx, projectId, 'forecast') : undefined);
    const row = await insertNextVersion(tx, actor, projectId, body.kind, source, body.title, now);
    return toDetail(tx, actor, access, row);
  });
}

/** Starts the next version of a final assessment's kind from a copy of it (it must be the latest of its kind). */
export async function createNextVersion(
  db: Database,
  actor: Actor,
  id: string,
  now: Date,
): Promise<SroiAssessmentDetail> {
  return db.transaction(async (tx) => {
    const { row, access } = await loadAssessment(tx, actor, id);
    authorize(actor, impactPolicy.editSroi, access);
    await lockProject(tx, row.projectId);
    const latest = await repo.findLatestOfKind(tx, row.projectId, row.kind);
    if (latest?.status === 'draft') {
      throw new AppError('INVALID_STATE', 'errors.sroiEditor.DRAFT_EXISTS', { draftId: latest.id });
    }
    if (row.status !== 'final' || latest?.id !== row.id) {
      throw new AppError('INVALID_STATE', 'errors.sroiEditor.NOT_LATEST_FINAL');
    }
    const created = await insertNextVersion(
      tx,
      actor,
      row.projectId,
      row.kind as SroiAssessmentKind,
      row,
      undefined,
      now,
    );
    return toDetail(tx, actor, access, created);
  });
}

/**
 * Saves a draft's title, notes and whole model (a stale version gets 409) and recomputes it: the result and headline
 * figures when the model computes, else its issues with result null. Nothing typed is lost. A final version is frozen.
 */
export async function saveAssessment(
  db: Database,
  actor: Actor,
  id: string,
  body: SaveSroiAssessmentBody,
  now: Date,
): Promise<SroiAssessmentDetail> {
  return db.transaction(async (tx) => {
    const { row, access } = await loadAssessment(tx, actor, id, true);
    authorize(actor, impactPolicy.editSroi, access);
    if (row.status !== 'draft') {
      throw new AppError('INVALID_STATE', 'errors.sroiEditor.FINAL_FROZEN');
    }
    assertVersion(row.version, body.version);
    const model = SroiAssessmentModelSchema.parse(body.model);
    const updated = await repo.updateAssessmentIfVersion(
      tx,
      id,
      body.version,
      { title: body.title ?? '', notes: body.notes ?? '', ...computedColumns(model) },
      now,
    );
    if (!updated) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    return toDetail(tx, actor, access, updated);
  });
}

/** Staff finalise a draft that computes (no issues): it is recomputed once more, frozen and audited. */
export async function finaliseAssessment(
  db: Database,
  actor: Actor,
  id: string,
  body: SroiVersionBody,
  meta: RequestMeta,
  now: Date,
): Promise<SroiAssessmentDetail> {
  return db.transaction(async (tx) => {
    const { row, access } = await loadAssessment(tx, actor, id, true);
    authorize(actor, impactPolicy.finaliseSroi, access);
    if (row.status !== 'draft') {
      throw new AppError('INVALID_STATE', 'errors.sroiEditor.FINAL_FROZEN');
    }
    assertVersion(row.version, body.version);
    const computed = computedColumns(row.model);
    if (computed.result === null || computed.issues.length > 0) {
      throw new AppError('INVALID_STATE', 'errors.sroiEditor.HAS_ISSUES', {
        issues: computed.issues.map((issue) => ({
          field: `model.${issue.path}`,
          code: issue.code,
          message: `errors.sroiEditor.ISSUE_${issue.code}`,
          params: { message: issue.message, ...issue.params },
        })),
      });
    }
    const updated = await repo.updateAssessmentIfVersion(
      tx,
      id,
      body.version,
      { ...computed, status: 'final', finalisedBy: actor.userId, finalisedAt: now },
      now,
    );
    if (!updated) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    await recordAudit(tx, meta, {
      action: 'sroi_assessment.finalised',
      entityType: 'sroi_assessment',
      entityId: id,
      before: { status: row.status, version: row.version },
      after: {
        status: 'final',
        projectId: row.projectId,
        kind: row.kind,
        versionNo: row.versionNo,
        convention: computed.convention,
        presentValueSatang: computed.presentValueSatang,
        investmentSatang: computed.investmentSatang,
        ratio: computed.ratio,
      },
    });
    return toDetail(tx, actor, access, updated);
  });
}

/** Deletes a draft (its writers; a stale version gets 409). Final versions are kept. Audited. */
export async function deleteAssessment(
  db: Database,
  actor: Actor,
  id: string,
  version: number,
  meta: RequestMeta,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, access } = await loadAssessment(tx, actor, id, true);
    authorize(actor, impactPolicy.editSroi, access);
    if (row.status !== 'draft') {
      throw new AppError('INVALID_STATE', 'errors.sroiEditor.FINAL_FROZEN');
    }
    assertVersion(row.version, version);
    await repo.deleteAssessment(tx, id);
    await recordAudit(tx, meta, {
      action: 'sroi_assessment.deleted',
      entityType: 'sroi_assessment',
      entityId: id,
      before: { projectId: row.projectId, kind: row.kind, versionNo: row.versionNo, status: row.status },
    });
  });
}

/**
 * The API door of the one engine: a model in the JSON format of SROI-SPEC §1 → its result (and, for th-base-year,
 * the svi-2012 recomputation). An invalid model → 400 with one issue per field (`body.outcomes[2].deadweight`).
 */
export function calculate(raw: unknown): SroiCalculateResponse {
  const parsed = parseSroiModel(raw);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: parsed.issues.map((engineIssue) => {
        const issue = toStoredIssue(engineIssue);
        return {
          field: engineIssue.path ? `body.${engineIssue.path}` : 'body',
          code: issue.code,
          message: `errors.sroiEditor.ISSUE_${issue.code}`,
          params: { message: engineIssue.message, ...issue.params },
        };
      }),
    });
  }
  const result = calculateSroi(parsed.model);
  if (!allFinite(result)) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body', 'TOO_LARGE', 'errors.sroiEditor.ISSUE_TOO_LARGE')],
    });
  }
  const comparison = svi2012Comparison(parsed.model);
  return { result, comparison: comparisonOf(comparison) };
}
