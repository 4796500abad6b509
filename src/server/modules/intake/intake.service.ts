import type { Readable } from 'node:stream';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import { authorize, hasRole, type Actor, type RequestMeta } from '@server/lib/authz';
import { refusalText, translate } from '@server/lib/i18n';
import { parseTextSearch } from '@server/lib/text-search';
import type { Language } from '@shared/i18n/index';
import type { FormStage } from '@shared/contracts/calls';
import type { DecisionOutcome, ReviewPhase } from '@shared/contracts/decisions';
import type {
  BulkActionBody,
  BulkResult,
  IntakeExportQuery,
  IntakePage,
  IntakeQuery,
  IntakeRow,
  ProposalStatus,
} from '@shared/contracts/proposals';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import { PROVINCES } from '@shared/reference/provinces';
import type { ThemeCode } from '@shared/reference/themes';
import { getVisibleCall, type CallRecord } from '@server/modules/calls/calls.service';
import { overrideEligibility, returnProposal } from '@server/modules/proposals/proposals.service';
import * as repo from './intake.repo';
import { attachmentDisposition, csvStream, xlsxStream } from './intake.export';

/** Rows read per query while exporting. */
const EXPORT_BATCH = 500;

/** Who may use the intake: programme officers and administrators. */
export const intakePolicy = {
  view: (actor: Actor) => hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator'),
};

/** FORBIDDEN for everyone but officers; then the call, or NOT_FOUND. */
async function getIntakeCall(db: DbOrTx, actor: Actor, callId: string): Promise<CallRecord> {
  authorize(actor, intakePolicy.view, {});
  return getVisibleCall(db, actor, callId);
}

/** Organisations matched by name up to this many are searched through the proposals' organisation index. */
const NAME_MATCH_LIMIT = 500;

async function toFilter(
  db: DbOrTx,
  callId: string,
  query: Omit<IntakeQuery, 'page' | 'pageSize' | 'sort'>,
): Promise<repo.IntakeFilter> {
  const text = query.q?.trim() ?? '';
  let textOrganisationIds: string[] | null = null;
  if (text) {
    const ids = await repo.findOrganisationIdsByName(db, text, NAME_MATCH_LIMIT);
    textOrganisationIds = ids.length > NAME_MATCH_LIMIT ? null : ids;
  }
  return {
    callId,
    status: query.status,
    province: query.province,
    regionProvinces: query.region
      ? PROVINCES.filter((p) => p.region === query.region).map((p) => p.code)
      : undefined,
    theme: query.theme,
    organisationType: query.organisationType,
    eligible: query.eligible,
    stage: query.stage,
    phase: query.phase,
    outcome: query.outcome,
    text: text || undefined,
    search: parseTextSearch(text),
    textOrganisationIds,
  };
}

/** Counts up to this many exactly on every request; a larger total may come from the count cache. */
const EXACT_COUNT_LIMIT = 5_000;
const COUNT_CACHE_MS = 15_000;
const COUNT_CACHE_SIZE = 500;
const countCache = new Map<string, { total: number; at: number }>();

/**
 * The number of matching proposals. Small totals are counted on every request; a total above EXACT_COUNT_LIMIT
 * (counting it reads every matching index entry) is kept for COUNT_CACHE_MS per call and filter, so paging through a
 * very large call does not count it again on every page.
 */
async function countMatching(db: DbOrTx, filter: repo.IntakeFilter): Promise<number> {
  const capped = await repo.countIntake(db, filter, EXACT_COUNT_LIMIT);
  if (capped <= EXACT_COUNT_LIMIT) {
    return capped;
  }
  const key = JSON.stringify(filter);
  const now = Date.now();
  const cached = countCache.get(key);
  if (cached && now - cached.at < COUNT_CACHE_MS) {
    return cached.total;
  }
  const total = await repo.countIntake(db, filter);
  countCache.delete(key);
  countCache.set(key, { total, at: now });
  if (countCache.size > COUNT_CACHE_SIZE) {
    const oldest = countCache.keys().next();
    if (!oldest.done) {
      countCache.delete(oldest.value);
    }
  }
  return total;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toRow(row: repo.IntakeRow): IntakeRow {
  return {
    id: row.id,
    callId: row.callId,
    callCode: row.callCode,
    callTitleTh: row.callTitleTh,
    callTitleEn: row.callTitleEn,
    stage: row.stage as FormStage,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    status: row.status as ProposalStatus,
    receiptNumber: row.receiptNumber,
    organisation: {
      id: row.organisationId,
      nameTh: row.organisationNameTh,
      nameEn: row.organisationNameEn,
      type: row.organisationType as OrganisationTypeCode,
      provinceCode: row.organisationProvinceCode,
    },
    requestedSatang: Number(row.requestedSatang),
    provinceCodes: row.provinceCodes,
    themes: row.themes as ThemeCode[],
    eligible: row.isEligible === null ? null : row.isEligible === 1,
    eligibilityOverridden: row.eligibilityOverride !== null,
    version: row.version,
    submittedAt: row.submittedAt === null ? null : iso(row.submittedAt),
    updatedAt: iso(row.updatedAt),
    selection: {
      phase: row.phase as ReviewPhase | null,
      shortlisted: row.shortlisted ?? false,
      decision:
        row.decisionOutcome === null
          ? null
          : {
              outcome: row.decisionOutcome as DecisionOutcome,
              amountSatang: row.decisionAmountSatang === null ? null : Number(row.decisionAmountSatang),
              released: row.decisionNotifiedAt !== null,
            },
    },
  };
}

/**
 * A call's proposals for the officers' intake, filtered, searched (Thai-aware), sorted and paged in SQL, each with
 * where it is in selection (phase, shortlist, decision). Drafts are left out unless `status=draft` is asked for.
 */
export async function listIntake(
  db: DbOrTx,
  actor: Actor,
  callId: string,
  query: IntakeQuery,
): Promise<IntakePage> {
  await getIntakeCall(db, actor, callId);
  const list = (filter: repo.IntakeFilter) =>
    Promise.all([
      repo.listIntake(db, filter, query.sort, query.pageSize, (query.page - 1) * query.pageSize),
      countMatching(db, filter),
    ]);
  const filter = await toFilter(db, callId, query);
  let [rows, total] = await list(filter);
  if (total === 0 && filter.search) {
    // Nothing by the words: perhaps a misspelt or half-remembered title.
    [rows, total] = await list({ ...filter, similarTitles: true });
  }
  return { data: rows.map(toRow), page: { page: query.page, pageSize: query.pageSize, total } };
}

export interface IntakeExport {
  fileName: string;
  asciiFileName: string;
  contentDisposition: string;
  contentType: string;
  body: Readable;
}

/**
 * Every proposal of the call matching the filters, as CSV (UTF-8 with BOM, CRLF) or XLSX with Thai headers. The
 * matching ids are taken once, in order; their rows are then read and written in batches, so a large call streams
 * out without being held in memory as one document.
 */
export async function exportIntake(
  db: DbOrTx,
  actor: Actor,
  callId: string,
  query: IntakeExportQuery,
): Promise<IntakeExport> {
  const call = await getIntakeCall(db, actor, callId);
  const filter = await toFilter(db, callId, query);
  let ids = await repo.listIntakeIds(db, filter, query.sort);
  if (ids.length === 0 && filter.search) {
    // As the list does: a search that finds nothing by its words takes the similar titles.
    ids = await repo.listIntakeIds(db, { ...filter, similarTitles: true }, query.sort);
  }
  async function* batches(): AsyncGenerator<repo.IntakeRow[]> {
    for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
      const slice = ids.slice(start, start + EXPORT_BATCH);
      const byId = new Map((await repo.findIntakeRows(db, slice)).map((row) => [row.id, row]));
      yield slice.map((id) => byId.get(id)).filter((row): row is repo.IntakeRow => row !== undefined);
    }
  }
  const stem = `${call.code}-${call.fiscalYear}`;
  const fileName = `ข้อเสนอ-${stem}.${query.format}`;
  const asciiFileName = `proposals-${stem}.${query.format}`;
  return {
    fileName,
    asciiFileName,
    contentDisposition: attachmentDisposition(fileName, asciiFileName),
    contentType:
      query.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: query.format === 'csv' ? csvStream(batches()) : xlsxStream(batches(), stem),
  };
}

/**
 * Applies one action to several proposals of the call, each on its own through the proposals service (its checks,
 * transaction, audit and notifications). Ids outside the call fail with NOT_FOUND; refusals are reported per id and
 * do not stop the others.
 */
export async function bulkIntakeAction(
  db: Database,
  actor: Actor,
  callId: string,
  body: BulkActionBody,
  meta: RequestMeta,
  now: Date,
  lang: Language,
): Promise<BulkResult> {
  await getIntakeCall(db, actor, callId);
  const dueAt = body.dueAt;
  if (body.action === 'return_for_revision' && !dueAt) {
    throw invalidField('body.dueAt', 'errors.form.required');
  }
  const ids = [...new Set(body.ids)];
  const inCall = await repo.findProposalIdsInCall(db, callId, ids);
  const result: BulkResult = { done: [], failed: [] };
  for (const id of ids) {
    if (!inCall.has(id)) {
      result.failed.push({ id, code: 'NOT_FOUND', message: translate(lang, 'errors.NOT_FOUND') });
      continue;
    }
    try {
      switch (body.action) {
        case 'mark_eligible':
        case 'mark_ineligible':
          await overrideEligibility(
            db,
            actor,
            id,
            { eligible: body.action === 'mark_eligible', reason: body.reason },
            meta,
            now,
          );
          break;
        case 'return_for_revision':
          await returnProposal(db, actor, id, { comment: body.reason, dueAt: dueAt ?? '' }, meta, now);
          break;
      }
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
      result.failed.push({ id, code: error.code, message: refusalText(error, lang) });
    }
  }
  return result;
}
