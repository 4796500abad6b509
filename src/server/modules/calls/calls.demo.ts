import type { Database, DbOrTx } from '@server/db/client';
import { systemActor } from '@server/lib/authz';
import type { CallStageMode, EligibilityRules, FormStage } from '@shared/contracts/calls';
import { EligibilityRulesSchema } from '@shared/contracts/calls';
import { FormDefinitionSchema, type FormDefinitionInput, type QuestionInput } from '@shared/contracts/forms';
import type { ThemeCode } from '@shared/reference/themes';
import { createOrganisation } from '@server/modules/organisations/organisations.service';
import { findProgramme } from '@server/modules/programmes/programmes.service';
import * as repo from './calls.repo';
import * as statements from './problem-statements.repo';

// ---- Dates in Asia/Bangkok (UTC+7 all year), relative to the day the demo is loaded ------------------------------

const BANGKOK_MS = 7 * 3600 * 1000;

/** The Bangkok calendar month of `now` moved by `months`, as [year, month 1–12]. */
function bangkokMonth(now: Date, months: number): [number, number] {
  const local = new Date(now.getTime() + BANGKOK_MS);
  const index = local.getUTCFullYear() * 12 + local.getUTCMonth() + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 00:00:00 Bangkok on the first day of the month `months` from now. */
function monthStart(now: Date, months: number): Date {
  const [y, m] = bangkokMonth(now, months);
  return new Date(`${y}-${pad(m)}-01T00:00:00+07:00`);
}

/** 23:59:59 Bangkok on the last day of the month `months` from now. */
function monthEnd(now: Date, months: number): Date {
  return new Date(monthStart(now, months + 1).getTime() - 1000);
}

/** The demo call of the year before, closed and (with the review demo) decided: its code and fiscal year. */
export function demoClosedCall(now: Date): { code: string; fiscalYear: number } {
  return { code: 'SV', fiscalYear: fiscalYearOf(monthStart(now, -9)) };
}

/** Thai fiscal year (Buddhist Era) of an instant: October starts the next year. */
export function fiscalYearOf(at: Date): number {
  const local = new Date(at.getTime() + BANGKOK_MS);
  const year = local.getUTCFullYear() + (local.getUTCMonth() >= 9 ? 1 : 0);
  return year + 543;
}

export const baht = (amount: number) => amount * 100;

// ---- Questions used by several demo forms ------------------------------------------------------------------------

export const summary = (id: string, maxLength: number): QuestionInput => ({
  id,
  type: 'long_text',
  labelTh: 'บทสรุปโครงการ',
  labelEn: 'Project summary',
  helpTh: 'ปัญหาที่จะแก้ กลุ่มเป้าหมาย นวัตกรรมที่เสนอ และการเปลี่ยนแปลงที่คาดว่าจะเกิด',
  helpEn: 'The problem, who it affects, the innovation proposed and the change expected',
  required: true,
  minLength: 200,
  maxLength,
});

export const themes = (maxSelected: number): QuestionInput => ({
  id: 'themes',
  type: 'themes',
  labelTh: 'ประเด็นนวัตกรรมเพื่อสังคม',
  labelEn: 'Social innovation themes',
  required: true,
  maxSelected,
});

const team: QuestionInput = {
  id: 'team',
  type: 'team_table',
  labelTh: 'ทีมดำเนินงาน',
  labelEn: 'Project team',
  helpTh: 'หัวหน้าโครงการและผู้ร่วมงานหลัก พร้อมบทบาท',
  helpEn: 'The project lead and key members, with their roles',
  required: true,
  maxRows: 15,
};

export const budget: QuestionInput = {
  id: 'budget',
  type: 'budget_table',
  labelTh: 'รายการงบประมาณ',
  labelEn: 'Budget lines',
  helpTh: 'ระบุเป็นบาท ยอดรวมต้องอยู่ในวงเงินทุนต่อข้อเสนอของรอบนี้',
  helpEn: 'In baht; the total must lie within the grant range of this call',
  required: true,
};

const milestones: QuestionInput = {
  id: 'milestones',
  type: 'milestones_table',
  labelTh: 'แผนการดำเนินงานและผลส่งมอบ',
  labelEn: 'Milestones and deliverables',
  required: true,
  maxRows: 12,
};

export const srl: QuestionInput = {
  id: 'srl',
  type: 'srl',
  labelTh: 'ระดับความพร้อมทางสังคม (SRL) ปัจจุบันและเป้าหมาย',
  labelEn: 'Social Readiness Level (SRL), now and targeted',
  required: true,
};

const logicModel: QuestionInput = {
  id: 'logic_model',
  type: 'logic_model',
  labelTh: 'แบบจำลองตรรกะ (ปัจจัยนำเข้า กิจกรรม ผลผลิต ผู้ใช้ ผลลัพธ์ ผลกระทบ)',
  labelEn: 'Logic model (inputs, activities, outputs, users, outcomes, impact)',
  required: true,
};

// ---- The demo forms ----------------------------------------------------------------------------------------------

const cityConcept: FormDefinitionInput = {
  sections: [
    {
      id: 'idea',
      titleTh: 'โจทย์และแนวคิด',
      titleEn: 'Challenge and idea',
      helpTh: 'เลือกโจทย์ปัญหาของเมืองที่ข้อเสนอนี้ตอบ แล้วเล่าแนวคิดโดยย่อ',
      helpEn: 'Pick the city challenge this proposal answers, then outline the idea',
      questions: [
        summary('concept', 3000),
        {
          id: 'users',
          type: 'long_text',
          labelTh: 'ผู้ใช้และผู้ได้รับประโยชน์',
          labelEn: 'Users and beneficiaries',
          required: true,
          maxLength: 1500,
        },
        {
          id: 'innovation_kind',
          type: 'single_choice',
          labelTh: 'ลักษณะของนวัตกรรม',
          labelEn: 'Kind of innovation',
          required: true,
          options: [
            { value: 'product', labelTh: 'ผลิตภัณฑ์', labelEn: 'Product' },
            { value: 'service', labelTh: 'บริการ', labelEn: 'Service' },
            { value: 'process', labelTh: 'กระบวนการ', labelEn: 'Process' },
            { value: 'platform', labelTh: 'แพลตฟอร์มดิจิทัล', labelEn: 'Digital platform' },
          ],
        },
        {
          id: 'city_partner',
          type: 'yes_no',
          labelTh: 'มีหน่วยงานของเมืองร่วมดำเนินการแล้วหรือไม่',
          labelEn: 'Is a city body already working with you?',
          required: true,
        },
        {
          id: 'city_partner_name',
          type: 'short_text',
          labelTh: 'ชื่อหน่วยงานของเมืองที่ร่วมดำเนินการ',
          labelEn: 'Name of the city body',
          required: true,
          maxLength: 200,
          showWhen: { questionId: 'city_partner', anyOf: ['yes'] },
        },
        {
          id: 'area',
          type: 'area',
          labelTh: 'พื้นที่ดำเนินงาน (อำเภอ)',
          labelEn: 'Where the project works (district)',
          required: true,
          level: 'district',
          multiple: true,
        },
        themes(2),
        srl,
      ],
    },
    {
      id: 'estimate',
      titleTh: 'งบประมาณและระยะเวลาโดยประมาณ',
      titleEn: 'Estimated budget and duration',
      questions: [
        {
          id: 'estimated_budget',
          type: 'money',
          labelTh: 'งบประมาณที่ขอโดยประมาณ',
          labelEn: 'Estimated amount requested',
          required: true,
          minSatang: baht(500_000),
          maxSatang: baht(3_000_000),
        },
        {
          id: 'duration_months',
          type: 'number',
          labelTh: 'ระยะเวลาดำเนินงาน',
          labelEn: 'Duration',
          required: true,
          min: 6,
          max: 18,
          integer: true,
          unitTh: 'เดือน',
          unitEn: 'months',
        },
      ],
    },
  ],
};

const cityFull: FormDefinitionInput = {
  sections: [
    {
      id: 'project',
      titleTh: 'ข้อมูลโครงการ',
      titleEn: 'The project',
      questions: [
        summary('summary', 6000),
        {
          id: 'objectives',
          type: 'long_text',
          labelTh: 'วัตถุประสงค์',
          labelEn: 'Objectives',
          required: true,
          maxLength: 3000,
        },
        {
          id: 'area',
          type: 'area',
          labelTh: 'พื้นที่ดำเนินงาน (ตำบล)',
          labelEn: 'Where the project works (subdistrict)',
          required: true,
          level: 'subdistrict',
          multiple: true,
        },
        themes(2),
        {
          id: 'sdgs',
          type: 'sdgs',
          labelTh: 'เป้าหมายการพัฒนาที่ยั่งยืนที่เกี่ยวข้อง',
          labelEn: 'Sustainable Development Goals served',
          maxSelected: 3,
        },
      ],
    },
    { id: 'people', titleTh: 'ทีมงาน', titleEn: 'Team', questions: [team] },
    {
      id: 'plan',
      titleTh: 'แผนงานและผลลัพธ์',
      titleEn: 'Plan and results',
      questions: [logicModel, milestones, srl],
    },
    {
      id: 'money',
      titleTh: 'งบประมาณ',
      titleEn: 'Budget',
      questions: [
        budget,
        {
          id: 'co_funding',
          type: 'yes_no',
          labelTh: 'มีงบประมาณสมทบจากเมืองหรือภาคีหรือไม่',
          labelEn: 'Does the city or a partner co-fund the project?',
          required: true,
        },
        {
          id: 'co_funding_amount',
          type: 'money',
          labelTh: 'จำนวนเงินสมทบ',
          labelEn: 'Co-funding amount',
          required: true,
          showWhen: { questionId: 'co_funding', anyOf: ['yes'] },
        },
      ],
    },
    {
      id: 'documents',
      titleTh: 'เอกสารแนบ',
      titleEn: 'Documents',
      questions: [
        {
          id: 'city_letter',
          type: 'file',
          labelTh: 'หนังสือยืนยันความร่วมมือจากเมือง',
          labelEn: 'Letter of support from the city',
          required: true,
          accept: ['pdf'],
          maxFiles: 1,
          maxSizeBytes: 10 * 1024 * 1024,
        },
        {
          id: 'pitch',
          type: 'file',
          labelTh: 'สไลด์นำเสนอ',
          labelEn: 'Pitch deck',
          accept: ['pdf', 'presentation'],
          maxFiles: 1,
          maxSizeBytes: 20 * 1024 * 1024,
        },
      ],
    },
  ],
};

const areaBased: FormDefinitionInput = {
  sections: [
    {
      id: 'community',
      titleTh: 'ชุมชนและปัญหา',
      titleEn: 'The community and its problem',
      questions: [
        summary('summary', 5000),
        {
          id: 'problem',
          type: 'long_text',
          labelTh: 'สภาพปัญหาความยากจนหรือความเหลื่อมล้ำในพื้นที่',
          labelEn: 'Poverty or inequality in the area',
          required: true,
          maxLength: 4000,
        },
        {
          id: 'area',
          type: 'area',
          labelTh: 'พื้นที่ดำเนินงาน (จังหวัด อำเภอ ตำบล)',
          labelEn: 'Where the project works (province, district, subdistrict)',
          helpTh: 'ต้องอยู่ในกลุ่มจังหวัดเป้าหมาย เลือกได้หลายตำบล',
          helpEn: 'Must lie in the target province group; several subdistricts may be chosen',
          required: true,
          level: 'subdistrict',
          multiple: true,
        },
        {
          id: 'households',
          type: 'number',
          labelTh: 'จำนวนครัวเรือนที่ได้รับประโยชน์',
          labelEn: 'Households that benefit',
          required: true,
          min: 1,
          max: 100_000,
          integer: true,
          unitTh: 'ครัวเรือน',
          unitEn: 'households',
        },
        themes(3),
      ],
    },
    { id: 'people', titleTh: 'ทีมงาน', titleEn: 'Team', questions: [team] },
    {
      id: 'money',
      titleTh: 'งบประมาณและแผนงาน',
      titleEn: 'Budget and plan',
      questions: [budget, milestones],
    },
    {
      id: 'documents',
      titleTh: 'เอกสารแนบ',
      titleEn: 'Documents',
      questions: [
        {
          id: 'area_photos',
          type: 'file',
          labelTh: 'แผนที่ชุมชนหรือภาพถ่ายพื้นที่',
          labelEn: 'Community map or photos of the area',
          required: true,
          accept: ['pdf', 'image'],
          maxFiles: 3,
          maxSizeBytes: 10 * 1024 * 1024,
        },
      ],
    },
  ],
};

const sectoral: FormDefinitionInput = {
  sections: [
    {
      id: 'project',
      titleTh: 'ข้อมูลโครงการ',
      titleEn: 'The project',
      questions: [
        summary('summary', 5000),
        themes(2),
        {
          id: 'area',
          type: 'area',
          labelTh: 'จังหวัดที่ดำเนินงาน',
          labelEn: 'Provinces where the project works',
          required: true,
          level: 'province',
          multiple: true,
        },
        {
          id: 'sdgs',
          type: 'sdgs',
          labelTh: 'เป้าหมายการพัฒนาที่ยั่งยืนที่เกี่ยวข้อง',
          labelEn: 'Sustainable Development Goals served',
          maxSelected: 3,
        },
        {
          id: 'scale',
          type: 'multiple_choice',
          labelTh: 'ช่องทางการขยายผล',
          labelEn: 'How the innovation will scale',
          required: true,
          minSelected: 1,
          options: [
            { value: 'public_policy', labelTh: 'นโยบายสาธารณะ', labelEn: 'Public policy' },
            { value: 'market', labelTh: 'กลไกตลาด', labelEn: 'Market' },
            { value: 'network', labelTh: 'เครือข่ายชุมชน', labelEn: 'Community networks' },
          ],
        },
      ],
    },
    {
      id: 'plan',
      titleTh: 'แผนงานและผลลัพธ์',
      titleEn: 'Plan and results',
      questions: [logicModel, srl, team],
    },
    { id: 'money', titleTh: 'งบประมาณ', titleEn: 'Budget', questions: [budget, milestones] },
    {
      id: 'documents',
      titleTh: 'เอกสารแนบ',
      titleEn: 'Documents',
      questions: [
        {
          id: 'evidence',
          type: 'file',
          labelTh: 'หลักฐานผลการทดลองใช้',
          labelEn: 'Evidence from pilots',
          accept: ['pdf', 'spreadsheet', 'word'],
          maxFiles: 5,
          maxSizeBytes: 20 * 1024 * 1024,
        },
      ],
    },
  ],
};

const village: FormDefinitionInput = {
  sections: [
    {
      id: 'adoption',
      titleTh: 'การนำต้นแบบไปใช้',
      titleEn: 'Adopting a model',
      questions: [
        summary('summary', 4000),
        {
          id: 'model',
          type: 'short_text',
          labelTh: 'ชื่อต้นแบบนวัตกรรมที่จะนำไปใช้',
          labelEn: 'The innovation model adopted',
          required: true,
          maxLength: 200,
        },
        {
          id: 'area',
          type: 'area',
          labelTh: 'หมู่บ้านหรือตำบลที่นำไปใช้',
          labelEn: 'Villages or subdistricts adopting it',
          required: true,
          level: 'subdistrict',
        },
        themes(2),
      ],
    },
    { id: 'money', titleTh: 'งบประมาณ', titleEn: 'Budget', questions: [budget] },
  ],
};

// ---- Calls -------------------------------------------------------------------------------------------------------

export interface DemoCall {
  programmeSlug: string;
  code: string;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  opensAt: Date;
  closesAt: Date;
  fullClosesAt: Date | null;
  totalBudgetSatang: number;
  minGrantSatang: number;
  maxGrantSatang: number;
  stageMode: CallStageMode;
  eligibility: Partial<EligibilityRules>;
  status: 'published' | 'closed';
  forms: Partial<Record<FormStage, FormDefinitionInput>>;
}

interface DemoStatement {
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  expectedResultTh: string;
  expectedResultEn: string;
  theme: ThemeCode;
  status: 'published' | 'pending';
}

const CITY_STATEMENTS: DemoStatement[] = [
  {
    titleTh: 'ลดขยะอินทรีย์จากตลาดสดในเขตเมือง',
    titleEn: 'Cutting organic waste from the city’s fresh markets',
    descriptionTh:
      'ตลาดสดสี่แห่งในเขตเทศบาลทิ้งเศษผักผลไม้และอาหารรวมกันกว่า 12 ตันต่อวัน ขยะส่วนใหญ่ถูกนำไปฝังกลบ ' +
      'ทำให้บ่อฝังกลบใกล้เต็มและเกิดกลิ่นรบกวนชุมชนโดยรอบ',
    descriptionEn:
      'Four fresh markets in the municipality throw away more than 12 tonnes of vegetable, fruit and food waste a day. ' +
      'Most of it goes to landfill, which is nearly full and troubles the neighbouring communities with its smell.',
    expectedResultTh: 'ขยะอินทรีย์จากตลาดที่ไปฝังกลบลดลงอย่างน้อยร้อยละ 40 ภายใน 12 เดือน',
    expectedResultEn: 'At least 40% less market organic waste sent to landfill within 12 months',
    theme: 'environment',
    status: 'published',
  },
  {
    titleTh: 'ผู้สูงอายุเดินทางไปโรงพยาบาลได้สะดวกและปลอดภัย',
    titleEn: 'Getting older residents to hospital safely',
    descriptionTh: 'ผู้สูงอายุที่อยู่ลำพังในชุมชนเมืองกว่า 3,000 คนพลาดนัดแพทย์บ่อยเพราะไม่มีผู้พาไปและค่าเดินทางสูง',
    descriptionEn:
      'More than 3,000 older people living alone in the city’s communities often miss medical appointments because ' +
      'nobody can take them and transport costs too much.',
    expectedResultTh: 'อัตราการพลาดนัดของผู้สูงอายุในพื้นที่นำร่องลดลงครึ่งหนึ่ง',
    expectedResultEn: 'Missed appointments of older people in the pilot area halved',
    theme: 'health',
    status: 'published',
  },
  {
    titleTh: 'น้ำท่วมขังในชุมชนริมบึง',
    titleEn: 'Flash flooding in lakeside communities',
    descriptionTh: 'ชุมชนริมบึงหกชุมชนถูกน้ำท่วมขังทุกครั้งที่ฝนตกหนัก ระบบเตือนภัยยังอาศัยการโทรศัพท์บอกต่อกัน',
    descriptionEn:
      'Six lakeside communities flood after every heavy rain; warnings still travel by word of mouth and phone calls.',
    expectedResultTh: 'ชุมชนได้รับการเตือนล่วงหน้าอย่างน้อย 2 ชั่วโมง และมีแผนอพยพที่ซ้อมแล้ว',
    expectedResultEn: 'Communities warned at least two hours ahead, with a rehearsed evacuation plan',
    theme: 'disaster_management',
    status: 'published',
  },
  {
    titleTh: 'พื้นที่เล่นสำหรับเด็กในชุมชนแออัด',
    titleEn: 'Play space for children in crowded communities',
    descriptionTh: 'เด็กในชุมชนแออัดใจกลางเมืองไม่มีพื้นที่เล่นที่ปลอดภัยใกล้บ้าน',
    descriptionEn: 'Children in the crowded inner-city communities have no safe place to play near home.',
    expectedResultTh: 'พื้นที่เล่นที่ชุมชนร่วมออกแบบและดูแลอย่างน้อย 3 แห่ง',
    expectedResultEn: 'At least three play spaces designed and kept by the communities',
    theme: 'urbanisation',
    status: 'pending',
  },
];

function demoCalls(now: Date): DemoCall[] {
  const cityOpens = monthStart(now, 0);
  const fy = fiscalYearOf(cityOpens);
  const pastOpens = monthStart(now, -9);
  const pastFy = demoClosedCall(now).fiscalYear;
  return [
    {
      programmeSlug: 'city-challenge',
      code: 'CC',
      titleTh: `ความท้าทายนวัตกรรมเพื่อเมืองและชุมชน ปีงบประมาณ ${fy}`,
      titleEn: `City & Community Innovation Challenge FY${fy}`,
      descriptionTh:
        'เมืองและเทศบาลเสนอโจทย์ปัญหาที่อยากแก้ ผู้ประกอบการทางสังคม มหาวิทยาลัย และกลุ่มชุมชนเสนอแนวคิดนวัตกรรม ' +
        'เพื่อตอบโจทย์เหล่านั้น แนวคิดที่ผ่านการคัดเลือกจะได้รับเชิญให้ส่งข้อเสนอฉบับสมบูรณ์ และทำงานร่วมกับเมืองเจ้าของโจทย์',
      descriptionEn:
        'Cities and municipalities post the problems they want solved; social enterprises, universities and community ' +
        'groups propose innovations that answer them. Selected concept notes are invited to submit a full proposal and ' +
        'work with the city that posted the challenge.',
      opensAt: cityOpens,
      closesAt: monthEnd(now, 3),
      fullClosesAt: monthEnd(now, 6),
      totalBudgetSatang: baht(30_000_000),
      minGrantSatang: baht(500_000),
      maxGrantSatang: baht(3_000_000),
      stageMode: 'two_stage',
      eligibility: {
        organisationTypes: [
          'social_enterprise',
          'university',
          'npo_foundation',
          'private_company',
          'civil_society_group',
        ],
        maxProposalsPerOrganisation: 3,
      },
      status: 'published',
      forms: { concept: cityConcept, full: cityFull },
    },
    {
      programmeSlug: 'area-based',
      code: 'AB',
      titleTh: `นวัตกรรมเพื่อสังคมเชิงพื้นที่ กลุ่มจังหวัดเป้าหมาย ปีงบประมาณ ${fy}`,
      titleEn: `Area-based Social Innovation in the Target Provinces FY${fy}`,
      descriptionTh:
        'ทุนสำหรับชุมชน วิสาหกิจ และองค์กรปกครองส่วนท้องถิ่นในกลุ่มจังหวัดยากจน เพื่อพัฒนานวัตกรรมที่ลดความยากจน ' +
        'และความเหลื่อมล้ำในพื้นที่ของตนเอง โดยมีหน่วยขับเคลื่อนระดับภูมิภาคเป็นพี่เลี้ยง',
      descriptionEn:
        'Grants for communities, enterprises and local governments in the poorest provinces to develop innovations ' +
        'against poverty and inequality in their own area, mentored by the regional driving units.',
      opensAt: monthStart(now, -1),
      closesAt: monthEnd(now, 2),
      fullClosesAt: null,
      totalBudgetSatang: baht(20_000_000),
      minGrantSatang: baht(200_000),
      maxGrantSatang: baht(1_000_000),
      stageMode: 'single',
      eligibility: {
        organisationTypes: [
          'community_enterprise',
          'social_enterprise',
          'local_government',
          'npo_foundation',
          'civil_society_group',
          'youth_group',
        ],
        targetGroupOnly: true,
        maxProposalsPerOrganisation: 2,
      },
      status: 'published',
      forms: { proposal: areaBased },
    },
    {
      programmeSlug: 'sectoral',
      code: 'SE',
      titleTh: `นวัตกรรมเพื่อสังคมรายสาขา: สุขภาพและสวัสดิการ ปีงบประมาณ ${fiscalYearOf(monthStart(now, 2))}`,
      titleEn: `Sectoral Social Innovation: Health and Welfare FY${fiscalYearOf(monthStart(now, 2))}`,
      descriptionTh:
        'รับข้อเสนอนวัตกรรมที่ขยายผลได้ในประเด็นสุขภาพ และการเงิน การจ้างงาน และสวัสดิการ ทั่วประเทศ ' +
        'วงเงินไม่เกิน 1,500,000 บาทต่อโครงการ',
      descriptionEn:
        'Innovations ready to scale in health, and in finance, employment and welfare, anywhere in Thailand; ' +
        'up to 1,500,000 baht per project.',
      opensAt: monthStart(now, 2),
      closesAt: monthEnd(now, 4),
      fullClosesAt: null,
      totalBudgetSatang: baht(15_000_000),
      minGrantSatang: baht(300_000),
      maxGrantSatang: baht(1_500_000),
      stageMode: 'single',
      eligibility: { themes: ['health', 'finance_employment_welfare'] },
      status: 'published',
      forms: { proposal: sectoral },
    },
    {
      programmeSlug: 'social-innovation-village',
      code: 'SV',
      titleTh: `หมู่บ้านนวัตกรรมเพื่อสังคม ปีงบประมาณ ${pastFy}`,
      titleEn: `Social Innovation Village FY${pastFy}`,
      descriptionTh: 'ชุมชนและ อปท. นำต้นแบบนวัตกรรมที่พิสูจน์แล้วไปใช้ในหมู่บ้านของตน',
      descriptionEn: 'Communities and local governments adopt proven innovation models in their villages.',
      opensAt: pastOpens,
      closesAt: monthEnd(now, -7),
      fullClosesAt: null,
      totalBudgetSatang: baht(10_000_000),
      minGrantSatang: baht(100_000),
      maxGrantSatang: baht(500_000),
      stageMode: 'single',
      eligibility: { organisationTypes: ['local_government', 'community_enterprise'], targetGroupOnly: true },
      // Past its deadline; the review demo closes it once its proposals are in.
      status: 'published',
      forms: { proposal: village },
    },
  ];
}

/** Inserts a demo call (published on the day it opens) with version 1 of each of its forms; returns its id. */
export async function insertDemoCall(
  tx: DbOrTx,
  call: DemoCall,
  programmeId: string,
  fiscalYear: number,
): Promise<string> {
  const { programmeSlug: _slug, forms, eligibility, ...fields } = call;
  const callId = await repo.insertCall(tx, {
    ...fields,
    programmeId,
    fiscalYear,
    eligibility: EligibilityRulesSchema.parse(eligibility),
    publishedAt: call.opensAt,
  });
  for (const [stage, definition] of Object.entries(forms)) {
    await repo.insertForm(tx, {
      callId,
      stage,
      version: 1,
      definition: FormDefinitionSchema.parse(definition),
    });
  }
  return callId;
}

/** The demo city that posts the City Challenge's problem statements, owned by the demo partner. */
async function createDemoCity(db: Database, partnerUserId: string): Promise<string> {
  const city = await createOrganisation(
    db,
    systemActor(partnerUserId, ['partner']),
    {
      nameTh: 'เทศบาลนครขอนแก่น (ตัวอย่าง)',
      nameEn: 'Khon Kaen City Municipality (demo)',
      type: 'local_government',
      provinceCode: 40,
      description: 'เมืองตัวอย่างที่เสนอโจทย์ปัญหาในรอบความท้าทายนวัตกรรมเพื่อเมืองและชุมชน',
      themes: ['urbanisation', 'environment', 'health'],
    },
    { actorUserId: null, ip: null, requestId: null },
  );
  return city.id;
}

/**
 * Demo content: three calls of this fiscal year (a two-stage City Challenge with problem statements from a demo
 * city, an area-based call for the target provinces, an upcoming sectoral call by theme) and one closed call of the
 * year before, each with complete forms. Dates follow `now`, so the open calls stay open whenever the demo loads.
 */
export async function ensureDemoCalls(
  db: Database,
  options: { now: Date; partnerUserId: string | null },
): Promise<string> {
  const { now, partnerUserId } = options;
  let cityId: string | null = null;
  const created: string[] = [];
  for (const call of demoCalls(now)) {
    const programme = await findProgramme(db, call.programmeSlug);
    const fiscalYear = fiscalYearOf(call.opensAt);
    if (!programme || (await repo.findCallByCode(db, call.code, fiscalYear))) {
      continue;
    }
    if (call.code === 'CC' && partnerUserId && cityId === null) {
      cityId = await createDemoCity(db, partnerUserId);
    }
    const ownerOrganisationId = cityId;
    await db.transaction(async (tx) => {
      const callId = await insertDemoCall(tx, call, programme.id, fiscalYear);
      if (call.code === 'CC') {
        for (const s of CITY_STATEMENTS) {
          await statements.insertStatement(tx, {
            ...s,
            callId,
            provinceCode: 40,
            ownerUserId: partnerUserId,
            ownerOrganisationId,
          });
        }
      }
    });
    created.push(`${call.code}-${fiscalYear}`);
  }
  return created.length > 0 ? `calls ${created.join(', ')}` : 'no new calls';
}
