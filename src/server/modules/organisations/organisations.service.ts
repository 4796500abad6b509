import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { Language } from '@shared/i18n/index';
import { translate } from '@server/lib/i18n';
import {
  ORGANISATION_LOOKUP_LIMIT,
  type CreateOrganisationBody,
  type Member,
  type MemberRole,
  type Organisation,
  type UpdateOrganisationBody,
} from '@shared/contracts/organisations';
import type { OrganisationRef } from '@shared/contracts/proposals';
import { recordAudit } from '@server/modules/audit/audit.service';
import { queueEmail } from '@server/modules/notifications/notifications.service';
import { findAreaProblems } from '@server/modules/geo/geo.service';
import {
  consumeEmailToken,
  findPerson,
  issueEmailToken,
  listOpenEmailTokens,
} from '@server/modules/accounts/accounts.service';
import * as repo from './organisations.repo';
import { organisationPolicy } from './organisations.policy';

const INVITATION_PURPOSE = 'organisation_invitation';
const INVITATION_DAYS = 7;

type Found = NonNullable<Awaited<ReturnType<typeof repo.findOrganisation>>>;

function notFound() {
  return new AppError('NOT_FOUND');
}

/** Loads a visible organisation and asserts a policy on it (FORBIDDEN when visible but not allowed). */
async function getAllowed(
  db: DbOrTx,
  actor: Actor,
  id: string,
  allowed: (actor: Actor, org: { myRole: MemberRole | null }) => boolean,
): Promise<Found> {
  const found = await getVisible(db, actor, id);
  authorize(actor, allowed, { myRole: found.myRole as MemberRole | null });
  return found;
}

function toOrganisation(actor: Actor, found: Found): Organisation {
  const o = found.organisation;
  const access = { myRole: found.myRole as MemberRole | null };
  return {
    id: o.id,
    nameTh: o.nameTh,
    nameEn: o.nameEn,
    type: o.type as Organisation['type'],
    juristicId: o.juristicId,
    communityEnterpriseCode: o.communityEnterpriseCode,
    addressLine: o.addressLine,
    provinceCode: o.provinceCode,
    districtCode: o.districtCode,
    subdistrictCode: o.subdistrictCode,
    postalCode: o.postalCode,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    website: o.website,
    description: o.description,
    themes: o.themes,
    version: o.version,
    myRole: access.myRole,
    abilities: {
      edit: organisationPolicy.edit(actor, access),
      manageMembers: organisationPolicy.manageMembers(actor, access),
    },
    createdAt: new Date(o.createdAt).toISOString(),
    updatedAt: new Date(o.updatedAt).toISOString(),
  };
}

/** Loads an organisation the actor may see, else NOT_FOUND (another organisation's id tells nothing). */
async function getVisible(db: DbOrTx, actor: Actor, id: string): Promise<Found> {
  const found = await repo.findOrganisation(db, id, actor.userId);
  const access = found ? { myRole: found.myRole as MemberRole | null } : null;
  if (!found || !access || !organisationPolicy.view(actor, access)) {
    throw notFound();
  }
  return found;
}

async function checkFields(tx: DbOrTx, body: Partial<CreateOrganisationBody>, selfId: string | null) {
  const problems = await findAreaProblems(tx, body);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: problems.map((p) => fieldIssue(`body.${p.field}`, 'invalid', p.key, p.params)),
    });
  }
  if (body.juristicId) {
    const other = await repo.findByJuristicId(tx, body.juristicId);
    if (other && other.id !== selfId) {
      throw new AppError('CONFLICT', 'errors.JURISTIC_ID_TAKEN', {
        issues: [fieldIssue('body.juristicId', 'taken', 'errors.JURISTIC_ID_TAKEN')],
      });
    }
  }
  if (body.communityEnterpriseCode && body.type && body.type !== 'community_enterprise') {
    throw invalidField('body.communityEnterpriseCode', 'errors.CE_CODE_ONLY');
  }
}

function snapshot(o: repo.OrganisationRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = o;
  return rest as Record<string, unknown>;
}

/** Creates an organisation; the creator becomes its owner. */
export async function createOrganisation(
  db: Database,
  actor: Actor,
  body: CreateOrganisationBody,
  meta: RequestMeta,
): Promise<Organisation> {
  const id = await db.transaction(async (tx) => {
    await checkFields(tx, body, null);
    const created = await repo.insertOrganisation(tx, {
      ...body,
      nameEn: body.nameEn ?? null,
      description: body.description ?? '',
      themes: body.themes ?? [],
      createdBy: actor.userId,
    });
    await repo.insertMember(tx, created.id, actor.userId, 'owner');
    await recordAudit(tx, meta, {
      action: 'organisation.created',
      entityType: 'organisation',
      entityId: created.id,
      after: snapshot(created),
    });
    return created.id;
  });
  return getOrganisation(db, actor, id);
}

export async function getOrganisation(db: Database, actor: Actor, id: string): Promise<Organisation> {
  return toOrganisation(actor, await getVisible(db, actor, id));
}

export async function listOrganisations(
  db: Database,
  actor: Actor,
  scope: 'mine' | 'all',
): Promise<Organisation[]> {
  if (scope === 'all') {
    authorize(actor, organisationPolicy.listAll, {});
  }
  const rows = await repo.listOrganisations(db, actor.userId, scope === 'all');
  return rows.map((r) => toOrganisation(actor, r));
}

/**
 * Organisations whose Thai or English name holds `text`, as minimal references (name, type, province) for naming
 * co-applicants: any signed-in person may look, so no contact data and no members. At most 20, by name.
 */
export async function lookupOrganisations(db: Database, text: string): Promise<OrganisationRef[]> {
  const rows = await repo.lookupOrganisations(db, text, ORGANISATION_LOOKUP_LIMIT);
  return rows.map((r) => ({ ...r, type: r.type as OrganisationRef['type'] }));
}

/** Updates the profile if `version` is still current; a concurrent edit gives CONFLICT, never a silent overwrite. */
export async function updateOrganisation(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateOrganisationBody,
  meta: RequestMeta,
): Promise<Organisation> {
  await db.transaction(async (tx) => {
    const found = await getAllowed(tx, actor, id, organisationPolicy.edit);
    const { version, ...changes } = body;
    const merged = { ...found.organisation, ...changes };
    await checkFields(tx, { ...merged, nameEn: merged.nameEn } as Partial<CreateOrganisationBody>, id);
    const updated = await repo.updateOrganisation(tx, id, version, changes);
    if (!updated) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: found.organisation.version });
    }
    await recordAudit(tx, meta, {
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: id,
      before: snapshot(found.organisation),
      after: snapshot(updated),
    });
  });
  return getOrganisation(db, actor, id);
}

export async function listMembers(db: Database, actor: Actor, id: string): Promise<Member[]> {
  await getVisible(db, actor, id);
  const rows = await repo.listMembers(db, id);
  return rows.map((m) => ({
    userId: m.userId,
    name: m.status === 'erased' ? '' : m.name,
    email: m.email,
    role: m.role as MemberRole,
    joinedAt: new Date(m.joinedAt).toISOString(),
  }));
}

/** The user's role in an organisation, or null when not a member (for other modules' access rules). */
export async function getMemberRole(
  db: DbOrTx,
  organisationId: string,
  userId: string,
): Promise<MemberRole | null> {
  const member = await repo.findMember(db, organisationId, userId);
  return member ? (member.role as MemberRole) : null;
}

/** Members who can be written to (not erased), with their language, for notifications about the organisation. */
export async function listMemberContacts(
  db: DbOrTx,
  organisationId: string,
): Promise<Array<{ userId: string; name: string; email: string; lang: Language; role: MemberRole }>> {
  const rows = await repo.listMembers(db, organisationId);
  return rows.flatMap((m) =>
    m.status === 'erased' || !m.email
      ? []
      : [
          {
            userId: m.userId,
            name: m.name,
            email: m.email,
            lang: m.locale === 'en' ? 'en' : 'th',
            role: m.role as MemberRole,
          },
        ],
  );
}

/** Owners invite by email; the message carries a 7-day single-use link. */
export async function inviteMember(
  db: Database,
  actor: Actor,
  id: string,
  input: { email: string; role: MemberRole },
  meta: RequestMeta,
  publicUrl: string,
  lang: Language,
): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await getAllowed(tx, actor, id, organisationPolicy.manageMembers);
    const inviter = await findPerson(tx, actor.userId);
    const token = await issueEmailToken(
      tx,
      INVITATION_PURPOSE,
      input.email,
      { organisationId: id, role: input.role, invitedBy: actor.userId },
      INVITATION_DAYS * 86_400_000,
    );
    await recordAudit(tx, meta, {
      action: 'organisation.member_invited',
      entityType: 'organisation',
      entityId: id,
      after: { invitedRole: input.role },
    });
    await queueEmail(tx, {
      to: input.email,
      template: 'organisation_invitation',
      lang,
      params: {
        name: input.email,
        inviter: inviter?.name ?? '',
        organisation: found.organisation.nameTh,
        role: translate(lang, `organisations.role.${input.role}`),
      },
      link: `${publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`,
    });
  });
}

export async function listInvitations(db: Database, actor: Actor, id: string) {
  await getAllowed(db, actor, id, organisationPolicy.manageMembers);
  const rows = await listOpenEmailTokens(db, INVITATION_PURPOSE, 'organisationId', id);
  return rows.map((r) => ({
    id: r.id,
    email: r.email ?? '',
    role: (r.data.role as MemberRole | undefined) ?? 'viewer',
    expiresAt: new Date(r.expiresAt).toISOString(),
  }));
}

/** Accepts an invitation with its token; the signed-in account must have the invited email. */
export async function acceptInvitation(
  db: Database,
  actor: Actor,
  token: string,
  meta: RequestMeta,
): Promise<{ organisationId: string }> {
  return db.transaction(async (tx) => {
    const { email, data } = await consumeEmailToken(tx, INVITATION_PURPOSE, token);
    const person = await findPerson(tx, actor.userId);
    if (!person || !email || person.email !== email) {
      throw new AppError('FORBIDDEN', 'errors.INVITATION_OTHER_EMAIL');
    }
    const organisationId = typeof data.organisationId === 'string' ? data.organisationId : '';
    const role = (data.role as MemberRole | undefined) ?? 'viewer';
    const existing = await repo.findMember(tx, organisationId, actor.userId);
    if (!existing) {
      await repo.insertMember(tx, organisationId, actor.userId, role);
    }
    await recordAudit(tx, meta, {
      action: 'organisation.member_joined',
      entityType: 'organisation',
      entityId: organisationId,
      after: { member: actor.userId, role: existing?.role ?? role },
    });
    return { organisationId };
  });
}

async function assertNotLastOwner(tx: DbOrTx, organisationId: string, userId: string) {
  const owners = await repo.lockOwners(tx, organisationId);
  if (owners.length === 1 && owners[0] === userId) {
    throw new AppError('INVALID_STATE', 'errors.LAST_OWNER');
  }
}

/** Owners change a member's role; the last owner cannot be demoted. */
export async function changeMemberRole(
  db: Database,
  actor: Actor,
  id: string,
  userId: string,
  role: MemberRole,
  meta: RequestMeta,
): Promise<void> {
  await db.transaction(async (tx) => {
    await getAllowed(tx, actor, id, organisationPolicy.manageMembers);
    const member = await repo.findMember(tx, id, userId);
    if (!member) {
      throw notFound();
    }
    if (member.role === 'owner' && role !== 'owner') {
      await assertNotLastOwner(tx, id, userId);
    }
    await repo.setMemberRole(tx, id, userId, role);
    await recordAudit(tx, meta, {
      action: 'organisation.member_role_changed',
      entityType: 'organisation',
      entityId: id,
      before: { member: userId, role: member.role },
      after: { member: userId, role },
    });
  });
}

/** A member leaves, or an owner removes a member; the last owner can do neither to themselves. */
export async function removeMember(
  db: Database,
  actor: Actor,
  id: string,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await getVisible(tx, actor, id);
    const leaving = userId === actor.userId;
    if (!leaving) {
      authorize(actor, organisationPolicy.manageMembers, { myRole: found.myRole as MemberRole | null });
    }
    const member = await repo.findMember(tx, id, userId);
    if (!member) {
      throw notFound();
    }
    if (member.role === 'owner') {
      await assertNotLastOwner(tx, id, userId);
    }
    await repo.deleteMember(tx, id, userId);
    await recordAudit(tx, meta, {
      action: leaving ? 'organisation.member_left' : 'organisation.member_removed',
      entityType: 'organisation',
      entityId: id,
      before: { member: userId, role: member.role },
      after: null,
    });
  });
}

/** The owner hands ownership to another member and becomes an editor. */
export async function transferOwnership(
  db: Database,
  actor: Actor,
  id: string,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  await db.transaction(async (tx) => {
    await getAllowed(tx, actor, id, organisationPolicy.manageMembers);
    const target = await repo.findMember(tx, id, userId);
    if (!target || userId === actor.userId) {
      throw invalidField('body.userId', 'errors.NEW_OWNER_NOT_MEMBER');
    }
    await repo.lockOwners(tx, id);
    await repo.setMemberRole(tx, id, userId, 'owner');
    await repo.setMemberRole(tx, id, actor.userId, 'editor');
    await recordAudit(tx, meta, {
      action: 'organisation.ownership_transferred',
      entityType: 'organisation',
      entityId: id,
      before: { owner: actor.userId },
      after: { owner: userId },
    });
  });
}
