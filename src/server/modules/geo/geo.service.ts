import type { Database, DbOrTx } from '@server/db/client';
import { notFound } from '@server/lib/errors';
import type { RequestMeta } from '@server/lib/authz';
import { importFileErrorOf, readImportFile, type ImportProblem } from '@server/lib/import-error';
import { recordAudit } from '@server/modules/audit/audit.service';
import { PROVINCES } from '@shared/reference/provinces';
import { REGIONS } from '@shared/reference/regions';
import type {
  BoundaryFeatureCollection,
  District,
  Province,
  ProvinceDetail,
  ProvinceListQuery,
  Region,
  Subdistrict,
} from '@shared/contracts/geo';
import * as repo from './geo.repo';
import { parseBoundaryGeoJson, readAdminFolder, readFeatureCollection } from './geo.import';

type ProvinceRow = Awaited<ReturnType<typeof repo.listProvinces>>[number];

function toProvince(row: ProvinceRow): Province {
  return {
    code: row.code,
    iso: `TH-${row.code}`,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    regionCode: row.regionCode as Province['regionCode'],
    districtCount: Number(row.districtCount),
    subdistrictCount: Number(row.subdistrictCount),
    hasBoundary: Boolean(row.hasBoundary),
    targetRank: row.isTarget ? (row.targetRank ?? 0) : null,
  };
}

/** Writes the regions and the 77 provinces kept in the project as facts (idempotent). */
export async function syncGeoReference(db: DbOrTx): Promise<void> {
  await repo.upsertRegions(
    db,
    REGIONS.map((r, index) => ({ code: r.code, nameTh: r.nameTh, nameEn: r.nameEn, sortOrder: index + 1 })),
  );
  await repo.upsertProvinces(
    db,
    PROVINCES.map((p) => ({ code: p.code, regionCode: p.region, nameTh: p.nameTh, nameEn: p.nameEn })),
  );
}

export async function listRegions(db: Database): Promise<Region[]> {
  const rows = await repo.listRegions(db);
  return rows.map((r) => ({ ...r, code: r.code as Region['code'], provinceCount: Number(r.provinceCount) }));
}

export async function listProvinces(db: Database, query: ProvinceListQuery): Promise<Province[]> {
  const rows = await repo.listProvinces(db, { regionCode: query.region });
  return rows.map(toProvince);
}

export async function getProvinceOrThrow(db: Database, code: number): Promise<ProvinceDetail> {
  const row = await repo.findProvince(db, code);
  if (!row) {
    throw notFound('province', code);
  }
  return {
    ...toProvince(row),
    region: {
      code: row.regionCode as Province['regionCode'],
      nameTh: row.regionNameTh,
      nameEn: row.regionNameEn,
    },
  };
}

export async function listDistrictsOfProvince(db: Database, provinceCode: number): Promise<District[]> {
  await getProvinceOrThrow(db, provinceCode);
  const rows = await repo.listDistricts(db, provinceCode);
  return rows.map((r) => ({ ...r, subdistrictCount: Number(r.subdistrictCount) }));
}

export async function listSubdistrictsOfDistrict(db: Database, districtCode: number): Promise<Subdistrict[]> {
  if (!(await repo.districtExists(db, districtCode))) {
    throw notFound('district', districtCode);
  }
  return repo.listSubdistricts(db, districtCode);
}

export async function getBoundaries(db: Database): Promise<BoundaryFeatureCollection> {
  const rows = await repo.listBoundaries(db);
  return {
    type: 'FeatureCollection',
    features: rows.flatMap((r) =>
      r.boundary
        ? [
            {
              type: 'Feature' as const,
              id: r.code,
              properties: { code: r.code, nameTh: r.nameTh, nameEn: r.nameEn },
              geometry: r.boundary,
            },
          ]
        : [],
    ),
  };
}

export interface AdminImportResult {
  provinces: number;
  districts: number;
  subdistricts: number;
}

/**
 * Imports districts and subdistricts from a folder in the thailand-geography-json layout. The whole file set is
 * checked before anything is written, and written in one transaction: a re-import updates rows, never duplicates.
 */
export async function importAdministrativeAreas(db: Database, folder: string): Promise<AdminImportResult> {
  const known = await repo.listProvinceCodes(db);
  const content = await readAdminFolder(folder, known);
  await db.transaction(async (tx) => {
    await repo.upsertDistricts(tx, content.districts);
    await repo.upsertSubdistricts(tx, content.subdistricts);
  });
  return {
    provinces: content.provinceCodes.length,
    districts: content.districts.length,
    subdistricts: content.subdistricts.length,
  };
}

/** What a boundary import did, or why it did nothing. */
export interface BoundaryImportResult {
  outcome: 'imported' | 'rejected';
  /** Features read. */
  rowsRead: number;
  /** Provinces whose boundary was written (0 when rejected). */
  provinces: number;
  /** Every problem found; any problem means nothing was written. */
  problems: ImportProblem[];
}

/**
 * Imports province polygons from a GeoJSON FeatureCollection given as text: every feature is checked first (each
 * problem reported with its position), then, only when none failed, all are written in one transaction. `onProgress`
 * is awaited after each feature checked and around the write (never inside the transaction); `audit`, when given,
 * records the import in the same transaction.
 */
export async function importBoundaryGeoJson(
  db: Database,
  text: string,
  options: {
    source: string;
    onProgress?: (done: number, total: number, stepKey: string) => Promise<void>;
    audit?: { meta: RequestMeta; entityId: string };
  },
): Promise<BoundaryImportResult> {
  const { onProgress } = options;
  // reading, one step per feature, writing
  const stepsOf = (features: number) => features + 2;
  await onProgress?.(0, stepsOf(1), 'dataImports.steps.reading');
  const known = await repo.listProvinceCodes(db);
  const content = await parseBoundaryGeoJson(text, known, (done, total) =>
    onProgress
      ? onProgress(1 + done, stepsOf(total), 'dataImports.steps.checkingFeatures')
      : Promise.resolve(),
  );
  if (content.problems.length > 0) {
    return { outcome: 'rejected', rowsRead: content.rowsRead, provinces: 0, problems: content.problems };
  }
  const total = stepsOf(content.rowsRead);
  await onProgress?.(total - 1, total, 'dataImports.steps.writing');
  await db.transaction(async (tx) => {
    for (const feature of content.features) {
      await repo.setProvinceBoundary(tx, feature.code, feature.geometry, options.source);
    }
    if (options.audit) {
      await recordAudit(tx, options.audit.meta, {
        action: 'province_boundaries.imported',
        entityType: 'data_import',
        entityId: options.audit.entityId,
        after: { source: options.source, provinces: content.features.map((f) => f.code) },
      });
    }
  });
  await onProgress?.(total, total, 'dataImports.steps.done');
  return {
    outcome: 'imported',
    rowsRead: content.rowsRead,
    provinces: content.features.length,
    problems: [],
  };
}

/**
 * Imports province polygons from a GeoJSON file (the command line and the demo content); all or nothing: a bad
 * feature throws an ImportFileError naming the first problem's feature.
 */
export async function importBoundaries(
  db: Database,
  file: string,
  source: string,
): Promise<{ provinces: number }> {
  const result = await importBoundaryGeoJson(db, await readImportFile(file), { source });
  if (result.outcome === 'rejected') {
    throw importFileErrorOf(file, result.problems);
  }
  return { provinces: result.provinces };
}

/** Why a text is not a GeoJSON FeatureCollection, or null: a quick check of an upload. */
export function checkBoundaryGeoJson(text: string): ImportProblem | null {
  const collection = readFeatureCollection(text);
  return 'problem' in collection ? collection.problem : null;
}

/** How many provinces have a boundary, by the file it came from. */
export async function summariseBoundaries(db: Database): Promise<{
  provinces: number;
  withBoundary: number;
  sources: Array<{ source: string; provinces: number }>;
}> {
  const [counts, sources] = await Promise.all([
    repo.countAdministrativeAreas(db),
    repo.listBoundarySources(db),
  ]);
  return {
    provinces: Number(counts.provinces),
    withBoundary: sources.reduce((n, s) => n + Number(s.provinces), 0),
    sources: sources.map((s) => ({ source: s.source, provinces: Number(s.provinces) })),
  };
}

export async function countAdministrativeAreas(db: Database) {
  return repo.countAdministrativeAreas(db);
}

/** The codes of the provinces in the database, for other modules' checks. */
export async function listProvinceCodes(db: Database): Promise<Set<number>> {
  return repo.listProvinceCodes(db);
}

/**
 * Checks that a province / district / subdistrict triple exists and nests (district in province, subdistrict in
 * district). Returns the fields at fault, empty when all is well.
 */
/** A problem with one area field: a catalogue key and its parameters. */
export interface AreaProblem {
  field: string;
  key: string;
  params: Record<string, unknown>;
}

function isSet(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

export async function findAreaProblems(
  db: DbOrTx,
  codes: { provinceCode?: number | null; districtCode?: number | null; subdistrictCode?: number | null },
): Promise<AreaProblem[]> {
  const problems: AreaProblem[] = [];
  const { provinceCode, districtCode, subdistrictCode } = codes;
  if (isSet(provinceCode) && !(await repo.listProvinceCodes(db)).has(provinceCode)) {
    problems.push({ field: 'provinceCode', key: 'errors.UNKNOWN_PROVINCE', params: { code: provinceCode } });
  }
  if (isSet(districtCode)) {
    if (!(await repo.districtExists(db, districtCode))) {
      problems.push({
        field: 'districtCode',
        key: 'errors.UNKNOWN_DISTRICT',
        params: { code: districtCode },
      });
    } else if (!isSet(provinceCode) || Math.floor(districtCode / 100) !== provinceCode) {
      problems.push({
        field: 'districtCode',
        key: 'errors.DISTRICT_NOT_IN_PROVINCE',
        params: { district: districtCode, province: provinceCode ?? '–' },
      });
    }
  }
  if (isSet(subdistrictCode)) {
    if (!isSet(districtCode) || Math.floor(subdistrictCode / 100) !== districtCode) {
      problems.push({
        field: 'subdistrictCode',
        key: 'errors.SUBDISTRICT_NOT_IN_DISTRICT',
        params: { subdistrict: subdistrictCode, district: districtCode ?? '–' },
      });
    } else if (!(await repo.listSubdistricts(db, districtCode)).some((s) => s.code === subdistrictCode)) {
      problems.push({
        field: 'subdistrictCode',
        key: 'errors.UNKNOWN_SUBDISTRICT',
        params: { code: subdistrictCode },
      });
    }
  }
  return problems;
}
