import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField, notFound } from '@server/lib/errors';
import { hasRole, type Actor, type RequestMeta } from '@server/lib/authz';
import { recordAudit } from '@server/modules/audit/audit.service';
import { listProvinceCodes } from '@server/modules/geo/geo.service';
import { FLAGSHIP_OBJECTIVES } from '@shared/reference/programmes';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { SDGS } from '@shared/reference/sdgs';
import { THEMES } from '@shared/reference/themes';
import type {
  FlagshipObjective,
  OrganisationType,
  ProvinceGroup,
  Sdg,
  Theme,
  UpdateProvinceGroupBody,
} from '@shared/contracts/reference';
import * as repo from './reference.repo';

/** Writes the themes, SDGs, organisation types and Flagship objectives kept in the project (idempotent). */
export async function syncReferenceLists(db: DbOrTx): Promise<void> {
  await repo.upsertThemes(
    db,
    THEMES.map((t) => ({ ...t })),
  );
  await repo.upsertSdgs(
    db,
    SDGS.map((s) => ({ ...s })),
  );
  await repo.upsertOrganisationTypes(
    db,
    ORGANISATION_TYPES.map((o, index) => ({ ...o, sortOrder: index + 1 })),
  );
  await repo.upsertFlagshipObjectives(
    db,
    FLAGSHIP_OBJECTIVES.map((o) => ({ ...o })),
  );
}

export async function listThemes(db: Database): Promise<Theme[]> {
  return (await repo.listThemes(db)) as Theme[];
}
export async function listSdgs(db: Database): Promise<Sdg[]> {
  return repo.listSdgs(db);
}
export async function listOrganisationTypes(db: Database): Promise<OrganisationType[]> {
  return (await repo.listOrganisationTypes(db)) as OrganisationType[];
}
export async function listFlagshipObjectives(db: Database): Promise<FlagshipObjective[]> {
  return repo.listFlagshipObjectives(db);
}

export async function getProvinceGroupOrThrow(db: Database, code: string): Promise<ProvinceGroup> {
  const group = await repo.findProvinceGroup(db, code);
  if (!group) {
    throw notFound('province_group', code);
  }
  return {
    code: group.code,
    nameTh: group.nameTh,
    nameEn: group.nameEn,
    descriptionTh: group.descriptionTh,
    descriptionEn: group.descriptionEn,
    source: group.source,
    members: await repo.listProvinceGroupMembers(db, code),
  };
}

/** The province codes of a group (none when the group does not exist): one query, for rules checked on every save. */
export async function listProvinceGroupCodes(db: DbOrTx, code: string): Promise<number[]> {
  return repo.listProvinceGroupCodes(db, code);
}

export interface ProvinceGroupInput {
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  source: string | null;
  members: Array<{ provinceCode: number; rank: number | null }>;
}

/** Creates or replaces a province group and its members in one transaction. */
export async function saveProvinceGroup(db: Database, input: ProvinceGroupInput): Promise<void> {
  const { members, ...group } = input;
  await db.transaction(async (tx) => {
    await repo.replaceProvinceGroup(tx, group, members);
  });
}

/**
 * Administrators edit a province group, such as the poor-province target group: names, description, source and the
 * ranked member provinces. Audited.
 */
export async function updateProvinceGroup(
  db: Database,
  actor: Actor,
  code: string,
  body: UpdateProvinceGroupBody,
  meta: RequestMeta,
): Promise<ProvinceGroup> {
  if (!hasRole(actor, 'administrator')) {
    throw new AppError('FORBIDDEN');
  }
  const before = await getProvinceGroupOrThrow(db, code);
  const known = await listProvinceCodes(db);
  const seen = new Set<number>();
  body.members.forEach((member, index) => {
    if (!known.has(member.provinceCode)) {
      throw invalidField(`body.members.${index}.provinceCode`, 'errors.UNKNOWN_PROVINCE', {
        code: member.provinceCode,
      });
    }
    if (seen.has(member.provinceCode)) {
      throw invalidField(`body.members.${index}.provinceCode`, 'errors.DUPLICATE_PROVINCE', {
        code: member.provinceCode,
      });
    }
    seen.add(member.provinceCode);
  });
  await db.transaction(async (tx) => {
    const { members, ...group } = body;
    await repo.replaceProvinceGroup(tx, { code, ...group }, members);
    await recordAudit(tx, meta, {
      action: 'province_group.updated',
      entityType: 'province_group',
      entityId: code,
      before: { ...before, members: before.members.map((m) => [m.provinceCode, m.rank]) },
      after: { code, ...group, members: members.map((m) => [m.provinceCode, m.rank]) },
    });
  });
  return getProvinceGroupOrThrow(db, code);
}
