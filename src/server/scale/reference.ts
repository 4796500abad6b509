import { existsSync } from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { districts, impactIndicators, programmes, subdistricts } from '@server/db/schema/index';
import { seedTargetGroupFromRanks } from '@server/db/demo-seed';
import { importAdministrativeAreas, importBoundaries } from '@server/modules/geo/geo.service';
import { importIndicatorCsv } from '@server/modules/indicators/indicators.service';
import { listProvinceGroupCodes } from '@server/modules/reference/reference.service';
import { PROVINCES } from '@shared/reference/provinces';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import { THEME_CODES } from '@shared/reference/themes';
import type { Reference, ScaleContext, SubdistrictInfo } from './context';
import { zipfSampler } from './distributions';
import type { Place } from './text';

export interface ReferenceOptions {
  /** A folder in the thailand-geography-json layout; without it, places stop at the province. */
  adminDir?: string | undefined;
  boundariesFile?: string | undefined;
  /** Folder of the shipped seed files (area-indicators.csv: the poverty figures and the target group). */
  seedDir: string;
}

/**
 * Loads the reference data the generated rows point at — districts and subdistricts (the official files, through the
 * geography importer), province boundaries, the shipped poverty figures and the target province group — and reads
 * it back for the generator.
 */
export async function loadReference(ctx: ScaleContext, options: ReferenceOptions): Promise<Reference> {
  const { db } = ctx;
  if (options.adminDir && existsSync(path.join(options.adminDir, 'subdistricts.json'))) {
    const result = await importAdministrativeAreas(db, options.adminDir);
    ctx.log(`  ${result.districts} districts, ${result.subdistricts} subdistricts from ${options.adminDir}`);
  } else {
    ctx.log('  no administrative-area folder: places stop at the province (give --admin <folder>)');
  }
  if (options.boundariesFile && existsSync(options.boundariesFile)) {
    const result = await importBoundaries(db, options.boundariesFile, path.basename(options.boundariesFile));
    ctx.log(`  ${result.provinces} province boundaries`);
  }
  const csv = path.join(options.seedDir, 'area-indicators.csv');
  if (existsSync(csv)) {
    const result = await importIndicatorCsv(db, csv);
    await seedTargetGroupFromRanks(db);
    ctx.log(`  ${result.values} area-indicator figures (poverty), target province group`);
  }

  const region = ctx.size.region;
  const provinces = PROVINCES.filter((p) => region === null || p.region === region).map((p) => ({
    code: p.code,
    region: p.region,
    nameTh: p.nameTh,
    nameEn: p.nameEn,
  }));
  const inScope = new Set(provinces.map((p) => p.code));

  const districtRows = await db
    .select({ code: districts.code, nameTh: districts.nameTh, nameEn: districts.nameEn })
    .from(districts)
    .orderBy(asc(districts.code));
  const districtNames = new Map(districtRows.map((d) => [d.code, { nameTh: d.nameTh, nameEn: d.nameEn }]));
  const subdistrictRows = await db
    .select({
      code: subdistricts.code,
      districtCode: subdistricts.districtCode,
      nameTh: subdistricts.nameTh,
      nameEn: subdistricts.nameEn,
    })
    .from(subdistricts)
    .orderBy(asc(subdistricts.code));
  const subdistrictsByProvince = new Map<number, SubdistrictInfo[]>();
  for (const s of subdistrictRows) {
    const province = Math.floor(s.districtCode / 100);
    if (!inScope.has(province)) {
      continue;
    }
    const list = subdistrictsByProvince.get(province) ?? [];
    list.push(s);
    subdistrictsByProvince.set(province, list);
  }

  const groups = (await listProvinceGroupCodes(db, TARGET_GROUP_CODE)).filter((c) => inScope.has(c));
  const targetGroup = groups.length > 0 ? [...groups].sort((a, b) => a - b) : provinces.map((p) => p.code);

  const random = ctx.random.fork('reference');
  const codes = provinces.map((p) => p.code);
  // Bangkok leads when it is in scope; the order of the rest is the seed's.
  const provinceSampler = zipfSampler(random.fork('provinces'), codes, 1.0, codes.includes(10) ? [10] : []);
  const themeSampler = zipfSampler(random.fork('themes'), THEME_CODES, 0.9);

  const programmeRows = await db
    .select({ id: programmes.id, slug: programmes.slug })
    .from(programmes)
    .orderBy(asc(programmes.slug));
  const libraryRows = await db
    .select()
    .from(impactIndicators)
    .where(eq(impactIndicators.isActive, true))
    .orderBy(asc(impactIndicators.code));

  const byCode = new Map(provinces.map((p) => [p.code, p]));
  return {
    provinces,
    districtNames,
    subdistrictsByProvince,
    targetGroup,
    provinceSampler,
    themeSampler,
    programmeIds: new Map(programmeRows.map((p) => [p.slug, p.id])),
    libraryIndicators: libraryRows.map((r) => ({
      id: r.id,
      code: r.code,
      nameTh: r.nameTh,
      nameEn: r.nameEn,
      unitTh: r.unitTh,
      unitEn: r.unitEn,
      type: r.type,
      direction: r.direction,
      aggregation: r.aggregation,
      disaggregations: r.disaggregations,
      themes: r.themes,
    })),
    placeIn(random, provinceCode): Place {
      const province = byCode.get(provinceCode) ?? PROVINCES.find((p) => p.code === provinceCode);
      const list = subdistrictsByProvince.get(provinceCode);
      const base = {
        provinceCode,
        provinceTh: province?.nameTh ?? String(provinceCode),
        provinceEn: province?.nameEn ?? String(provinceCode),
      };
      if (!list || list.length === 0) {
        return {
          ...base,
          districtCode: null,
          districtTh: '',
          districtEn: '',
          subdistrictCode: null,
          subdistrictTh: '',
          subdistrictEn: '',
        };
      }
      const s = random.pick(list);
      const district = districtNames.get(s.districtCode);
      return {
        ...base,
        districtCode: s.districtCode,
        districtTh: district?.nameTh ?? '',
        districtEn: district?.nameEn ?? '',
        subdistrictCode: s.code,
        subdistrictTh: s.nameTh,
        subdistrictEn: s.nameEn,
      };
    },
  };
}
