import { buffer } from 'node:stream/consumers';
import { z } from 'zod';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import { authorize, hasRole, type Actor, type RequestMeta } from '@server/lib/authz';
import { actorOfRequester, RequesterSchema, requesterOf } from '@server/lib/requester';
import { refusalText, translate } from '@server/lib/i18n';
import { parseTextSearch } from '@server/lib/text-search';
import type { Language } from '@shared/i18n/index';
import type { FormStage } from '@shared/contracts/calls';
import type { DecisionOutcome, ReviewPhase } from '@shared/contracts/decisions';
import {
  IntakeExportBodySchema,
  type BulkActionBody,
  type BulkResult,
  type IntakeExportBody,
  type IntakePage,
  type IntakeQuery,
  type IntakeRow,
  type ProposalStatus,
} from '@shared/contracts/proposals';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import { PROVINCES } from '@shared/reference/provinces';
import type { ThemeCode } from '@shared/reference/themes';
import { getVisibleCall, type CallRecord } from '@server/modules/calls/calls.service';
import { overrideEligibility, returnProposal } from '@server/modules/proposals/proposals.service';
import * as jobs from '@server/modules/jobs/jobs.service';
import * as repo from './intake.repo';
import { csvStream, xlsxStream } from './intake.export';

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

/** Refuses an actor who may not see the call's intake list (FORBIDDEN, or NOT_FOUND for a call they may not see). */
export async function assertIntakeAccess(db: DbOrTx, actor: Actor, callId: string): Promise<void> {
  await getIntakeCall(db, actor, callId);
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

/** The steps of an intake export, for its job's progress bar (i18n keys). */
export const INTAKE_EXPORT_STEPS = {
  select: 'intake.export.steps.select',
  rows: 'intake.export.steps.rows',
  finish: 'intake.export.steps.finish',
} as const;

/** Told at each step of an export: steps done, the step under way, and (once known) the number of steps. */
export type ExportStepListener = (progress: number, stepKey: string, total?: number) => Promise<void>;

/**
 * Every proposal of the call matching the filters, as CSV (UTF-8 with BOM, CRLF) or XLSX with Thai headers, for the
 * actor (officers; NOT_FOUND for a call they may not see). The matching ids are taken once, in order; their rows are
 * then read and written in batches of EXPORT_BATCH, one step each, so a large call is never read as one result.
 */
export async function buildIntakeExport(
  db: DbOrTx,
  actor: Actor,
  callId: string,
  body: IntakeExportBody,
  onStep: ExportStepListener = async () => {},
): Promise<jobs.JobResult> {
  await onStep(0, INTAKE_EXPORT_STEPS.select);
  const call = await getIntakeCall(db, actor, callId);
  const filter = await toFilter(db, callId, body);
  let ids = await repo.listIntakeIds(db, filter, body.sort);
  if (ids.length === 0 && filter.search) {
    // As the list does: a search that finds nothing by its words takes the similar titles.
    ids = await repo.listIntakeIds(db, { ...filter, similarTitles: true }, body.sort);
  }
  const batchCount = Math.ceil(ids.length / EXPORT_BATCH);
  // choosing the rows, each batch, then closing the file
  const total = batchCount + 2;
  async function* batches(): AsyncGenerator<repo.IntakeRow[]> {
    for (let batch = 0; batch < batchCount; batch += 1) {
      await onStep(1 + batch, INTAKE_EXPORT_STEPS.rows, total);
      const slice = ids.slice(batch * EXPORT_BATCH, (batch + 1) * EXPORT_BATCH);
      const byId = new Map((await repo.findIntakeRows(db, slice)).map((row) => [row.id, row]));
      yield slice.map((id) => byId.get(id)).filter((row): row is repo.IntakeRow => row !== undefined);
    }
    await onStep(total - 1, INTAKE_EXPORT_STEPS.finish, total);
  }
  const stem = `${call.code}-${call.fiscalYear}`;
  const stream = body.format === 'csv' ? csvStream(batches()) : xlsxStream(batches(), stem);
  return {
    bytes: await buffer(stream),
    fileName: `ข้อเสนอ-${stem}.${body.format}`,
    contentType:
      body.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

const IntakeExportJobParamsSchema = z.object({
  callId: z.uuid(),
  filters: IntakeExportBodySchema,
  /** Whose rights the export runs with (checked again when it runs). */
  requester: RequesterSchema,
});

/** The job that exports a call's filtered proposals: the rows chosen, a step per batch of rows, then the file closed. */
export const intakeExportJob = jobs.defineJobHandler({
  kind: 'proposals-export',
  params: IntakeExportJobParamsSchema,
  total: () => 2,
  run: ({ db, params, step }) =>
    buildIntakeExport(db, actorOfRequester(params.requester), params.callId, params.filters, step),
});

/**
 * Queues the export of a call's filtered proposals (CSV or XLSX) as a job of the actor, after the same checks as the
 * list (FORBIDDEN for all but officers, NOT_FOUND for a call they may not see). The caller kicks the worker.
 */
export async function createIntakeExport(
  db: Database,
  actor: Actor,
  callId: string,
  body: IntakeExportBody,
): Promise<{ jobId: string }> {
  await getIntakeCall(db, actor, callId);
  return jobs.createJob(db, actor, intakeExportJob, { callId, filters: body, requester: requesterOf(actor) });
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
