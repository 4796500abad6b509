import { preparePhoto, UnreadableImageError, type PreparedPhoto } from '@server/lib/images';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, type FieldIssue } from '@server/lib/errors';
import { hasRole, requireActor, type Actor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { sizeText, sniffFile } from '@server/lib/files';
import { recordAudit } from '@server/modules/audit/audit.service';
import { findAreaProblems } from '@server/modules/geo/geo.service';
import { canReadInnovation } from '@server/modules/innovations/innovations.service';
import { listProvinceGroupCodes } from '@server/modules/reference/reference.service';
import {
  DIFFUSION_LIMITS,
  isAdopterType,
  type AdoptionDetail,
  type AdoptionStatus,
  type AdoptionSummary,
  type AdoptionUpdate,
  type CreateAdoptionBody,
  type DiffusionOverview,
  type DiffusionQuery,
  type InnovationDiffusion,
  type StatusChangeBody,
  type UpdateAdoptionBody,
  type UpdateVillageBody,
  type VillageProfile,
} from '@shared/contracts/diffusion';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import { bangkokDate } from '@shared/projects/plan';
import {
  applyTransition,
  checkTransition,
  nextStatuses,
  type TransitionProblem,
} from '@shared/diffusion/timeline';
import * as repo from './adoptions.repo';
import { markNeedAddressedByAdoption } from './needs.addressed';
import { beneficiaryTotal, buildLineage, computeMetrics } from './diffusion.metrics';
import {
  canEditVillage,
  canManageAdoption,
  isDiffusionOfficer,
  isDiffusionStaff,
  mayRecordAdoptions,
  type ActorScope,
} from './diffusion.policy';

// ---- Shared checks -------------------------------------------------------------------------------------------------

function failWith(issues: FieldIssue[]): never {
  throw new AppError('VALIDATION_FAILED', undefined, { issues });
}

export interface SiteInput {
  provinceCode: number;
  districtCode: number | null;
  subdistrictCode: number | null;
  villageNo: number | null;
  villageName: string;
}

/** Checks that the area nests and that a village number comes with its subdistrict; field issues under `prefix`. */
export async function siteIssues(tx: DbOrTx, site: SiteInput, prefix: string): Promise<FieldIssue[]> {
  const issues = (await findAreaProblems(tx, site)).map((p) =>
    fieldIssue(`${prefix}.${p.field}`, 'invalid', p.key, p.params),
  );
  if (site.villageNo !== null) {
    if (site.subdistrictCode === null || site.districtCode === null) {
      issues.push(fieldIssue(`${prefix}.villageNo`, 'invalid', 'errors.diffusion.VILLAGE_NEEDS_SUBDISTRICT'));
    }
    if (site.villageName.trim() === '') {
      issues.push(fieldIssue(`${prefix}.villageName`, 'required', 'errors.diffusion.VILLAGE_NAME_REQUIRED'));
    }
  }
  return issues;
}

/** The `villages` row of a site with a village number (created when missing); null without one. */
export async function villageOfSite(tx: DbOrTx, site: SiteInput): Promise<string | null> {
  if (site.villageNo === null || site.subdistrictCode === null || site.districtCode === null) {
    return null;
  }
  return repo.upsertVillage(tx, {
    provinceCode: site.provinceCode,
    districtCode: site.districtCode,
    subdistrictCode: site.subdistrictCode,
    villageNo: site.villageNo,
    nameTh: site.villageName.trim(),
  });
}

// ---- Interest (called by the needs module's "we want to adopt this") ----------------------------------------------

export interface InterestAdoptionInput {
  innovationId: string;
  provinceCode: number;
  districtCode: number | null;
  subdistrictCode: number | null;
  villageNo: number | null;
  villageName: string;
  adopterOrganisationId: string | null;
  adopterName: string;
  adopterType: string;
  needId: string | null;
  problemStatementId: string | null;
  note: string;
  actorId: string;
  /** Today in Bangkok, YYYY-MM-DD. */
  today: string;
}

/**
 * Opens an adoption at `interested` inside the caller's transaction: checks the innovation (published and
 * diffusion-ready), the site, the adopter type and the references; upserts the village when a village number is
 * given; writes the first timeline event and the audit event. The caller authorises the actor (who may express
 * interest for which organisation) and validates the body's shape; field issues here are under `body.`.
 */
export async function openInterestAdoption(
  tx: DbOrTx,
  input: InterestAdoptionInput,
  meta: RequestMeta,
): Promise<{ id: string }> {
  const innovation = await repo.findInnovation(tx, input.innovationId);
  if (!innovation || innovation.status !== 'published') {
    throw new AppError('NOT_FOUND');
  }
  if (!innovation.isDiffusionReady) {
    throw new AppError('INVALID_STATE', 'errors.diffusion.NOT_DIFFUSION_READY');
  }
  const issues = await siteIssues(tx, input, 'body');
  if (!isAdopterType(input.adopterType)) {
    issues.push(
      fieldIssue('body.adopterType', 'invalid', 'errors.diffusion.UNKNOWN_ADOPTER_TYPE', {
        type: input.adopterType,
      }),
    );
  }
  if (input.adopterName.trim() === '') {
    issues.push(fieldIssue('body.adopterName', 'required', 'errors.diffusion.ADOPTER_NAME_REQUIRED'));
  }
  if (
    input.adopterOrganisationId !== null &&
    !(await repo.findOrganisation(tx, input.adopterOrganisationId))
  ) {
    issues.push(fieldIssue('body.adopterOrganisationId', 'invalid', 'errors.diffusion.UNKNOWN_ORGANISATION'));
  }
  if (input.needId !== null && !(await repo.needExists(tx, input.needId))) {
    issues.push(fieldIssue('body.needId', 'invalid', 'errors.diffusion.UNKNOWN_NEED'));
  }
  if (
    input.problemStatementId !== null &&
    !(await repo.problemStatementExists(tx, input.problemStatementId))
  ) {
    issues.push(
      fieldIssue('body.problemStatementId', 'invalid', 'errors.diffusion.UNKNOWN_PROBLEM_STATEMENT'),
    );
  }
  if (issues.length > 0) {
    failWith(issues);
  }
  const villageId = await villageOfSite(tx, input);
  const row = await repo.insertAdoption(tx, {
    innovationId: input.innovationId,
    provinceCode: input.provinceCode,
    districtCode: input.districtCode,
    subdistrictCode: input.subdistrictCode,
    villageId,
    adopterOrganisationId: input.adopterOrganisationId,
    adopterName: input.adopterName.trim(),
    adopterType: input.adopterType,
    needId: input.needId,
    problemStatementId: input.problemStatementId,
    status: 'interested',
    statusOn: input.today,
    interestedOn: input.today,
    createdBy: input.actorId,
  });
  await repo.insertEvent(tx, {
    adoptionId: row.id,
    fromStatus: null,
    toStatus: 'interested',
    occurredOn: input.today,
    note: input.note.trim(),
    actorId: input.actorId,
  });
  await recordAudit(tx, meta, {
    action: 'adoption.interest',
    entityType: 'adoption',
    entityId: row.id,
    after: auditSnapshot(row),
  });
  return { id: row.id };
}

/** What the audit log keeps of an adoption (no personal data). */
export function auditSnapshot(row: repo.AdoptionRow): Record<string, unknown> {
  return {
    innovationId: row.innovationId,
    provinceCode: row.provinceCode,
    districtCode: row.districtCode,
    subdistrictCode: row.subdistrictCode,
    villageId: row.villageId,
    adopterOrganisationId: row.adopterOrganisationId,
    adopterType: row.adopterType,
    diffusionPartnerId: row.diffusionPartnerId,
    sourceAdoptionId: row.sourceAdoptionId,
    status: row.status,
    statusOn: row.statusOn,
    adoptedOn: row.adoptedOn,
    localFundingSatang: row.localFundingSatang,
    beneficiaries: row.beneficiaries,
  };
}

// ---- Reading helpers -----------------------------------------------------------------------------------------------

const notFound = () => new AppError('NOT_FOUND');

const NO_SCOPE: ActorScope = { organisationIds: [], unitProvinceCodes: [] };

/** The actor's organisations and unit provinces, for the policy. */
export async function scopeOf(db: DbOrTx, actor: Actor | null): Promise<ActorScope> {
  if (!actor) {
    return NO_SCOPE;
  }
  const [organisationIds, unitProvinceCodes] = await Promise.all([
    repo.memberOrganisationIds(db, actor.userId),
    hasRole(actor, 'driving_unit_staff') && actor.drivingUnitId
      ? repo.unitProvinceCodes(db, actor.drivingUnitId)
      : Promise.resolve([]),
  ]);
  return { organisationIds, unitProvinceCodes };
}

/** Whether the reader may see adoptions of this innovation: anyone when published; else whoever may read the draft. */
async function mayReadInnovation(
  db: DbOrTx,
  actor: Actor | null,
  innovation: repo.InnovationRef,
): Promise<boolean> {
  return innovation.status === 'published' || canReadInnovation(db, actor, innovation.id);
}

function assertVersion(current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

function toSummary(
  row: repo.AdoptionRow,
  innovations: Map<string, repo.InnovationRef>,
  villages: Map<string, repo.VillageRow>,
): AdoptionSummary {
  const innovation = innovations.get(row.innovationId);
  const village = row.villageId ? villages.get(row.villageId) : undefined;
  return {
    id: row.id,
    innovation: {
      id: row.innovationId,
      titleTh: innovation?.titleTh ?? '',
      titleEn: innovation?.titleEn ?? '',
    },
    provinceCode: row.provinceCode,
    districtCode: row.districtCode,
    subdistrictCode: row.subdistrictCode,
    village: village
      ? { id: village.id, villageNo: village.villageNo, nameTh: village.nameTh, nameEn: village.nameEn }
      : null,
    adopterName: row.adopterName,
    adopterType: row.adopterType,
    status: row.status as AdoptionStatus,
    statusOn: row.statusOn,
    interestedOn: row.interestedOn,
    adoptedOn: row.adoptedOn,
    sourceAdoptionId: row.sourceAdoptionId,
    beneficiaryTotal: beneficiaryTotal(row.beneficiaries),
    localFundingSatang: row.localFundingSatang,
  };
}

async function summariesOf(db: DbOrTx, rows: repo.AdoptionRow[]): Promise<AdoptionSummary[]> {
  const innovationIds = [...new Set(rows.map((r) => r.innovationId))];
  const villageIds = [...new Set(rows.flatMap((r) => (r.villageId ? [r.villageId] : [])))];
  const [innovations, villages] = await Promise.all([
    repo.findInnovations(db, innovationIds),
    repo.findVillages(db, villageIds),
  ]);
  const innovationMap = new Map(innovations.map((i) => [i.id, i]));
  const villageMap = new Map(villages.map((v) => [v.id, v]));
  return rows.map((r) => toSummary(r, innovationMap, villageMap));
}

async function targetCodes(db: DbOrTx): Promise<Set<number>> {
  return new Set(await listProvinceGroupCodes(db, TARGET_GROUP_CODE));
}

function metricsRows(rows: repo.AdoptionRow[]) {
  return rows.map((r) => ({
    id: r.id,
    provinceCode: r.provinceCode,
    status: r.status as AdoptionStatus,
    interestedOn: r.interestedOn,
    adoptedOn: r.adoptedOn,
    beneficiaries: r.beneficiaries,
    localFundingSatang: r.localFundingSatang,
  }));
}

export function photoUrl(updateId: string, thumbnail: boolean): string {
  return `/api/adoption-updates/${updateId}/photo${thumbnail ? '?size=thumbnail' : ''}`;
}

function toUpdate(row: repo.UpdateWithAuthor, showAuthor: boolean): AdoptionUpdate {
  return {
    id: row.id,
    adoptionId: row.adoptionId,
    body: row.body,
    photoUrl: row.photoKey ? photoUrl(row.id, false) : null,
    thumbnailUrl: row.photoThumbnailKey ? photoUrl(row.id, true) : null,
    authorName: showAuthor ? row.authorName : null,
    createdAt: row.createdAt.toISOString(),
  };
}

// ---- Checks of a body ----------------------------------------------------------------------------------------------

type AdoptionFields = Omit<UpdateAdoptionBody, 'version'>;

/** Checks references and the learnt-from link of an adoption's fields; field issues under `body.`. */
async function fieldIssues(
  tx: DbOrTx,
  fields: AdoptionFields,
  innovationId: string,
  selfId: string | null,
): Promise<FieldIssue[]> {
  const issues = await siteIssues(tx, fields, 'body');
  if (
    fields.adopterOrganisationId !== null &&
    !(await repo.findOrganisation(tx, fields.adopterOrganisationId))
  ) {
    issues.push(fieldIssue('body.adopterOrganisationId', 'invalid', 'errors.diffusion.UNKNOWN_ORGANISATION'));
  }
  if (fields.diffusionPartnerId !== null && !(await repo.findPartner(tx, fields.diffusionPartnerId))) {
    issues.push(fieldIssue('body.diffusionPartnerId', 'invalid', 'errors.diffusion.UNKNOWN_PARTNER'));
  }
  if (fields.sourceAdoptionId !== null) {
    const problem = await sourceProblem(tx, fields.sourceAdoptionId, innovationId, selfId);
    if (problem) {
      issues.push(fieldIssue('body.sourceAdoptionId', 'invalid', problem));
    }
  }
  return issues;
}

/** Why a site cannot be the one this adoption learnt from; null when it can. */
async function sourceProblem(
  tx: DbOrTx,
  sourceId: string,
  innovationId: string,
  selfId: string | null,
): Promise<string | null> {
  if (sourceId === selfId) {
    return 'errors.diffusion.SOURCE_SELF';
  }
  const source = await repo.findAdoption(tx, sourceId);
  if (!source) {
    return 'errors.diffusion.UNKNOWN_SOURCE';
  }
  if (source.innovationId !== innovationId) {
    return 'errors.diffusion.SOURCE_OTHER_INNOVATION';
  }
  if (source.adoptedOn === null) {
    return 'errors.diffusion.SOURCE_NOT_ADOPTED';
  }
  // Walk up the chain: a cycle would make the who-from-whom tree lie.
  let cursor: repo.AdoptionRow | null = source;
  for (let depth = 0; cursor && depth < 1000; depth += 1) {
    if (cursor.sourceAdoptionId === null) {
      return null;
    }
    if (cursor.sourceAdoptionId === selfId) {
      return 'errors.diffusion.SOURCE_CYCLE';
    }
    cursor = await repo.findAdoption(tx, cursor.sourceAdoptionId);
  }
  return null;
}

function valuesOf(fields: AdoptionFields, villageId: string | null) {
  return {
    provinceCode: fields.provinceCode,
    districtCode: fields.districtCode,
    subdistrictCode: fields.subdistrictCode,
    villageId,
    adopterOrganisationId: fields.adopterOrganisationId,
    adopterName: fields.adopterName,
    adopterType: fields.adopterType,
    diffusionPartnerId: fields.diffusionPartnerId,
    diffusionPartnerName: fields.diffusionPartnerName,
    sourceAdoptionId: fields.sourceAdoptionId,
    adaptationsTh: fields.adaptationsTh,
    adaptationsEn: fields.adaptationsEn,
    beneficiaries: fields.beneficiaries,
    localFundingSatang: fields.localFundingSatang,
    localFundingSource: fields.localFundingSource,
  };
}

const TRANSITION_KEYS: Record<TransitionProblem['reason'], string> = {
  not_allowed: 'errors.diffusion.TRANSITION_NOT_ALLOWED',
  before_previous: 'errors.diffusion.DATE_BEFORE_PREVIOUS',
  in_future: 'errors.diffusion.DATE_IN_FUTURE',
  reason_required: 'errors.diffusion.REASON_REQUIRED',
};

function transitionIssue(problem: TransitionProblem): FieldIssue {
  const params =
    problem.reason === 'not_allowed'
      ? { from: problem.from, to: problem.to }
      : problem.reason === 'before_previous'
        ? { previous: problem.previous }
        : problem.reason === 'in_future'
          ? { today: problem.today }
          : undefined;
  return fieldIssue(`body.${problem.field}`, problem.reason, TRANSITION_KEYS[problem.reason], params);
}

// ---- Adoptions: record, read, edit, move along the timeline -------------------------------------------------------

/**
 * Records an adoption of a published innovation at `interested` (officers; unit staff in their provinces; members of
 * the adopter organisation for it). Audited with its first timeline event.
 */
export async function createAdoption(
  db: Database,
  actor: Actor,
  body: CreateAdoptionBody,
  meta: RequestMeta,
  now: Date,
): Promise<AdoptionDetail> {
  const today = bangkokDate(now);
  const id = await db.transaction(async (tx) => {
    const innovation = await repo.findInnovation(tx, body.innovationId);
    if (!innovation || !(await mayReadInnovation(tx, actor, innovation))) {
      throw new AppError('VALIDATION_FAILED', undefined, {
        issues: [fieldIssue('body.innovationId', 'invalid', 'errors.diffusion.INNOVATION_NOT_PUBLISHED')],
      });
    }
    const scope = await scopeOf(tx, actor);
    if (!canManageAdoption(actor, scope, body)) {
      throw new AppError(
        'FORBIDDEN',
        body.adopterOrganisationId === null ? undefined : 'errors.diffusion.ADOPTER_NOT_MEMBER',
      );
    }
    if (innovation.status !== 'published') {
      throw new AppError('VALIDATION_FAILED', undefined, {
        issues: [fieldIssue('body.innovationId', 'invalid', 'errors.diffusion.INNOVATION_NOT_PUBLISHED')],
      });
    }
    const interestedOn = body.interestedOn ?? today;
    const issues = await fieldIssues(tx, body, body.innovationId, null);
    if (interestedOn > today) {
      issues.push(fieldIssue('body.interestedOn', 'in_future', 'errors.diffusion.DATE_IN_FUTURE', { today }));
    }
    if (body.needId !== null && !(await repo.needExists(tx, body.needId))) {
      issues.push(fieldIssue('body.needId', 'invalid', 'errors.diffusion.UNKNOWN_NEED'));
    }
    if (
      body.problemStatementId !== null &&
      !(await repo.problemStatementExists(tx, body.problemStatementId))
    ) {
      issues.push(
        fieldIssue('body.problemStatementId', 'invalid', 'errors.diffusion.UNKNOWN_PROBLEM_STATEMENT'),
      );
    }
    if (issues.length > 0) {
      failWith(issues);
    }
    const villageId = await villageOfSite(tx, body);
    const row = await repo.insertAdoption(tx, {
      innovationId: body.innovationId,
      ...valuesOf(body, villageId),
      needId: body.needId,
      problemStatementId: body.problemStatementId,
      status: 'interested',
      statusOn: interestedOn,
      interestedOn,
      createdBy: actor.userId,
    });
    await repo.insertEvent(tx, {
      adoptionId: row.id,
      fromStatus: null,
      toStatus: 'interested',
      occurredOn: interestedOn,
      note: body.note,
      actorId: actor.userId,
    });
    await recordAudit(tx, meta, {
      action: 'adoption.created',
      entityType: 'adoption',
      entityId: row.id,
      after: auditSnapshot(row),
    });
    return row.id;
  });
  return getAdoption(db, actor, id);
}

/** An adoption with its timeline and updates: public when its innovation is published (no author names). */
export async function getAdoption(db: Database, actor: Actor | null, id: string): Promise<AdoptionDetail> {
  const row = await repo.findAdoption(db, id);
  const innovation = row ? await repo.findInnovation(db, row.innovationId) : null;
  if (!row || !innovation) {
    throw notFound();
  }
  const scope = await scopeOf(db, actor);
  const canManage = canManageAdoption(actor, scope, row);
  if (!canManage && !(await mayReadInnovation(db, actor, innovation))) {
    throw notFound();
  }
  const [summary] = await summariesOf(db, [row]);
  const [events, updates, partner, source] = await Promise.all([
    repo.listEvents(db, [id]),
    repo.listUpdates(db, [id]),
    row.diffusionPartnerId ? repo.findPartner(db, row.diffusionPartnerId) : Promise.resolve(null),
    row.sourceAdoptionId ? repo.findAdoption(db, row.sourceAdoptionId) : Promise.resolve(null),
  ]);
  if (!summary) {
    throw notFound();
  }
  return {
    ...summary,
    adopterOrganisationId: row.adopterOrganisationId,
    diffusionPartner: partner
      ? { id: partner.id, nameTh: partner.nameTh, nameEn: partner.nameEn }
      : row.diffusionPartnerName
        ? { id: null, nameTh: row.diffusionPartnerName, nameEn: '' }
        : null,
    source: source
      ? {
          id: source.id,
          adopterName: source.adopterName,
          provinceCode: source.provinceCode,
          status: source.status as AdoptionStatus,
        }
      : null,
    needId: row.needId,
    problemStatementId: row.problemStatementId,
    discontinuedReason: row.discontinuedReason,
    adaptationsTh: row.adaptationsTh,
    adaptationsEn: row.adaptationsEn,
    beneficiaries: row.beneficiaries,
    localFundingSource: row.localFundingSource,
    events: events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus as AdoptionStatus | null,
      toStatus: e.toStatus as AdoptionStatus,
      occurredOn: e.occurredOn,
      note: e.note,
    })),
    updates: updates.map((u) => toUpdate(u, canManage)),
    nextStatuses: canManage ? [...nextStatuses(row.status as AdoptionStatus)] : [],
    canManage,
    version: row.version,
  };
}

async function loadToManage(tx: DbOrTx, actor: Actor, id: string): Promise<repo.AdoptionRow> {
  const row = await repo.findAdoption(tx, id, true);
  if (!row) {
    throw notFound();
  }
  const scope = await scopeOf(tx, actor);
  if (!canManageAdoption(actor, scope, row)) {
    const innovation = await repo.findInnovation(tx, row.innovationId);
    throw innovation && (await mayReadInnovation(tx, actor, innovation))
      ? new AppError('FORBIDDEN')
      : notFound();
  }
  return row;
}

/**
 * Edits an adoption's site, adopter, partner, source, adaptations, beneficiaries and funding (version-checked). A
 * member may not move an adoption to an organisation they are not a member of. Audited.
 */
export async function updateAdoption(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateAdoptionBody,
  meta: RequestMeta,
): Promise<AdoptionDetail> {
  await db.transaction(async (tx) => {
    const before = await loadToManage(tx, actor, id);
    assertVersion(before.version, body.version);
    if (!canManageAdoption(actor, await scopeOf(tx, actor), body)) {
      throw new AppError('FORBIDDEN', 'errors.diffusion.ADOPTER_NOT_MEMBER');
    }
    const issues = await fieldIssues(tx, body, before.innovationId, id);
    if (issues.length > 0) {
      failWith(issues);
    }
    const villageId = await villageOfSite(tx, body);
    const after = await repo.updateAdoption(tx, id, before.version, valuesOf(body, villageId));
    if (!after) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    await recordAudit(tx, meta, {
      action: 'adoption.updated',
      entityType: 'adoption',
      entityId: id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
  });
  return getAdoption(db, actor, id);
}

/**
 * Moves an adoption one step along its timeline (dated; a discontinuation with its reason). Reaching adopted marks the
 * need it answers as addressed. Audited.
 */
export async function changeStatus(
  db: Database,
  actor: Actor,
  id: string,
  body: StatusChangeBody,
  meta: RequestMeta,
  now: Date,
): Promise<AdoptionDetail> {
  await db.transaction(async (tx) => {
    const before = await loadToManage(tx, actor, id);
    assertVersion(before.version, body.version);
    const from = before.status as AdoptionStatus;
    const problems = checkTransition({
      from,
      to: body.toStatus,
      occurredOn: body.occurredOn,
      previousOn: before.statusOn,
      today: bangkokDate(now),
      reason: body.reason,
    });
    if (problems.length > 0) {
      failWith(problems.map(transitionIssue));
    }
    const after = await repo.updateAdoption(
      tx,
      id,
      before.version,
      applyTransition(before, body.toStatus, body.occurredOn, body.reason),
    );
    if (!after) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    await repo.insertEvent(tx, {
      adoptionId: id,
      fromStatus: from,
      toStatus: body.toStatus,
      occurredOn: body.occurredOn,
      note: body.toStatus === 'discontinued' ? body.reason : body.note,
      actorId: actor.userId,
    });
    if (body.toStatus === 'adopted') {
      // The need this adoption answers is now addressed (only a published need changes).
      await markNeedAddressedByAdoption(tx, after, meta, now);
    }
    await recordAudit(tx, meta, {
      action: 'adoption.status_changed',
      entityType: 'adoption',
      entityId: id,
      before: { status: from, statusOn: before.statusOn },
      after: { status: after.status, statusOn: after.statusOn, adoptedOn: after.adoptedOn },
    });
  });
  return getAdoption(db, actor, id);
}

// ---- Updates (stories with an optional photo) ---------------------------------------------------------------------

export interface PhotoUpload {
  fileName: string;
  bytes: Buffer;
  truncated: boolean;
}

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Checks a story's photo on its content; returns it upright and without EXIF, with a WebP thumbnail
 * `DIFFUSION_LIMITS.thumbnailWidth` wide.
 */
async function prepareStoryPhoto(upload: PhotoUpload): Promise<PreparedPhoto> {
  if (upload.truncated || upload.bytes.length > DIFFUSION_LIMITS.photoMaxBytes) {
    const params = { max: sizeText(DIFFUSION_LIMITS.photoMaxBytes) };
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      'errors.diffusion.PHOTO_TOO_LARGE',
      { issues: [fieldIssue('body.file', 'too_large', 'errors.diffusion.PHOTO_TOO_LARGE', params)] },
      params,
    );
  }
  const sniffed = upload.bytes.length > 0 ? await sniffFile(upload.bytes, upload.fileName) : null;
  if (!sniffed || !PHOTO_TYPES.has(sniffed.contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'errors.diffusion.PHOTO_TYPE', {
      issues: [fieldIssue('body.file', 'unsupported_type', 'errors.diffusion.PHOTO_TYPE')],
    });
  }
  try {
    return await preparePhoto(upload.bytes, DIFFUSION_LIMITS.thumbnailWidth);
  } catch (error) {
    if (!(error instanceof UnreadableImageError)) {
      throw error;
    }
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'errors.diffusion.PHOTO_UNREADABLE', {
      issues: [fieldIssue('body.file', 'unreadable', 'errors.diffusion.PHOTO_UNREADABLE')],
    });
  }
}

/** Posts an update (a story, optionally with a photo) on an adoption (who may manage it). Audited. */
export async function postUpdate(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  adoptionId: string,
  input: { body: string; photo: PhotoUpload | null },
  meta: RequestMeta,
): Promise<AdoptionUpdate> {
  const body = input.body.trim();
  if (body === '' || body.length > DIFFUSION_LIMITS.story) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [
        fieldIssue('body.body', body === '' ? 'required' : 'too_long', 'errors.diffusion.UPDATE_EMPTY'),
      ],
    });
  }
  await loadToManage(db, actor, adoptionId);
  const photo = input.photo ? await prepareStoryPhoto(input.photo) : null;
  const keys: string[] = [];
  try {
    const photoKey = photo ? await storage.put('adoption-photos', photo.photo) : null;
    if (photoKey) {
      keys.push(photoKey);
    }
    const thumbnailKey = photo ? await storage.put('adoption-photos', photo.thumbnail) : null;
    if (thumbnailKey) {
      keys.push(thumbnailKey);
    }
    const row = await db.transaction(async (tx) => {
      await loadToManage(tx, actor, adoptionId);
      const inserted = await repo.insertUpdate(tx, {
        adoptionId,
        body,
        photoKey,
        photoThumbnailKey: thumbnailKey,
        authorId: actor.userId,
      });
      await recordAudit(tx, meta, {
        action: 'adoption.update_posted',
        entityType: 'adoption',
        entityId: adoptionId,
        after: { updateId: inserted.id, withPhoto: photoKey !== null },
      });
      return inserted;
    });
    return toUpdate({ ...row, authorName: null }, false);
  } catch (error) {
    await Promise.all(keys.map((k) => storage.remove(k).catch(() => undefined)));
    throw error;
  }
}

/** The photo (or its thumbnail) of an update, for whoever may read the adoption. */
export async function readUpdatePhoto(
  db: Database,
  storage: FileStorage,
  actor: Actor | null,
  updateId: string,
  thumbnail: boolean,
): Promise<{ bytes: Buffer; contentType: string }> {
  const update = await repo.findUpdate(db, updateId);
  const key = thumbnail ? update?.photoThumbnailKey : update?.photoKey;
  if (!update || !key) {
    throw notFound();
  }
  await getAdoption(db, actor, update.adoptionId);
  const bytes = await storage.get(key);
  const sniffed = await sniffFile(bytes, 'photo');
  return { bytes, contentType: sniffed?.contentType ?? 'application/octet-stream' };
}

// ---- Innovation, overview and village views -----------------------------------------------------------------------

/** The diffusion section of an innovation page: metrics, adoptions, who-from-whom; public for published ones. */
export async function getInnovationDiffusion(
  db: Database,
  actor: Actor | null,
  innovationId: string,
): Promise<InnovationDiffusion> {
  const innovation = await repo.findInnovation(db, innovationId);
  if (!innovation || !(await mayReadInnovation(db, actor, innovation))) {
    throw notFound();
  }
  const [rows, targets, scope] = await Promise.all([
    repo.listAdoptions(db, { innovationIds: [innovationId] }),
    targetCodes(db),
    scopeOf(db, actor),
  ]);
  return {
    innovation: {
      id: innovation.id,
      titleTh: innovation.titleTh,
      titleEn: innovation.titleEn,
      isDiffusionReady: innovation.isDiffusionReady,
    },
    origin: {
      provinceCode: innovation.originProvinceCode,
      districtCode: innovation.originDistrictCode,
      subdistrictCode: innovation.originSubdistrictCode,
      villageName: innovation.originVillageName,
    },
    metrics: computeMetrics(metricsRows(rows), targets),
    adoptions: await summariesOf(db, rows),
    lineage: buildLineage(rows.map((r) => ({ ...r, status: r.status as AdoptionStatus }))),
    canRecord: innovation.status === 'published' && mayRecordAdoptions(actor, scope),
  };
}

/**
 * Who reads adoption lists: officers and administrators every adoption (undefined); anyone else the adoptions of
 * the innovations they may read — published ones, their unit's and their organisations' drafts.
 */
async function readerOf(db: DbOrTx, actor: Actor | null): Promise<repo.InnovationReader | undefined> {
  if (isDiffusionOfficer(actor)) {
    return undefined;
  }
  if (!actor) {
    return { drivingUnitId: null, organisationIds: [] };
  }
  return {
    drivingUnitId: hasRole(actor, 'driving_unit_staff') ? actor.drivingUnitId : null,
    organisationIds: await repo.memberOrganisationIds(db, actor.userId),
  };
}

/** Every adoption of the innovations the reader may read, filtered, with the origins for the map. */
export async function getOverview(
  db: Database,
  actor: Actor | null,
  query: DiffusionQuery,
): Promise<DiffusionOverview> {
  const readableBy = await readerOf(db, actor);
  const [rows, targets] = await Promise.all([
    repo.listAdoptions(
      db,
      {
        readableBy,
        provinceCode: query.provinceCode,
        status: query.status,
        theme: query.theme,
      },
      DIFFUSION_LIMITS.listMax,
    ),
    targetCodes(db),
  ]);
  const origins = await repo.originsOf(db, [...new Set(rows.map((r) => r.innovationId))]);
  return {
    metrics: computeMetrics(metricsRows(rows), targets),
    adoptions: await summariesOf(db, rows),
    origins,
  };
}

/** A village: its innovations (origin and adopted), adopters, indicators and stories; public parts only. */
export async function getVillage(db: Database, actor: Actor | null, id: string): Promise<VillageProfile> {
  const village = await repo.findVillage(db, id);
  if (!village) {
    throw notFound();
  }
  const scope = await scopeOf(db, actor);
  const all = await repo.listAdoptions(db, { villageId: id, readableBy: await readerOf(db, actor) });
  const [originOf, names, targets] = await Promise.all([
    repo.innovationsOriginatingIn(db, village.subdistrictCode, village.nameTh),
    repo.areaNames(db, village.subdistrictCode),
    targetCodes(db),
  ]);
  if (all.length === 0 && originOf.length === 0 && !isDiffusionStaff(actor)) {
    throw notFound();
  }
  const managed = new Set(all.filter((r) => canManageAdoption(actor, scope, r)).map((r) => r.id));
  const updates = await repo.listUpdates(
    db,
    all.map((r) => r.id),
    50,
  );
  return {
    id: village.id,
    villageNo: village.villageNo,
    nameTh: village.nameTh,
    nameEn: village.nameEn,
    descriptionTh: village.descriptionTh,
    descriptionEn: village.descriptionEn,
    provinceCode: village.provinceCode,
    districtCode: village.districtCode,
    subdistrictCode: village.subdistrictCode,
    areaNames: names,
    originOf,
    adoptions: await summariesOf(db, all),
    metrics: computeMetrics(metricsRows(all), targets),
    updates: updates.map((u) => toUpdate(u, managed.has(u.adoptionId))),
    canEdit: canEditVillage(actor, scope, village),
  };
}

/** Officers and unit staff of the province name and describe a village. Audited. */
export async function updateVillage(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateVillageBody,
  meta: RequestMeta,
): Promise<VillageProfile> {
  await db.transaction(async (tx) => {
    const before = await repo.findVillage(tx, id);
    if (!before) {
      throw notFound();
    }
    if (!canEditVillage(actor, await scopeOf(tx, actor), before)) {
      throw new AppError('FORBIDDEN');
    }
    await repo.updateVillage(tx, id, body);
    await recordAudit(tx, meta, {
      action: 'village.updated',
      entityType: 'village',
      entityId: id,
      before: { nameTh: before.nameTh, nameEn: before.nameEn },
      after: { nameTh: body.nameTh, nameEn: body.nameEn },
    });
  });
  return getVillage(db, requireActor(actor), id);
}
