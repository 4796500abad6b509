import type { Database } from '@server/db/client';
import { AppError, fieldIssue, type FieldIssue } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { recordAudit } from '@server/modules/audit/audit.service';
import { getProjectAccess } from '@server/modules/projects/projects.service';
import type { ProjectAccess } from '@server/modules/projects/projects.policy';
import {
  LOGIC_STAGES,
  type LogicModel,
  type LogicNode,
  type SaveLogicModelBody,
} from '@shared/contracts/impact-project';
import { impactPolicy } from './impact.policy';
import * as repo from './logic-models.repo';
import * as indicatorRepo from './project-indicators.repo';

const stageIndex = (stage: LogicNode['stage']) => LOGIC_STAGES.indexOf(stage);

function toModel(
  actor: Actor,
  access: ProjectAccess,
  projectId: string,
  row: repo.LogicModelRow | undefined,
): LogicModel {
  return {
    projectId,
    nodes: row?.nodes ?? [],
    version: row?.version ?? 0,
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    abilities: { edit: impactPolicy.editPlan(actor, access) },
  };
}

/**
 * Asserts a plan ability: FORBIDDEN when the actor could not do it even while the project is active, INVALID_STATE
 * when only the project's status stands in the way.
 */
export function assertImpact(actor: Actor, ability: 'editPlan' | 'enterValues', access: ProjectAccess): void {
  if (!impactPolicy[ability](actor, { ...access, status: 'active' })) {
    throw new AppError('FORBIDDEN');
  }
  if (!impactPolicy[ability](actor, access)) {
    throw new AppError('INVALID_STATE', 'errors.impactProject.PROJECT_NOT_OPEN');
  }
}

/** The boxes of a model must have distinct ids, and link only to existing boxes of a later stage, once each. */
export function logicModelIssues(nodes: readonly LogicNode[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map<string, LogicNode>();
  nodes.forEach((node, i) => {
    if (byId.has(node.id)) {
      issues.push(fieldIssue(`body.nodes.${i}.id`, 'duplicate', 'errors.impactProject.NODE_ID_DUPLICATE'));
    }
    byId.set(node.id, node);
  });
  nodes.forEach((node, i) => {
    const seen = new Set<string>();
    node.links.forEach((link, j) => {
      const field = `body.nodes.${i}.links.${j}`;
      const target = byId.get(link);
      if (!target) {
        issues.push(fieldIssue(field, 'unknown', 'errors.impactProject.LINK_UNKNOWN'));
      } else if (stageIndex(target.stage) <= stageIndex(node.stage)) {
        issues.push(fieldIssue(field, 'backwards', 'errors.impactProject.LINK_BACKWARDS'));
      } else if (seen.has(link)) {
        issues.push(fieldIssue(field, 'duplicate', 'errors.impactProject.LINK_DUPLICATE'));
      }
      seen.add(link);
    });
  });
  return issues;
}

/** The project's logic model (version 0 and no boxes before it is first saved); for readers of the project. */
export async function getLogicModel(db: Database, actor: Actor, projectId: string): Promise<LogicModel> {
  const { access } = await getProjectAccess(db, actor, projectId);
  return toModel(actor, access, projectId, await repo.findLogicModel(db, projectId));
}

/** The node ids of a project's logic model (none before it is saved). */
export async function logicNodeIds(db: Database, projectId: string): Promise<string[]> {
  return ((await repo.findLogicModel(db, projectId))?.nodes ?? []).map((n) => n.id);
}

/**
 * Saves the whole logic model (the grantee's owners and editors, the supervising unit's staff and officers, while
 * the project is open). `version` must be the current one (0 for the first save; else CONFLICT). Links go to boxes
 * of a later stage; indicators linked to a removed box are unlinked. Audited.
 */
export async function saveLogicModel(
  db: Database,
  actor: Actor,
  projectId: string,
  body: SaveLogicModelBody,
  meta: RequestMeta,
  now: Date,
): Promise<LogicModel> {
  return db.transaction(async (tx) => {
    const { access } = await getProjectAccess(tx, actor, projectId);
    assertImpact(actor, 'editPlan', access);
    const current = await repo.findLogicModel(tx, projectId, true);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== body.version) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion });
    }
    const issues = logicModelIssues(body.nodes);
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', undefined, { issues });
    }
    const saved = current
      ? await repo.updateLogicModelIfVersion(tx, projectId, body.version, body.nodes, actor.userId, now)
      : await repo.insertLogicModel(tx, projectId, body.nodes, actor.userId, now);
    if (!saved) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION');
    }
    const unlinked = await indicatorRepo.unlinkIndicatorsOutside(
      tx,
      projectId,
      body.nodes.map((n) => n.id),
      now,
    );
    const counts = (nodes: readonly LogicNode[]) =>
      Object.fromEntries(LOGIC_STAGES.map((s) => [s, nodes.filter((n) => n.stage === s).length]));
    await recordAudit(tx, meta, {
      action: 'logic_model.saved',
      entityType: 'project',
      entityId: projectId,
      before: { version: currentVersion, boxes: counts(current?.nodes ?? []) },
      after: {
        version: saved.version,
        boxes: counts(body.nodes),
        unlinkedIndicators: unlinked.map((u) => u.id),
      },
    });
    return toModel(actor, access, projectId, saved);
  });
}
