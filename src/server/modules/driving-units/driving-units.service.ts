import type { Database } from '@server/db/client';
import type { CreateDrivingUnitBody, DrivingUnit } from '@shared/contracts/identity';
import {
  UNIT_MEASURES,
  type FiscalYearQuery,
  type MeasureResult,
  type UnitAbilities,
  type UnitActivity,
  type UnitDashboard,
  type UnitDetail,
  type UnitMeasure,
  type UnitProfile,
  type UnitProfileBody,
  type UnitRollup,
  type UnitStaffMember,
  type UnitSummary,
  type UnitTargetsBody,
} from '@shared/contracts/driving-units';
import { bangkokDate, fiscalYearOf } from '@shared/projects/plan';
import { AppError, invalidField } from '@server/lib/errors';
import { hasRole, type Actor, type RequestMeta } from '@server/lib/authz';
import { recordAudit } from '@server/modules/audit/audit.service';
import { findAreaProblems } from '@server/modules/geo/geo.service';
import * as repo from './driving-units.repo';
import { unitPolicy, type UnitAbility } from './driving-units.policy';

export interface DrivingUnitInput {
  nameTh: string;
  nameEn: string;
  kind: 'area_based' | 'entrepreneurs_youth';
  regionCode: string | null;
  provinceCodes: number[];
}

/** Creates a driving unit unless one with the same English name exists; returns its id. */
export async function ensureDrivingUnit(db: Database, input: DrivingUnitInput): Promise<string> {
  const existing = await repo.findDrivingUnitByName(db, input.nameEn);
  if (existing) {
    return existing.id;
  }
  const { provinceCodes, ...values } = input;
  return db.transaction((tx) => repo.insertDrivingUnit(tx, values, provinceCodes));
}

export async function listDrivingUnits(db: Database): Promise<DrivingUnit[]> {
  const rows = await repo.listDrivingUnits(db);
  return rows.map((r) => ({
    ...r,
    kind: r.kind as DrivingUnit['kind'],
    provinceCodes: (r.provinceCodes ?? []).map(Number),
  }));
}

/** Administrators create a driving unit (the incubation capability adds targets, staff pages and more). */
export async function createDrivingUnit(
  db: Database,
  actor: Actor,
  body: CreateDrivingUnitBody,
  meta: RequestMeta,
): Promise<DrivingUnit> {
  if (!hasRole(actor, 'administrator')) {
    throw new AppError('FORBIDDEN');
  }
  const codes = [...new Set(body.provinceCodes)];
  for (const [index, code] of codes.entries()) {
    if ((await findAreaProblems(db, { provinceCode: code })).length > 0) {
      throw invalidField(`body.provinceCodes.${index}`, 'errors.UNKNOWN_PROVINCE', { code });
    }
  }
  const id = await db.transaction(async (tx) => {
    const { provinceCodes: _codes, ...values } = body;
    const created = await repo.insertDrivingUnit(tx, values, codes);
    await recordAudit(tx, meta, {
      action: 'driving_unit.created',
      entityType: 'driving_unit',
      entityId: created,
      after: { ...values, provinceCodes: codes },
    });
    return created;
  });
  const unit = (await listDrivingUnits(db)).find((u) => u.id === id);
  if (!unit) {
    throw new AppError('INTERNAL');
  }
  return unit;
}

// ---- Profiles, staff, targets and dashboards ------------------------------------------------------------------------

/** The span of a Thai fiscal year (BE): 1 October (Bangkok) of the year before until 1 October. */
export function fiscalYearSpan(fiscalYear: number): repo.FiscalYearSpan {
  const startCe = fiscalYear - 544;
  return {
    fiscalYear,
    from: new Date(`${startCe}-10-01T00:00:00+07:00`),
    to: new Date(`${startCe + 1}-10-01T00:00:00+07:00`),
    firstDay: `${startCe}-10-01`,
    lastDay: `${startCe + 1}-09-30`,
  };
}

/** The fiscal year (BE) of an instant, in Asia/Bangkok. */
export const currentFiscalYear = (now: Date) => fiscalYearOf(bangkokDate(now));

const iso = (value: Date | string) => new Date(value).toISOString();

function toSummary(row: Awaited<ReturnType<typeof repo.listUnitSummaries>>[number]): UnitSummary {
  return {
    id: row.id,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    kind: row.kind as UnitSummary['kind'],
    regionCode: row.regionCode,
    provinceCodes: (row.provinceCodes ?? []).map(Number),
    hostNameTh: row.hostNameTh,
    hostNameEn: row.hostNameEn,
    upcomingActivityCount: Number(row.upcomingActivityCount),
  };
}

function toProfile(row: repo.ProfileRow | undefined): UnitProfile {
  return {
    hostOrganisationId: row?.hostOrganisationId ?? null,
    hostNameTh: row?.hostNameTh ?? '',
    hostNameEn: row?.hostNameEn ?? '',
    descriptionTh: row?.descriptionTh ?? '',
    descriptionEn: row?.descriptionEn ?? '',
    contactEmail: row?.contactEmail ?? null,
    contactPhone: row?.contactPhone ?? null,
    website: row?.website ?? null,
    // a unit without a profile row reads as version 1; the first save creates the row at version 2
    version: row?.version ?? 1,
  };
}

function abilitiesOf(actor: Actor | null, unitId: string): UnitAbilities {
  const can = (ability: UnitAbility) => unitPolicy[ability](actor, unitId);
  return {
    viewDashboard: can('viewDashboard'),
    editProfile: can('editProfile'),
    editTargets: can('editTargets'),
  };
}

async function getSummaryOrThrow(db: Database, unitId: string, now: Date): Promise<UnitSummary> {
  const row = (await repo.listUnitSummaries(db, now, unitId))[0];
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return toSummary(row);
}

/**
 * NOT_FOUND unless the unit exists and the actor may see its dashboard (its own staff and officers): another unit's
 * staff, and anyone else, learn nothing about the unit's management pages.
 */
function assertManages(actor: Actor, unitId: string): void {
  if (!unitPolicy.viewDashboard(actor, unitId)) {
    throw new AppError('NOT_FOUND');
  }
}

/** The public directory: every unit with its host and how many activities it has coming. */
export async function listUnitDirectory(db: Database, now: Date): Promise<UnitSummary[]> {
  return (await repo.listUnitSummaries(db, now)).map(toSummary);
}

/** A unit's public page: profile, provinces, its next published activities, and what the actor may do. */
export async function getUnitDetail(
  db: Database,
  actor: Actor | null,
  unitId: string,
  now: Date,
): Promise<UnitDetail> {
  const unit = await getSummaryOrThrow(db, unitId, now);
  const profile = toProfile(await repo.findProfile(db, unitId));
  const upcoming = await repo.listUpcomingActivities(db, unitId, now, 6);
  return {
    unit,
    profile,
    upcomingActivities: upcoming.map((a): UnitActivity => ({
      id: a.id,
      kind: a.kind,
      titleTh: a.titleTh,
      titleEn: a.titleEn,
      startsAt: iso(a.startsAt),
      endsAt: iso(a.endsAt),
      provinceCode: a.provinceCode,
      isOnline: a.onlineUrl !== null && a.onlineUrl !== '',
    })),
    abilities: abilitiesOf(actor, unitId),
  };
}

function measuresOf(
  unitId: string | null,
  targets: ReadonlyArray<{ drivingUnitId: string; measure: string; target: number }>,
  actuals: readonly repo.ActualRow[],
): MeasureResult[] {
  return UNIT_MEASURES.map((measure) => {
    const mine = <T extends { drivingUnitId: string; measure: string }>(r: T) =>
      r.measure === measure && (unitId === null || r.drivingUnitId === unitId);
    const targetRows = targets.filter(mine);
    const actual = actuals.filter(mine).reduce((sum, r) => sum + r.actual, 0);
    return {
      measure,
      target: targetRows.length === 0 ? null : targetRows.reduce((sum, r) => sum + r.target, 0),
      actual: Math.round(actual * 100) / 100,
    };
  });
}

/**
 * A unit's dashboard for a fiscal year (default: the current one): targets against actuals counted from the
 * platform's records, the profile and the staff. The unit's own staff and officers; NOT_FOUND for anyone else.
 */
export async function getUnitDashboard(
  db: Database,
  actor: Actor,
  unitId: string,
  query: FiscalYearQuery,
  now: Date,
): Promise<UnitDashboard> {
  assertManages(actor, unitId);
  const unit = await getSummaryOrThrow(db, unitId, now);
  const current = currentFiscalYear(now);
  const fiscalYear = query.fiscalYear ?? current;
  const targets = await repo.listTargets(db, fiscalYear, unitId);
  const actuals = await repo.computeActuals(db, fiscalYearSpan(fiscalYear), [unitId]);
  const staff = await repo.listStaff(db, unitId);
  return {
    unit,
    profile: toProfile(await repo.findProfile(db, unitId)),
    fiscalYear,
    currentFiscalYear: current,
    measures: measuresOf(unitId, targets, actuals),
    staff: staff.map((s): UnitStaffMember => ({
      userId: s.userId,
      name: s.name,
      email: s.email,
      grantedAt: iso(s.grantedAt),
    })),
    abilities: abilitiesOf(actor, unitId),
  };
}

/** The national roll-up for a fiscal year: every unit × every measure, and the totals (officers). */
export async function getUnitRollup(
  db: Database,
  actor: Actor,
  query: FiscalYearQuery,
  now: Date,
): Promise<UnitRollup> {
  if (!unitPolicy.viewRollup(actor)) {
    throw new AppError('FORBIDDEN');
  }
  const current = currentFiscalYear(now);
  const fiscalYear = query.fiscalYear ?? current;
  const units = await listUnitDirectory(db, now);
  const targets = await repo.listTargets(db, fiscalYear);
  const actuals = await repo.computeActuals(db, fiscalYearSpan(fiscalYear));
  return {
    fiscalYear,
    currentFiscalYear: current,
    units: units.map((unit) => ({ unit, measures: measuresOf(unit.id, targets, actuals) })),
    totals: measuresOf(null, targets, actuals),
  };
}

/**
 * Officers set a unit's targets for one fiscal year, replacing those it had; the change is audited. A measure given
 * twice is a field error. Answers with the dashboard of that year.
 */
export async function setUnitTargets(
  db: Database,
  actor: Actor,
  unitId: string,
  body: UnitTargetsBody,
  meta: RequestMeta,
  now: Date,
): Promise<UnitDashboard> {
  assertManages(actor, unitId);
  if (!unitPolicy.editTargets(actor, unitId)) {
    throw new AppError('FORBIDDEN');
  }
  const seen = new Set<UnitMeasure>();
  for (const [index, row] of body.targets.entries()) {
    if (seen.has(row.measure)) {
      throw invalidField(`body.targets.${index}.measure`, 'errors.units.DUPLICATE_MEASURE');
    }
    seen.add(row.measure);
  }
  const next = body.targets.flatMap((t) =>
    t.target === null ? [] : [{ measure: t.measure, target: t.target }],
  );
  await db.transaction(async (tx) => {
    if (!(await repo.lockDrivingUnit(tx, unitId))) {
      throw new AppError('NOT_FOUND');
    }
    const before = await repo.listTargets(tx, body.fiscalYear, unitId);
    await repo.replaceTargets(tx, unitId, body.fiscalYear, next);
    await recordAudit(tx, meta, {
      action: 'driving_unit.targets_set',
      entityType: 'driving_unit',
      entityId: unitId,
      before: {
        fiscalYear: body.fiscalYear,
        ...Object.fromEntries(before.map((t) => [t.measure, t.target])),
      },
      after: { fiscalYear: body.fiscalYear, ...Object.fromEntries(next.map((t) => [t.measure, t.target])) },
    });
  });
  return getUnitDashboard(db, actor, unitId, { fiscalYear: body.fiscalYear }, now);
}

/** The unit's staff and officers replace its profile; CONFLICT when it changed since `version` was read. */
export async function updateUnitProfile(
  db: Database,
  actor: Actor,
  unitId: string,
  body: UnitProfileBody,
  meta: RequestMeta,
): Promise<UnitProfile> {
  assertManages(actor, unitId);
  if (!unitPolicy.editProfile(actor, unitId)) {
    throw new AppError('FORBIDDEN');
  }
  const { version, ...values } = body;
  return db.transaction(async (tx) => {
    if (!(await repo.lockDrivingUnit(tx, unitId))) {
      throw new AppError('NOT_FOUND');
    }
    const current = await repo.findProfile(tx, unitId, true);
    const currentProfile = toProfile(current);
    if (currentProfile.version !== version) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', {
        currentVersion: currentProfile.version,
        current: currentProfile,
      });
    }
    const saved = current
      ? await repo.updateProfile(tx, unitId, values)
      : await repo.insertProfile(tx, unitId, values);
    const { version: _v, hostOrganisationId: _h, ...before } = currentProfile;
    await recordAudit(tx, meta, {
      action: 'driving_unit.profile_updated',
      entityType: 'driving_unit',
      entityId: unitId,
      before,
      after: values,
    });
    return toProfile(saved);
  });
}
