import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { toPrefixQuery, toSearchText } from '@server/lib/thai-text';
import { recordAudit } from '@server/modules/audit/audit.service';
import { checkUpload, type DocumentUpload } from '@server/modules/network/network.service';
import {
  KNOWLEDGE_LIMITS,
  type CreateResourceBody,
  type KnowledgeAudience,
  type KnowledgeKind,
  type Resource,
  type ResourceList,
  type ResourceListQuery,
  type ResourceVersionBody,
  type UpdateResourceBody,
} from '@shared/contracts/knowledge';
import type { FileKind } from '@shared/contracts/forms';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import * as repo from './knowledge.repo';
import { isLibraryOfficer, isUnitStaff, knowledgePolicy } from './knowledge.policy';

const notFound = () => new AppError('NOT_FOUND');

/** What a library file may be: documents, slides, sheets and pictures (checked on the content). */
const FILE_KINDS: readonly FileKind[] = ['pdf', 'word', 'spreadsheet', 'presentation', 'image'];

function searchTextOf(r: {
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn: string;
  themes: readonly string[];
}): string {
  const themeNames = THEMES.filter((t) => r.themes.includes(t.code)).flatMap((t) => [t.nameTh, t.nameEn]);
  return toSearchText(r.titleTh, r.titleEn, r.summaryTh, r.summaryEn, ...themeNames);
}

function toResource(row: repo.ResourceWithUnit, actor: Actor | null): Resource {
  return {
    id: row.id,
    kind: row.kind as KnowledgeKind,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    summaryTh: row.summaryTh,
    summaryEn: row.summaryEn,
    themes: row.themes as ThemeCode[],
    audiences: row.audiences as KnowledgeAudience[],
    language: row.language as Resource['language'],
    drivingUnit:
      row.drivingUnitId && row.unitNameTh !== null
        ? { id: row.drivingUnitId, nameTh: row.unitNameTh, nameEn: row.unitNameEn ?? '' }
        : null,
    file:
      row.storageKey && row.fileName && row.contentType && row.sizeBytes !== null
        ? { fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes }
        : null,
    externalUrl: row.externalUrl,
    status: row.status as Resource['status'],
    publishedAt: row.publishedAt?.toISOString() ?? null,
    downloadCount: row.downloadCount,
    version: row.version,
    abilities: { manage: actor !== null && knowledgePolicy.manage(actor, row) },
  };
}

/** Loads a resource the actor may read (published, or theirs to manage), else NOT_FOUND. */
async function loadReadable(db: DbOrTx, actor: Actor | null, id: string, lock = false) {
  const row = await repo.findResource(db, id, lock);
  if (!row || !knowledgePolicy.read(actor, row)) {
    throw notFound();
  }
  return row;
}

/** Loads a resource to change: NOT_FOUND when the actor cannot see it, FORBIDDEN when they see but may not manage. */
async function loadManaged(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const row = await loadReadable(db, actor, id, lock);
  authorize(actor, knowledgePolicy.manage, row);
  return row;
}

function assertVersion(current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

/** The unit a new or changed resource belongs to: a unit's staff always their own; officers any existing unit. */
async function unitFor(db: DbOrTx, actor: Actor, requested: string | null): Promise<string | null> {
  if (!isLibraryOfficer(actor) && isUnitStaff(actor)) {
    if (requested !== null && requested !== actor.drivingUnitId) {
      throw new AppError('FORBIDDEN');
    }
    return actor.drivingUnitId;
  }
  if (requested !== null && !(await repo.drivingUnitExists(db, requested))) {
    throw invalidField('body.drivingUnitId', 'errors.network.UNKNOWN_UNIT');
  }
  return requested;
}

/**
 * The library: published resources for everyone (`scope=public`), or the resources the actor manages, drafts
 * included (`scope=manage`: officers all, a unit's staff their unit's). Thai-aware search and filters.
 */
export async function listResources(
  db: Database,
  actor: Actor | null,
  query: ResourceListQuery,
): Promise<ResourceList> {
  let drivingUnitId: string | undefined;
  if (query.scope === 'manage') {
    if (!actor) {
      throw new AppError('UNAUTHENTICATED');
    }
    if (!knowledgePolicy.create(actor)) {
      throw new AppError('FORBIDDEN');
    }
    drivingUnitId = isLibraryOfficer(actor) ? undefined : (actor.drivingUnitId ?? undefined);
  }
  const text = query.q?.trim() ?? '';
  const offset = query.cursor ?? 0;
  const { rows, total } = await repo.listResources(
    db,
    {
      publishedOnly: query.scope === 'public',
      drivingUnitId,
      kind: query.kind,
      theme: query.theme,
      audience: query.audience,
      text: text || undefined,
      tsQuery: text ? toPrefixQuery(text) : undefined,
    },
    query.limit,
    offset,
  );
  return {
    data: rows.map((r) => toResource(r, actor)),
    page: { total, nextCursor: offset + rows.length < total ? offset + rows.length : null },
  };
}

/** A resource's page (published; drafts for those who manage them). */
export async function getResource(db: Database, actor: Actor | null, id: string): Promise<Resource> {
  return toResource(await loadReadable(db, actor, id), actor);
}

/** Adds a draft resource (officers; a unit's staff for their unit). Audited. */
export async function createResource(
  db: Database,
  actor: Actor,
  body: CreateResourceBody,
  meta: RequestMeta,
): Promise<Resource> {
  authorize(actor, knowledgePolicy.create, body);
  const drivingUnitId = await unitFor(db, actor, body.drivingUnitId);
  const id = await db.transaction(async (tx) => {
    const inserted = await repo.insertResource(tx, {
      ...body,
      themes: [...body.themes],
      audiences: [...body.audiences],
      drivingUnitId,
      createdBy: actor.userId,
      searchText: searchTextOf(body),
    });
    await recordAudit(tx, meta, {
      action: 'knowledge.created',
      entityType: 'knowledge_resource',
      entityId: inserted.id,
      after: { titleTh: inserted.titleTh, kind: inserted.kind, drivingUnitId },
    });
    return inserted.id;
  });
  return getResource(db, actor, id);
}

/** Changes a resource (those who manage it; a stale version gets 409). Audited. */
export async function updateResource(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateResourceBody,
  meta: RequestMeta,
): Promise<Resource> {
  await db.transaction(async (tx) => {
    const before = await loadManaged(tx, actor, id, true);
    assertVersion(before.version, body.version);
    const { version: _version, ...changes } = body;
    const drivingUnitId =
      changes.drivingUnitId === undefined
        ? before.drivingUnitId
        : await unitFor(tx, actor, changes.drivingUnitId);
    const merged = { ...before, ...changes };
    if (before.status === 'published' && !merged.externalUrl && !before.storageKey) {
      throw invalidField('body.externalUrl', 'errors.network.RESOURCE_EMPTY');
    }
    const after = await repo.updateResource(tx, id, {
      ...changes,
      drivingUnitId,
      searchText: searchTextOf(merged),
    });
    await recordAudit(tx, meta, {
      action: 'knowledge.updated',
      entityType: 'knowledge_resource',
      entityId: id,
      before: { titleTh: before.titleTh, kind: before.kind, externalUrl: before.externalUrl },
      after: { titleTh: after.titleTh, kind: after.kind, externalUrl: after.externalUrl },
    });
  });
  return getResource(db, actor, id);
}

/** Attaches (or replaces) the resource's file; its type is read from its content. The old bytes go after commit. */
export async function uploadResourceFile(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  upload: DocumentUpload,
  meta: RequestMeta,
): Promise<Resource> {
  await loadManaged(db, actor, id);
  const { fileName, contentType } = await checkUpload(upload, KNOWLEDGE_LIMITS.fileMaxBytes, FILE_KINDS, {
    tooLarge: 'errors.network.FILE_TOO_LARGE',
    wrongType: 'errors.network.RESOURCE_FILE_TYPE',
  });
  const storageKey = await storage.put('knowledge', upload.bytes);
  let oldKey: string | null = null;
  try {
    await db.transaction(async (tx) => {
      const before = await loadManaged(tx, actor, id, true);
      oldKey = before.storageKey;
      const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
      await repo.updateResource(tx, id, {
        fileName,
        contentType,
        sizeBytes: upload.bytes.length,
        sha256,
        storageKey,
      });
      await recordAudit(tx, meta, {
        action: 'knowledge.file_uploaded',
        entityType: 'knowledge_resource',
        entityId: id,
        before: { fileName: before.fileName, sha256: before.sha256 },
        after: { fileName, sha256 },
      });
    });
  } catch (error) {
    await storage.remove(storageKey);
    throw error;
  }
  if (oldKey) {
    await storage.remove(oldKey);
  }
  return getResource(db, actor, id);
}

/** Publishes a resource that has a file or a link (those who manage it). Audited. */
export async function publishResource(
  db: Database,
  actor: Actor,
  id: string,
  body: ResourceVersionBody,
  meta: RequestMeta,
  now: Date,
): Promise<Resource> {
  await db.transaction(async (tx) => {
    const before = await loadManaged(tx, actor, id, true);
    assertVersion(before.version, body.version);
    if (before.status === 'published') {
      throw new AppError('INVALID_STATE', 'errors.network.ALREADY_PUBLISHED');
    }
    if (!before.storageKey && !before.externalUrl) {
      throw new AppError('INVALID_STATE', 'errors.network.RESOURCE_EMPTY');
    }
    await repo.updateResource(tx, id, { status: 'published', publishedAt: before.publishedAt ?? now });
    await recordAudit(tx, meta, {
      action: 'knowledge.published',
      entityType: 'knowledge_resource',
      entityId: id,
      before: { status: before.status },
      after: { status: 'published' },
    });
  });
  return getResource(db, actor, id);
}

/** Takes a resource back to draft (those who manage it). Audited. */
export async function unpublishResource(
  db: Database,
  actor: Actor,
  id: string,
  body: ResourceVersionBody,
  meta: RequestMeta,
): Promise<Resource> {
  await db.transaction(async (tx) => {
    const before = await loadManaged(tx, actor, id, true);
    assertVersion(before.version, body.version);
    if (before.status !== 'published') {
      throw new AppError('INVALID_STATE', 'errors.network.NOT_PUBLISHED');
    }
    await repo.updateResource(tx, id, { status: 'draft' });
    await recordAudit(tx, meta, {
      action: 'knowledge.unpublished',
      entityType: 'knowledge_resource',
      entityId: id,
      before: { status: before.status },
      after: { status: 'draft' },
    });
  });
  return getResource(db, actor, id);
}

/** Removes a resource and its file (those who manage it). Audited. */
export async function deleteResource(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<void> {
  const key = await db.transaction(async (tx) => {
    const before = await loadManaged(tx, actor, id, true);
    await repo.deleteResource(tx, id);
    await recordAudit(tx, meta, {
      action: 'knowledge.deleted',
      entityType: 'knowledge_resource',
      entityId: id,
      before: { titleTh: before.titleTh, status: before.status },
      after: null,
    });
    return before.storageKey;
  });
  if (key) {
    await storage.remove(key);
  }
}

/** How a download was asked for: only a whole-file GET by someone who does not manage the resource is counted. */
export interface DownloadRequest {
  method: string;
  /** The Range header, when any: a request for a later part of the file is the same download resuming. */
  range: string | undefined;
}

/** Whether a request is a real download to count: a GET of the whole file or of its start, by a reader. */
export function isCountedDownload(request: DownloadRequest, isManager: boolean): boolean {
  if (isManager || request.method !== 'GET') {
    return false;
  }
  return request.range === undefined || /^bytes=0-/.test(request.range.trim());
}

/**
 * A resource's file for download (published, or theirs to manage). A real download of a published resource adds
 * one to its count (see `isCountedDownload`); staff previews, HEAD requests and resumed parts do not.
 */
export async function downloadResource(
  db: Database,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  request: DownloadRequest,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const row = await loadReadable(db, actor, id);
  if (!row.storageKey || !row.fileName || !row.contentType) {
    throw notFound();
  }
  const bytes = await storage.get(row.storageKey);
  const isManager = actor !== null && knowledgePolicy.manage(actor, row);
  if (row.status === 'published' && isCountedDownload(request, isManager)) {
    await repo.countDownload(db, id);
  }
  return { fileName: row.fileName, contentType: row.contentType, bytes };
}

/** The link of a resource kept elsewhere; opening it counts like a download. */
export async function openResourceLink(
  db: Database,
  actor: Actor | null,
  id: string,
  request: DownloadRequest,
): Promise<string> {
  const row = await loadReadable(db, actor, id);
  if (!row.externalUrl) {
    throw notFound();
  }
  const isManager = actor !== null && knowledgePolicy.manage(actor, row);
  if (row.status === 'published' && isCountedDownload(request, isManager)) {
    await repo.countDownload(db, id);
  }
  return row.externalUrl;
}
