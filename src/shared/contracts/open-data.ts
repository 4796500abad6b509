import { z } from 'zod';

/**
 * Open data (ข้อมูลเปิด): a versioned, read-only public API and bulk downloads of the platform's public datasets.
 *
 * Every dataset is defined here once, as a list of fields: that list is the data dictionary, the record schema of
 * the API (OpenAPI), the columns of the CSV and the keys of the JSON, in that order. The server builds each record
 * from an explicit whitelist of columns and keeps only these fields, so nothing else (and no personal data: names of
 * people, emails, phones, national ids, user ids, addresses of people, reviewers, contacts) can leak into it.
 */

/** The version of the API and of every dataset's schema; a breaking change makes a new version (v2). */
export const OPEN_DATA_API_VERSION = 'v1';
export const OPEN_DATA_BASE_PATH = `/api/open/${OPEN_DATA_API_VERSION}`;

/** Paging: `page` (from 1) and `pageSize` (1–500, default 100), ordered by each dataset's stable key. */
export const OPEN_DATA_LIMITS = {
  pageSizeDefault: 100,
  pageSizeMax: 500,
  pageMax: 1_000_000,
  /** Requests per minute and client IP on every open-data route. */
  requestsPerMinute: 120,
} as const;

/** The licence of every dataset and the attribution a re-user gives (no commas: it heads CSV files as a comment). */
export const OPEN_DATA_LICENCE = {
  code: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attributionTh:
    'ที่มา: แพลตฟอร์มนวัตกรรมเพื่อสังคม สำนักงานนวัตกรรมแห่งชาติ (องค์การมหาชน) เผยแพร่ภายใต้สัญญาอนุญาตครีเอทีฟคอมมอนส์แบบแสดงที่มา 4.0 (CC BY 4.0)',
  attributionEn:
    'Source: SI Platform of the National Innovation Agency (Public Organization) Thailand — licensed under Creative Commons Attribution 4.0 (CC BY 4.0)',
} as const;

export const OPEN_DATASET_NAMES = [
  'calls',
  'awards',
  'projects',
  'innovations',
  'adoptions',
  'indicator-sums',
  'area-indicators',
] as const;
export type OpenDatasetName = (typeof OPEN_DATASET_NAMES)[number];

/** How a field's values are written: lists are arrays in JSON and `;`-separated in CSV; dates are ISO 8601. */
export const OPEN_FIELD_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'date',
  'datetime',
  'uuid',
  'string_list',
  'integer_list',
] as const;
export type OpenFieldType = (typeof OPEN_FIELD_TYPES)[number];

interface FieldDef {
  readonly name: string;
  readonly type: OpenFieldType;
  readonly nullable: boolean;
  readonly descriptionTh: string;
  readonly descriptionEn: string;
}

const field = <N extends string, T extends OpenFieldType, Null extends boolean = false>(
  name: N,
  type: T,
  descriptionTh: string,
  descriptionEn: string,
  nullable?: Null,
) => ({ name, type, nullable: (nullable ?? false) as Null, descriptionTh, descriptionEn }) as const;

/** A Thai and an English field of the same text (the English one empty when there is none). */
const bilingual = <P extends string>(prefix: P, th: string, en: string) =>
  [
    field(`${prefix}Th`, 'string', `${th} (ภาษาไทย)`, `${en} (Thai)`),
    field(`${prefix}En`, 'string', `${th} (ภาษาอังกฤษ; ว่างเมื่อไม่มี)`, `${en} (English; empty when none)`),
  ] as const;

/** A name in Thai and its English form (which may be missing); the Thai one nullable when `thNullable`. */
const namePair = <P extends string, Null extends boolean = false>(
  prefix: P,
  th: string,
  en: string,
  thNullable?: Null,
) =>
  [
    field(`${prefix}Th`, 'string', th, en, thNullable),
    field(`${prefix}En`, 'string', `${th} (ภาษาอังกฤษ)`, `${en} (English)`, true),
  ] as const;

const DATASET_FIELDS = {
  calls: [
    field('id', 'uuid', 'รหัสประจำรอบการรับข้อเสนอ', 'Identifier of the call'),
    field(
      'code',
      'string',
      'รหัสย่อของรอบ (ใช้นำหน้าเลขรับข้อเสนอ)',
      'Short code of the call (prefix of receipt numbers)',
    ),
    field(
      'fiscalYear',
      'integer',
      'ปีงบประมาณ (พ.ศ.)',
      'Fiscal year (Buddhist Era; FY2569 = Oct 2025 – Sep 2026)',
    ),
    field('programmeSlug', 'string', 'รหัสแผนงาน', 'Programme identifier (slug)'),
    ...bilingual('programmeName', 'ชื่อแผนงาน', 'Programme name'),
    ...bilingual('title', 'ชื่อรอบการรับข้อเสนอ', 'Title of the call'),
    ...bilingual('description', 'รายละเอียดของรอบ', 'Description of the call'),
    field('opensAt', 'datetime', 'วันเวลาเปิดรับข้อเสนอ', 'When the call opens'),
    field('closesAt', 'datetime', 'วันเวลาปิดรับข้อเสนอ', 'When the call closes'),
    field(
      'stageMode',
      'string',
      'รูปแบบการรับข้อเสนอ: single (ขั้นเดียว) หรือ two_stage (สองขั้น)',
      'single (one stage) or two_stage (concept then full proposal)',
    ),
    field(
      'totalBudgetSatang',
      'integer',
      'งบประมาณรวมของรอบ (สตางค์)',
      'Total budget of the call (satang; 100 satang = 1 baht)',
    ),
    field('minGrantSatang', 'integer', 'ทุนขั้นต่ำต่อโครงการ (สตางค์)', 'Smallest grant per project (satang)'),
    field('maxGrantSatang', 'integer', 'ทุนสูงสุดต่อโครงการ (สตางค์)', 'Largest grant per project (satang)'),
    field('status', 'string', 'สถานะ: published (เปิดเผยแพร่) หรือ closed (ปิดแล้ว)', 'published or closed'),
    field('publishedAt', 'datetime', 'วันเวลาที่เผยแพร่', 'When the call was published', true),
    field(
      'problemStatementCount',
      'integer',
      'จำนวนโจทย์ปัญหาที่เผยแพร่ของรอบ',
      'Published problem statements of the call',
    ),
  ],
  awards: [
    field('decisionId', 'uuid', 'รหัสประจำการตัดสินให้ทุน', 'Identifier of the award decision'),
    field('receiptNumber', 'string', 'เลขรับข้อเสนอ', 'Receipt number of the proposal', true),
    field('callCode', 'string', 'รหัสย่อของรอบ', 'Code of the call'),
    ...bilingual('callTitle', 'ชื่อรอบการรับข้อเสนอ', 'Title of the call'),
    field('programmeSlug', 'string', 'รหัสแผนงาน', 'Programme identifier (slug)'),
    field('fiscalYear', 'integer', 'ปีงบประมาณของรอบ (พ.ศ.)', 'Fiscal year of the call (Buddhist Era)'),
    ...bilingual('proposalTitle', 'ชื่อข้อเสนอโครงการ', 'Title of the proposal'),
    field(
      'organisationNameTh',
      'string',
      'ชื่อองค์กรผู้รับทุน (นิติบุคคลหรือกลุ่ม ไม่ใช่บุคคล)',
      'Name of the grantee organisation (an organisation, never a person)',
    ),
    field(
      'organisationNameEn',
      'string',
      'ชื่อองค์กรผู้รับทุน (ภาษาอังกฤษ)',
      'Name of the grantee organisation (English)',
      true,
    ),
    field(
      'organisationType',
      'string',
      'ประเภทองค์กร (เช่น community_enterprise)',
      'Organisation type code (e.g. community_enterprise)',
    ),
    field(
      'provinceCodes',
      'integer_list',
      'รหัสจังหวัดพื้นที่ดำเนินงาน (รหัสกรมการปกครอง 2 หลัก)',
      'Provinces of the work (two-digit DOPA codes)',
    ),
    field('themes', 'string_list', 'ประเด็น (สาขา) ของข้อเสนอ', 'Theme codes of the proposal'),
    field('amountSatang', 'integer', 'จำนวนเงินทุนที่อนุมัติ (สตางค์)', 'Amount awarded (satang)'),
    field('decidedOn', 'date', 'วันที่ตัดสินให้ทุน (เวลาประเทศไทย)', 'Date of the award decision (Bangkok time)'),
    field('announcedOn', 'date', 'วันที่แจ้งผล', 'Date the result was announced'),
  ],
  projects: [
    field('id', 'uuid', 'รหัสประจำโครงการ', 'Identifier of the project'),
    field('agreementNumber', 'string', 'เลขที่สัญญา (เช่น SI-2569-0001)', 'Agreement number (e.g. SI-2569-0001)'),
    ...bilingual('title', 'ชื่อโครงการ', 'Title of the project'),
    field('fiscalYear', 'integer', 'ปีงบประมาณ (พ.ศ.)', 'Fiscal year (Buddhist Era)'),
    field('programmeSlug', 'string', 'รหัสแผนงาน', 'Programme identifier (slug)'),
    field('callCode', 'string', 'รหัสย่อของรอบการรับข้อเสนอ', 'Code of the call'),
    ...namePair('organisationName', 'ชื่อองค์กรผู้รับทุน', 'Name of the grantee organisation'),
    ...namePair('drivingUnitName', 'หน่วยขับเคลื่อนที่ดูแล', 'Supervising driving unit', true),
    field('provinceCodes', 'integer_list', 'รหัสจังหวัดพื้นที่ดำเนินงาน', 'Provinces of the work (DOPA codes)'),
    field('themes', 'string_list', 'ประเด็น (สาขา) ของโครงการ', 'Theme codes'),
    field('awardSatang', 'integer', 'เงินทุนตามสัญญา (สตางค์)', 'Grant of the agreement (satang)'),
    field('paidSatang', 'integer', 'เงินที่จ่ายแล้ว (สตางค์)', 'Paid so far (satang)'),
    field(
      'status',
      'string',
      'สถานะ: setup, agreement_issued, active, closed',
      'setup, agreement_issued, active or closed',
    ),
    field('startsOn', 'date', 'วันเริ่มโครงการ', 'Start date', true),
    field('endsOn', 'date', 'วันสิ้นสุดโครงการ', 'End date', true),
    field(
      'srlStart',
      'integer',
      'ระดับความพร้อมทางสังคม (SRL) เมื่อเริ่ม (1–9)',
      'Social Readiness Level at the start (1–9)',
      true,
    ),
    field('srlTarget', 'integer', 'ระดับ SRL เป้าหมาย (1–9)', 'Target Social Readiness Level (1–9)', true),
    field(
      'innovationId',
      'uuid',
      'รหัสผลงานในคลังนวัตกรรม (เมื่อเผยแพร่แล้ว)',
      'Innovation catalogue entry, when published',
      true,
    ),
  ],
  innovations: [
    field('id', 'uuid', 'รหัสประจำผลงาน', 'Identifier of the innovation'),
    ...bilingual('title', 'ชื่อผลงาน', 'Title'),
    ...bilingual('summary', 'สรุปผลงาน', 'Summary'),
    ...bilingual('problem', 'ปัญหาที่แก้', 'Problem it answers'),
    ...bilingual('solution', 'แนวทางแก้ปัญหา', 'Solution'),
    field('programmeSlug', 'string', 'รหัสแผนงาน', 'Programme identifier (slug)', true),
    ...namePair('ownerOrganisationName', 'องค์กรเจ้าของผลงาน', 'Owner organisation', true),
    field('themes', 'string_list', 'ประเด็น (สาขา)', 'Theme codes'),
    field('sdgs', 'integer_list', 'เป้าหมายการพัฒนาที่ยั่งยืน (SDG 1–17)', 'Sustainable Development Goals (1–17)'),
    field(
      'srl',
      'integer',
      'ระดับความพร้อมทางสังคม (SRL) ปัจจุบัน (1–9)',
      'Current Social Readiness Level (1–9)',
      true,
    ),
    field(
      'provinceCodes',
      'integer_list',
      'จังหวัดที่โครงการต้นทางดำเนินงาน',
      'Provinces the origin project worked in',
    ),
    field('originProvinceCode', 'integer', 'จังหวัดต้นทาง', 'Province of origin', true),
    field(
      'originDistrictCode',
      'integer',
      'อำเภอต้นทาง (รหัส 4 หลัก)',
      'District of origin (four-digit code)',
      true,
    ),
    field(
      'originSubdistrictCode',
      'integer',
      'ตำบลต้นทาง (รหัส 6 หลัก)',
      'Subdistrict of origin (six-digit code)',
      true,
    ),
    field(
      'isDiffusionReady',
      'boolean',
      'พร้อมขยายผล (มีชุดถ่ายทอด)',
      'Offered for diffusion (has an adoption package)',
    ),
    field(
      'adoptionCostSatang',
      'integer',
      'ค่าใช้จ่ายโดยประมาณต่อการนำไปใช้หนึ่งพื้นที่ (สตางค์)',
      'Typical cost for one site to adopt (satang)',
      true,
    ),
    field(
      'adoptionCount',
      'integer',
      'จำนวนพื้นที่ที่นำไปใช้ (ไม่นับที่ยุติ)',
      'Sites that took it up (discontinued ones not counted)',
    ),
    field('publishedAt', 'datetime', 'วันเวลาที่เผยแพร่', 'When it was published', true),
    field('url', 'string', 'หน้าผลงานบนเว็บไซต์', 'Its page on the website (path)'),
  ],
  adoptions: [
    field('id', 'uuid', 'รหัสประจำการขยายผล', 'Identifier of the adoption'),
    field('innovationId', 'uuid', 'รหัสผลงานที่นำไปใช้', 'The innovation adopted'),
    ...bilingual('innovationTitle', 'ชื่อผลงาน', 'Title of the innovation'),
    field('provinceCode', 'integer', 'จังหวัดที่นำไปใช้', 'Province of the site'),
    field('districtCode', 'integer', 'อำเภอที่นำไปใช้', 'District of the site', true),
    field('subdistrictCode', 'integer', 'ตำบลที่นำไปใช้', 'Subdistrict of the site', true),
    field('villageNameTh', 'string', 'ชื่อหมู่บ้าน', 'Village name', true),
    field('adopterName', 'string', 'ชื่อองค์กรหรือกลุ่มที่นำไปใช้', 'Name of the adopting organisation or group'),
    field(
      'adopterType',
      'string',
      'ประเภทผู้นำไปใช้ (เช่น local_government, school)',
      'Adopter type code (e.g. local_government, school)',
    ),
    field('diffusionPartnerName', 'string', 'ภาคีที่ช่วยขยายผล', 'Diffusion partner organisation', true),
    field(
      'status',
      'string',
      'สถานะ: interested, planning, implementing, adopted, sustained, discontinued',
      'interested, planning, implementing, adopted, sustained or discontinued',
    ),
    field('interestedOn', 'date', 'วันที่แสดงความสนใจ', 'Date interest was recorded'),
    field('adoptedOn', 'date', 'วันที่นำไปใช้จริง', 'Date it was adopted', true),
    field('statusOn', 'date', 'วันที่ของสถานะปัจจุบัน', 'Date of the current status'),
    field('beneficiaryTotal', 'integer', 'จำนวนผู้ได้รับประโยชน์รวม (คน)', 'Beneficiaries, all groups (people)'),
    field(
      'poorHouseholdBeneficiaries',
      'integer',
      'ผู้ได้รับประโยชน์ที่เป็นครัวเรือนยากจน (คน)',
      'Beneficiaries in poor households (people)',
    ),
    field('localFundingSatang', 'integer', 'เงินทุนจากท้องถิ่น (สตางค์)', 'Local funding (satang)'),
  ],
  'indicator-sums': [
    field(
      'provinceCode',
      'integer',
      'จังหวัด (ว่าง = โครงการที่ไม่ระบุจังหวัด)',
      'Province (empty: projects with no province)',
      true,
    ),
    field('fiscalYear', 'integer', 'ปีงบประมาณของโครงการ (พ.ศ.)', "The projects' fiscal year (Buddhist Era)"),
    field('indicatorCode', 'string', 'รหัสตัวชี้วัดในคลังตัวชี้วัด', 'Indicator code of the indicator library'),
    ...bilingual('indicatorName', 'ชื่อตัวชี้วัด', 'Indicator name'),
    ...bilingual('unit', 'หน่วยนับ', 'Unit'),
    field(
      'aggregation',
      'string',
      'วิธีรวมค่า: sum (ผลรวม), mean (ค่าเฉลี่ย), latest (ค่าล่าสุด)',
      'How values roll up: sum, mean or latest',
    ),
    field(
      'value',
      'number',
      'ค่ารวม เฉพาะค่าที่ผ่านการตรวจสอบแล้ว: ค่าของแต่ละโครงการ (รวมตามวิธีของตัวชี้วัด) แบ่งเท่ากันตามจำนวนจังหวัดของโครงการ แล้วรวม (mean: เฉลี่ย) ข้ามโครงการ',
      "Verified values only: each project's figure (rolled up by the indicator's aggregation), shared equally among its provinces (mean: counted whole), then added (mean: averaged) across projects",
    ),
    field('projectCount', 'integer', 'จำนวนโครงการที่มีค่า', 'Projects with a verified value'),
    field('valueCount', 'integer', 'จำนวนค่าที่ผ่านการตรวจสอบ', 'Verified values counted'),
  ],
  'area-indicators': [
    field('indicatorCode', 'string', 'รหัสตัวชี้วัดเชิงพื้นที่', 'Area indicator code'),
    ...bilingual('indicatorName', 'ชื่อตัวชี้วัด', 'Indicator name'),
    field('provinceCode', 'integer', 'จังหวัด', 'Province (DOPA code)'),
    field('provinceNameTh', 'string', 'ชื่อจังหวัด', 'Province name (Thai)'),
    field('provinceNameEn', 'string', 'ชื่อจังหวัด (ภาษาอังกฤษ)', 'Province name (English)'),
    field(
      'year',
      'integer',
      'ปีของข้อมูล (ค.ศ. ตามแหล่งที่มา)',
      'Year of the figure (Common Era, as the source gives it)',
    ),
    field('value', 'number', 'ค่าของตัวชี้วัด', 'Value'),
    field('unit', 'string', 'หน่วย', 'Unit'),
    field('higherIsNeedier', 'boolean', 'ค่ายิ่งสูงยิ่งมีความต้องการมาก', 'A higher value means more need'),
    field('sourceUrl', 'string', 'แหล่งที่มาของข้อมูล', 'Source of the figure'),
  ],
} as const satisfies Record<OpenDatasetName, readonly FieldDef[]>;

type TsOf<T extends OpenFieldType> = T extends 'integer' | 'number'
  ? number
  : T extends 'boolean'
    ? boolean
    : T extends 'string_list'
      ? string[]
      : T extends 'integer_list'
        ? number[]
        : string;

type RecordOf<F extends readonly FieldDef[]> = {
  [E in F[number] as E['name']]: E['nullable'] extends true ? TsOf<E['type']> | null : TsOf<E['type']>;
};

/** One record of a dataset, exactly its dictionary's fields. */
export type OpenRecord<N extends OpenDatasetName> = RecordOf<(typeof DATASET_FIELDS)[N]>;

export interface OpenDatasetDefinition {
  name: OpenDatasetName;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  /** The dataset's schema version (a new field is a minor change, a removed or changed one a new API version). */
  version: string;
  fields: readonly FieldDef[];
}

const definition = (
  name: OpenDatasetName,
  titleTh: string,
  titleEn: string,
  descriptionTh: string,
  descriptionEn: string,
): OpenDatasetDefinition => ({
  name,
  titleTh,
  titleEn,
  descriptionTh,
  descriptionEn,
  version: '1.0',
  fields: DATASET_FIELDS[name],
});

/** The datasets in catalogue order. */
export const OPEN_DATASETS: readonly OpenDatasetDefinition[] = [
  definition(
    'calls',
    'รอบการรับข้อเสนอ',
    'Calls for proposals',
    'รอบการรับข้อเสนอโครงการที่เผยแพร่แล้ว ทั้งที่เปิดรับและปิดแล้ว พร้อมงบประมาณและกรอบทุน',
    'Published calls for proposals, open and closed, with their budgets and grant ranges.',
  ),
  definition(
    'awards',
    'ผลการให้ทุน',
    'Grant awards',
    'ข้อเสนอที่ได้รับทุนและแจ้งผลแล้ว: ชื่อข้อเสนอ ชื่อองค์กรผู้รับทุน จังหวัด จำนวนเงิน และปีงบประมาณ',
    'Proposals awarded a grant and announced: proposal title, grantee organisation, provinces, amount and fiscal year.',
  ),
  definition(
    'projects',
    'โครงการที่ได้รับทุน',
    'Funded projects',
    'สรุปโครงการที่ได้รับทุน: สัญญา พื้นที่ ประเด็น เงินทุนและเงินที่จ่ายแล้ว สถานะ และระดับความพร้อมทางสังคม',
    'Summaries of funded projects: agreement, areas, themes, grant and money paid, status and Social Readiness Levels.',
  ),
  definition(
    'innovations',
    'ผลงานนวัตกรรมเพื่อสังคม',
    'Social innovations',
    'ผลงานที่เผยแพร่ในคลังนวัตกรรม พร้อมพื้นที่ต้นทาง ระดับ SRL และจำนวนพื้นที่ที่นำไปใช้ (ไม่มีข้อมูลผู้ติดต่อ)',
    'Innovations published in the catalogue, with their origin, SRL and number of adopting sites (no contact details).',
  ),
  definition(
    'adoptions',
    'การขยายผล',
    'Adoptions',
    'การนำผลงานที่เผยแพร่แล้วไปใช้ในพื้นที่อื่น: พื้นที่ ผู้นำไปใช้ (องค์กร) สถานะ ผู้ได้รับประโยชน์ และเงินทุนท้องถิ่น',
    'Published innovations taken up at other sites: area, adopting organisation, status, beneficiaries and local funding.',
  ),
  definition(
    'indicator-sums',
    'ผลลัพธ์ตามตัวชี้วัด (รวมตามจังหวัด)',
    'Outcome indicators by province',
    'ผลรวมค่าตัวชี้วัดของโครงการที่ผ่านการตรวจสอบแล้ว แยกตามจังหวัด ปีงบประมาณ และรหัสตัวชี้วัด',
    'Sums of verified project indicator values by province, fiscal year and indicator code.',
  ),
  definition(
    'area-indicators',
    'ตัวชี้วัดเชิงพื้นที่',
    'Area indicators',
    'ตัวชี้วัดรายจังหวัด เช่น สัดส่วนคนจน พร้อมปีและแหล่งที่มาของข้อมูล',
    'Province indicators such as poverty figures, with the year and source of each figure.',
  ),
];

/** A dataset's definition by name (undefined for an unknown name). */
export function openDataset(name: string): OpenDatasetDefinition | undefined {
  return OPEN_DATASETS.find((d) => d.name === name);
}

/** The field names of a dataset, in dictionary order. */
export function openFieldNames(name: OpenDatasetName): string[] {
  return DATASET_FIELDS[name].map((f) => f.name);
}

function zodOf(def: FieldDef): z.ZodType {
  const base = (() => {
    switch (def.type) {
      case 'integer':
        return z.int();
      case 'number':
        return z.number();
      case 'boolean':
        return z.boolean();
      case 'date':
        return z.iso.date();
      case 'datetime':
        return z.iso.datetime();
      case 'uuid':
        return z.uuid();
      case 'string_list':
        return z.array(z.string());
      case 'integer_list':
        return z.array(z.int());
      case 'string':
        return z.string();
    }
  })();
  return (def.nullable ? base.nullable() : base).describe(def.descriptionEn);
}

/** The Zod schema of one record of a dataset (for the API's response schema and the OpenAPI document). */
export function openRecordSchema(name: OpenDatasetName) {
  const fields = DATASET_FIELDS[name] as readonly FieldDef[];
  return z.object(Object.fromEntries(fields.map((f) => [f.name, zodOf(f)]))).meta({
    id: `Open${name
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')}Record`,
  });
}

// ---- Request and response schemas -------------------------------------------------------------------------------

export const OpenPageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(OPEN_DATA_LIMITS.pageMax).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(OPEN_DATA_LIMITS.pageSizeMax)
    .default(OPEN_DATA_LIMITS.pageSizeDefault),
});
export type OpenPageQuery = z.infer<typeof OpenPageQuerySchema>;

export const OpenPageSchema = z.object({
  page: z.int(),
  pageSize: z.int(),
  totalRecords: z.int(),
  totalPages: z.int(),
  /** The next page's path, null on the last page. */
  next: z.string().nullable(),
});
export type OpenPage = z.infer<typeof OpenPageSchema>;

export const OpenLicenceSchema = z.object({
  code: z.string(),
  name: z.string(),
  url: z.string(),
  attributionTh: z.string(),
  attributionEn: z.string(),
});

export const OpenDatasetLinksSchema = z.object({
  records: z.string(),
  dictionary: z.string(),
  csv: z.string(),
  json: z.string(),
});

export const OpenDatasetSummarySchema = z.object({
  name: z.enum(OPEN_DATASET_NAMES),
  titleTh: z.string(),
  titleEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  version: z.string(),
  recordCount: z.int(),
  /** When a record of the dataset last changed; null when the dataset is empty. */
  updatedAt: z.iso.datetime().nullable(),
  fieldCount: z.int(),
  licence: OpenLicenceSchema,
  links: OpenDatasetLinksSchema,
});
export type OpenDatasetSummary = z.infer<typeof OpenDatasetSummarySchema>;

export const OpenCatalogueSchema = z.object({
  apiVersion: z.string(),
  licence: OpenLicenceSchema,
  datasets: z.array(OpenDatasetSummarySchema),
});
export type OpenCatalogue = z.infer<typeof OpenCatalogueSchema>;

export const OpenFieldSchema = z.object({
  name: z.string(),
  type: z.enum(OPEN_FIELD_TYPES),
  nullable: z.boolean(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
});
export type OpenField = z.infer<typeof OpenFieldSchema>;

export const OpenDictionarySchema = z.object({
  name: z.enum(OPEN_DATASET_NAMES),
  version: z.string(),
  fields: z.array(OpenFieldSchema),
});
export type OpenDictionary = z.infer<typeof OpenDictionarySchema>;

/** The `meta` of a JSON bulk download (its `data` holds every record). */
export const OpenBulkMetaSchema = z.object({
  dataset: z.enum(OPEN_DATASET_NAMES),
  apiVersion: z.string(),
  version: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  licence: OpenLicenceSchema,
  generatedAt: z.iso.datetime(),
  recordCount: z.int(),
  fields: z.array(OpenFieldSchema),
});
export type OpenBulkMeta = z.infer<typeof OpenBulkMetaSchema>;
