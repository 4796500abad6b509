import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import {
  PersonBodySchema,
  UpdatePersonBodySchema,
  type Expertise,
  type MentorOption,
  type PersonBody,
  type PersonDetail,
  type PersonnelListQuery,
  type PersonnelRole,
  type PersonSummary,
  type Recognition,
  type RecognitionBody,
  RecognitionBodySchema,
  type UpdatePersonBody,
} from '@shared/contracts/mentoring';
import { recordAudit } from '@server/modules/audit/audit.service';
import * as repo from './mentoring.repo';
import { isMentoringOfficer, isStaffOfUnit, personnelPolicy } from './mentoring.policy';

// The SI personnel registry: facilitators, coaches and mentors, their record and recognitions. Anyone may read the
// active entries; officers manage every entry, a unit's staff their unit's people.

/** A row with its record, as the API shows it. */
function toSummary(row: repo.PersonWithRecord & object): PersonSummary {
  const { person } = row;
  return {
    id: person.id,
    nameTh: person.nameTh,
    nameEn: person.nameEn,
    roles: person.roles as PersonnelRole[],
    expertise: person.expertise as Expertise[],
    drivingUnitId: person.drivingUnitId,
    drivingUnitNameTh: row.drivingUnitNameTh,
    drivingUnitNameEn: row.drivingUnitNameEn,
    provinceCode: person.provinceCode,
    isMentor: person.isMentor,
    isActive: person.isActive,
    record: {
      hoursMentored: Number(row.hoursMentored),
      sessions: Number(row.sessions),
      activitiesFacilitated: Number(row.activitiesFacilitated),
      projectsSupported: Number(row.projectsSupported),
      averageRating: row.averageRating === null ? null : Math.round(Number(row.averageRating) * 100) / 100,
      ratings: Number(row.ratings),
    },
  };
}

function toRecognition(row: repo.RecognitionRow): Recognition {
  return {
    id: row.id,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    awardedOn: row.awardedOn,
    note: row.note,
  };
}

/** The registry (active people; officers and a unit's staff also see their inactive entries), filtered. */
export async function listPersonnel(
  db: Database,
  actor: Actor | null,
  query: PersonnelListQuery,
): Promise<PersonSummary[]> {
  const inactiveOf: repo.PersonnelFilter['inactiveOf'] = isMentoringOfficer(actor)
    ? 'all'
    : actor?.drivingUnitId && isStaffOfUnit(actor, actor.drivingUnitId)
      ? { drivingUnitId: actor.drivingUnitId }
      : 'none';
  const rows = await repo.listPersonnel(db, {
    q: query.q || undefined,
    role: query.role,
    expertise: query.expertise,
    drivingUnitId: query.drivingUnitId,
    provinceCode: query.provinceCode,
    mentorsOnly: query.mentors === 'true',
    inactiveOf,
  });
  return rows.map(toSummary);
}

/** One person's profile, record and recognitions; an inactive entry only to those who manage it. */
export async function getPerson(db: DbOrTx, actor: Actor | null, id: string): Promise<PersonDetail> {
  const row = await repo.findPersonWithRecord(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  const access = { drivingUnitId: row.person.drivingUnitId };
  const canEdit = personnelPolicy.edit(actor, access);
  if (!row.person.isActive && !canEdit) {
    throw new AppError('NOT_FOUND');
  }
  const recognitions = await repo.listRecognitions(db, id);
  return {
    ...toSummary(row),
    bioTh: row.person.bioTh,
    bioEn: row.person.bioEn,
    hasAccount: row.person.userId !== null,
    recognitions: recognitions.map(toRecognition),
    version: row.person.version,
    abilities: { edit: canEdit, recognise: personnelPolicy.recognise(actor, access) },
  };
}

/** The account to link, by email: VALIDATION_FAILED when there is none or it is linked to someone else. */
async function linkedUserId(
  tx: DbOrTx,
  email: string | null | undefined,
  personId: string | null,
): Promise<string | null | undefined> {
  if (email === undefined) {
    return undefined;
  }
  if (email === null) {
    return null;
  }
  const userId = await repo.findUserIdByEmail(tx, email);
  if (!userId) {
    throw invalidField('accountEmail', 'errors.mentoring.NO_ACCOUNT');
  }
  const other = await repo.findPersonByUser(tx, userId);
  if (other && other.id !== personId) {
    throw invalidField('accountEmail', 'errors.mentoring.ACCOUNT_LINKED');
  }
  return userId;
}

/** The unit a new or moved entry may have: any existing unit for officers, their own for a unit's staff. */
async function assertUnitAllowed(tx: DbOrTx, actor: Actor, drivingUnitId: string | null): Promise<void> {
  if (drivingUnitId !== null && !(await repo.driveUnitExists(tx, drivingUnitId))) {
    throw invalidField('drivingUnitId', 'errors.mentoring.UNKNOWN_UNIT');
  }
  if (!isMentoringOfficer(actor) && !isStaffOfUnit(actor, drivingUnitId)) {
    throw new AppError('FORBIDDEN');
  }
}

/** Adds a person to the registry (officers; a unit's staff for their own unit). */
export async function createPerson(
  db: Database,
  actor: Actor,
  input: PersonBody,
  meta: RequestMeta,
): Promise<PersonDetail> {
  const body = PersonBodySchema.parse(input);
  return db.transaction(async (tx) => {
    await assertUnitAllowed(tx, actor, body.drivingUnitId);
    const userId = await linkedUserId(tx, body.accountEmail, null);
    const { accountEmail: _email, ...values } = body;
    const person = await repo.insertPerson(tx, {
      ...values,
      isMentor: values.isMentor || values.roles.includes('mentor'),
      userId: userId ?? null,
    });
    await recordAudit(tx, meta, {
      action: 'personnel.created',
      entityType: 'si_person',
      entityId: person.id,
      after: { nameTh: person.nameTh, roles: person.roles, drivingUnitId: person.drivingUnitId },
    });
    return getPerson(tx, actor, person.id);
  });
}

/** Changes a registry entry (those who manage it; a unit's staff cannot move it to another unit). */
export async function updatePerson(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdatePersonBody,
  meta: RequestMeta,
): Promise<PersonDetail> {
  const body = UpdatePersonBodySchema.parse(input);
  return db.transaction(async (tx) => {
    const person = await repo.findPerson(tx, id, true);
    if (!person || (!person.isActive && !personnelPolicy.edit(actor, person))) {
      throw new AppError('NOT_FOUND');
    }
    if (!personnelPolicy.edit(actor, person)) {
      throw new AppError('FORBIDDEN');
    }
    if (person.version !== body.version) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: person.version });
    }
    if (body.drivingUnitId !== undefined && body.drivingUnitId !== person.drivingUnitId) {
      await assertUnitAllowed(tx, actor, body.drivingUnitId);
    }
    const userId = await linkedUserId(tx, body.accountEmail, id);
    const { accountEmail: _email, version: _version, ...values } = body;
    const roles = values.roles ?? person.roles;
    await repo.updatePerson(tx, id, {
      ...values,
      ...(values.isMentor !== undefined || values.roles
        ? { isMentor: (values.isMentor ?? person.isMentor) || roles.includes('mentor') }
        : {}),
      ...(userId !== undefined ? { userId } : {}),
    });
    await recordAudit(tx, meta, {
      action: 'personnel.updated',
      entityType: 'si_person',
      entityId: id,
      before: { nameTh: person.nameTh, roles: person.roles, drivingUnitId: person.drivingUnitId },
      after: { ...values, linkedAccount: userId === undefined ? undefined : userId !== null },
    });
    return getPerson(tx, actor, id);
  });
}

/** Records a recognition of a person's contribution (those who manage the entry). */
export async function addRecognition(
  db: Database,
  actor: Actor,
  id: string,
  input: RecognitionBody,
  meta: RequestMeta,
  now: Date,
): Promise<PersonDetail> {
  const body = RecognitionBodySchema.parse(input);
  return db.transaction(async (tx) => {
    const person = await repo.findPerson(tx, id);
    if (!person || (!person.isActive && !personnelPolicy.edit(actor, person))) {
      throw new AppError('NOT_FOUND');
    }
    if (!personnelPolicy.recognise(actor, person)) {
      throw new AppError('FORBIDDEN');
    }
    if (body.awardedOn > now.toISOString().slice(0, 10)) {
      throw invalidField('awardedOn', 'errors.mentoring.FUTURE_DATE');
    }
    const recognition = await repo.insertRecognition(tx, { personId: id, ...body });
    await recordAudit(tx, meta, {
      action: 'personnel.recognised',
      entityType: 'si_person',
      entityId: id,
      after: {
        recognitionId: recognition.id,
        titleTh: recognition.titleTh,
        awardedOn: recognition.awardedOn,
      },
    });
    return getPerson(tx, actor, id);
  });
}

/** Active mentors to choose from (officers, unit staff), the given unit's first. */
export async function listMentorOptions(
  db: Database,
  actor: Actor,
  drivingUnitId: string | null,
): Promise<MentorOption[]> {
  if (!isMentoringOfficer(actor) && !(actor.drivingUnitId && isStaffOfUnit(actor, actor.drivingUnitId))) {
    throw new AppError('FORBIDDEN');
  }
  const rows = await repo.listMentorOptions(db, drivingUnitId ?? actor.drivingUnitId);
  return rows.map((r) => ({ ...r, expertise: r.expertise as Expertise[] }));
}

/** The registry entry of an account (the mentor's own), if any. */
export async function findMyPersonId(db: DbOrTx, actor: Actor): Promise<string | null> {
  return (await repo.findPersonByUser(db, actor.userId))?.id ?? null;
}
