import path from 'node:path';
import { z } from 'zod';
import type { GeoJsonGeometry } from '@server/db/schema/index';
import { ImportFileError, readImportFile, type ImportProblem } from '@server/lib/import-error';
import type { AreaRow } from './geo.repo';

const codeField = z.coerce.number().int();
const nameField = z.string().trim().min(1).max(200);
const postalField = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{5}$/.test(v), 'a postal code has five digits')
  .nullish();

const ProvinceFileRow = z.object({
  provinceCode: codeField.refine((c) => c >= 10 && c <= 99, 'a province code has two digits'),
  provinceNameTh: nameField,
  provinceNameEn: nameField,
});
const DistrictFileRow = z.object({
  provinceCode: codeField,
  districtCode: codeField.refine((c) => c >= 1000 && c <= 9999, 'a district code has four digits'),
  districtNameTh: nameField,
  districtNameEn: nameField,
  postalCode: postalField,
});
const SubdistrictFileRow = z.object({
  provinceCode: codeField,
  districtCode: codeField,
  subdistrictCode: codeField.refine((c) => c >= 100000 && c <= 999999, 'a subdistrict code has six digits'),
  subdistrictNameTh: nameField,
  subdistrictNameEn: nameField,
  postalCode: postalField,
});

export interface AdminFolderContent {
  provinceCodes: number[];
  districts: AreaRow[];
  subdistricts: AreaRow[];
}

async function readJsonArray(file: string): Promise<unknown[]> {
  const text = await readImportFile(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(file, null, `is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) {
    throw new ImportFileError(file, null, 'must hold a JSON array of rows');
  }
  return parsed as unknown[];
}

function parseRows<T>(file: string, rows: unknown[], schema: z.ZodType<T>): T[] {
  return rows.map((row, index) => {
    const result = schema.safeParse(row);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || 'row';
      throw new ImportFileError(file, index + 1, `${field}: ${issue?.message ?? 'invalid'}`);
    }
    return result.data;
  });
}

function assertUnique(file: string, codes: number[]) {
  const seen = new Set<number>();
  codes.forEach((code, index) => {
    if (seen.has(code)) {
      throw new ImportFileError(file, index + 1, `duplicate code ${code}`);
    }
    seen.add(code);
  });
}

/**
 * Reads and checks an administrative-area folder in the thailand-geography-json layout: `provinces.json`,
 * `districts.json` and `subdistricts.json`, each a JSON array (see the README). Every district must sit in a listed
 * province and carry its code as prefix, every subdistrict likewise in a listed district.
 */
export async function readAdminFolder(
  folder: string,
  knownProvinceCodes: Set<number>,
): Promise<AdminFolderContent> {
  const provincesFile = path.join(folder, 'provinces.json');
  const districtsFile = path.join(folder, 'districts.json');
  const subdistrictsFile = path.join(folder, 'subdistricts.json');

  const provinceRows = parseRows(provincesFile, await readJsonArray(provincesFile), ProvinceFileRow);
  assertUnique(
    provincesFile,
    provinceRows.map((r) => r.provinceCode),
  );
  provinceRows.forEach((row, index) => {
    if (!knownProvinceCodes.has(row.provinceCode)) {
      throw new ImportFileError(provincesFile, index + 1, `unknown province code ${row.provinceCode}`);
    }
  });
  const provinceCodes = new Set(provinceRows.map((r) => r.provinceCode));

  const districtRows = parseRows(districtsFile, await readJsonArray(districtsFile), DistrictFileRow);
  assertUnique(
    districtsFile,
    districtRows.map((r) => r.districtCode),
  );
  districtRows.forEach((row, index) => {
    if (!provinceCodes.has(row.provinceCode)) {
      throw new ImportFileError(
        districtsFile,
        index + 1,
        `provinceCode ${row.provinceCode} is not in ${path.basename(provincesFile)}`,
      );
    }
    if (Math.floor(row.districtCode / 100) !== row.provinceCode) {
      throw new ImportFileError(
        districtsFile,
        index + 1,
        `districtCode ${row.districtCode} does not start with its provinceCode ${row.provinceCode}`,
      );
    }
  });
  const districtCodes = new Set(districtRows.map((r) => r.districtCode));

  const subdistrictRows = parseRows(
    subdistrictsFile,
    await readJsonArray(subdistrictsFile),
    SubdistrictFileRow,
  );
  assertUnique(
    subdistrictsFile,
    subdistrictRows.map((r) => r.subdistrictCode),
  );
  subdistrictRows.forEach((row, index) => {
    if (!districtCodes.has(row.districtCode)) {
      throw new ImportFileError(
        subdistrictsFile,
        index + 1,
        `districtCode ${row.districtCode} is not in ${path.basename(districtsFile)}`,
      );
    }
    if (Math.floor(row.subdistrictCode / 100) !== row.districtCode) {
      throw new ImportFileError(
        subdistrictsFile,
        index + 1,
        `subdistrictCode ${row.subdistrictCode} does not start with its districtCode ${row.districtCode}`,
      );
    }
  });

  return {
    provinceCodes: [...provinceCodes],
    districts: districtRows.map((r) => ({
      code: r.districtCode,
      parentCode: r.provinceCode,
      nameTh: r.districtNameTh,
      nameEn: r.districtNameEn,
      postalCode: r.postalCode ?? null,
    })),
    subdistricts: subdistrictRows.map((r) => ({
      code: r.subdistrictCode,
      parentCode: r.districtCode,
      nameTh: r.subdistrictNameTh,
      nameEn: r.subdistrictNameEn,
      postalCode: r.postalCode ?? null,
    })),
  };
}

const Position = z.array(z.number().finite()).min(2).max(3);
const Ring = z.array(Position).min(4);
const GeometryInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
const FeatureInput = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  geometry: GeometryInput,
});

/** The province code of a boundary feature: `properties.code`, an HDX `ADM1_PCODE` ("TH10"), or the feature id. */
function featureProvinceCode(feature: z.infer<typeof FeatureInput>): number | null {
  const props = feature.properties ?? {};
  const candidates: unknown[] = [
    props.code,
    props.province_code,
    props.provinceCode,
    props.ADM1_PCODE,
    feature.id,
  ];
  for (const candidate of candidates) {
    if (typeof candidate === 'number' && Number.isInteger(candidate)) {
      return candidate;
    }
    if (typeof candidate === 'string') {
      const match = /^(?:TH-?)?(\d{2})$/.exec(candidate.trim());
      if (match?.[1]) {
        return Number(match[1]);
      }
    }
  }
  return null;
}

const fileProblem = (key: string): ImportProblem => ({ line: null, feature: null, field: 'file', key });

/** The features of a GeoJSON FeatureCollection text, or why the text is not one. */
export function readFeatureCollection(text: string): { features: unknown[] } | { problem: ImportProblem } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: fileProblem('dataImports.errors.NOT_JSON') };
  }
  const collection = z
    .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).min(1) })
    .safeParse(parsed);
  return collection.success
    ? { features: collection.data.features }
    : { problem: fileProblem('dataImports.errors.NOT_FEATURE_COLLECTION') };
}

export interface BoundaryFileContent {
  /** Features read. */
  rowsRead: number;
  features: Array<{ code: number; geometry: GeoJsonGeometry }>;
  /** Every problem found, by feature (1-based); when there is any, nothing of the file may be written. */
  problems: ImportProblem[];
}

/**
 * Reads a GeoJSON FeatureCollection of province polygons keyed by province code, checking every feature and
 * reporting each problem with the feature's position; `onChecked(done, total)` is awaited after each feature.
 */
export async function parseBoundaryGeoJson(
  text: string,
  knownProvinceCodes: Set<number>,
  onChecked?: (done: number, total: number) => Promise<void>,
): Promise<BoundaryFileContent> {
  const collection = readFeatureCollection(text);
  if ('problem' in collection) {
    return { rowsRead: 0, features: [], problems: [collection.problem] };
  }
  const problems: ImportProblem[] = [];
  const features: BoundaryFileContent['features'] = [];
  const seen = new Map<number, number>();
  const total = collection.features.length;
  for (const [index, raw] of collection.features.entries()) {
    const position = index + 1;
    const problem = (field: string, key: string, params?: Record<string, unknown>) =>
      problems.push({ line: null, feature: position, field, key, ...(params ? { params } : {}) });
    const feature = FeatureInput.safeParse(raw);
    if (!feature.success) {
      const path = feature.error.issues[0]?.path ?? [];
      problem(
        path.length > 0 ? path.join('.') : 'feature',
        path[0] === 'geometry' ? 'dataImports.problems.geometry' : 'dataImports.problems.feature',
      );
    } else {
      const code = featureProvinceCode(feature.data);
      const earlier = code === null ? undefined : seen.get(code);
      if (code === null) {
        problem('properties.code', 'dataImports.problems.featureCode');
      } else if (!knownProvinceCodes.has(code)) {
        problem('properties.code', 'dataImports.problems.provinceUnknown', { code });
      } else if (earlier !== undefined) {
        problem('properties.code', 'dataImports.problems.duplicateFeature', { code, feature: earlier });
      } else {
        seen.set(code, position);
        features.push({ code, geometry: feature.data.geometry });
      }
    }
    await onChecked?.(position, total);
  }
  return { rowsRead: total, features, problems };
}
