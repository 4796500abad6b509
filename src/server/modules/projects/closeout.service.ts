import type { Database } from '@server/db/client';
import { AppError, fieldIssue } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import type { CloseProjectBody, ProjectDetail } from '@shared/contracts/projects';
import type { Language } from '@shared/i18n/index';
import { listMemberContacts } from '@server/modules/organisations/organisations.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import { upsertProjectInnovation } from '@server/modules/innovations/innovations.service';
import * as repo from './projects.repo';
import {
  accessOf,
  assertCan,
  assertVersion,
  detailOf,
  getProjectAccess,
  lockProject,
  projectPath,
  projectUrl,
  titleIn,
} from './projects.service';

// Closing a project: the final checks, its innovation catalogue entry and the news to the grantee.

// ---- Close-out ------------------------------------------------------------------------------------------------------

/** The start of a text, at most `max` characters, cut at a space when there is one near the end. */
function excerpt(text: string, max = 600): string {
  const clean = text.trim();
  if (clean.length <= max) {
    return clean;
  }
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Closes an active project (officers; current version) once every report, the final one included, is approved and
 * every instalment paid. Its innovation catalogue entry is created as a draft, or updated, from the final report
 * (title, start of the narrative, final SRL, lessons, scaling recommendations, themes, provinces). Audited; the owners
 * are told by email and the members in the app.
 */
export async function closeProject(
  db: Database,
  actor: Actor,
  id: string,
  body: CloseProjectBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'close', access, 'active');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'close', accessOf(project, access.memberRole), 'active');
    assertVersion(project.version, body.version);
    const reports = await repo.listReports(tx, id);
    const instalments = await repo.listInstalments(tx, id);
    const openReports = reports.filter((r) => r.status !== 'approved').length;
    const unpaid = instalments.filter((i) => i.status !== 'paid').length;
    if (openReports > 0 || unpaid > 0) {
      const issues = [
        ...(openReports > 0
          ? [fieldIssue('reports', 'not_approved', 'errors.projects.CLOSE_REPORTS', { count: openReports })]
          : []),
        ...(unpaid > 0
          ? [fieldIssue('instalments', 'not_paid', 'errors.projects.CLOSE_INSTALMENTS', { count: unpaid })]
          : []),
      ];
      throw new AppError(
        'INVALID_STATE',
        openReports > 0 ? 'errors.projects.CLOSE_REPORTS' : 'errors.projects.CLOSE_INSTALMENTS',
        { issues, openReports, unpaidInstalments: unpaid },
        { count: openReports > 0 ? openReports : unpaid },
      );
    }
    const final = reports.filter((r) => r.kind === 'final').at(-1) ?? reports.at(-1);
    const innovationId = await upsertProjectInnovation(
      tx,
      {
        projectId: id,
        organisationId: project.organisationId,
        titleTh: project.titleTh,
        titleEn: project.titleEn,
        summaryTh: excerpt(final?.narrative ?? ''),
        themes: project.themes,
        provinceCodes: project.provinceCodes,
        srl: final?.srlLevel ?? null,
        lessonsLearned: final?.lessonsLearned ?? '',
        scalingRecommendations: final?.scalingRecommendations ?? [],
      },
      meta,
      now,
    );
    const note = body.note.trim();
    const updated = await repo.updateProject(tx, id, {
      status: 'closed',
      closedAt: now,
      closedBy: actor.userId,
      closingNote: note,
      innovationId,
    });
    await recordAudit(tx, meta, {
      action: 'project.closed',
      entityType: 'project',
      entityId: id,
      before: { status: project.status },
      after: { status: 'closed', note, innovationId, finalSrl: final?.srlLevel ?? null },
    });
    const params = (lang: Language) => ({
      number: project.agreementNumber,
      title: titleIn(lang, project.titleTh, project.titleEn),
    });
    const members = await listMemberContacts(tx, project.organisationId);
    await notifyUsers(
      tx,
      members.map((m) => m.userId),
      { kind: 'project_closed', params, link: projectPath(id) },
    );
    for (const owner of members.filter((m) => m.role === 'owner')) {
      await queueEmail(tx, {
        to: owner.email,
        template: 'project_closed',
        lang: owner.lang,
        params: { name: owner.name, ...params(owner.lang) },
        link: projectUrl(id),
      });
    }
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}
