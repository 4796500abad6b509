import { listActiveUserIdsWithRole } from '@server/modules/accounts/accounts.service';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type {
  CallStatus,
  ProblemStatement,
  ProblemStatementBody,
  ProblemStatus,
  UpdateProblemStatementBody,
} from '@shared/contracts/calls';
import type { Organisation } from '@shared/contracts/organisations';
import type { ThemeCode } from '@shared/reference/themes';
import { recordAudit } from '@server/modules/audit/audit.service';
import { findAreaProblems } from '@server/modules/geo/geo.service';
import { getOrganisation } from '@server/modules/organisations/organisations.service';
import { findPerson } from '@server/modules/accounts/accounts.service';
import { notifyUsers } from '@server/modules/notifications/notifications.service';
import * as callsRepo from './calls.repo';
import * as repo from './problem-statements.repo';
import { callPolicy } from './calls.policy';
import { statementPolicy } from './problem-statements.policy';
import { callPhase } from './calls.phase';
import { nextProblemStatus, type ProblemTransition } from './calls.transitions';

function toProblemStatement(row: repo.StatementRow): ProblemStatement {
  return {
    id: row.id,
    callId: row.callId,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    provinceCode: row.provinceCode,
    districtCode: row.districtCode,
    theme: row.theme as ThemeCode | null,
    expectedResultTh: row.expectedResultTh,
    expectedResultEn: row.expectedResultEn,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerOrganisationName: row.ownerOrganisationName,
    status: row.status as ProblemStatus,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function snapshot(row: repo.StatementRow) {
  const { createdAt: _c, ownerOrganisationName: _n, ...rest } = row;
  return rest as Record<string, unknown>;
}

/** The problem statements of a call the actor may see (published; all for officers; a poster's own). */
export async function listVisibleStatements(
  db: DbOrTx,
  actor: Actor | null,
  callId: string,
): Promise<ProblemStatement[]> {
  const rows = await repo.listStatements(db, callId, {
    userId: actor?.userId ?? null,
    seesAll: statementPolicy.seesAll(actor),
  });
  return rows.map(toProblemStatement);
}

/**
 * A problem statement of a call, for a proposal that answers it: NOT_FOUND unless it belongs to the call and is
 * published.
 */
export async function getPublishedStatement(
  db: DbOrTx,
  callId: string,
  id: string,
): Promise<ProblemStatement> {
  const row = await repo.findStatement(db, id);
  if (!row || row.callId !== callId || row.status !== 'published') {
    throw new AppError('NOT_FOUND');
  }
  return toProblemStatement(row);
}

async function loadVisible(db: DbOrTx, actor: Actor, id: string): Promise<repo.StatementRow> {
  const row = await repo.findStatement(db, id);
  if (
    !row ||
    !statementPolicy.view(actor, { status: row.status as ProblemStatus, ownerUserId: row.ownerUserId })
  ) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

async function loadCallForStatements(db: DbOrTx, actor: Actor, callId: string) {
  const call = await callsRepo.findCall(db, callId);
  if (!call || !callPolicy.view(actor, { status: call.status as CallStatus })) {
    throw new AppError('NOT_FOUND');
  }
  if (call.status === 'archived') {
    throw new AppError('INVALID_STATE', 'errors.PROBLEM_STATEMENT_CALL_CLOSED');
  }
  return call;
}

/** The organisation named as a statement's owner, as the actor sees it; a field problem when unknown to them. */
async function ownerOrganisation(
  db: Database,
  actor: Actor,
  id: string | null,
): Promise<Organisation | null> {
  if (id === null) {
    return null;
  }
  try {
    return await getOrganisation(db, actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('VALIDATION_FAILED', undefined, {
        issues: [fieldIssue('body.ownerOrganisationId', 'invalid', 'errors.NOT_FOUND')],
      });
    }
    throw error;
  }
}

/**
 * The status a new statement starts in: officers' statements are published at once. A partner (on their own, or
 * for an organisation they belong to) or an owner of the local government organisation named posts one that waits
 * for an officer; anyone else is refused.
 */
function assertMayPost(actor: Actor, org: Organisation | null): ProblemStatus {
  if (statementPolicy.postDirectly(actor)) {
    return 'published';
  }
  const partner = statementPolicy.postAsPartner(actor) && (org === null || org.myRole !== null);
  const localGovernmentOwner = org !== null && org.type === 'local_government' && org.myRole === 'owner';
  if (!partner && !localGovernmentOwner) {
    throw new AppError('FORBIDDEN', 'errors.PROBLEM_STATEMENT_POSTER');
  }
  return 'pending';
}

async function assertArea(db: DbOrTx, codes: { provinceCode: number | null; districtCode: number | null }) {
  const problems = await findAreaProblems(db, codes);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: problems.map((p) => fieldIssue(`body.${p.field}`, 'invalid', p.key, p.params)),
    });
  }
}

/**
 * Posts a problem statement to a call. Officers' statements are published; a partner's or a local government's
 * waits as pending, and every programme officer is told in the app.
 */
export async function createProblemStatement(
  db: Database,
  actor: Actor,
  callId: string,
  body: ProblemStatementBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProblemStatement> {
  const call = await loadCallForStatements(db, actor, callId);
  const org = await ownerOrganisation(db, actor, body.ownerOrganisationId);
  const status = assertMayPost(actor, org);
  if (status === 'pending' && (call.status !== 'published' || callPhase(call, now) === 'closed')) {
    throw new AppError('INVALID_STATE', 'errors.PROBLEM_STATEMENT_CALL_CLOSED');
  }
  await assertArea(db, body);
  const poster = status === 'pending' && org === null ? await findPerson(db, actor.userId) : null;
  const id = await db.transaction(async (tx) => {
    const created = await repo.insertStatement(tx, { ...body, callId, ownerUserId: actor.userId, status });
    const row = await loadVisible(tx, actor, created);
    await recordAudit(tx, meta, {
      action: 'problem_statement.created',
      entityType: 'problem_statement',
      entityId: created,
      after: snapshot(row),
    });
    if (status === 'pending') {
      await notifyUsers(tx, await listActiveUserIdsWithRole(tx, 'programme_officer'), {
        kind: 'problem_statement_pending',
        params: { title: body.titleTh, call: call.titleTh, organisation: org?.nameTh ?? poster?.name ?? '' },
        link: `/calls/${callId}`,
      });
    }
    return created;
  });
  return toProblemStatement(await loadVisible(db, actor, id));
}

/** Officers edit any statement that is not withdrawn; a poster edits their own while it is pending. */
export async function updateProblemStatement(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateProblemStatementBody,
  meta: RequestMeta,
): Promise<ProblemStatement> {
  const found = await loadVisible(db, actor, id);
  const access = { status: found.status as ProblemStatus, ownerUserId: found.ownerUserId };
  authorize(actor, statementPolicy.edit, access);
  if (access.status === 'withdrawn') {
    throw new AppError('INVALID_STATE', 'errors.PROBLEM_STATEMENT_TRANSITION');
  }
  await loadCallForStatements(db, actor, found.callId);
  const { version, ...changes } = body;
  if (
    changes.ownerOrganisationId !== undefined &&
    changes.ownerOrganisationId !== found.ownerOrganisationId
  ) {
    assertMayPost(actor, await ownerOrganisation(db, actor, changes.ownerOrganisationId));
  }
  await assertArea(db, {
    provinceCode: changes.provinceCode === undefined ? found.provinceCode : changes.provinceCode,
    districtCode: changes.districtCode === undefined ? found.districtCode : changes.districtCode,
  });
  await db.transaction(async (tx) => {
    if (!(await repo.updateStatement(tx, id, version, changes))) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: found.version });
    }
    await recordAudit(tx, meta, {
      action: 'problem_statement.updated',
      entityType: 'problem_statement',
      entityId: id,
      before: snapshot(found),
      after: snapshot(await loadVisible(tx, actor, id)),
    });
  });
  return toProblemStatement(await loadVisible(db, actor, id));
}

/** Officers publish a pending (or withdrawn) statement or withdraw one; a poster may withdraw their pending one. */
export async function transitionProblemStatement(
  db: Database,
  actor: Actor,
  id: string,
  transition: ProblemTransition,
  meta: RequestMeta,
): Promise<ProblemStatement> {
  const found = await loadVisible(db, actor, id);
  const access = { status: found.status as ProblemStatus, ownerUserId: found.ownerUserId };
  switch (transition) {
    case 'publish':
      authorize(actor, statementPolicy.publish, access);
      break;
    case 'withdraw':
      authorize(actor, statementPolicy.withdraw, access);
      break;
    default: {
      const exhaustive: never = transition;
      return exhaustive;
    }
  }
  const to = nextProblemStatus(access.status, transition);
  if (to === null) {
    throw new AppError('INVALID_STATE', 'errors.PROBLEM_STATEMENT_TRANSITION');
  }
  await loadCallForStatements(db, actor, found.callId);
  await db.transaction(async (tx) => {
    if (!(await repo.setStatementStatus(tx, id, [access.status], to))) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: found.version });
    }
    await recordAudit(tx, meta, {
      action: `problem_statement.${transition === 'publish' ? 'published' : 'withdrawn'}`,
      entityType: 'problem_statement',
      entityId: id,
      before: { status: access.status },
      after: { status: to },
    });
  });
  return toProblemStatement(await loadVisible(db, actor, id));
}
