import { createHash } from 'node:crypto';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { formatBaht, formatDateTime, formatIsoDate } from '@server/lib/pdf';
import {
  AgreementTermsSchema,
  type AcceptAgreementBody,
  type AgreementTerms,
  type ProjectDetail,
  type VersionBody,
} from '@shared/contracts/projects';
import type { Language } from '@shared/i18n/index';
import { listMemberContacts } from '@server/modules/organisations/organisations.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
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

// The grant agreement of a project: issued from its plan, withdrawn, signed by the grantee's owner, and its PDF data.

// ---- Terms ----------------------------------------------------------------------------------------------------------

/** The same JSON for the same terms whatever the key order: object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function termsSha256(terms: AgreementTerms): string {
  return createHash('sha256').update(canonicalJson(terms), 'utf8').digest('hex');
}

// ---- Agreement ------------------------------------------------------------------------------------------------------

async function ownersOf(tx: DbOrTx, organisationId: string) {
  return (await listMemberContacts(tx, organisationId)).filter((m) => m.role === 'owner');
}

/**
 * Issues the agreement of a project in setup (officers; current version): its terms are frozen from the plan as it
 * stands, with the SHA-256 of their canonical JSON; the project waits for the owner's signature. The organisation's
 * owners are told by email and in the app. Audited.
 */
export async function issueAgreement(
  db: Database,
  actor: Actor,
  id: string,
  body: VersionBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'issueAgreement', access, 'setup');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'issueAgreement', accessOf(project, access.memberRole), 'setup');
    assertVersion(project.version, body.version);
    const names = await repo.findProjectNames(tx, project);
    const lines = await repo.listBudgetLines(tx, id);
    const milestones = await repo.listMilestones(tx, id);
    const reports = await repo.listReports(tx, id);
    const instalments = await repo.listInstalments(tx, id);
    const terms: AgreementTerms = AgreementTermsSchema.parse({
      agreementNumber: project.agreementNumber,
      issuedAt: now.toISOString(),
      projectTitleTh: project.titleTh,
      projectTitleEn: project.titleEn,
      organisationNameTh: names.organisationNameTh,
      organisationNameEn: names.organisationNameEn,
      callCode: names.callCode,
      callTitleTh: names.callTitleTh,
      fiscalYear: project.fiscalYear,
      awardSatang: Number(project.awardSatang),
      startsOn: project.startsOn ?? '',
      endsOn: project.endsOn ?? '',
      reallocationLimitPercent: project.reallocationLimitPercent,
      budgetLines: lines.map((l) => ({
        category: l.category,
        description: l.description,
        amountSatang: Number(l.approvedSatang),
      })),
      milestones: milestones.map((m) => ({ titleTh: m.titleTh, deliverable: m.deliverable, dueOn: m.dueOn })),
      reports: reports.map((r) => ({
        sequence: r.sequence,
        kind: r.kind,
        periodEnd: r.periodEnd,
        dueOn: r.dueOn,
      })),
      instalments: instalments.map((i) => ({
        sequence: i.sequence,
        amountSatang: Number(i.amountSatang),
        releaseAfterReport: reports.find((r) => r.id === i.releaseReportId)?.sequence ?? null,
      })),
    });
    const sha = termsSha256(terms);
    const updated = await repo.updateProject(tx, id, {
      status: 'agreement_issued',
      agreementTerms: terms,
      agreementSha256: sha,
      agreementIssuedAt: now,
      agreementIssuedBy: actor.userId,
    });
    await recordAudit(tx, meta, {
      action: 'project.agreement_issued',
      entityType: 'project',
      entityId: id,
      before: { status: project.status },
      after: { status: 'agreement_issued', agreementSha256: sha, awardSatang: terms.awardSatang },
    });
    const params = (lang: Language) => ({
      number: project.agreementNumber,
      title: titleIn(lang, project.titleTh, project.titleEn),
      amount: formatBaht(terms.awardSatang, lang),
      start: formatIsoDate(terms.startsOn, lang),
      end: formatIsoDate(terms.endsOn, lang),
    });
    const owners = await ownersOf(tx, project.organisationId);
    await notifyUsers(
      tx,
      owners.map((o) => o.userId),
      { kind: 'project_agreement_issued', params, link: projectPath(id) },
    );
    for (const owner of owners) {
      await queueEmail(tx, {
        to: owner.email,
        template: 'project_agreement_issued',
        lang: owner.lang,
        params: { name: owner.name, ...params(owner.lang) },
        link: projectUrl(id),
      });
    }
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

/** Withdraws an issued agreement that nobody signed yet, back to setup (officers; current version); audited. */
export async function withdrawAgreement(
  db: Database,
  actor: Actor,
  id: string,
  body: VersionBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'withdrawAgreement', access, 'agreement_issued');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'withdrawAgreement', accessOf(project, access.memberRole), 'agreement_issued');
    assertVersion(project.version, body.version);
    const updated = await repo.updateProject(tx, id, {
      status: 'setup',
      agreementTerms: null,
      agreementSha256: null,
      agreementIssuedAt: null,
      agreementIssuedBy: null,
    });
    await recordAudit(tx, meta, {
      action: 'project.agreement_withdrawn',
      entityType: 'project',
      entityId: id,
      before: { status: project.status, agreementSha256: project.agreementSha256 },
      after: { status: 'setup', agreementSha256: null },
    });
    const owners = await ownersOf(tx, project.organisationId);
    await notifyUsers(
      tx,
      owners.map((o) => o.userId),
      {
        kind: 'project_agreement_withdrawn',
        params: (lang) => ({
          number: project.agreementNumber,
          title: titleIn(lang, project.titleTh, project.titleEn),
        }),
        link: projectPath(id),
      },
    );
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

/**
 * The owner signs the issued agreement (owners of the grantee organisation only; current version, and the hash of
 * the terms they read — a newer issue is CONFLICT): the typed name, time, IP address and user are recorded, the
 * project becomes active and the instalments released by the signature become ready for payment. The officer who
 * issued it is told by email and in the app, the members in the app. Audited.
 */
export async function acceptAgreement(
  db: Database,
  actor: Actor,
  id: string,
  body: AcceptAgreementBody,
  meta: RequestMeta,
  now: Date,
): Promise<ProjectDetail> {
  const { access } = await getProjectAccess(db, actor, id);
  assertCan(actor, 'acceptAgreement', access, 'agreement_issued');
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, id);
    assertCan(actor, 'acceptAgreement', accessOf(project, access.memberRole), 'agreement_issued');
    assertVersion(project.version, body.version);
    if (project.agreementSha256 !== body.agreementSha256) {
      throw new AppError('CONFLICT', 'errors.projects.AGREEMENT_CHANGED', {
        agreementSha256: project.agreementSha256,
      });
    }
    const signedName = body.signedName.trim();
    const updated = await repo.updateProject(tx, id, {
      status: 'active',
      agreementAcceptedAt: now,
      agreementAcceptedBy: actor.userId,
      agreementAcceptedName: signedName,
      agreementAcceptedIp: meta.ip,
    });
    const released = await repo.readyAcceptanceInstalments(tx, id, now);
    await recordAudit(tx, meta, {
      action: 'project.agreement_accepted',
      entityType: 'project',
      entityId: id,
      before: { status: project.status },
      after: {
        status: 'active',
        signedName,
        agreementSha256: project.agreementSha256,
        ip: meta.ip,
        instalmentsReady: released,
      },
    });
    const names = await repo.findProjectNames(tx, project);
    const params = (lang: Language) => ({
      number: project.agreementNumber,
      title: titleIn(lang, project.titleTh, project.titleEn),
      signer: signedName,
      organisation: titleIn(lang, names.organisationNameTh, names.organisationNameEn),
      at: formatDateTime(now, lang),
    });
    const members = await listMemberContacts(tx, project.organisationId);
    const staff = await repo.listStaffContacts(tx, updated);
    await notifyUsers(tx, [...members.map((m) => m.userId), ...staff.map((s) => s.userId)], {
      kind: 'project_agreement_accepted',
      params,
      link: projectPath(id),
    });
    for (const person of staff) {
      if (person.email) {
        const lang: Language = person.locale === 'en' ? 'en' : 'th';
        await queueEmail(tx, {
          to: person.email,
          template: 'project_agreement_accepted',
          lang,
          params: { name: person.name, ...params(lang) },
          link: projectUrl(id),
        });
      }
    }
    return detailOf(tx, actor, updated, accessOf(updated, access.memberRole), now);
  });
}

/** The frozen terms of an issued (or signed) agreement and its signature, for the PDF (readers of the project). */
export async function getAgreementForPdf(db: Database, actor: Actor, id: string) {
  const { project } = await getProjectAccess(db, actor, id);
  if (!project.agreementTerms || !project.agreementSha256) {
    throw new AppError('NOT_FOUND', 'errors.projects.NO_AGREEMENT');
  }
  return {
    terms: project.agreementTerms,
    sha256: project.agreementSha256,
    acceptedAt: project.agreementAcceptedAt ? new Date(project.agreementAcceptedAt) : null,
    acceptedName: project.agreementAcceptedName,
  };
}
