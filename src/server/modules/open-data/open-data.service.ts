import type { Database } from '@server/db/client';
import { rollUp } from '@server/modules/impact/impact-reports.service';
import type { BeneficiaryCount } from '@shared/contracts/diffusion';
import {
  OPEN_DATA_API_VERSION,
  OPEN_DATA_BASE_PATH,
  OPEN_DATA_LICENCE,
  OPEN_DATASETS,
  type OpenCatalogue,
  type OpenDatasetDefinition,
  type OpenDatasetName,
  type OpenDictionary,
  type OpenPage,
  type OpenPageQuery,
  type OpenRecord,
} from '@shared/contracts/open-data';
import { projectRecord, redactNullable, redactPersonalText } from './open-data.formats';
import * as repo from './open-data.repo';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
const bangkokDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** The calendar date (YYYY-MM-DD) of an instant in Bangkok. */
const dateInBangkok = (value: Date | string) => bangkokDate.format(new Date(value));
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

// ---- Row → record (each dataset's own mapping; the repo chose the columns, the dictionary cuts the rest) ---------

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

function callRecords(rows: Rows<typeof repo.listCalls>): Array<OpenRecord<'calls'>> {
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    fiscalYear: r.fiscalYear,
    programmeSlug: r.programmeSlug,
    programmeNameTh: r.programmeNameTh,
    programmeNameEn: r.programmeNameEn,
    titleTh: redactPersonalText(r.titleTh),
    titleEn: redactPersonalText(r.titleEn),
    descriptionTh: redactPersonalText(r.descriptionTh),
    descriptionEn: redactPersonalText(r.descriptionEn),
    opensAt: iso(r.opensAt),
    closesAt: iso(r.closesAt),
    stageMode: r.stageMode,
    totalBudgetSatang: r.totalBudgetSatang,
    minGrantSatang: r.minGrantSatang,
    maxGrantSatang: r.maxGrantSatang,
    status: r.status,
    publishedAt: isoOrNull(r.publishedAt),
    problemStatementCount: Number(r.problemStatementCount),
  }));
}

function awardRecords(rows: Rows<typeof repo.listAwards>): Array<OpenRecord<'awards'>> {
  return rows.map((r) => ({
    decisionId: r.decisionId,
    receiptNumber: r.receiptNumber,
    callCode: r.callCode,
    callTitleTh: redactPersonalText(r.callTitleTh),
    callTitleEn: redactPersonalText(r.callTitleEn),
    programmeSlug: r.programmeSlug,
    fiscalYear: r.fiscalYear,
    proposalTitleTh: redactPersonalText(r.proposalTitleTh),
    proposalTitleEn: redactPersonalText(r.proposalTitleEn),
    organisationNameTh: r.organisationNameTh,
    organisationNameEn: r.organisationNameEn,
    organisationType: r.organisationType,
    provinceCodes: r.provinceCodes,
    themes: r.themes,
    amountSatang: r.amountSatang ?? 0,
    decidedOn: dateInBangkok(r.decidedAt),
    announcedOn: dateInBangkok(r.notifiedAt ?? r.decidedAt),
  }));
}

function projectRecords(rows: Rows<typeof repo.listProjects>): Array<OpenRecord<'projects'>> {
  return rows.map((r) => ({
    id: r.id,
    agreementNumber: r.agreementNumber,
    titleTh: redactPersonalText(r.titleTh),
    titleEn: redactPersonalText(r.titleEn),
    fiscalYear: r.fiscalYear,
    programmeSlug: r.programmeSlug,
    callCode: r.callCode,
    organisationNameTh: r.organisationNameTh,
    organisationNameEn: r.organisationNameEn,
    drivingUnitNameTh: r.drivingUnitNameTh,
    drivingUnitNameEn: r.drivingUnitNameEn,
    provinceCodes: r.provinceCodes,
    themes: r.themes,
    awardSatang: r.awardSatang,
    paidSatang: Number(r.paidSatang),
    status: r.status,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    srlStart: r.srlStart,
    srlTarget: r.srlTarget,
    innovationId: r.innovationId,
  }));
}

function innovationRecords(rows: Rows<typeof repo.listInnovations>): Array<OpenRecord<'innovations'>> {
  return rows.map((r) => ({
    id: r.id,
    titleTh: redactPersonalText(r.titleTh),
    titleEn: redactPersonalText(r.titleEn),
    summaryTh: redactPersonalText(r.summaryTh),
    summaryEn: redactPersonalText(r.summaryEn),
    problemTh: redactPersonalText(r.problemTh),
    problemEn: redactPersonalText(r.problemEn),
    solutionTh: redactPersonalText(r.solutionTh),
    solutionEn: redactPersonalText(r.solutionEn),
    programmeSlug: r.programmeSlug,
    ownerOrganisationNameTh: r.ownerOrganisationNameTh,
    ownerOrganisationNameEn: r.ownerOrganisationNameEn,
    themes: r.themes,
    sdgs: r.sdgs,
    srl: r.srl,
    provinceCodes: r.provinceCodes,
    originProvinceCode: r.originProvinceCode,
    originDistrictCode: r.originDistrictCode,
    originSubdistrictCode: r.originSubdistrictCode,
    isDiffusionReady: r.isDiffusionReady,
    adoptionCostSatang: r.adoptionCostSatang,
    adoptionCount: Number(r.adoptionCount),
    publishedAt: isoOrNull(r.publishedAt),
    url: `/innovations/${r.id}`,
  }));
}

const sumOf = (counts: readonly BeneficiaryCount[], group?: string) =>
  counts.filter((c) => group === undefined || c.group === group).reduce((total, c) => total + c.count, 0);

function adoptionRecords(rows: Rows<typeof repo.listAdoptions>): Array<OpenRecord<'adoptions'>> {
  return rows.map((r) => ({
    id: r.id,
    innovationId: r.innovationId,
    innovationTitleTh: redactPersonalText(r.innovationTitleTh),
    innovationTitleEn: redactPersonalText(r.innovationTitleEn),
    provinceCode: r.provinceCode,
    districtCode: r.districtCode,
    subdistrictCode: r.subdistrictCode,
    villageNameTh: redactNullable(r.villageNameTh),
    adopterName: redactPersonalText(r.adopterName),
    adopterType: r.adopterType,
    diffusionPartnerName: r.diffusionPartnerName === '' ? null : redactPersonalText(r.diffusionPartnerName),
    status: r.status,
    interestedOn: r.interestedOn,
    adoptedOn: r.adoptedOn,
    statusOn: r.statusOn,
    beneficiaryTotal: sumOf(r.beneficiaries),
    poorHouseholdBeneficiaries: sumOf(r.beneficiaries, 'poor_households'),
    localFundingSatang: r.localFundingSatang,
  }));
}

type IndicatorValueRow = Rows<typeof repo.listVerifiedIndicatorValues>[number];

/**
 * Verified values summed by province, fiscal year and indicator (the same rules as the impact portfolio): one figure
 * per project and indicator, rolled up over its periods by the indicator's aggregation; a project working in several
 * provinces shares its figure equally among them (a `mean` indicator's figure counts whole in each), a project with no
 * province counts under province null; then across projects: added (`mean`: averaged). Indicators of one code with
 * different units or aggregations are never added together. Rows come ordered by indicator and period.
 */
export function sumIndicatorValues(rows: readonly IndicatorValueRow[]): Array<OpenRecord<'indicator-sums'>> {
  const perProjectIndicator = new Map<string, IndicatorValueRow[]>();
  for (const row of rows) {
    const list = perProjectIndicator.get(row.projectIndicatorId) ?? [];
    list.push(row);
    perProjectIndicator.set(row.projectIndicatorId, list);
  }
  const groups = new Map<
    string,
    {
      first: IndicatorValueRow;
      provinceCode: number | null;
      shares: number[];
      projects: Set<string>;
      values: number;
    }
  >();
  for (const list of perProjectIndicator.values()) {
    const first = list[0];
    const figure = first
      ? rollUp(
          list.map((r) => r.value),
          first.aggregation,
        )
      : null;
    if (!first || figure === null) {
      continue;
    }
    const places: Array<number | null> =
      first.provinceCodes.length > 0 ? [...new Set(first.provinceCodes)] : [null];
    const share = first.aggregation === 'mean' ? figure : figure / places.length;
    for (const provinceCode of places) {
      const key = JSON.stringify([
        provinceCode,
        first.fiscalYear,
        first.indicatorCode,
        first.unitTh,
        first.unitEn,
        first.aggregation,
      ]);
      const group = groups.get(key) ?? { first, provinceCode, shares: [], projects: new Set(), values: 0 };
      group.shares.push(share);
      group.projects.add(first.projectId);
      group.values += list.length;
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map(({ first, provinceCode, shares, projects, values }) => ({
      provinceCode,
      fiscalYear: first.fiscalYear,
      indicatorCode: first.indicatorCode,
      indicatorNameTh: first.indicatorNameTh,
      indicatorNameEn: first.indicatorNameEn,
      unitTh: first.unitTh,
      unitEn: first.unitEn,
      aggregation: first.aggregation,
      value: round4(rollUp(shares, first.aggregation === 'mean' ? 'mean' : 'sum') ?? 0),
      projectCount: projects.size,
      valueCount: values,
    }))
    .sort(
      (a, b) =>
        (a.provinceCode ?? 0) - (b.provinceCode ?? 0) ||
        a.fiscalYear - b.fiscalYear ||
        a.indicatorCode.localeCompare(b.indicatorCode) ||
        a.unitTh.localeCompare(b.unitTh) ||
        a.aggregation.localeCompare(b.aggregation),
    );
}

function areaIndicatorRecords(
  rows: Rows<typeof repo.listAreaIndicators>,
): Array<OpenRecord<'area-indicators'>> {
  return rows.map((r) => ({
    indicatorCode: r.indicatorCode,
    indicatorNameTh: r.indicatorNameTh,
    indicatorNameEn: r.indicatorNameEn,
    provinceCode: r.provinceCode,
    provinceNameTh: r.provinceNameTh,
    provinceNameEn: r.provinceNameEn,
    year: r.year,
    value: r.value,
    unit: r.unit,
    higherIsNeedier: r.higherIsNeedier !== 0,
    sourceUrl: r.sourceUrl,
  }));
}

// ---- Datasets -----------------------------------------------------------------------------------------------------

interface DatasetSource {
  /** A window of the records (all with null), in the dataset's stable order. */
  records(db: Database, window: repo.Window): Promise<object[]>;
  stats(db: Database): Promise<repo.DatasetStats>;
}

async function indicatorSums(db: Database) {
  return sumIndicatorValues(await repo.listVerifiedIndicatorValues(db));
}

const SOURCES: Record<OpenDatasetName, DatasetSource> = {
  calls: {
    records: async (db, window) => callRecords(await repo.listCalls(db, window)),
    stats: repo.callStats,
  },
  awards: {
    records: async (db, window) => awardRecords(await repo.listAwards(db, window)),
    stats: repo.awardStats,
  },
  projects: {
    records: async (db, window) => projectRecords(await repo.listProjects(db, window)),
    stats: repo.projectStats,
  },
  innovations: {
    records: async (db, window) => innovationRecords(await repo.listInnovations(db, window)),
    stats: repo.innovationStats,
  },
  adoptions: {
    records: async (db, window) => adoptionRecords(await repo.listAdoptions(db, window)),
    stats: repo.adoptionStats,
  },
  'indicator-sums': {
    // Aggregates are computed whole, then sliced: there are few of them (provinces × years × indicators).
    records: async (db, window) => {
      const all = await indicatorSums(db);
      return window ? all.slice(window.offset, window.offset + window.limit) : all;
    },
    stats: async (db) => {
      const [all, updatedAt] = await Promise.all([indicatorSums(db), repo.indicatorValuesUpdatedAt(db)]);
      return { count: all.length, updatedAt };
    },
  },
  'area-indicators': {
    records: async (db, window) => areaIndicatorRecords(await repo.listAreaIndicators(db, window)),
    stats: repo.areaIndicatorStats,
  },
};

/** The paths of a dataset's records, dictionary and bulk files. */
export function datasetLinks(name: OpenDatasetName) {
  const base = `${OPEN_DATA_BASE_PATH}/datasets/${name}`;
  return { records: base, dictionary: `${base}/dictionary`, csv: `${base}.csv`, json: `${base}.json` };
}

/** The catalogue: every dataset with its licence, version, record count and when it last changed. */
export async function getCatalogue(db: Database): Promise<OpenCatalogue> {
  const datasets = [];
  // One after the other: PGlite serves one query at a time anyway, and a server pool is spared a burst.
  for (const def of OPEN_DATASETS) {
    const stats = await SOURCES[def.name].stats(db);
    datasets.push({
      name: def.name,
      titleTh: def.titleTh,
      titleEn: def.titleEn,
      descriptionTh: def.descriptionTh,
      descriptionEn: def.descriptionEn,
      version: def.version,
      recordCount: stats.count,
      updatedAt: stats.updatedAt,
      fieldCount: def.fields.length,
      licence: { ...OPEN_DATA_LICENCE },
      links: datasetLinks(def.name),
    });
  }
  return { apiVersion: OPEN_DATA_API_VERSION, licence: { ...OPEN_DATA_LICENCE }, datasets };
}

/** A dataset's data dictionary: each field's name, type, whether it may be empty, and its meaning in Thai and English. */
export function getDictionary(def: OpenDatasetDefinition): OpenDictionary {
  return { name: def.name, version: def.version, fields: def.fields.map((f) => ({ ...f })) };
}

/** One page of a dataset's records (page numbers from 1; a page past the end is empty). */
export async function listRecords(
  db: Database,
  def: OpenDatasetDefinition,
  query: OpenPageQuery,
): Promise<{ data: Array<Record<string, unknown>>; page: OpenPage }> {
  const source = SOURCES[def.name];
  const { count } = await source.stats(db);
  const offset = (query.page - 1) * query.pageSize;
  const rows = offset < count ? await source.records(db, { limit: query.pageSize, offset }) : [];
  const totalPages = Math.ceil(count / query.pageSize);
  return {
    data: rows.map((row) => projectRecord(def, row)),
    page: {
      page: query.page,
      pageSize: query.pageSize,
      totalRecords: count,
      totalPages,
      next:
        query.page < totalPages
          ? `${datasetLinks(def.name).records}?page=${query.page + 1}&pageSize=${query.pageSize}`
          : null,
    },
  };
}

/** Every record of a dataset, for the bulk downloads. */
export async function listAllRecords(db: Database, def: OpenDatasetDefinition): Promise<object[]> {
  return SOURCES[def.name].records(db, null);
}
