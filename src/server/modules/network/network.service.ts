import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { toPrefixQuery, toSearchText } from '@server/lib/thai-text';
import { recordAudit } from '@server/modules/audit/audit.service';
import { FILE_KIND_NAMES, sanitiseFileName, sizeText, sniffFile } from '@server/lib/files';
import {
  NETWORK_LIMITS,
  type Contribution,
  type ContributionBody,
  type ContributionTotals,
  type CreatePartnerBody,
  type GraphEdge,
  type GraphNode,
  type GraphQuery,
  type LinkBody,
  type LinkTarget,
  type LinkTargetOption,
  type Mou,
  type MouBody,
  type MouDocument,
  type NetworkGraph,
  type PartnerDetail,
  type PartnerLink,
  type PartnerList,
  type PartnerListQuery,
  type PartnerRole,
  type PartnerSector,
  type PartnerSummary,
  type UpdateMouBody,
  type UpdatePartnerBody,
} from '@shared/contracts/network';
import type { FileKind } from '@shared/contracts/forms';
import { PROVINCES } from '@shared/reference/provinces';
import { bangkokDate } from '@shared/projects/plan';
import * as repo from './network.repo';
import { isNetworkStaff, networkPolicy } from './network.policy';

// ---- Helpers ------------------------------------------------------------------------------------------------------

const notFound = () => new AppError('NOT_FOUND');

function assertVersion(current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

function searchTextOf(p: {
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
}): string {
  return toSearchText(p.nameTh, p.nameEn, p.descriptionTh, p.descriptionEn);
}

function mouState(mou: { startsOn: string; endsOn: string | null }, today: string): Mou['state'] {
  if (mou.startsOn > today) {
    return 'upcoming';
  }
  return mou.endsOn !== null && mou.endsOn < today ? 'expired' : 'in_force';
}

function toSummary(
  row: repo.PartnerRow,
  counts: { mouCount: number; linkCount: number; hasActiveMou: boolean },
): PartnerSummary {
  return {
    id: row.id,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    sector: row.sector as PartnerSector,
    roles: row.roles as PartnerRole[],
    provinceCode: row.provinceCode,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    mouCount: counts.mouCount,
    hasActiveMou: counts.hasActiveMou,
    linkCount: counts.linkCount,
  };
}

function toDocument(row: repo.DocumentRow): MouDocument {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt.toISOString(),
  };
}

function toMou(row: repo.MouWithUnit, today: string, documents: repo.DocumentRow[] | null): Mou {
  return {
    id: row.id,
    partnerId: row.partnerId,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    scopeTh: row.scopeTh,
    scopeEn: row.scopeEn,
    signedOn: row.signedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    drivingUnit:
      row.drivingUnitId && row.unitNameTh !== null
        ? { id: row.drivingUnitId, nameTh: row.unitNameTh, nameEn: row.unitNameEn ?? '' }
        : null,
    state: mouState(row, today),
    documents: documents ? documents.filter((d) => d.mouId === row.id).map(toDocument) : null,
    version: row.version,
  };
}

function toContribution(row: repo.ContributionWithNames): Contribution {
  return {
    id: row.id,
    kind: row.kind as Contribution['kind'],
    amountSatang: row.amountSatang,
    descriptionTh: row.descriptionTh,
    fiscalYear: row.fiscalYear,
    receivedOn: row.receivedOn,
    mouId: row.mouId,
    programme:
      row.programmeId && row.programmeNameTh !== null
        ? { id: row.programmeId, nameTh: row.programmeNameTh, nameEn: row.programmeNameEn ?? '' }
        : null,
    project:
      row.projectId && row.projectTitleTh !== null
        ? { id: row.projectId, titleTh: row.projectTitleTh, titleEn: row.projectTitleEn ?? '' }
        : null,
  };
}

function linkTargetOf(row: repo.LinkRow): { target: LinkTarget; id: string } | null {
  if (row.programmeId) {
    return { target: 'programme', id: row.programmeId };
  }
  if (row.projectId) {
    return { target: 'project', id: row.projectId };
  }
  if (row.drivingUnitId) {
    return { target: 'driving_unit', id: row.drivingUnitId };
  }
  return null;
}

function toLink(row: repo.LinkWithNames): PartnerLink | null {
  const target = linkTargetOf(row);
  if (!target) {
    return null;
  }
  const names =
    target.target === 'programme'
      ? { nameTh: row.programmeNameTh ?? '', nameEn: row.programmeNameEn ?? '', slug: row.programmeSlug }
      : target.target === 'project'
        ? { nameTh: row.projectTitleTh ?? '', nameEn: row.projectTitleEn ?? '', slug: null }
        : { nameTh: row.unitNameTh ?? '', nameEn: row.unitNameEn ?? '', slug: null };
  return { id: row.id, target: target.target, targetId: target.id, role: row.role as PartnerRole, ...names };
}

/** Totals of contributions: cash, in kind and both, overall and by fiscal year. */
export function totalsOf(
  sums: Array<{ fiscalYear: number; cashSatang: number; inKindSatang: number }>,
): ContributionTotals {
  const byFiscalYear = sums.map((s) => ({ ...s, totalSatang: s.cashSatang + s.inKindSatang }));
  const cashSatang = byFiscalYear.reduce((sum, s) => sum + s.cashSatang, 0);
  const inKindSatang = byFiscalYear.reduce((sum, s) => sum + s.inKindSatang, 0);
  return { cashSatang, inKindSatang, totalSatang: cashSatang + inKindSatang, byFiscalYear };
}

async function checkPartnerRefs(
  db: DbOrTx,
  body: { provinceCode?: number | null | undefined; organisationId?: string | null | undefined },
): Promise<void> {
  if (
    body.provinceCode !== undefined &&
    body.provinceCode !== null &&
    !PROVINCES.some((p) => p.code === body.provinceCode)
  ) {
    throw invalidField('body.provinceCode', 'errors.UNKNOWN_PROVINCE', { code: body.provinceCode });
  }
  if (body.organisationId && !(await repo.organisationExists(db, body.organisationId))) {
    throw invalidField('body.organisationId', 'errors.network.UNKNOWN_ORGANISATION');
  }
}

async function checkMouRefs(
  db: DbOrTx,
  mou: { startsOn: string; endsOn: string | null; drivingUnitId: string | null },
): Promise<void> {
  if (mou.endsOn !== null && mou.endsOn < mou.startsOn) {
    throw invalidField('body.endsOn', 'errors.DATE_RANGE');
  }
  if (mou.drivingUnitId && !(await repo.drivingUnitExists(db, mou.drivingUnitId))) {
    throw invalidField('body.drivingUnitId', 'errors.network.UNKNOWN_UNIT');
  }
}

async function loadPartner(db: DbOrTx, id: string, lock = false): Promise<repo.PartnerRow> {
  const row = await repo.findPartner(db, id, lock);
  if (!row) {
    throw notFound();
  }
  return row;
}

/** Loads an MOU and its partner for a change by an officer: NOT_FOUND when missing, FORBIDDEN for others. */
async function loadMouToManage(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<repo.MouRow> {
  const mou = await repo.findMou(db, id, lock);
  authorize(actor, networkPolicy.manage, mou, notFound);
  return mou;
}

// ---- Partners -----------------------------------------------------------------------------------------------------

/** The public directory: partners filtered by role and sector, searched in Thai or English (public). */
export async function listPartners(db: Database, query: PartnerListQuery, now: Date): Promise<PartnerList> {
  const text = query.q?.trim() ?? '';
  const offset = query.cursor ?? 0;
  const { rows, total } = await repo.listPartners(
    db,
    {
      role: query.role,
      sector: query.sector,
      text: text || undefined,
      tsQuery: text ? toPrefixQuery(text) : undefined,
    },
    query.limit,
    offset,
    bangkokDate(now),
  );
  return {
    data: rows.map((r) => toSummary(r, r)),
    page: { total, nextCursor: offset + rows.length < total ? offset + rows.length : null },
  };
}

/** A partner's page: roles, MOUs (documents for staff), contributions with totals, links (public). */
export async function getPartner(
  db: Database,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<PartnerDetail> {
  const row = await loadPartner(db, id);
  const today = bangkokDate(now);
  const [counts, mous, contributions, sums, links] = await Promise.all([
    repo.partnerCounts(db, id, today),
    repo.listMous(db, id),
    repo.listContributions(db, id),
    repo.contributionSums(db, id),
    repo.listLinks(db, id),
  ]);
  const documents = isNetworkStaff(actor)
    ? await repo.listDocuments(
        db,
        mous.map((m) => m.id),
      )
    : null;
  return {
    ...toSummary(row, counts),
    website: row.website,
    contactEmail: row.contactEmail,
    organisationId: row.organisationId,
    version: row.version,
    mous: mous.map((m) => toMou(m, today, documents)),
    contributions: contributions.map(toContribution),
    totals: totalsOf(sums),
    links: links.map(toLink).filter((l): l is PartnerLink => l !== null),
    abilities: { manage: actor !== null && networkPolicy.manage(actor) },
  };
}

/** Adds a partner to the network (officers). Audited. */
export async function createPartner(
  db: Database,
  actor: Actor,
  body: CreatePartnerBody,
  meta: RequestMeta,
  now: Date,
): Promise<PartnerDetail> {
  authorize(actor, networkPolicy.manage, body);
  await checkPartnerRefs(db, body);
  const row = await db.transaction(async (tx) => {
    const inserted = await repo.insertPartner(tx, {
      ...body,
      roles: [...body.roles],
      searchText: searchTextOf(body),
    });
    await recordAudit(tx, meta, {
      action: 'partner.created',
      entityType: 'partner',
      entityId: inserted.id,
      after: { nameTh: inserted.nameTh, sector: inserted.sector, roles: inserted.roles },
    });
    return inserted;
  });
  return getPartner(db, actor, row.id, now);
}

/** Changes a partner's details (officers; a stale version gets 409). Audited. */
export async function updatePartner(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdatePartnerBody,
  meta: RequestMeta,
  now: Date,
): Promise<PartnerDetail> {
  await db.transaction(async (tx) => {
    const before = await repo.findPartner(tx, id, true);
    authorize(actor, networkPolicy.manage, before, notFound);
    assertVersion(before.version, body.version);
    await checkPartnerRefs(tx, body);
    const { version: _version, ...changes } = body;
    const merged = { ...before, ...changes };
    const after = await repo.updatePartner(tx, id, { ...changes, searchText: searchTextOf(merged) });
    await recordAudit(tx, meta, {
      action: 'partner.updated',
      entityType: 'partner',
      entityId: id,
      before: { nameTh: before.nameTh, sector: before.sector, roles: before.roles },
      after: { nameTh: after.nameTh, sector: after.sector, roles: after.roles },
    });
  });
  return getPartner(db, actor, id, now);
}

/** Removes a partner with its MOUs, documents, contributions and links (officers); the bytes go after the commit. */
export async function deletePartner(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const before = await repo.findPartner(tx, id, true);
    authorize(actor, networkPolicy.manage, before, notFound);
    const storageKeys = await repo.documentKeysOfPartner(tx, id);
    await repo.deletePartner(tx, id);
    await recordAudit(tx, meta, {
      action: 'partner.deleted',
      entityType: 'partner',
      entityId: id,
      before: { nameTh: before.nameTh, sector: before.sector },
      after: null,
    });
    return storageKeys;
  });
  await Promise.all(keys.map((key) => storage.remove(key)));
}

// ---- MOUs ---------------------------------------------------------------------------------------------------------

async function mouOut(db: DbOrTx, id: string, now: Date): Promise<Mou> {
  const mou = await repo.findMou(db, id);
  if (!mou) {
    throw notFound();
  }
  const withUnit = (await repo.listMous(db, mou.partnerId)).find((m) => m.id === id);
  if (!withUnit) {
    throw notFound();
  }
  return toMou(withUnit, bangkokDate(now), await repo.listDocuments(db, [id]));
}

/** Records an MOU with a partner (officers). Audited. */
export async function createMou(
  db: Database,
  actor: Actor,
  partnerId: string,
  body: MouBody,
  meta: RequestMeta,
  now: Date,
): Promise<Mou> {
  const id = await db.transaction(async (tx) => {
    const partner = await repo.findPartner(tx, partnerId, true);
    authorize(actor, networkPolicy.manage, partner, notFound);
    await checkMouRefs(tx, body);
    const inserted = await repo.insertMou(tx, { ...body, partnerId });
    await recordAudit(tx, meta, {
      action: 'partner_mou.created',
      entityType: 'partner',
      entityId: partnerId,
      after: {
        mouId: inserted.id,
        titleTh: inserted.titleTh,
        signedOn: inserted.signedOn,
        startsOn: inserted.startsOn,
        endsOn: inserted.endsOn,
      },
    });
    return inserted.id;
  });
  return mouOut(db, id, now);
}

/** Changes an MOU (officers; stale version → 409). Audited. */
export async function updateMou(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateMouBody,
  meta: RequestMeta,
  now: Date,
): Promise<Mou> {
  await db.transaction(async (tx) => {
    const before = await loadMouToManage(tx, actor, id, true);
    assertVersion(before.version, body.version);
    const { version: _version, ...changes } = body;
    await checkMouRefs(tx, { ...before, ...changes });
    const after = await repo.updateMou(tx, id, changes);
    await recordAudit(tx, meta, {
      action: 'partner_mou.updated',
      entityType: 'partner',
      entityId: before.partnerId,
      before: { mouId: id, titleTh: before.titleTh, startsOn: before.startsOn, endsOn: before.endsOn },
      after: { mouId: id, titleTh: after.titleTh, startsOn: after.startsOn, endsOn: after.endsOn },
    });
  });
  return mouOut(db, id, now);
}

/** Removes an MOU and its documents (officers); its contributions stay, unlinked from it. Audited. */
export async function deleteMou(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const before = await loadMouToManage(tx, actor, id, true);
    const storageKeys = await repo.documentKeysOfMou(tx, id);
    await repo.deleteMou(tx, id);
    await recordAudit(tx, meta, {
      action: 'partner_mou.deleted',
      entityType: 'partner',
      entityId: before.partnerId,
      before: { mouId: id, titleTh: before.titleTh },
      after: null,
    });
    return storageKeys;
  });
  await Promise.all(keys.map((key) => storage.remove(key)));
}

// ---- MOU documents ------------------------------------------------------------------------------------------------

export interface DocumentUpload {
  fileName: string;
  bytes: Buffer;
  truncated: boolean;
}

/** The kinds of file an MOU document may be: a PDF scan, a photo of the signed page, or a word-processor file. */
const DOCUMENT_KINDS: readonly FileKind[] = ['pdf', 'image', 'word'];

/**
 * Checks an upload: not empty, not past `maxBytes`, and its content (not its name) one of `kinds`. Returns the safe
 * name and the detected type.
 */
export async function checkUpload(
  upload: DocumentUpload,
  maxBytes: number,
  kinds: readonly FileKind[],
  keys: { tooLarge: string; wrongType: string },
): Promise<{ fileName: string; contentType: string }> {
  if (upload.truncated || upload.bytes.length > maxBytes) {
    const params = { max: sizeText(maxBytes) };
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      keys.tooLarge,
      { issues: [fieldIssue('body.file', 'too_large', keys.tooLarge, params)] },
      params,
    );
  }
  if (upload.bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body.file', 'required', 'errors.FILE_REQUIRED')],
    });
  }
  const fileName = sanitiseFileName(upload.fileName);
  const sniffed = await sniffFile(upload.bytes, fileName);
  if (!sniffed || !sniffed.kinds.some((k) => kinds.includes(k))) {
    const params = { kinds: kinds.map((k) => FILE_KIND_NAMES[k]).join(', ') };
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      keys.wrongType,
      { issues: [fieldIssue('body.file', 'unsupported_type', keys.wrongType, params)] },
      params,
    );
  }
  return { fileName, contentType: sniffed.contentType };
}

/** Attaches a document to an MOU (officers); its type is read from its content. Audited. */
export async function uploadMouDocument(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  mouId: string,
  upload: DocumentUpload,
  meta: RequestMeta,
  now: Date,
): Promise<MouDocument> {
  await loadMouToManage(db, actor, mouId);
  const { fileName, contentType } = await checkUpload(
    upload,
    NETWORK_LIMITS.documentMaxBytes,
    DOCUMENT_KINDS,
    {
      tooLarge: 'errors.network.FILE_TOO_LARGE',
      wrongType: 'errors.network.DOCUMENT_TYPE',
    },
  );
  const storageKey = await storage.put('partner-mous', upload.bytes);
  try {
    const row = await db.transaction(async (tx) => {
      const mou = await loadMouToManage(tx, actor, mouId, true);
      if ((await repo.countDocuments(tx, mouId)) >= NETWORK_LIMITS.documentsPerMou) {
        throw new AppError('INVALID_STATE', 'errors.network.TOO_MANY_DOCUMENTS', undefined, {
          max: NETWORK_LIMITS.documentsPerMou,
        });
      }
      const inserted = await repo.insertDocument(tx, {
        mouId,
        fileName,
        contentType,
        sizeBytes: upload.bytes.length,
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        storageKey,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await recordAudit(tx, meta, {
        action: 'partner_mou.document_added',
        entityType: 'partner',
        entityId: mou.partnerId,
        after: { mouId, documentId: inserted.id, fileName, sha256: inserted.sha256 },
      });
      return inserted;
    });
    return toDocument(row);
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
}

/** An MOU document's bytes, for staff (officers, administrators, driving units' staff); others get 404. */
export async function readMouDocument(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  mouId: string,
  documentId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  if (!networkPolicy.readDocuments(actor)) {
    throw notFound();
  }
  const row = await repo.findDocument(db, mouId, documentId);
  if (!row) {
    throw notFound();
  }
  return { fileName: row.fileName, contentType: row.contentType, bytes: await storage.get(row.storageKey) };
}

/** Removes an MOU document (officers); the bytes go after the commit. Audited. */
export async function deleteMouDocument(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  mouId: string,
  documentId: string,
  meta: RequestMeta,
): Promise<void> {
  const key = await db.transaction(async (tx) => {
    const mou = await loadMouToManage(tx, actor, mouId, true);
    const row = await repo.findDocument(tx, mouId, documentId);
    if (!row) {
      throw notFound();
    }
    await repo.deleteDocument(tx, documentId);
    await recordAudit(tx, meta, {
      action: 'partner_mou.document_removed',
      entityType: 'partner',
      entityId: mou.partnerId,
      before: { mouId, documentId, fileName: row.fileName },
      after: null,
    });
    return row.storageKey;
  });
  await storage.remove(key);
}

// ---- Contributions ------------------------------------------------------------------------------------------------

/** Records a contribution, cash or in kind, in satang (officers). Audited. */
export async function addContribution(
  db: Database,
  actor: Actor,
  partnerId: string,
  body: ContributionBody,
  meta: RequestMeta,
): Promise<Contribution> {
  const id = await db.transaction(async (tx) => {
    const partner = await repo.findPartner(tx, partnerId, true);
    authorize(actor, networkPolicy.manage, partner, notFound);
    if (body.mouId) {
      const mou = await repo.findMou(tx, body.mouId);
      if (!mou || mou.partnerId !== partnerId) {
        throw invalidField('body.mouId', 'errors.network.MOU_NOT_OF_PARTNER');
      }
    }
    if (body.programmeId && !(await repo.programmeExists(tx, body.programmeId))) {
      throw invalidField('body.programmeId', 'errors.network.UNKNOWN_PROGRAMME');
    }
    if (body.projectId && !(await repo.projectExists(tx, body.projectId))) {
      throw invalidField('body.projectId', 'errors.network.UNKNOWN_PROJECT');
    }
    const inserted = await repo.insertContribution(tx, { ...body, partnerId });
    await recordAudit(tx, meta, {
      action: 'partner_contribution.added',
      entityType: 'partner',
      entityId: partnerId,
      after: {
        contributionId: inserted.id,
        kind: inserted.kind,
        amountSatang: inserted.amountSatang,
        fiscalYear: inserted.fiscalYear,
      },
    });
    return inserted.id;
  });
  const row = (await repo.listContributions(db, partnerId)).find((c) => c.id === id);
  if (!row) {
    throw notFound();
  }
  return toContribution(row);
}

/** Removes a contribution recorded by mistake (officers). Audited. */
export async function deleteContribution(
  db: Database,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await repo.findContribution(tx, id);
    authorize(actor, networkPolicy.manage, row, notFound);
    await repo.deleteContribution(tx, id);
    await recordAudit(tx, meta, {
      action: 'partner_contribution.removed',
      entityType: 'partner',
      entityId: row.partnerId,
      before: {
        contributionId: id,
        kind: row.kind,
        amountSatang: row.amountSatang,
        fiscalYear: row.fiscalYear,
      },
      after: null,
    });
  });
}

// ---- Links --------------------------------------------------------------------------------------------------------

const LINK_COLUMN = {
  programme: 'programmeId',
  project: 'projectId',
  driving_unit: 'drivingUnitId',
} as const satisfies Record<LinkTarget, 'programmeId' | 'projectId' | 'drivingUnitId'>;

/** Links a partner to a programme, a project or a unit's work, in one of its roles (officers). Audited. */
export async function addLink(
  db: Database,
  actor: Actor,
  partnerId: string,
  body: LinkBody,
  meta: RequestMeta,
): Promise<PartnerLink> {
  const id = await db.transaction(async (tx) => {
    const partner = await repo.findPartner(tx, partnerId, true);
    authorize(actor, networkPolicy.manage, partner, notFound);
    const exists =
      body.target === 'programme'
        ? await repo.programmeExists(tx, body.targetId)
        : body.target === 'project'
          ? await repo.projectExists(tx, body.targetId)
          : await repo.drivingUnitExists(tx, body.targetId);
    if (!exists) {
      throw invalidField('body.targetId', 'errors.network.UNKNOWN_TARGET');
    }
    const column = LINK_COLUMN[body.target];
    if (await repo.findSameLink(tx, partnerId, column, body.targetId, body.role)) {
      throw new AppError('CONFLICT', 'errors.network.DUPLICATE_LINK');
    }
    const inserted = await repo.insertLink(tx, { partnerId, role: body.role, [column]: body.targetId });
    await recordAudit(tx, meta, {
      action: 'partner_link.added',
      entityType: 'partner',
      entityId: partnerId,
      after: { linkId: inserted.id, target: body.target, targetId: body.targetId, role: body.role },
    });
    return inserted.id;
  });
  const link = (await repo.listLinks(db, partnerId)).map(toLink).find((l) => l?.id === id);
  if (!link) {
    throw notFound();
  }
  return link;
}

/** Removes a link (officers). Audited. */
export async function deleteLink(db: Database, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await repo.findLink(tx, id);
    authorize(actor, networkPolicy.manage, row, notFound);
    await repo.deleteLink(tx, id);
    await recordAudit(tx, meta, {
      action: 'partner_link.removed',
      entityType: 'partner',
      entityId: row.partnerId,
      before: { linkId: id, role: row.role, ...linkTargetOf(row) },
      after: null,
    });
  });
}

/** What officers may link partners to: programmes, projects and driving units (officers). */
export async function listLinkTargets(db: Database, actor: Actor): Promise<LinkTargetOption[]> {
  authorize(actor, networkPolicy.manage, {});
  const { programmeRows, projectRows, unitRows } = await repo.listLinkTargets(db);
  return [
    ...programmeRows.map((r) => ({ target: 'programme' as const, ...r })),
    ...projectRows.map((r) => ({ target: 'project' as const, ...r })),
    ...unitRows.map((r) => ({ target: 'driving_unit' as const, ...r })),
  ];
}

// ---- The graph ----------------------------------------------------------------------------------------------------

export const AGENCY_NODE_ID = 'agency';

/**
 * The network as a graph (public): the agency at the centre, partners (filtered by role), and the programmes,
 * projects and units they are linked to or signed MOUs with. Edges: links (with the role), MOUs (partner → the unit
 * that signed, or the agency), and structure (the agency → each unit and programme shown; a project → its unit).
 */
export async function getGraph(db: Database, query: GraphQuery): Promise<NetworkGraph> {
  const partnerRows = await repo.graphPartners(db, query.role);
  const ids = partnerRows.map((p) => p.id);
  const [links, mous] = await Promise.all([repo.graphLinks(db, ids), repo.graphMous(db, ids)]);
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const edgeKeys = new Set<string>();
  const addNode = (node: GraphNode) => {
    if (!nodes.has(node.id)) {
      nodes.set(node.id, node);
    }
  };
  const addEdge = (edge: GraphEdge) => {
    const key = `${edge.source}|${edge.target}|${edge.kind}|${edge.role ?? ''}`;
    if (!edgeKeys.has(key)) {
      edgeKeys.add(key);
      edges.push(edge);
    }
  };
  addNode({ id: AGENCY_NODE_ID, kind: 'agency', nameTh: '', nameEn: '', roles: [] });
  for (const p of partnerRows) {
    addNode({
      id: `partner:${p.id}`,
      kind: 'partner',
      nameTh: p.nameTh,
      nameEn: p.nameEn,
      roles: p.roles as PartnerRole[],
    });
  }
  const unitNode = (id: string, nameTh: string | null, nameEn: string | null) => {
    addNode({
      id: `driving_unit:${id}`,
      kind: 'driving_unit',
      nameTh: nameTh ?? '',
      nameEn: nameEn ?? '',
      roles: [],
    });
    addEdge({ source: AGENCY_NODE_ID, target: `driving_unit:${id}`, kind: 'structure', role: null });
    return `driving_unit:${id}`;
  };
  const projectIds: string[] = [];
  for (const link of links) {
    const target = linkTargetOf(link);
    if (!target) {
      continue;
    }
    let nodeId: string;
    if (target.target === 'programme') {
      nodeId = `programme:${target.id}`;
      addNode({
        id: nodeId,
        kind: 'programme',
        nameTh: link.programmeNameTh ?? '',
        nameEn: link.programmeNameEn ?? '',
        roles: [],
      });
      addEdge({ source: AGENCY_NODE_ID, target: nodeId, kind: 'structure', role: null });
    } else if (target.target === 'project') {
      nodeId = `project:${target.id}`;
      addNode({
        id: nodeId,
        kind: 'project',
        nameTh: link.projectTitleTh ?? '',
        nameEn: link.projectTitleEn ?? '',
        roles: [],
      });
      projectIds.push(target.id);
    } else {
      nodeId = unitNode(target.id, link.unitNameTh, link.unitNameEn);
    }
    addEdge({
      source: `partner:${link.partnerId}`,
      target: nodeId,
      kind: 'link',
      role: link.role as PartnerRole,
    });
  }
  for (const mou of mous) {
    const target = mou.drivingUnitId
      ? unitNode(mou.drivingUnitId, mou.unitNameTh, mou.unitNameEn)
      : AGENCY_NODE_ID;
    addEdge({ source: `partner:${mou.partnerId}`, target, kind: 'mou', role: null });
  }
  const linked = new Set(edges.map((e) => e.source));
  for (const p of partnerRows) {
    if (!linked.has(`partner:${p.id}`)) {
      addEdge({ source: `partner:${p.id}`, target: AGENCY_NODE_ID, kind: 'structure', role: null });
    }
  }
  for (const parent of await repo.projectParents(db, projectIds)) {
    if (parent.drivingUnitId && nodes.has(`driving_unit:${parent.drivingUnitId}`)) {
      addEdge({
        source: `driving_unit:${parent.drivingUnitId}`,
        target: `project:${parent.id}`,
        kind: 'structure',
        role: null,
      });
    } else {
      addEdge({ source: AGENCY_NODE_ID, target: `project:${parent.id}`, kind: 'structure', role: null });
    }
  }
  return { nodes: [...nodes.values()], edges };
}
