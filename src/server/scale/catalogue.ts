import { innovationOwners, innovations, innovationSrlHistory } from '@server/db/schema/index';
import {
  innovationSearchParts,
  type InnovationSearchFields,
} from '@server/modules/innovations/innovations.search';
import type { AdoptionPackage } from '@shared/contracts/innovations';
import type { ThemeCode } from '@shared/reference/themes';
import type { Organisations, People, Reference, ScaleContext } from './context';
import { zipfSampler } from './distributions';
import type { Loader, Row, TableBuffer } from './loader';
import type { Random } from './random';
import { searchTextOf } from './search-text';
import { drawTopic, innovationText, type InnovationText, type Place } from './text';
import { addDays, atBangkok, bangkokDate, fiscalYearStart, plusDays } from './time';

/** SDGs each theme usually serves. */
const THEME_SDGS: Record<ThemeCode, number[]> = {
  environment: [13, 15, 14],
  food_water_energy: [2, 6, 7],
  government_education: [4, 16],
  finance_employment_welfare: [1, 8, 10],
  sustainable_agriculture: [2, 12, 15],
  urbanisation: [11],
  health: [3],
  tourism_culture: [8, 11],
  disaster_management: [11, 13],
};

/** A published entry adoptions can point at. */
export interface PublishedInnovation {
  id: string;
  publishedOn: string;
  provinceCode: number;
  themes: ThemeCode[];
  isDiffusionReady: boolean;
  organisationIndex: number | null;
}

export interface InnovationSeed {
  id: string;
  projectId: string | null;
  organisationIndex: number | null;
  programmeId: string | null;
  drivingUnitId: string | null;
  text: InnovationText;
  themes: ThemeCode[];
  provinceCodes: number[];
  place: Place;
  srl: number;
  /** The SRL history, oldest first. */
  history: Array<{
    srl: number;
    assessedOn: string;
    source: 'project_start' | 'project_report' | 'close_out' | 'officer';
  }>;
  status: 'draft' | 'published' | 'unpublished';
  createdAt: Date;
  publishedAt: Date | null;
  isFeatured: boolean;
  isDiffusionReady: boolean;
  staffUserId: string;
}

function adoptionPackage(random: Random, topic: InnovationText): AdoptionPackage {
  const costs = [
    {
      itemTh: 'อบรมแกนนำและทีมดูแล',
      itemEn: 'Training local leaders and the care team',
      baht: random.int(2, 8) * 10_000,
    },
    {
      itemTh: 'วัสดุและอุปกรณ์ตั้งต้น',
      itemEn: 'Starting materials and equipment',
      baht: random.int(5, 40) * 10_000,
    },
    { itemTh: 'ติดตามผลปีแรก', itemEn: 'First-year follow-up', baht: random.int(1, 5) * 10_000 },
  ];
  return {
    steps: [
      {
        titleTh: 'สำรวจความพร้อมของชุมชน',
        titleEn: 'Check the community is ready',
        detailTh: '',
        detailEn: '',
        weeks: 2,
      },
      {
        titleTh: 'อบรมแกนนำ',
        titleEn: 'Train local leaders',
        detailTh: '',
        detailEn: '',
        weeks: random.int(1, 4),
      },
      {
        titleTh: `ติดตั้งและทดลองใช้${topic.titleTh.split(' ')[0] ?? ''}`,
        titleEn: 'Set up and pilot',
        detailTh: '',
        detailEn: '',
        weeks: random.int(4, 12),
      },
      {
        titleTh: 'ถอดบทเรียนและวางแผนดูแลต่อ',
        titleEn: 'Learn lessons and plan upkeep',
        detailTh: '',
        detailEn: '',
        weeks: 2,
      },
    ],
    costs: costs.map((c) => ({ itemTh: c.itemTh, itemEn: c.itemEn, amountSatang: c.baht * 100 })),
    resourcesTh: 'คู่มือการดำเนินงาน แบบฟอร์มติดตามผล และวิดีโอสาธิต',
    resourcesEn: 'An operating manual, follow-up forms and a demonstration video',
    partnerIds: [],
  };
}

/** Buffers for catalogue entries and their owners and SRL history. */
export interface CatalogueBuffers {
  innovations: TableBuffer<typeof innovations>;
  owners: TableBuffer<typeof innovationOwners>;
  history: TableBuffer<typeof innovationSrlHistory>;
}

export function catalogueBuffers(
  loader: Loader,
  parents: CatalogueBuffers['innovations'][] = [],
): CatalogueBuffers {
  const innovationBuf = loader.table(innovations, parents);
  return {
    innovations: innovationBuf,
    owners: loader.table(innovationOwners, [innovationBuf]),
    history: loader.table(innovationSrlHistory, [innovationBuf]),
  };
}

/** The rows of one catalogue entry (pushed, not written: the caller decides when). */
export function pushInnovation(
  random: Random,
  buffers: CatalogueBuffers,
  orgs: Organisations,
  seed: InnovationSeed,
): PublishedInnovation | null {
  const ready = seed.isDiffusionReady;
  const pkg = ready ? adoptionPackage(random, seed.text) : null;
  const sdgs = [...new Set(seed.themes.flatMap((t) => THEME_SDGS[t]))].slice(0, 3);
  const organisationId = seed.organisationIndex === null ? null : (orgs.ids[seed.organisationIndex] ?? null);
  const contact = seed.organisationIndex === null ? '' : (orgs.nameTh[seed.organisationIndex] ?? '');
  const row: Row<typeof innovations> = {
    id: seed.id,
    projectId: seed.projectId,
    organisationId,
    programmeId: seed.programmeId,
    drivingUnitId: seed.drivingUnitId,
    ...seed.text,
    themes: seed.themes,
    sdgs,
    provinceCodes: seed.provinceCodes,
    originProvinceCode: seed.place.provinceCode,
    originDistrictCode: seed.place.districtCode,
    originSubdistrictCode: seed.place.subdistrictCode,
    originVillageName: villageOf(seed.place),
    srl: seed.srl,
    lessonsLearned: '',
    adoptionCostSatang: pkg ? pkg.costs.reduce((a, c) => a + c.amountSatang, 0) : null,
    adoptionRequirementsTh: ready ? 'ชุมชนมีแกนนำอย่างน้อย 5 คน และได้รับการสนับสนุนจาก อปท.' : '',
    adoptionRequirementsEn: ready ? 'At least five local leaders and support from the local government.' : '',
    contactName: contact,
    isDiffusionReady: ready,
    adoptionPackage: pkg,
    isFeatured: seed.isFeatured,
    status: seed.status,
    publishedAt: seed.publishedAt,
    publishedBy: seed.publishedAt ? seed.staffUserId : null,
    createdBy: seed.staffUserId,
    searchText: cachedInnovationSearchText(seed),
    version: seed.status === 'draft' ? 1 : 2,
    createdAt: seed.createdAt,
    updatedAt: seed.publishedAt ?? seed.createdAt,
  };
  buffers.innovations.push(row);
  if (organisationId) {
    buffers.owners.push({ innovationId: seed.id, organisationId, createdAt: seed.createdAt });
  }
  for (const h of seed.history) {
    buffers.history.push({
      id: random.uuid(),
      innovationId: seed.id,
      srl: h.srl,
      assessedOn: h.assessedOn,
      source: h.source,
      note: '',
      recordedBy: seed.staffUserId,
      createdAt: atBangkok(h.assessedOn, 15),
    });
  }
  return seed.status === 'published' && seed.publishedAt
    ? {
        id: seed.id,
        publishedOn: bangkokDate(seed.publishedAt),
        provinceCode: seed.place.provinceCode,
        themes: seed.themes,
        isDiffusionReady: ready,
        organisationIndex: seed.organisationIndex,
      }
    : null;
}

/** The entry's village of origin, as the catalogue shows it. */
function villageOf(place: Place): string {
  return place.subdistrictCode !== null ? `บ้าน${place.subdistrictTh}` : '';
}

function cachedInnovationSearchText(seed: InnovationSeed): string {
  return innovationSearchTextCached({
    ...seed.text,
    themes: seed.themes,
    originProvinceCode: seed.place.provinceCode,
    originVillageName: villageOf(seed.place),
  });
}

/**
 * The search text the application keeps for an entry (`innovationSearchText` of the innovations module: its words in
 * both languages, its themes' and province's names), segmented through the chunk cache. A unit test holds the two
 * equal.
 */
export function innovationSearchTextCached(fields: InnovationSearchFields): string {
  return searchTextOf(...innovationSearchParts(fields));
}

/**
 * Entries made by staff (not from a grant project of this data): they fill the catalogue to its size, from every
 * province and theme, most published, some featured, a fifth offered for diffusion with an adoption package.
 */
export async function generateCatalogue(
  ctx: ScaleContext,
  ref: Reference,
  people: People,
  orgs: Organisations,
  count: number,
): Promise<PublishedInnovation[]> {
  const random = ctx.random.fork('catalogue');
  const buffers = catalogueBuffers(ctx.loader);
  const published: PublishedInnovation[] = [];
  const start = atBangkok(fiscalYearStart(ctx.fiscalYearNow - ctx.size.fiscalYears + 1), 10);
  const spanDays = Math.max(1, Math.round((ctx.asOf.getTime() - start.getTime()) / 86_400_000));
  const programmes = [...ref.programmeIds.values()];
  const orgSampler = zipfSampler(
    random.fork('owners'),
    orgs.ids.map((_, i) => i),
    0.5,
  );
  const staff = [...people.officerUserIds, ...people.units.flatMap((u) => u.staffUserIds)];
  const featuredEvery = Math.max(50, Math.round(count / 200));
  for (let i = 0; i < count; i += 1) {
    const provinceCode = ref.provinceSampler.draw(random);
    const place = ref.placeIn(random, provinceCode);
    const theme = ref.themeSampler.draw(random);
    const themes = random.chance(0.3) ? [...new Set([theme, ref.themeSampler.draw(random)])] : [theme];
    const topic = drawTopic(random, theme);
    const text = innovationText(random, topic, place);
    const createdAt = plusDays(start, Math.floor(Math.sqrt(random.next()) * spanDays));
    const u = random.next();
    const status = u < 0.92 ? 'published' : u < 0.97 ? 'draft' : 'unpublished';
    const publishedAt = status === 'draft' ? null : plusDays(createdAt, random.int(1, 30));
    const srlStart = random.int(2, 5);
    const srl = Math.min(9, srlStart + random.int(0, 4));
    const created = bangkokDate(createdAt);
    const history: InnovationSeed['history'] = [
      { srl: srlStart, assessedOn: addDays(created, -random.int(200, 700)), source: 'officer' },
    ];
    if (srl !== srlStart) {
      history.push({ srl, assessedOn: created, source: 'officer' });
    }
    const seed: InnovationSeed = {
      id: random.uuid(),
      projectId: null,
      organisationIndex: random.chance(0.9) ? orgSampler.draw(random) : null,
      programmeId: random.chance(0.8) && programmes.length > 0 ? random.pick(programmes) : null,
      drivingUnitId: ref.provinces.length > 0 ? (people.areaUnitByProvince.get(provinceCode) ?? null) : null,
      text,
      themes,
      provinceCodes: [provinceCode],
      place,
      srl,
      history,
      status,
      createdAt,
      publishedAt: publishedAt && publishedAt.getTime() <= ctx.asOf.getTime() ? publishedAt : null,
      isFeatured: status === 'published' && i % featuredEvery === 0,
      isDiffusionReady: status === 'published' && random.chance(0.2),
      staffUserId: staff.length > 0 ? random.pick(staff) : people.adminUserId,
    };
    if (seed.status !== 'draft' && !seed.publishedAt) {
      seed.status = 'draft';
    }
    const entry = pushInnovation(random, buffers, orgs, seed);
    if (entry) {
      published.push(entry);
    }
    if (buffers.innovations.size >= ctx.loader.batchRows) {
      await flushCatalogue(buffers);
    }
  }
  await flushCatalogue(buffers);
  return published;
}

export async function flushCatalogue(buffers: CatalogueBuffers): Promise<void> {
  await buffers.innovations.flushInBatches();
  await buffers.owners.flushInBatches();
  await buffers.history.flushInBatches();
}
