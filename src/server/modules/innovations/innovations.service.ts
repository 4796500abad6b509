import { createHash } from 'node:crypto';
import { preparePhoto, UnreadableImageError, type PreparedPhoto } from '@server/lib/images';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField, type FieldIssue } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { FILE_KIND_NAMES, sanitiseFileName, sizeText, sniffFile } from '@server/lib/files';
import { recordAudit } from '@server/modules/audit/audit.service';
import { getMemberRole } from '@server/modules/organisations/organisations.service';
import { bangkokDate } from '@shared/projects/plan';
import type { ScalingRecommendation } from '@shared/contracts/projects';
import {
  INNOVATION_LIMITS,
  type AdoptionPackage,
  type CoverBody,
  type CreateInnovationBody,
  type DiffusionBody,
  type FeatureInnovationBody,
  type InnovationChoices,
  type InnovationDetail,
  type InnovationMedia,
  type InnovationMediaKind,
  type InnovationStatus,
  type InnovationVersionBody,
  type MediaChangeBody,
  type NominableInnovation,
  type SrlAssessmentBody,
  type SrlSource,
  type UpdateInnovationBody,
  CreateInnovationBodySchema,
  DiffusionBodySchema,
  SrlAssessmentBodySchema,
  UpdateInnovationBodySchema,
} from '@shared/contracts/innovations';
import type { ThemeCode } from '@shared/reference/themes';
import { innovationSearchText } from './innovations.search';
import * as repo from './innovations.repo';
import {
  bestRole,
  innovationPolicy,
  isCurator,
  nextInnovationStatus,
  type CurationCommand,
  type InnovationAccess,
} from './innovations.policy';

const notFound = () => new AppError('NOT_FOUND');

/** The path of an entry's page and of its API resource. */
export const innovationPath = (id: string) => `/innovations/${id}`;
const apiPath = (id: string, rest = '') => `/api/innovations/${id}${rest}`;

// ---- Access ---------------------------------------------------------------------------------------------------------

interface Loaded {
  row: repo.InnovationRow;
  access: InnovationAccess;
}

async function accessOf(db: DbOrTx, actor: Actor | null, row: repo.InnovationRow): Promise<InnovationAccess> {
  let memberRole: InnovationAccess['memberRole'] = null;
  if (actor) {
    const owners = await repo.listOwnerIds(db, row.id);
    memberRole = bestRole(await Promise.all(owners.map((o) => getMemberRole(db, o, actor.userId))));
  }
  return { status: row.status as InnovationStatus, memberRole, drivingUnitId: row.drivingUnitId };
}

/** An entry the actor may read (published; else theirs or a curator's), or NOT_FOUND. */
async function loadReadable(db: DbOrTx, actor: Actor | null, id: string, lock = false): Promise<Loaded> {
  const row = await repo.findInnovation(db, id, lock);
  if (!row) {
    throw notFound();
  }
  const access = await accessOf(db, actor, row);
  if (!innovationPolicy.read(actor, access)) {
    throw notFound();
  }
  return { row, access };
}

/** Whether the actor may read the entry: the rule of its page, for other modules that show parts of it. */
export async function canReadInnovation(db: DbOrTx, actor: Actor | null, id: string): Promise<boolean> {
  const row = await repo.findInnovation(db, id);
  return row !== undefined && innovationPolicy.read(actor, await accessOf(db, actor, row));
}

/** An entry the actor may act on with `rule`: NOT_FOUND when they cannot see it, FORBIDDEN when they may not act. */
async function loadFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  rule: (actor: Actor, access: InnovationAccess) => boolean,
): Promise<Loaded> {
  const loaded = await loadReadable(db, actor, id, true);
  authorize(actor, rule, loaded.access);
  return loaded;
}

function assertVersion(current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

// ---- Checks of what an entry refers to -------------------------------------------------------------------------------

interface References {
  programmeId?: string | null | undefined;
  drivingUnitId?: string | null | undefined;
  originProvinceCode?: number | null | undefined;
  originDistrictCode?: number | null | undefined;
  originSubdistrictCode?: number | null | undefined;
  ownerOrganisationIds?: readonly string[] | undefined;
}

/** Checks that chosen programme, unit, owners and area exist, and that the area's parts nest. */
async function checkReferences(db: DbOrTx, refs: References): Promise<void> {
  const issues: FieldIssue[] = [];
  if (refs.programmeId && !(await repo.findProgramme(db, refs.programmeId))) {
    issues.push(fieldIssue('body.programmeId', 'unknown', 'errors.innovations.UNKNOWN_PROGRAMME'));
  }
  if (refs.drivingUnitId && !(await repo.findDrivingUnit(db, refs.drivingUnitId))) {
    issues.push(fieldIssue('body.drivingUnitId', 'unknown', 'errors.innovations.UNKNOWN_UNIT'));
  }
  if (refs.ownerOrganisationIds && refs.ownerOrganisationIds.length > 0) {
    const found = await repo.existingOrganisationIds(db, refs.ownerOrganisationIds);
    refs.ownerOrganisationIds.forEach((id, i) => {
      if (!found.has(id)) {
        issues.push(
          fieldIssue(`body.ownerOrganisationIds.${i}`, 'unknown', 'errors.innovations.UNKNOWN_ORGANISATION'),
        );
      }
    });
  }
  const province = refs.originProvinceCode ?? null;
  const district = refs.originDistrictCode ?? null;
  const subdistrict = refs.originSubdistrictCode ?? null;
  if (province !== null && !(await repo.findProvince(db, province))) {
    issues.push(fieldIssue('body.originProvinceCode', 'unknown', 'errors.innovations.UNKNOWN_PROVINCE'));
  }
  if (district !== null) {
    const found = await repo.findDistrict(db, district);
    if (!found || found.parentCode !== province) {
      issues.push(
        fieldIssue('body.originDistrictCode', 'mismatch', 'errors.innovations.DISTRICT_NOT_IN_PROVINCE'),
      );
    }
  }
  if (subdistrict !== null) {
    const found = await repo.findSubdistrict(db, subdistrict);
    if (!found || found.parentCode !== district) {
      issues.push(
        fieldIssue(
          'body.originSubdistrictCode',
          'mismatch',
          'errors.innovations.SUBDISTRICT_NOT_IN_DISTRICT',
        ),
      );
    }
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { issues });
  }
}

/** What an entry lacks before it can be published (empty when it is ready). */
export function publishIssues(row: {
  titleTh: string;
  summaryTh: string;
  themes: readonly string[];
  originProvinceCode: number | null;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!row.summaryTh.trim()) {
    issues.push(fieldIssue('summaryTh', 'required', 'errors.innovations.SUMMARY_REQUIRED'));
  }
  if (row.themes.length === 0) {
    issues.push(fieldIssue('themes', 'required', 'errors.innovations.THEMES_REQUIRED'));
  }
  if (row.originProvinceCode === null) {
    issues.push(fieldIssue('originProvinceCode', 'required', 'errors.innovations.ORIGIN_REQUIRED'));
  }
  return issues;
}

function searchTextOf(row: Partial<repo.InnovationContent> & { titleTh: string }): string {
  return innovationSearchText({
    titleTh: row.titleTh,
    titleEn: row.titleEn ?? '',
    summaryTh: row.summaryTh ?? '',
    summaryEn: row.summaryEn ?? '',
    problemTh: row.problemTh ?? '',
    problemEn: row.problemEn ?? '',
    solutionTh: row.solutionTh ?? '',
    solutionEn: row.solutionEn ?? '',
    howItWorksTh: row.howItWorksTh ?? '',
    howItWorksEn: row.howItWorksEn ?? '',
    targetUsersTh: row.targetUsersTh ?? '',
    targetUsersEn: row.targetUsersEn ?? '',
    themes: row.themes ?? [],
    originProvinceCode: row.originProvinceCode ?? null,
    originVillageName: row.originVillageName ?? '',
  });
}

/** Provinces an entry is tagged with: the origin first, then those of its project. */
function provincesWith(origin: number | null, others: readonly number[]): number[] {
  return [...new Set([...(origin === null ? [] : [origin]), ...others])];
}

// ---- The entry as shown ---------------------------------------------------------------------------------------------

function mediaOf(id: string, m: repo.MediaRow): InnovationMedia {
  return {
    id: m.id,
    kind: m.kind as InnovationMediaKind,
    fileName: m.fileName,
    contentType: m.contentType,
    sizeBytes: m.sizeBytes,
    width: m.width,
    height: m.height,
    captionTh: m.captionTh,
    captionEn: m.captionEn,
    position: m.position,
    url: apiPath(id, `/media/${m.id}`),
    thumbnailUrl: m.thumbnailKey ? apiPath(id, `/media/${m.id}/thumbnail`) : null,
  };
}

async function placeOf(
  find: (db: DbOrTx, code: number) => Promise<repo.Place | undefined>,
  db: DbOrTx,
  code: number | null,
) {
  if (code === null) {
    return null;
  }
  const place = await find(db, code);
  return place ? { code: place.code, nameTh: place.nameTh, nameEn: place.nameEn } : null;
}

async function detailOf(db: DbOrTx, actor: Actor | null, { row, access }: Loaded): Promise<InnovationDetail> {
  const [owners, srl, media, programme, unit, project, province, district, subdistrict] = await Promise.all([
    repo.listOwners(db, row.id),
    repo.listSrl(db, row.id),
    repo.listMedia(db, row.id),
    row.programmeId ? repo.findProgramme(db, row.programmeId) : undefined,
    row.drivingUnitId ? repo.findDrivingUnit(db, row.drivingUnitId) : undefined,
    row.projectId ? repo.findProjectRef(db, row.projectId) : undefined,
    placeOf(repo.findProvince, db, row.originProvinceCode),
    placeOf(repo.findDistrict, db, row.originDistrictCode),
    placeOf(repo.findSubdistrict, db, row.originSubdistrictCode),
  ]);
  const pack = row.adoptionPackage;
  const partners = pack ? await repo.listPartnersByIds(db, pack.partnerIds) : [];
  const shown = media.map((m) => mediaOf(row.id, m));
  const photos = shown.filter((m) => m.kind === 'photo');
  return {
    id: row.id,
    status: row.status as InnovationStatus,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    summaryTh: row.summaryTh,
    summaryEn: row.summaryEn,
    problemTh: row.problemTh,
    problemEn: row.problemEn,
    solutionTh: row.solutionTh,
    solutionEn: row.solutionEn,
    howItWorksTh: row.howItWorksTh,
    howItWorksEn: row.howItWorksEn,
    targetUsersTh: row.targetUsersTh,
    targetUsersEn: row.targetUsersEn,
    themes: row.themes as ThemeCode[],
    sdgs: [...row.sdgs].sort((a, b) => a - b),
    srl: row.srl,
    srlHistory: srl.map((s) => ({
      id: s.id,
      srl: s.srl,
      assessedOn: s.assessedOn,
      source: s.source as SrlSource,
      note: s.note,
    })),
    programme: programme ?? null,
    drivingUnit: unit ?? null,
    project: project ?? null,
    owners,
    origin: { province, district, subdistrict, villageName: row.originVillageName },
    lessonsLearned: row.lessonsLearned,
    adoptionCostSatang: row.adoptionCostSatang,
    adoptionRequirementsTh: row.adoptionRequirementsTh,
    adoptionRequirementsEn: row.adoptionRequirementsEn,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    isDiffusionReady: row.isDiffusionReady,
    adoptionPackage: pack
      ? {
          steps: pack.steps,
          costs: pack.costs,
          totalSatang: pack.costs.reduce((sum, c) => sum + c.amountSatang, 0),
          resourcesTh: pack.resourcesTh,
          resourcesEn: pack.resourcesEn,
          // in the order the officer chose them
          partners: pack.partnerIds.flatMap((id) => partners.filter((p) => p.id === id)),
        }
      : null,
    isFeatured: row.isFeatured,
    cover: photos.find((p) => p.id === row.coverMediaId) ?? photos[0] ?? null,
    photos,
    documents: shown.filter((m) => m.kind === 'document'),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities: {
      edit: actor !== null && innovationPolicy.edit(actor, access),
      curate: actor !== null && innovationPolicy.curate(actor, access),
      nominate: actor !== null && innovationPolicy.nominate(actor, access),
    },
  };
}

async function detailById(db: DbOrTx, actor: Actor | null, id: string): Promise<InnovationDetail> {
  return detailOf(db, actor, await loadReadable(db, actor, id));
}

/** An entry's page (published for everyone; drafts for curators, the owners' members and the unit's staff). */
export async function getInnovation(
  db: Database,
  actor: Actor | null,
  id: string,
): Promise<InnovationDetail> {
  return detailById(db, actor, id);
}

/** Programmes, driving units and SI Network partners to choose from in the editor (those who may edit entries). */
export async function getChoices(db: Database, actor: Actor): Promise<InnovationChoices> {
  authorize(actor, (a) => innovationPolicy.create(a), {});
  return repo.listChoices(db);
}

// ---- Registry -------------------------------------------------------------------------------------------------------

/** Adds a draft entry (curators): content, owners (the first leads), SRL now (a dated history row). Audited. */
export async function createInnovation(
  db: Database,
  actor: Actor,
  input: CreateInnovationBody,
  meta: RequestMeta,
  now: Date,
): Promise<InnovationDetail> {
  authorize(actor, (a) => innovationPolicy.create(a), input);
  const body = CreateInnovationBodySchema.parse(input);
  const { ownerOrganisationIds, srl, ...content } = body;
  const owners = [...new Set(ownerOrganisationIds)];
  await checkReferences(db, { ...content, ownerOrganisationIds: owners });
  const id = await db.transaction(async (tx) => {
    const values = {
      ...content,
      organisationId: owners[0] ?? null,
      provinceCodes: provincesWith(content.originProvinceCode ?? null, []),
      srl,
      createdBy: actor.userId,
    };
    const row = await repo.insertInnovation(tx, { ...values, searchText: searchTextOf(values) });
    await repo.replaceOwners(tx, row.id, owners);
    if (srl !== null) {
      await repo.insertSrl(tx, {
        innovationId: row.id,
        srl,
        assessedOn: bangkokDate(now),
        source: 'officer',
        recordedBy: actor.userId,
      });
    }
    await recordAudit(tx, meta, {
      action: 'innovation.created',
      entityType: 'innovation',
      entityId: row.id,
      after: { titleTh: row.titleTh, owners, srl },
    });
    return row.id;
  });
  return detailById(db, actor, id);
}

/**
 * Changes an entry's content (curators; the owner organisations' owners and editors). A published entry stays
 * published: owners correct their own public page, and curators can take it down. Only curators change the owners.
 * A stale version gets 409. Audited; the search text is worked out again.
 */
export async function updateInnovation(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateInnovationBody,
  meta: RequestMeta,
): Promise<InnovationDetail> {
  const body = UpdateInnovationBodySchema.parse(input);
  await db.transaction(async (tx) => {
    const { row: before, access } = await loadFor(tx, actor, id, innovationPolicy.edit);
    assertVersion(before.version, body.version);
    const { version: _version, ownerOrganisationIds, ...changes } = body;
    const owners = ownerOrganisationIds ? [...new Set(ownerOrganisationIds)] : undefined;
    if (owners && !innovationPolicy.curate(actor, access)) {
      const current = await repo.listOwnerIds(tx, id);
      if (owners.length !== current.length || owners.some((o) => !current.includes(o))) {
        throw new AppError('FORBIDDEN', 'errors.innovations.OWNERS_CURATORS_ONLY');
      }
    }
    const merged = { ...before, ...changes };
    await checkReferences(tx, {
      programmeId: changes.programmeId,
      drivingUnitId: changes.drivingUnitId,
      originProvinceCode: merged.originProvinceCode,
      originDistrictCode: merged.originDistrictCode,
      originSubdistrictCode: merged.originSubdistrictCode,
      ownerOrganisationIds: owners,
    });
    if (before.status === 'published') {
      const missing = publishIssues(merged);
      if (missing.length > 0) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          issues: missing.map((i) => ({ ...i, field: `body.${i.field}` })),
        });
      }
    }
    const after = await repo.updateInnovation(tx, id, {
      ...changes,
      ...(owners ? { organisationId: owners[0] ?? null } : {}),
      provinceCodes: provincesWith(
        merged.originProvinceCode,
        before.provinceCodes.filter((c) => c !== before.originProvinceCode),
      ),
      searchText: searchTextOf(merged),
    });
    if (owners) {
      await repo.replaceOwners(tx, id, owners);
    }
    await recordAudit(tx, meta, {
      action: 'innovation.updated',
      entityType: 'innovation',
      entityId: id,
      before: { titleTh: before.titleTh, summaryTh: before.summaryTh, status: before.status },
      after: {
        titleTh: after.titleTh,
        summaryTh: after.summaryTh,
        changed: Object.keys(changes),
        ...(owners ? { owners } : {}),
      },
    });
  });
  return detailById(db, actor, id);
}

/**
 * Publishes (draft or unpublished → published) or takes down (published → unpublished) an entry (curators). Publishing
 * needs a Thai summary, a theme and the province of origin. Audited.
 */
export async function moveInnovation(
  db: Database,
  actor: Actor,
  id: string,
  command: CurationCommand,
  body: InnovationVersionBody,
  meta: RequestMeta,
  now: Date,
): Promise<InnovationDetail> {
  await db.transaction(async (tx) => {
    const { row } = await loadFor(tx, actor, id, innovationPolicy.curate);
    assertVersion(row.version, body.version);
    const from = row.status as InnovationStatus;
    const to = nextInnovationStatus(from, command);
    if (to === null) {
      throw new AppError(
        'INVALID_STATE',
        command === 'publish' ? 'errors.innovations.CANNOT_PUBLISH' : 'errors.innovations.CANNOT_UNPUBLISH',
      );
    }
    if (to === 'published') {
      const missing = publishIssues(row);
      if (missing.length > 0) {
        throw new AppError('INVALID_STATE', 'errors.innovations.PUBLISH_INCOMPLETE', { issues: missing });
      }
    }
    await repo.updateInnovation(
      tx,
      id,
      to === 'published'
        ? { status: to, publishedAt: row.publishedAt ?? now, publishedBy: actor.userId }
        : { status: to, isFeatured: false },
    );
    await recordAudit(tx, meta, {
      action: `innovation.${command}ed`,
      entityType: 'innovation',
      entityId: id,
      before: { status: from },
      after: { status: to },
    });
  });
  return detailById(db, actor, id);
}

/** Features an entry in the public catalogue, or stops (curators; only published entries are featured). Audited. */
export async function featureInnovation(
  db: Database,
  actor: Actor,
  id: string,
  body: FeatureInnovationBody,
  meta: RequestMeta,
): Promise<InnovationDetail> {
  await db.transaction(async (tx) => {
    const { row } = await loadFor(tx, actor, id, innovationPolicy.curate);
    assertVersion(row.version, body.version);
    if (body.isFeatured && row.status !== 'published') {
      throw new AppError('INVALID_STATE', 'errors.innovations.CANNOT_UNPUBLISH');
    }
    await repo.updateInnovation(tx, id, { isFeatured: body.isFeatured });
    await recordAudit(tx, meta, {
      action: body.isFeatured ? 'innovation.featured' : 'innovation.unfeatured',
      entityType: 'innovation',
      entityId: id,
      before: { isFeatured: row.isFeatured },
      after: { isFeatured: body.isFeatured },
    });
  });
  return detailById(db, actor, id);
}

/**
 * Marks an entry diffusion-ready with its adoption package (steps, costs in satang, resources, SI Network partners),
 * or takes the mark away (curators). A ready model needs at least one step; the typical cost per site becomes the
 * sum of the package's cost lines when it has any. Audited.
 */
export async function setDiffusion(
  db: Database,
  actor: Actor,
  id: string,
  input: DiffusionBody,
  meta: RequestMeta,
): Promise<InnovationDetail> {
  const body = DiffusionBodySchema.parse(input);
  const pack: AdoptionPackage | null = body.adoptionPackage
    ? { ...body.adoptionPackage, partnerIds: [...new Set(body.adoptionPackage.partnerIds)] }
    : null;
  if (body.isDiffusionReady && (!pack || pack.steps.length === 0)) {
    throw invalidField('body.adoptionPackage.steps', 'errors.innovations.PACKAGE_REQUIRED');
  }
  if (pack) {
    const found = await repo.existingPartnerIds(db, pack.partnerIds);
    const issues = pack.partnerIds.flatMap((p, i) =>
      found.has(p)
        ? []
        : [
            fieldIssue(
              `body.adoptionPackage.partnerIds.${i}`,
              'unknown',
              'errors.innovations.UNKNOWN_PARTNER',
            ),
          ],
    );
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', undefined, { issues });
    }
  }
  await db.transaction(async (tx) => {
    const { row } = await loadFor(tx, actor, id, innovationPolicy.curate);
    assertVersion(row.version, body.version);
    const total = pack ? pack.costs.reduce((sum, c) => sum + c.amountSatang, 0) : 0;
    await repo.updateInnovation(tx, id, {
      isDiffusionReady: body.isDiffusionReady,
      adoptionPackage: pack,
      ...(pack && pack.costs.length > 0 ? { adoptionCostSatang: total } : {}),
    });
    await recordAudit(tx, meta, {
      action: 'innovation.diffusion_set',
      entityType: 'innovation',
      entityId: id,
      before: { isDiffusionReady: row.isDiffusionReady, adoptionCostSatang: row.adoptionCostSatang },
      after: {
        isDiffusionReady: body.isDiffusionReady,
        steps: pack?.steps.length ?? 0,
        totalSatang: total,
        partnerIds: pack?.partnerIds ?? [],
      },
    });
  });
  return detailById(db, actor, id);
}

/** Records a dated SRL assessment (curators; not in the future); the entry's SRL becomes the latest. Audited. */
export async function assessSrl(
  db: Database,
  actor: Actor,
  id: string,
  input: SrlAssessmentBody,
  meta: RequestMeta,
  now: Date,
): Promise<InnovationDetail> {
  const body = SrlAssessmentBodySchema.parse(input);
  if (body.assessedOn > bangkokDate(now)) {
    throw invalidField('body.assessedOn', 'errors.innovations.SRL_IN_FUTURE');
  }
  await db.transaction(async (tx) => {
    const { row } = await loadFor(tx, actor, id, innovationPolicy.curate);
    assertVersion(row.version, body.version);
    await repo.insertSrl(tx, {
      innovationId: id,
      srl: body.srl,
      assessedOn: body.assessedOn,
      source: 'officer',
      note: body.note,
      recordedBy: actor.userId,
    });
    const latest = (await repo.listSrl(tx, id)).at(-1);
    await repo.updateInnovation(tx, id, { srl: latest?.srl ?? body.srl });
    await recordAudit(tx, meta, {
      action: 'innovation.srl_assessed',
      entityType: 'innovation',
      entityId: id,
      before: { srl: row.srl },
      after: { srl: latest?.srl ?? body.srl, assessed: body.srl, assessedOn: body.assessedOn },
    });
  });
  return detailById(db, actor, id);
}

// ---- Media ----------------------------------------------------------------------------------------------------------

/** An uploaded file as the route read it, with the captions sent beside it. */
export interface MediaUpload {
  fileName: string;
  bytes: Buffer;
  truncated: boolean;
  captionTh: string;
  captionEn: string;
}

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
const DOCUMENT_KINDS = ['pdf', 'word', 'spreadsheet', 'presentation'] as const;

function tooLarge(key: string, max: number): AppError {
  const params = { max: sizeText(max) };
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    key,
    { issues: [fieldIssue('body.file', 'too_large', key, params)] },
    params,
  );
}

/** What a file is, read from its content: a photo (JPEG/PNG/WebP) or a document (PDF/Office); else 415. */
export async function classifyMedia(
  upload: Pick<MediaUpload, 'fileName' | 'bytes' | 'truncated'>,
): Promise<{ kind: InnovationMediaKind; contentType: string; fileName: string }> {
  if (upload.truncated) {
    throw tooLarge('errors.innovations.DOCUMENT_TOO_LARGE', INNOVATION_LIMITS.documentMaxBytes);
  }
  if (upload.bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body.file', 'required', 'errors.FILE_REQUIRED')],
    });
  }
  const fileName = sanitiseFileName(upload.fileName);
  const sniffed = await sniffFile(upload.bytes, fileName);
  if (sniffed && PHOTO_TYPES.has(sniffed.contentType)) {
    if (upload.bytes.length > INNOVATION_LIMITS.photoMaxBytes) {
      throw tooLarge('errors.innovations.PHOTO_TOO_LARGE', INNOVATION_LIMITS.photoMaxBytes);
    }
    return { kind: 'photo', contentType: sniffed.contentType, fileName };
  }
  if (sniffed && sniffed.kinds.some((k) => (DOCUMENT_KINDS as readonly string[]).includes(k))) {
    if (upload.bytes.length > INNOVATION_LIMITS.documentMaxBytes) {
      throw tooLarge('errors.innovations.DOCUMENT_TOO_LARGE', INNOVATION_LIMITS.documentMaxBytes);
    }
    return { kind: 'document', contentType: sniffed.contentType, fileName };
  }
  const params = { kinds: DOCUMENT_KINDS.map((k) => FILE_KIND_NAMES[k]).join(', ') };
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    'errors.innovations.MEDIA_TYPE',
    { issues: [fieldIssue('body.file', 'unsupported_type', 'errors.innovations.MEDIA_TYPE', params)] },
    params,
  );
}

/** The stored form of a photo (upright, without EXIF) and its thumbnail; a file that only looks like one → 415. */
async function preparePhotoOrThrow(bytes: Buffer): Promise<PreparedPhoto> {
  try {
    return await preparePhoto(bytes, INNOVATION_LIMITS.thumbnailWidth);
  } catch (error) {
    if (!(error instanceof UnreadableImageError)) {
      throw error;
    }
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'errors.innovations.PHOTO_UNREADABLE', {
      issues: [fieldIssue('body.file', 'unreadable', 'errors.innovations.PHOTO_UNREADABLE')],
    });
  }
}

/**
 * Adds a photo (resized to a thumbnail) or a document to an entry (its editors); at most
 * `INNOVATION_LIMITS.mediaPerInnovation` files. The first photo becomes the cover. Stored bytes are removed again
 * when the database refuses. Audited.
 */
export async function addMedia(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  upload: MediaUpload,
  meta: RequestMeta,
): Promise<InnovationDetail> {
  await loadFor(db, actor, id, innovationPolicy.edit);
  const { kind, contentType, fileName } = await classifyMedia(upload);
  const photo = kind === 'photo' ? await preparePhotoOrThrow(upload.bytes) : null;
  const stored = photo ? photo.photo : upload.bytes;
  const storageKey = await storage.put('innovations', stored);
  const thumbnailKey = photo ? await storage.put('innovations', photo.thumbnail) : null;
  try {
    await db.transaction(async (tx) => {
      const { row } = await loadFor(tx, actor, id, innovationPolicy.edit);
      const existing = await repo.countMedia(tx, id);
      if (existing >= INNOVATION_LIMITS.mediaPerInnovation) {
        const params = { max: INNOVATION_LIMITS.mediaPerInnovation };
        throw new AppError(
          'INVALID_STATE',
          'errors.innovations.TOO_MANY_MEDIA',
          { issues: [fieldIssue('body.file', 'too_many', 'errors.innovations.TOO_MANY_MEDIA', params)] },
          params,
        );
      }
      const sha256 = createHash('sha256').update(stored).digest('hex');
      const media = await repo.insertMedia(tx, {
        innovationId: id,
        kind,
        fileName,
        contentType,
        sizeBytes: stored.length,
        sha256,
        storageKey,
        thumbnailKey,
        width: photo?.width ?? null,
        height: photo?.height ?? null,
        captionTh: upload.captionTh.trim().slice(0, INNOVATION_LIMITS.title),
        captionEn: upload.captionEn.trim().slice(0, INNOVATION_LIMITS.title),
        position: existing,
        uploadedBy: actor.userId,
      });
      await repo.touchInnovation(
        tx,
        id,
        kind === 'photo' && !row.coverMediaId ? { coverMediaId: media.id } : {},
      );
      await recordAudit(tx, meta, {
        action: 'innovation.media_added',
        entityType: 'innovation',
        entityId: id,
        after: { mediaId: media.id, kind, fileName, sha256 },
      });
    });
  } catch (error) {
    await storage.remove(storageKey);
    if (thumbnailKey) {
      await storage.remove(thumbnailKey);
    }
    throw error;
  }
  return detailById(db, actor, id);
}

/** Changes a file's caption or place in the gallery (the entry's editors). Audited. */
export async function changeMedia(
  db: Database,
  actor: Actor,
  id: string,
  mediaId: string,
  body: MediaChangeBody,
  meta: RequestMeta,
): Promise<InnovationDetail> {
  await db.transaction(async (tx) => {
    await loadFor(tx, actor, id, innovationPolicy.edit);
    const media = await repo.findMedia(tx, id, mediaId);
    if (!media) {
      throw notFound();
    }
    await repo.updateMedia(tx, mediaId, body);
    await repo.touchInnovation(tx, id);
    await recordAudit(tx, meta, {
      action: 'innovation.media_changed',
      entityType: 'innovation',
      entityId: id,
      before: { mediaId, captionTh: media.captionTh, position: media.position },
      after: { mediaId, ...body },
    });
  });
  return detailById(db, actor, id);
}

/** Removes a file (the entry's editors); a removed cover passes to the next photo. Bytes go after commit. Audited. */
export async function removeMedia(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  mediaId: string,
  meta: RequestMeta,
): Promise<InnovationDetail> {
  const keys = await db.transaction(async (tx) => {
    const { row } = await loadFor(tx, actor, id, innovationPolicy.edit);
    const media = await repo.findMedia(tx, id, mediaId);
    if (!media) {
      throw notFound();
    }
    await repo.deleteMedia(tx, mediaId);
    const nextCover =
      row.coverMediaId === mediaId
        ? ((await repo.listMedia(tx, id)).find((m) => m.kind === 'photo')?.id ?? null)
        : row.coverMediaId;
    await repo.touchInnovation(tx, id, { coverMediaId: nextCover });
    await recordAudit(tx, meta, {
      action: 'innovation.media_removed',
      entityType: 'innovation',
      entityId: id,
      before: { mediaId, fileName: media.fileName, sha256: media.sha256 },
      after: null,
    });
    return [media.storageKey, media.thumbnailKey];
  });
  for (const key of keys) {
    if (key) {
      await storage.remove(key);
    }
  }
  return detailById(db, actor, id);
}

/** Picks the cover photo (the entry's editors; one of its photos). Audited. */
export async function setCover(
  db: Database,
  actor: Actor,
  id: string,
  body: CoverBody,
  meta: RequestMeta,
): Promise<InnovationDetail> {
  await db.transaction(async (tx) => {
    const { row } = await loadFor(tx, actor, id, innovationPolicy.edit);
    assertVersion(row.version, body.version);
    if (body.mediaId !== null) {
      const media = await repo.findMedia(tx, id, body.mediaId);
      if (!media || media.kind !== 'photo') {
        throw invalidField('body.mediaId', 'errors.innovations.COVER_NOT_PHOTO');
      }
    }
    await repo.updateInnovation(tx, id, { coverMediaId: body.mediaId });
    await recordAudit(tx, meta, {
      action: 'innovation.cover_set',
      entityType: 'innovation',
      entityId: id,
      before: { coverMediaId: row.coverMediaId },
      after: { coverMediaId: body.mediaId },
    });
  });
  return detailById(db, actor, id);
}

/** A file of an entry the actor may read (published entries' files are public), or its thumbnail. */
export async function readMedia(
  db: Database,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  mediaId: string,
  thumbnail: boolean,
): Promise<{ fileName: string; contentType: string; bytes: Buffer; isPublic: boolean; inline: boolean }> {
  const { row } = await loadReadable(db, actor, id);
  const media = await repo.findMedia(db, id, mediaId);
  const key = thumbnail ? media?.thumbnailKey : media?.storageKey;
  if (!media || !key) {
    throw notFound();
  }
  return {
    fileName: thumbnail ? `${media.fileName.replace(/\.[^.]*$/, '')}-thumbnail.webp` : media.fileName,
    contentType: thumbnail ? 'image/webp' : media.contentType,
    bytes: await storage.get(key),
    isPublic: row.status === 'published',
    inline: thumbnail || media.kind === 'photo',
  };
}

// ---- For other modules ----------------------------------------------------------------------------------------------

const PAGE_PATH = /^\/innovations\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** The start of a text, at most `max` characters, whitespace folded, cut with an ellipsis. */
function shortText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What the HTML of a published entry's public page (`/innovations/:id`) says about it for link previews: its title,
 * summary, cover thumbnail and address (absolute, under `baseUrl`). Null for any other path or entry.
 */
export async function innovationPageMeta(
  db: Database,
  pathname: string,
  baseUrl: string,
): Promise<{ title: string; description: string; imageUrl: string | null; url: string } | null> {
  const id = PAGE_PATH.exec(pathname)?.[1]?.toLowerCase();
  if (!id) {
    return null;
  }
  const row = await repo.findInnovation(db, id);
  if (!row || row.status !== 'published') {
    return null;
  }
  const media = row.coverMediaId ? await repo.findMedia(db, id, row.coverMediaId) : undefined;
  const title = row.titleEn ? `${row.titleTh} (${row.titleEn})` : row.titleTh;
  return {
    title: `${shortText(title, 150)} · SI Platform`,
    description: shortText(row.summaryTh || row.summaryEn || row.problemTh, 200),
    imageUrl: media?.thumbnailKey ? `${baseUrl}${apiPath(id, `/media/${media.id}/thumbnail`)}` : null,
    url: `${baseUrl}${innovationPath(id)}`,
  };
}

/** Published entries the actor may nominate to a contest: their organisations' (officers: every one, first 300). */
export async function listNominableInnovations(db: Database, actor: Actor): Promise<NominableInnovation[]> {
  return repo.listNominable(db, isCurator(actor) ? null : actor.userId, 300);
}

/** What a contest entry copies from a published innovation. */
export interface NominatedInnovation {
  id: string;
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn: string;
  organisationId: string | null;
  entrantName: string;
  provinceCode: number | null;
}

/**
 * A published entry the actor may nominate to a contest (its owners' members, curators), inside the caller's
 * transaction: NOT_FOUND when they cannot see it, 409 when it is not published, FORBIDDEN otherwise.
 */
export async function getNominableInnovation(
  tx: DbOrTx,
  actor: Actor,
  id: string,
): Promise<NominatedInnovation> {
  const { row, access } = await loadReadable(tx, actor, id);
  if (row.status !== 'published') {
    throw new AppError('INVALID_STATE', 'errors.innovations.NOT_PUBLISHED_FOR_CONTEST');
  }
  if (!innovationPolicy.nominate(actor, access)) {
    throw new AppError('FORBIDDEN', 'errors.contests.NOT_MEMBER');
  }
  const lead = (await repo.listOwners(tx, id))[0];
  return {
    id: row.id,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    summaryTh: row.summaryTh,
    summaryEn: row.summaryEn,
    organisationId: lead?.id ?? row.organisationId,
    entrantName: lead?.nameTh ?? (row.contactName || row.titleTh),
    provinceCode: row.originProvinceCode ?? row.provinceCodes[0] ?? null,
  };
}

/** What a closed project gives the innovation catalogue. */
export interface ProjectInnovationInput {
  projectId: string;
  organisationId: string;
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  themes: string[];
  provinceCodes: number[];
  srl: number | null;
  lessonsLearned: string;
  scalingRecommendations: ScalingRecommendation[];
}

/**
 * Creates the catalogue entry of a closed project as a draft, or updates the entry it already has (its status stays
 * as it is), inside the caller's transaction. The entry gets the project's programme (through its call), driving
 * unit, area of origin (its first province; the organisation's district and subdistrict when they lie there), the
 * organisation as owner, and SRL history rows for the project's start and its close-out. Audited. Returns the id.
 */
export async function upsertProjectInnovation(
  tx: DbOrTx,
  input: ProjectInnovationInput,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<string> {
  const existing = await repo.findByProject(tx, input.projectId);
  const origin = await repo.findProjectOrigin(tx, input.projectId);
  const province = input.provinceCodes[0] ?? origin?.orgProvinceCode ?? null;
  const sameProvince = origin !== undefined && origin.orgProvinceCode === province && province !== null;
  const area = {
    originProvinceCode: province,
    originDistrictCode: sameProvince ? (origin.orgDistrictCode ?? null) : null,
    originSubdistrictCode:
      sameProvince && origin.orgDistrictCode ? (origin.orgSubdistrictCode ?? null) : null,
  };
  const filled = {
    programmeId: existing?.programmeId ?? origin?.programmeId ?? null,
    drivingUnitId: existing?.drivingUnitId ?? origin?.drivingUnitId ?? null,
    ...(existing?.originProvinceCode ? {} : area),
  };
  const content = { ...input, ...filled, provinceCodes: provincesWith(province, input.provinceCodes) };
  const merged = { ...(existing ?? {}), ...content, themes: input.themes };
  const searchText = searchTextOf(merged);
  const row = existing
    ? await repo.updateInnovation(tx, existing.id, { ...content, searchText })
    : await repo.insertInnovation(tx, { ...content, searchText });
  await repo.addOwner(tx, row.id, input.organisationId);
  const today = bangkokDate(now);
  if (origin?.srlStart && (await repo.findSrlFrom(tx, row.id, 'project_start')).length === 0) {
    await repo.insertSrl(tx, {
      innovationId: row.id,
      srl: origin.srlStart,
      assessedOn: origin.startsOn && origin.startsOn <= today ? origin.startsOn : today,
      source: 'project_start',
      recordedBy: meta.actorUserId,
    });
  }
  if (input.srl !== null) {
    await repo.insertSrl(tx, {
      innovationId: row.id,
      srl: input.srl,
      assessedOn: today,
      source: 'close_out',
      recordedBy: meta.actorUserId,
    });
  }
  await recordAudit(tx, meta, {
    action: existing ? 'innovation.updated_from_project' : 'innovation.created_from_project',
    entityType: 'innovation',
    entityId: row.id,
    before: existing
      ? { titleTh: existing.titleTh, srl: existing.srl, lessonsLearned: existing.lessonsLearned }
      : null,
    after: {
      titleTh: row.titleTh,
      srl: row.srl,
      lessonsLearned: row.lessonsLearned,
      projectId: input.projectId,
      programmeId: row.programmeId,
      originProvinceCode: row.originProvinceCode,
    },
  });
  return row.id;
}
