import type { Database } from '@server/db/client';
import { systemActor, type Actor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import {
  baht,
  budget,
  insertDemoCall,
  srl,
  summary,
  themes,
  type DemoCall,
} from '@server/modules/calls/calls.demo';
import {
  findCallIdByCode,
  getTargetGroupProvinceCodes,
  transitionCall,
} from '@server/modules/calls/calls.service';
import {
  decideProposal,
  releaseDecisions,
  screenProposals,
} from '@server/modules/decisions/decisions.service';
import { adopterName, areaIn, type DemoAdopterType } from '@server/modules/diffusion/diffusion.demo';
import { changeStatus, createAdoption } from '@server/modules/diffusion/adoptions.service';
import {
  assessSrl,
  getInnovation,
  moveInnovation,
  setDiffusion,
  updateInnovation,
} from '@server/modules/innovations/innovations.service';
import { createOrganisation } from '@server/modules/organisations/organisations.service';
import { findProgramme } from '@server/modules/programmes/programmes.service';
import { createProposal, saveProposal, submitProposal } from '@server/modules/proposals/proposals.service';
import type { FormDefinitionInput } from '@shared/contracts/forms';
import type { AdoptionStatus, BeneficiaryCount } from '@shared/contracts/diffusion';
import type { DecisionOutcome } from '@shared/contracts/decisions';
import type { ProjectDetail } from '@shared/contracts/projects';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import type { ThemeCode } from '@shared/reference/themes';
import { addDays } from '@shared/projects/plan';
import { acceptAgreement, issueAgreement } from './agreements.service';
import { closeProject } from './closeout.service';
import { recordPayment } from './money.service';
import { addMonths } from './projects.demo';
import { getProject, listProjects, saveProjectSetup } from './projects.service';
import { approveReport, getReport, saveReport, submitReport, uploadEvidence } from './reports.service';

// A past portfolio for the analytics pages (coverage, dashboards, policy reports, open data): seven closed calls of
// FY2567 and FY2568 in four programmes, with proposals funded and not, grant projects in many provinces at every
// stage from signed to closed, the closed ones' innovations in the catalogue, and their adoptions elsewhere.

/** The grantee account that owns the portfolio's organisations (it signs their agreements and writes their reports). */
export const PORTFOLIO_GRANTEE = {
  email: 'grantee@demo.si-platform.test',
  name: 'ผู้รับทุนรุ่นก่อน ตัวอย่าง',
  role: null,
} as const;

export interface DemoPortfolioOptions {
  now: Date;
  officerUserId: string;
  granteeUserId: string;
  /** Where milestone evidence goes; without it, milestones are claimed at 90 % (100 % needs a file). */
  fileStorage?: FileStorage | undefined;
  publicUrl?: string;
}

const META = (userId: string): RequestMeta => ({ actorUserId: userId, ip: null, requestId: null });
const at = (isoDate: string, hour = 10): Date =>
  new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00+07:00`);

// ---- The calls ---------------------------------------------------------------------------------------------------

type CallKey = 'AB' | 'SE' | 'SV' | 'CC';

const PROGRAMME_OF: Record<CallKey, string> = {
  AB: 'area-based',
  SE: 'sectoral',
  SV: 'social-innovation-village',
  CC: 'city-challenge',
};

/** One short form for the past calls: summary, provinces, themes, SRL now and targeted, budget. */
const PAST_FORM: FormDefinitionInput = {
  sections: [
    {
      id: 'project',
      titleTh: 'ข้อมูลโครงการ',
      titleEn: 'The project',
      questions: [
        summary('summary', 5000),
        {
          id: 'area',
          type: 'area',
          labelTh: 'จังหวัดที่ดำเนินงาน',
          labelEn: 'Provinces where the project works',
          required: true,
          level: 'province',
          multiple: true,
        },
        themes(2),
        srl,
      ],
    },
    { id: 'money', titleTh: 'งบประมาณ', titleEn: 'Budget', questions: [budget] },
  ],
};

/** The Gregorian year in which Buddhist-Era fiscal year `fy` starts (October). */
const fyStartYear = (fy: number) => fy - 544;

function pastCall(key: CallKey, fy: number): DemoCall {
  const y = fyStartYear(fy);
  const common = {
    programmeSlug: PROGRAMME_OF[key],
    code: key,
    opensAt: new Date(`${y}-11-01T00:00:00+07:00`),
    closesAt: new Date(`${y + 1}-01-31T23:59:59+07:00`),
    fullClosesAt: null,
    stageMode: 'single' as const,
    status: 'published' as const,
    forms: { proposal: PAST_FORM },
  };
  switch (key) {
    case 'AB':
      return {
        ...common,
        titleTh: `นวัตกรรมเพื่อสังคมเชิงพื้นที่ กลุ่มจังหวัดเป้าหมาย ปีงบประมาณ ${fy}`,
        titleEn: `Area-based Social Innovation in the Target Provinces FY${fy}`,
        descriptionTh:
          'ทุนสำหรับชุมชน วิสาหกิจ กลุ่มเยาวชน และองค์กรปกครองส่วนท้องถิ่นในกลุ่มจังหวัดยากจน ' +
          'เพื่อพัฒนานวัตกรรมที่ลดความยากจนและความเหลื่อมล้ำในพื้นที่ของตนเอง',
        descriptionEn:
          'Grants for communities, enterprises, youth groups and local governments in the poorest provinces to develop ' +
          'innovations against poverty and inequality in their own area.',
        totalBudgetSatang: baht(8_000_000),
        minGrantSatang: baht(200_000),
        maxGrantSatang: baht(1_000_000),
        eligibility: { targetGroupOnly: true, maxProposalsPerOrganisation: 2 },
      };
    case 'SE':
      return {
        ...common,
        titleTh: `นวัตกรรมเพื่อสังคมรายสาขา ปีงบประมาณ ${fy}`,
        titleEn: `Sectoral Social Innovation FY${fy}`,
        descriptionTh:
          'ข้อเสนอนวัตกรรมที่ขยายผลได้ในเก้าสาขา จากมหาวิทยาลัย วิสาหกิจเพื่อสังคม มูลนิธิ และภาคประชาสังคม ทั่วประเทศ',
        descriptionEn:
          'Innovations ready to scale in the nine themes, from universities, social enterprises, foundations and ' +
          'civil society anywhere in Thailand.',
        totalBudgetSatang: baht(12_000_000),
        minGrantSatang: baht(300_000),
        maxGrantSatang: baht(1_500_000),
        eligibility: {},
      };
    case 'SV':
      return {
        ...common,
        titleTh: `หมู่บ้านนวัตกรรมเพื่อสังคม ปีงบประมาณ ${fy}`,
        titleEn: `Social Innovation Village FY${fy}`,
        descriptionTh: 'ชุมชนและ อปท. นำต้นแบบนวัตกรรมที่พิสูจน์แล้วไปใช้ในหมู่บ้านของตน',
        descriptionEn: 'Communities and local governments adopt proven innovation models in their villages.',
        totalBudgetSatang: baht(3_000_000),
        minGrantSatang: baht(100_000),
        maxGrantSatang: baht(500_000),
        eligibility: { organisationTypes: ['local_government', 'community_enterprise'] },
      };
    case 'CC':
      return {
        ...common,
        titleTh: `ความท้าทายนวัตกรรมเพื่อเมืองและชุมชน ปีงบประมาณ ${fy}`,
        titleEn: `City & Community Innovation Challenge FY${fy}`,
        descriptionTh: 'เมืองและเทศบาลร่วมกับมหาวิทยาลัยและผู้ประกอบการทางสังคม ทดลองนวัตกรรมแก้ปัญหาของเมืองในพื้นที่จริง',
        descriptionEn:
          'Cities and municipalities pilot innovations for urban problems with universities and social entrepreneurs.',
        totalBudgetSatang: baht(6_000_000),
        minGrantSatang: baht(500_000),
        maxGrantSatang: baht(2_000_000),
        eligibility: {},
      };
  }
}

// ---- The proposals and projects ----------------------------------------------------------------------------------

/** How far a funded project got: signed (first instalment paid), midway (first report approved, second paid),
 * final_submitted (its final report waits for review), closed (all paid, closed, innovation published). */
type Progress = 'signed' | 'midway' | 'final_submitted' | 'closed';

interface Entry {
  key: string;
  call: CallKey;
  fy: 2567 | 2568;
  orgTh: string;
  orgEn: string;
  orgType: OrganisationTypeCode;
  provinces: number[];
  titleTh: string;
  titleEn: string;
  /** The problem and the idea, in Thai (the proposal's summary). */
  storyTh: string;
  themes: ThemeCode[];
  askBaht: number;
  outcome: DecisionOutcome;
  awardBaht?: number;
  reason: string;
  srl: [number, number];
  months?: number;
  progress?: Progress;
  finalSrl?: number;
  /** An officer's later assessment of the closed project's innovation: [srl, months after close]. */
  laterSrl?: [number, number];
  /** Kept back from the last instalment (baht), with the note. */
  withheld?: [number, string];
  summaryEn?: string;
  lessonsTh?: string;
  diffusionReady?: boolean;
}

const ENTRIES: Entry[] = [
  // ---- AB-2567 -------------------------------------------------------------------------------------------------
  {
    key: 'mhs-coffee',
    call: 'AB',
    fy: 2567,
    orgTh: 'วิสาหกิจชุมชนกาแฟบ้านห้วยฮี้ (ตัวอย่าง)',
    orgEn: 'Ban Huai Hi Coffee Community Enterprise (demo)',
    orgType: 'community_enterprise',
    provinces: [58],
    titleTh: 'กาแฟใต้ร่มไม้ ฟื้นป่าต้นน้ำและสร้างรายได้ให้ครัวเรือนปกาเกอะญอ',
    titleEn: 'Shade-grown coffee that restores the watershed forest and earns income for Karen households',
    storyTh:
      'ครัวเรือนปกาเกอะญอบนพื้นที่สูงปลูกข้าวโพดเชิงเดี่ยว ต้องเผาแปลงทุกปีและมีหนี้สินจากค่าปุ๋ยและเมล็ดพันธุ์ ' +
      'โครงการเปลี่ยนแปลงข้าวโพดเป็นสวนกาแฟใต้ร่มไม้ผสมไม้ป่า ตั้งโรงคั่วและแบรนด์ของชุมชน ขายตรงให้ร้านกาแฟในเมือง',
    themes: ['sustainable_agriculture', 'environment'],
    askBaht: 880_000,
    outcome: 'award',
    awardBaht: 850_000,
    reason: 'ชุมชนมีแผนชัดเจน ลดการเผาและสร้างรายได้ระยะยาว',
    srl: [3, 6],
    months: 12,
    progress: 'closed',
    finalSrl: 6,
    laterSrl: [7, 14],
    summaryEn:
      'Karen hill households replace burnt maize fields with coffee grown under native trees, roast it in a community ' +
      'roastery and sell it direct to city cafés.',
    lessonsTh: 'ต้องมีตลาดรับซื้อที่แน่นอนก่อนเริ่มปลูก และให้ผู้หญิงเป็นแกนนำการแปรรูป',
    diffusionReady: true,
  },
  {
    key: 'tak-youth',
    call: 'AB',
    fy: 2567,
    orgTh: 'กลุ่มเยาวชนรักษ์ถิ่นแม่ระมาด (ตัวอย่าง)',
    orgEn: 'Mae Ramat Homeland Youth Group (demo)',
    orgType: 'youth_group',
    provinces: [63],
    titleTh: 'ห้องเรียนสองภาษาโดยพี่เลี้ยงเยาวชน ลดเด็กหลุดจากระบบการศึกษาในชุมชนชายแดน',
    titleEn: 'Bilingual peer classrooms keeping border-community children in school',
    storyTh:
      'เด็กในชุมชนชายแดนจำนวนมากพูดภาษาไทยไม่คล่อง เรียนไม่ทันเพื่อนและออกจากโรงเรียนกลางคัน ' +
      'เยาวชนในชุมชนที่พูดได้สองภาษาเป็นพี่เลี้ยงสอนเสริมหลังเลิกเรียน ร่วมกับครูและผู้ปกครอง',
    themes: ['government_education'],
    askBaht: 450_000,
    outcome: 'award',
    awardBaht: 420_000,
    reason: 'ตอบปัญหาเด็กหลุดจากระบบการศึกษาในพื้นที่ชายแดนโดยตรง',
    srl: [2, 5],
    months: 12,
    progress: 'closed',
    finalSrl: 5,
    summaryEn:
      'Bilingual young people of the community tutor border children after school, with teachers and parents.',
    lessonsTh: 'พี่เลี้ยงเยาวชนต้องได้ค่าตอบแทนที่สม่ำเสมอ จึงจะอยู่กับโครงการได้ตลอดปีการศึกษา',
  },
  {
    key: 'nrt-crab',
    call: 'AB',
    fy: 2567,
    orgTh: 'กลุ่มประมงพื้นบ้านบ้านทอน (ตัวอย่าง)',
    orgEn: 'Ban Thon Small-scale Fishers Group (demo)',
    orgType: 'civil_society_group',
    provinces: [96],
    titleTh: 'ธนาคารปูม้าและเขตอนุรักษ์ชายฝั่งโดยชาวประมงพื้นบ้าน',
    titleEn: 'A blue swimming crab bank and coastal conservation zone run by small-scale fishers',
    storyTh:
      'ปริมาณปูม้าที่จับได้ลดลงกว่าครึ่งในสิบปี ชาวประมงพื้นบ้านรายได้ลดลงและต้องออกเรือไกลขึ้น ' +
      'กลุ่มตั้งธนาคารปูม้าเพาะฟักแม่ปูไข่นอกกระดอง กำหนดเขตอนุรักษ์ชายฝั่งและกติกาการใช้เครื่องมือประมงร่วมกัน',
    themes: ['environment', 'food_water_energy'],
    askBaht: 600_000,
    outcome: 'award',
    awardBaht: 600_000,
    reason: 'มีข้อมูลพื้นฐานชัดเจนและชุมชนมีกติกาอนุรักษ์ร่วมกันแล้ว',
    srl: [4, 7],
    months: 12,
    progress: 'closed',
    finalSrl: 7,
    laterSrl: [8, 16],
    summaryEn:
      'Fishers hatch the eggs of berried crabs in a community crab bank and keep a coastal no-take zone with shared rules.',
    lessonsTh: 'ข้อมูลปริมาณปูที่ชาวประมงบันทึกเองทุกเดือนทำให้สมาชิกเห็นผลและยอมรับกติกา',
    diffusionReady: true,
  },
  {
    key: 'nbp-indigo',
    call: 'AB',
    fy: 2567,
    orgTh: 'วิสาหกิจชุมชนผ้าฝ้ายย้อมครามบ้านโนนสวรรค์ (ตัวอย่าง)',
    orgEn: 'Ban Non Sawan Indigo Cotton Community Enterprise (demo)',
    orgType: 'community_enterprise',
    provinces: [39],
    titleTh: 'ผ้าฝ้ายย้อมครามธรรมชาติ เชื่อมตลาดออกแบบร่วมสมัยให้กลุ่มแม่บ้าน',
    titleEn: 'Natural indigo cotton linked to contemporary design markets for village women',
    storyTh:
      'กลุ่มแม่บ้านทอผ้าย้อมครามได้สวยแต่ขายได้เฉพาะในงานเทศกาล ราคาต่ำและมีผ้าค้างจำนวนมาก ' +
      'โครงการทำงานกับนักออกแบบรุ่นใหม่พัฒนาลายและผลิตภัณฑ์ร่วมสมัย และขายผ่านร้านค้าออนไลน์ของกลุ่ม',
    themes: ['finance_employment_welfare', 'tourism_culture'],
    askBaht: 400_000,
    outcome: 'award',
    awardBaht: 380_000,
    reason: 'มีตลาดปลายทางรองรับ ปรับลดงบอุปกรณ์เล็กน้อย',
    srl: [3, 6],
    months: 12,
    progress: 'final_submitted',
    finalSrl: 6,
    lessonsTh: 'ลายร่วมสมัยขายดีกว่าเดิมสามเท่า แต่ต้องวางแผนปลูกครามให้พอกับคำสั่งซื้อ',
  },
  {
    key: 'stn-geotour',
    call: 'AB',
    fy: 2567,
    orgTh: 'วิสาหกิจชุมชนท่องเที่ยวบ้านบ่อเจ็ดลูก (ตัวอย่าง)',
    orgEn: 'Ban Bo Chet Luk Community Tourism Enterprise (demo)',
    orgType: 'community_enterprise',
    provinces: [91],
    titleTh: 'ท่องเที่ยวโดยชุมชนเชิงธรณีวิทยาในอุทยานธรณีโลกสตูล',
    titleEn: 'Community geotourism in the Satun UNESCO Global Geopark',
    storyTh:
      'นักท่องเที่ยวมาเที่ยวอุทยานธรณีแต่รายได้ไม่ถึงชาวบ้าน เรือหางยาวรับส่งเพียงไม่กี่ลำ ' +
      'ชุมชนพัฒนาเส้นทางท่องเที่ยวเชิงธรณีวิทยา ฝึกมัคคุเทศก์ท้องถิ่น และจัดระบบจองคิวเรือและที่พักร่วมกัน',
    themes: ['tourism_culture'],
    askBaht: 550_000,
    outcome: 'award',
    awardBaht: 520_000,
    reason: 'ชุมชนพร้อม มีภาคีอุทยานธรณีร่วมดำเนินงาน',
    srl: [4, 7],
    months: 12,
    progress: 'closed',
    finalSrl: 6,
    withheld: [20_000, 'หักค่าใช้จ่ายหมวดวัสดุที่ไม่มีหลักฐานประกอบ 20,000 บาท'],
    summaryEn:
      'The village runs geology trails, trains local guides and books its long-tail boats and homestays through one queue.',
    lessonsTh: 'การจัดคิวเรือร่วมกันลดความขัดแย้งในชุมชนได้มากกว่าที่คาด',
  },
  {
    key: 'pni-snack',
    call: 'AB',
    fy: 2567,
    orgTh: 'กลุ่มสตรีทำขนมพื้นบ้านบ้านดาโต๊ะ (ตัวอย่าง)',
    orgEn: 'Ban Dato Women’s Traditional Sweets Group (demo)',
    orgType: 'civil_society_group',
    provinces: [94],
    titleTh: 'โรงผลิตขนมพื้นบ้านมาตรฐานฮาลาลของกลุ่มสตรี',
    titleEn: 'A halal-certified kitchen for the women’s traditional sweets',
    storyTh:
      'กลุ่มสตรีทำขนมพื้นบ้านขายในตลาดนัด รายได้ไม่แน่นอนและยังไม่มีมาตรฐานอาหาร ' +
      'ขอทุนสร้างโรงผลิตและซื้อเครื่องจักรเพื่อขอมาตรฐานฮาลาลและขายในร้านค้าสมัยใหม่',
    themes: ['finance_employment_welfare'],
    askBaht: 500_000,
    outcome: 'reject',
    reason: 'งบประมาณส่วนใหญ่เป็นสิ่งก่อสร้างและครุภัณฑ์ ยังไม่เห็นองค์ประกอบของนวัตกรรม',
    srl: [2, 4],
  },
  {
    key: 'mhs-forest',
    call: 'AB',
    fy: 2567,
    orgTh: 'เครือข่ายป่าชุมชนลุ่มน้ำปาย (ตัวอย่าง)',
    orgEn: 'Pai River Community Forest Network (demo)',
    orgType: 'civil_society_group',
    provinces: [58],
    titleTh: 'อาสาดับไฟป่าชุมชนพร้อมระบบแจ้งจุดความร้อนผ่านมือถือ',
    titleEn: 'Community forest-fire volunteers alerted to hotspots by phone',
    storyTh:
      'ไฟป่าและหมอกควันทุกฤดูแล้งทำให้เด็กและผู้สูงอายุป่วยด้วยโรคทางเดินหายใจ ' +
      'เครือข่ายเสนอให้อาสาสมัครในหมู่บ้านได้รับแจ้งจุดความร้อนผ่านมือถือและมีอุปกรณ์ดับไฟเบื้องต้น',
    themes: ['environment', 'disaster_management'],
    askBaht: 350_000,
    outcome: 'waitlist',
    reason: 'อยู่ในรายชื่อสำรอง หากมีงบประมาณคงเหลือจะพิจารณาเป็นลำดับแรก',
    srl: [3, 5],
  },
  // ---- SE-2567 -------------------------------------------------------------------------------------------------
  {
    key: 'cbi-care',
    call: 'SE',
    fy: 2567,
    orgTh: 'บริษัท ใจดีแคร์ วิสาหกิจเพื่อสังคม จำกัด (ตัวอย่าง)',
    orgEn: 'Jaidee Care Social Enterprise Co., Ltd. (demo)',
    orgType: 'social_enterprise',
    provinces: [20],
    titleTh: 'ผู้ช่วยดูแลผู้สูงอายุติดเตียงในชุมชน ฝึกอาชีพและจับคู่กับครอบครัวผ่านแอปพลิเคชัน',
    titleEn: 'Community carers for bedridden elders, trained and matched to families through an app',
    storyTh:
      'ครอบครัวที่มีผู้สูงอายุติดเตียงต้องมีคนออกจากงานมาดูแล ขณะที่ผู้ว่างงานในชุมชนไม่มีทักษะการดูแล ' +
      'วิสาหกิจฝึกผู้ช่วยดูแลจากชุมชนเดียวกัน และจับคู่กับครอบครัวผ่านแอปพลิเคชันพร้อมค่าบริการที่ครอบครัวจ่ายได้',
    themes: ['health', 'finance_employment_welfare'],
    askBaht: 1_450_000,
    outcome: 'award',
    awardBaht: 1_400_000,
    reason: 'มีโมเดลรายได้ชัดเจนและขยายผลได้ทั่วประเทศ',
    srl: [4, 7],
    months: 12,
    progress: 'closed',
    finalSrl: 7,
    laterSrl: [8, 18],
    summaryEn:
      'Unemployed neighbours are trained as carers for bedridden elders and matched to families through an app, at fees ' +
      'families can pay.',
    lessonsTh: 'ความไว้ใจของครอบครัวเกิดจากผู้ดูแลที่เป็นคนในชุมชนเดียวกัน มากกว่าจากเทคโนโลยี',
    diffusionReady: true,
  },
  {
    key: 'npt-veg',
    call: 'SE',
    fy: 2567,
    orgTh: 'มหาวิทยาลัยราชภัฏนครปฐม (ตัวอย่าง)',
    orgEn: 'Nakhon Pathom Rajabhat University (demo)',
    orgType: 'university',
    provinces: [73],
    titleTh: 'ผักปลอดภัยจากแปลงเกษตรกรรายย่อยสู่โรงพยาบาลและโรงเรียน ด้วยระบบสั่งซื้อล่วงหน้า',
    titleEn: 'Safe vegetables from smallholders to hospitals and schools through advance ordering',
    storyTh:
      'เกษตรกรรายย่อยปลูกผักปลอดภัยแต่ขายผ่านพ่อค้าคนกลางในราคาต่ำ ขณะที่โรงพยาบาลและโรงเรียนหาผักปลอดภัยไม่ได้ ' +
      'มหาวิทยาลัยพัฒนาระบบสั่งซื้อล่วงหน้าและวางแผนการปลูกร่วมกับเกษตรกร พร้อมตรวจสารตกค้างทุกรอบ',
    themes: ['sustainable_agriculture', 'health'],
    askBaht: 1_200_000,
    outcome: 'award',
    awardBaht: 1_150_000,
    reason: 'มีผู้ซื้อปลายทางยืนยันแล้ว ปรับลดค่าตอบแทนบุคลากร',
    srl: [3, 6],
    months: 18,
    progress: 'midway',
  },
  {
    key: 'cm-jobs',
    call: 'SE',
    fy: 2567,
    orgTh: 'มูลนิธิพัฒนาคนพิการล้านนา (ตัวอย่าง)',
    orgEn: 'Lanna Disability Development Foundation (demo)',
    orgType: 'npo_foundation',
    provinces: [50, 57],
    titleTh: 'แพลตฟอร์มจ้างงานคนพิการในธุรกิจท้องถิ่น ภาคเหนือตอนบน',
    titleEn: 'A platform placing people with disabilities in local businesses of the upper north',
    storyTh:
      'สถานประกอบการในจังหวัดต้องจ้างคนพิการตามกฎหมายแต่หาผู้สมัครไม่ได้ ขณะที่คนพิการในชนบทไม่รู้ว่ามีงาน ' +
      'มูลนิธิสร้างแพลตฟอร์มจับคู่งานตามความสามารถ พร้อมโค้ชในที่ทำงานช่วงสามเดือนแรก',
    themes: ['finance_employment_welfare'],
    askBaht: 1_500_000,
    outcome: 'award',
    awardBaht: 1_500_000,
    reason: 'ตอบโจทย์การจ้างงานคนพิการตามมาตรา 33 และ 35 ได้จริง',
    srl: [4, 7],
    months: 12,
    progress: 'closed',
    finalSrl: 7,
    summaryEn:
      'A platform matches people with disabilities to local employers by ability, with a job coach for the first three months.',
    lessonsTh: 'โค้ชในที่ทำงานคือสิ่งที่ทำให้การจ้างงานคงอยู่เกินหนึ่งปี',
  },
  {
    key: 'udn-ncd',
    call: 'SE',
    fy: 2567,
    orgTh: 'ชมรมอาสาสมัครสาธารณสุขอำเภอกุมภวาปี (ตัวอย่าง)',
    orgEn: 'Kumphawapi Village Health Volunteers Club (demo)',
    orgType: 'civil_society_group',
    provinces: [41],
    titleTh: 'อสม. ดิจิทัลคัดกรองเบาหวานและความดันถึงบ้าน พร้อมระบบติดตามผ่านไลน์',
    titleEn:
      'Digital village health volunteers screening diabetes and hypertension at home, followed up on LINE',
    storyTh:
      'ผู้ป่วยเบาหวานและความดันในชนบทจำนวนมากไม่รู้ตัวหรือขาดการรักษา เพราะเดินทางไปโรงพยาบาลลำบาก ' +
      'อสม. ใช้เครื่องวัดและแอปบันทึกผลคัดกรองที่บ้าน ส่งต่อ รพ.สต. และติดตามการกินยาผ่านไลน์กลุ่ม',
    themes: ['health'],
    askBaht: 900_000,
    outcome: 'award',
    awardBaht: 820_000,
    reason: 'ต่อยอดระบบ อสม. ที่มีอยู่ ปรับลดค่าอุปกรณ์',
    srl: [3, 6],
    months: 12,
    progress: 'final_submitted',
    finalSrl: 5,
    lessonsTh: 'การติดตามผ่านไลน์ได้ผลกับผู้ป่วยวัยทำงาน แต่ผู้สูงอายุยังต้องการการเยี่ยมบ้าน',
  },
  {
    key: 'bkk-farm',
    call: 'SE',
    fy: 2567,
    orgTh: 'บริษัท สมาร์ทฟาร์มไทย จำกัด (ตัวอย่าง)',
    orgEn: 'Smart Farm Thai Co., Ltd. (demo)',
    orgType: 'private_company',
    provinces: [10],
    titleTh: 'เซนเซอร์วัดความชื้นดินราคาถูกสำหรับเกษตรกรรายย่อย',
    titleEn: 'Low-cost soil-moisture sensors for smallholders',
    storyTh:
      'เกษตรกรรายย่อยให้น้ำพืชตามความเคยชิน เปลืองน้ำและค่าไฟสูบน้ำ ' +
      'บริษัทเสนอเซนเซอร์วัดความชื้นดินราคาถูกที่แจ้งเตือนผ่านมือถือ โดยเกษตรกรเช่าใช้รายเดือน',
    themes: ['sustainable_agriculture'],
    askBaht: 1_500_000,
    outcome: 'reject',
    reason: 'เป็นผลิตภัณฑ์เชิงพาณิชย์ ยังไม่แสดงการมีส่วนร่วมของชุมชนและผลทางสังคม',
    srl: [5, 7],
  },
  {
    key: 'kkn-school',
    call: 'SE',
    fy: 2567,
    orgTh: 'ศูนย์การเรียนรู้ชุมชนบ้านโคกสี (ตัวอย่าง)',
    orgEn: 'Ban Khok Si Community Learning Centre (demo)',
    orgType: 'civil_society_group',
    provinces: [40],
    titleTh: 'ห้องสมุดเคลื่อนที่และชมรมอ่านออกเสียงสำหรับเด็กปฐมวัย',
    titleEn: 'A mobile library and read-aloud clubs for young children',
    storyTh:
      'เด็กปฐมวัยในชุมชนรอบเมืองมีหนังสือที่บ้านน้อยมาก ผู้ปกครองทำงานนอกบ้านทั้งวัน ' +
      'ศูนย์เสนอห้องสมุดเคลื่อนที่และชมรมอ่านออกเสียงโดยผู้สูงอายุในชุมชนทุกเย็น',
    themes: ['government_education'],
    askBaht: 400_000,
    outcome: 'waitlist',
    reason: 'อยู่ในรายชื่อสำรอง',
    srl: [3, 5],
  },
  // ---- SV-2567 -------------------------------------------------------------------------------------------------
  {
    key: 'nan-water',
    call: 'SV',
    fy: 2567,
    orgTh: 'องค์การบริหารส่วนตำบลสวด (ตัวอย่าง)',
    orgEn: 'Suat Subdistrict Administration (demo)',
    orgType: 'local_government',
    provinces: [55],
    titleTh: 'ประปาภูเขาพลังงานแสงอาทิตย์ บริหารโดยคณะกรรมการน้ำหมู่บ้าน',
    titleEn: 'Solar-powered mountain water supply run by a village water committee',
    storyTh:
      'หมู่บ้านบนดอยขาดน้ำในฤดูแล้ง ครัวเรือนต้องซื้อน้ำและผู้หญิงใช้เวลาหลายชั่วโมงขนน้ำ ' +
      'อบต. นำต้นแบบประปาภูเขาพลังงานแสงอาทิตย์มาใช้ ตั้งคณะกรรมการน้ำเก็บค่าน้ำตามการใช้จริงเพื่อดูแลระบบ',
    themes: ['food_water_energy'],
    askBaht: 300_000,
    outcome: 'award',
    awardBaht: 280_000,
    reason: 'อปท. สมทบงบประมาณและมีแผนการดูแลระบบหลังจบโครงการ',
    srl: [5, 7],
    months: 12,
    progress: 'closed',
    finalSrl: 7,
    laterSrl: [8, 12],
    summaryEn:
      'A mountain village pumps water with solar power; a village committee charges by use and keeps the system running.',
    lessonsTh: 'ค่าน้ำที่ชุมชนตกลงกันเองพอสำหรับซ่อมบำรุง หากมีช่างชุมชนที่ผ่านการอบรม',
    diffusionReady: true,
  },
  {
    key: 'acr-fund',
    call: 'SV',
    fy: 2567,
    orgTh: 'องค์การบริหารส่วนตำบลโนนหนามแท่ง (ตัวอย่าง)',
    orgEn: 'Non Nam Thaeng Subdistrict Administration (demo)',
    orgType: 'local_government',
    provinces: [37],
    titleTh: 'กองทุนสวัสดิการชุมชนวันละบาท ดูแลกันตั้งแต่เกิดจนตาย',
    titleEn: 'A baht-a-day community welfare fund, from birth to death',
    storyTh:
      'ครัวเรือนยากจนไม่มีหลักประกันเมื่อเจ็บป่วยหรือเสียชีวิต ต้องกู้เงินนอกระบบ ' +
      'อบต. นำต้นแบบกองทุนสวัสดิการชุมชนวันละบาทมาใช้ สมาชิกออมสม่ำเสมอและได้สวัสดิการตามกติกาที่ร่วมกันกำหนด',
    themes: ['finance_employment_welfare'],
    askBaht: 200_000,
    outcome: 'award',
    awardBaht: 180_000,
    reason: 'ต้นแบบพิสูจน์แล้ว ชุมชนพร้อมออมสมทบ',
    srl: [5, 7],
    months: 12,
    progress: 'final_submitted',
    finalSrl: 6,
    lessonsTh: 'สมาชิกเพิ่มขึ้นเร็วเมื่อกองทุนจ่ายสวัสดิการรายแรกอย่างโปร่งใส',
  },
  // ---- AB-2568 -------------------------------------------------------------------------------------------------
  {
    key: 'ptl-krajood',
    call: 'AB',
    fy: 2568,
    orgTh: 'วิสาหกิจชุมชนกระจูดบ้านทะเลน้อย (ตัวอย่าง)',
    orgEn: 'Ban Thale Noi Krajood Weaving Community Enterprise (demo)',
    orgType: 'community_enterprise',
    provinces: [93],
    titleTh: 'หัตถกรรมกระจูดร่วมสมัยและการท่องเที่ยววิถีทะเลน้อย',
    titleEn: 'Contemporary krajood weaving and Thale Noi wetland tourism',
    storyTh:
      'ผู้สูงอายุที่สานกระจูดเป็นลดลงทุกปี คนรุ่นใหม่ไม่สืบทอดเพราะรายได้ต่ำ ' +
      'กลุ่มพัฒนาผลิตภัณฑ์กระจูดร่วมสมัย เปิดเวิร์กช็อปสานกระจูดให้นักท่องเที่ยว และแบ่งรายได้ให้ผู้สานในหมู่บ้าน',
    themes: ['tourism_culture', 'finance_employment_welfare'],
    askBaht: 700_000,
    outcome: 'award',
    awardBaht: 650_000,
    reason: 'เชื่อมหัตถกรรมกับการท่องเที่ยว ปรับลดงบประชาสัมพันธ์',
    srl: [4, 6],
    months: 18,
    progress: 'final_submitted',
    finalSrl: 6,
    lessonsTh: 'เวิร์กช็อปสำหรับนักท่องเที่ยวทำรายได้มากกว่าการขายสินค้าอย่างเดียว',
  },
  {
    key: 'yla-digital',
    call: 'AB',
    fy: 2568,
    orgTh: 'กลุ่มเยาวชนสร้างสรรค์เบตง (ตัวอย่าง)',
    orgEn: 'Betong Creative Youth Group (demo)',
    orgType: 'youth_group',
    provinces: [95],
    titleTh: 'ศูนย์ทักษะดิจิทัลโดยเยาวชน สร้างงานออนไลน์ให้คนรุ่นใหม่ในพื้นที่ชายแดนใต้',
    titleEn: 'A youth-run digital skills hub creating online work for young people of the southern border',
    storyTh:
      'คนหนุ่มสาวในพื้นที่ชายแดนใต้ว่างงานสูงและต้องย้ายไปทำงานต่างประเทศ ' +
      'เยาวชนตั้งศูนย์ฝึกทักษะดิจิทัล รับงานออกแบบ ตัดต่อวิดีโอ และขายสินค้าชุมชนออนไลน์ แบ่งรายได้ให้สมาชิก',
    themes: ['finance_employment_welfare', 'government_education'],
    askBaht: 480_000,
    outcome: 'award',
    awardBaht: 450_000,
    reason: 'สร้างงานให้เยาวชนในพื้นที่ได้จริง',
    srl: [2, 5],
    months: 24,
    progress: 'midway',
  },
  {
    key: 'pkn-fibre',
    call: 'AB',
    fy: 2568,
    orgTh: 'วิสาหกิจชุมชนแปรรูปสับปะรดบ้านหนองหอย (ตัวอย่าง)',
    orgEn: 'Ban Nong Hoi Pineapple Processing Community Enterprise (demo)',
    orgType: 'community_enterprise',
    provinces: [77],
    titleTh: 'เส้นใยจากใบสับปะรด เพิ่มรายได้และลดการเผาในแปลงเกษตร',
    titleEn: 'Pineapple-leaf fibre: more income and less field burning',
    storyTh:
      'หลังเก็บเกี่ยวสับปะรด เกษตรกรเผาใบทิ้งทำให้เกิดหมอกควันและดินเสื่อม ' +
      'วิสาหกิจรับซื้อใบสับปะรดมาแยกเส้นใยด้วยเครื่องที่ชุมชนพัฒนาเอง ขายให้โรงงานสิ่งทอและกลุ่มหัตถกรรม',
    themes: ['sustainable_agriculture', 'environment'],
    askBaht: 350_000,
    outcome: 'award',
    awardBaht: 300_000,
    reason: 'ลดการเผาและเพิ่มมูลค่าของเหลือทิ้ง ปรับลดงบเครื่องจักร',
    srl: [3, 5],
    months: 18,
    progress: 'midway',
  },
  {
    key: 'trg-rubber',
    call: 'AB',
    fy: 2568,
    orgTh: 'องค์การบริหารส่วนตำบลนาโยงเหนือ (ตัวอย่าง)',
    orgEn: 'Na Yong Nuea Subdistrict Administration (demo)',
    orgType: 'local_government',
    provinces: [92],
    titleTh: 'ธนาคารต้นไม้และสวนยางยั่งยืน ลดความเสี่ยงจากราคายางผันผวน',
    titleEn: 'Tree banks and sustainable rubber smallholdings against rubber price swings',
    storyTh:
      'ชาวสวนยางรายย่อยพึ่งรายได้จากยางอย่างเดียว เมื่อราคายางตกครัวเรือนมีหนี้สินเพิ่ม ' +
      'อบต. ส่งเสริมการปลูกไม้มีค่าและพืชร่วมยาง ตั้งธนาคารต้นไม้ให้ใช้ต้นไม้เป็นหลักทรัพย์ค้ำประกันเงินกู้',
    themes: ['sustainable_agriculture'],
    askBaht: 420_000,
    outcome: 'award',
    awardBaht: 400_000,
    reason: 'กระจายความเสี่ยงรายได้ของเกษตรกรรายย่อย',
    srl: [3, 6],
    months: 24,
    progress: 'signed',
  },
  {
    key: 'mhs-clinic',
    call: 'AB',
    fy: 2568,
    orgTh: 'กลุ่มอาสาสุขภาพชาติพันธุ์ปางมะผ้า (ตัวอย่าง)',
    orgEn: 'Pang Mapha Ethnic Health Volunteers (demo)',
    orgType: 'civil_society_group',
    provinces: [58],
    titleTh: 'คลินิกเคลื่อนที่และล่ามภาษาชาติพันธุ์สำหรับหมู่บ้านห่างไกล',
    titleEn: 'A mobile clinic with ethnic-language interpreters for remote villages',
    storyTh:
      'ชาวบ้านในหมู่บ้านห่างไกลเข้าไม่ถึงบริการสุขภาพ เพราะถนนขาดในฤดูฝนและสื่อสารกับเจ้าหน้าที่ไม่ได้ ' +
      'กลุ่มเสนอคลินิกเคลื่อนที่ร่วมกับ รพ.สต. และฝึกล่ามภาษาชาติพันธุ์จากคนในหมู่บ้าน',
    themes: ['health'],
    askBaht: 900_000,
    outcome: 'reject',
    reason: 'เป็นภารกิจประจำของหน่วยบริการสุขภาพ ควรเสนอผ่านกองทุนหลักประกันสุขภาพระดับท้องถิ่น',
    srl: [2, 4],
  },
  {
    key: 'nrt-rice',
    call: 'AB',
    fy: 2568,
    orgTh: 'วิสาหกิจชุมชนข้าวเกรียบปลาบ้านบางนรา (ตัวอย่าง)',
    orgEn: 'Ban Bang Nara Fish Cracker Community Enterprise (demo)',
    orgType: 'community_enterprise',
    provinces: [96],
    titleTh: 'ข้าวเกรียบปลาลดโซเดียมจากปลาที่ชาวประมงพื้นบ้านจับได้',
    titleEn: 'Low-sodium fish crackers from small-scale fishers’ catch',
    storyTh:
      'ชาวประมงพื้นบ้านขายปลาเล็กปลาน้อยได้ราคาต่ำ กลุ่มสตรีเสนอแปรรูปเป็นข้าวเกรียบปลาสูตรลดโซเดียม ' +
      'ขายให้โรงเรียนและร้านค้าในจังหวัด เพื่อเพิ่มมูลค่าและสร้างงานให้ผู้หญิงในหมู่บ้าน',
    themes: ['food_water_energy', 'finance_employment_welfare'],
    askBaht: 380_000,
    outcome: 'waitlist',
    reason: 'อยู่ในรายชื่อสำรอง ควรทดสอบตลาดเพิ่มเติม',
    srl: [3, 5],
  },
  // ---- SE-2568 -------------------------------------------------------------------------------------------------
  {
    key: 'ryg-litter',
    call: 'SE',
    fy: 2568,
    orgTh: 'สมาคมประมงพื้นบ้านจังหวัดระยอง (ตัวอย่าง)',
    orgEn: 'Rayong Small-scale Fisheries Association (demo)',
    orgType: 'civil_society_group',
    provinces: [21],
    titleTh: 'ธนาคารขยะทะเลและผลิตภัณฑ์จากอวนเก่า',
    titleEn: 'A marine-litter bank and products from old fishing nets',
    storyTh:
      'ขยะทะเลและอวนเก่าที่ถูกทิ้งทำอันตรายต่อสัตว์น้ำและเรือประมง ' +
      'สมาคมรับซื้อขยะทะเลที่ชาวประมงเก็บขึ้นฝั่ง แยกอวนไนลอนส่งโรงงานรีไซเคิล และให้กลุ่มสตรีผลิตกระเป๋าจากอวนเก่า',
    themes: ['environment'],
    askBaht: 1_300_000,
    outcome: 'award',
    awardBaht: 1_250_000,
    reason: 'มีผู้รับซื้อวัสดุรีไซเคิลและโมเดลรายได้ชัดเจน',
    srl: [4, 7],
    months: 24,
    progress: 'midway',
  },
  {
    key: 'nst-flood',
    call: 'SE',
    fy: 2568,
    orgTh: 'มหาวิทยาลัยวลัยลักษณ์ (ตัวอย่าง)',
    orgEn: 'Walailak University (demo)',
    orgType: 'university',
    provinces: [80],
    titleTh: 'ระบบเตือนภัยน้ำท่วมโดยชุมชนลุ่มน้ำปากพนัง',
    titleEn: 'Community flood early warning in the Pak Phanang basin',
    storyTh:
      'ชุมชนลุ่มน้ำปากพนังถูกน้ำท่วมทุกปี การเตือนภัยยังอาศัยการบอกต่อกัน ' +
      'มหาวิทยาลัยร่วมกับชุมชนติดตั้งเสาวัดระดับน้ำราคาถูก ส่งเตือนผ่านหอกระจายข่าวและไลน์ และซ้อมแผนอพยพทุกปี',
    themes: ['disaster_management'],
    askBaht: 900_000,
    outcome: 'award',
    awardBaht: 800_000,
    reason: 'ชุมชนร่วมออกแบบ ปรับลดจำนวนสถานีวัดในปีแรก',
    srl: [3, 6],
    months: 24,
    progress: 'midway',
  },
  {
    key: 'ssk-debt',
    call: 'SE',
    fy: 2568,
    orgTh: 'สถาบันการเงินชุมชนตำบลโพธิ์ (ตัวอย่าง)',
    orgEn: 'Pho Subdistrict Community Financial Institution (demo)',
    orgType: 'civil_society_group',
    provinces: [33],
    titleTh: 'สินเชื่อปลดหนี้นอกระบบโดยสถาบันการเงินชุมชน พร้อมโค้ชการเงินครัวเรือน',
    titleEn: 'Community finance institutions refinancing informal debt, with household money coaching',
    storyTh:
      'ครัวเรือนในตำบลกว่าครึ่งมีหนี้นอกระบบดอกเบี้ยสูง รายได้ส่วนใหญ่หมดไปกับดอกเบี้ย ' +
      'สถาบันการเงินชุมชนให้สินเชื่อรีไฟแนนซ์ดอกเบี้ยต่ำ พร้อมโค้ชการเงินที่เป็นอาสาสมัครในหมู่บ้านช่วยทำบัญชีครัวเรือน',
    themes: ['finance_employment_welfare'],
    askBaht: 700_000,
    outcome: 'award',
    awardBaht: 650_000,
    reason: 'แก้ปัญหาหนี้นอกระบบของครัวเรือนยากจนโดยตรง',
    srl: [4, 6],
    months: 24,
    progress: 'signed',
  },
  {
    key: 'bkk-clinic',
    call: 'SE',
    fy: 2568,
    orgTh: 'บริษัท เฮลท์ลิงก์ เทเลเมด จำกัด (ตัวอย่าง)',
    orgEn: 'HealthLink Telemed Co., Ltd. (demo)',
    orgType: 'private_company',
    provinces: [10],
    titleTh: 'แอปพลิเคชันปรึกษาแพทย์ทางไกลสำหรับแรงงานในเมือง',
    titleEn: 'A telemedicine app for urban workers',
    storyTh:
      'แรงงานในเมืองไม่มีเวลาไปพบแพทย์ในเวลาราชการ บริษัทเสนอแอปพลิเคชันปรึกษาแพทย์ทางไกล ' +
      'คิดค่าบริการรายเดือนผ่านนายจ้าง และส่งยาถึงที่พัก',
    themes: ['health'],
    askBaht: 1_500_000,
    outcome: 'reject',
    reason: 'กลุ่มเป้าหมายไม่ใช่กลุ่มเปราะบาง และเป็นบริการเชิงพาณิชย์ที่มีอยู่แล้วในตลาด',
    srl: [6, 8],
  },
  {
    key: 'cmi-tour',
    call: 'SE',
    fy: 2568,
    orgTh: 'บริษัท เที่ยวยั่งยืน วิสาหกิจเพื่อสังคม จำกัด (ตัวอย่าง)',
    orgEn: 'Sustainable Trips Social Enterprise Co., Ltd. (demo)',
    orgType: 'social_enterprise',
    provinces: [50],
    titleTh: 'ตลาดท่องเที่ยวชุมชนออนไลน์ที่แบ่งรายได้ให้หมู่บ้านมากกว่าครึ่ง',
    titleEn: 'An online community-tourism market that pays villages more than half',
    storyTh:
      'หมู่บ้านท่องเที่ยวชุมชนได้ส่วนแบ่งรายได้น้อยจากบริษัทนำเที่ยว วิสาหกิจเสนอตลาดออนไลน์ที่หมู่บ้านตั้งราคาเอง ' +
      'และได้รับรายได้มากกว่าครึ่งของราคาขาย',
    themes: ['tourism_culture'],
    askBaht: 800_000,
    outcome: 'waitlist',
    reason: 'อยู่ในรายชื่อสำรอง',
    srl: [4, 6],
  },
  // ---- CC-2568 -------------------------------------------------------------------------------------------------
  {
    key: 'kkn-ride',
    call: 'CC',
    fy: 2568,
    orgTh: 'วิสาหกิจเพื่อสังคม ขอนแก่นพาไป (ตัวอย่าง)',
    orgEn: 'Khon Kaen Pa Pai Social Enterprise (demo)',
    orgType: 'social_enterprise',
    provinces: [40],
    titleTh: 'รถรับส่งผู้สูงอายุไปโรงพยาบาลแบบเรียกใช้ร่วมกัน',
    titleEn: 'Shared on-demand rides to hospital for older residents',
    storyTh:
      'ผู้สูงอายุที่อยู่ลำพังในชุมชนเมืองพลาดนัดแพทย์บ่อยเพราะไม่มีผู้พาไปและค่าเดินทางสูง ' +
      'วิสาหกิจจัดรถรับส่งแบบเรียกใช้ร่วมกัน จองผ่านโทรศัพท์หรือ อสม. และเทศบาลร่วมจ่ายค่าโดยสารให้ผู้มีรายได้น้อย',
    themes: ['urbanisation', 'health'],
    askBaht: 1_800_000,
    outcome: 'award',
    awardBaht: 1_700_000,
    reason: 'เทศบาลร่วมสมทบค่าโดยสาร ตอบโจทย์ของเมืองโดยตรง',
    srl: [4, 7],
    months: 18,
    progress: 'final_submitted',
    finalSrl: 6,
    lessonsTh: 'การจองผ่าน อสม. ได้ผลกว่าแอปพลิเคชันสำหรับผู้สูงอายุ',
  },
  {
    key: 'cbi-market',
    call: 'CC',
    fy: 2568,
    orgTh: 'เทศบาลนครแหลมฉบัง (ตัวอย่าง)',
    orgEn: 'Laem Chabang City Municipality (demo)',
    orgType: 'local_government',
    provinces: [20],
    titleTh: 'ศูนย์หมุนเวียนขยะอินทรีย์จากตลาดสดสู่ปุ๋ยและก๊าซชีวภาพ',
    titleEn: 'Market organic waste turned into compost and biogas',
    storyTh:
      'ตลาดสดในเขตเทศบาลทิ้งขยะอินทรีย์วันละหลายตัน บ่อฝังกลบใกล้เต็ม ' +
      'เทศบาลร่วมกับผู้ค้าคัดแยกขยะที่แผง ส่งเข้าศูนย์หมักปุ๋ยและบ่อก๊าซชีวภาพ และขายปุ๋ยให้เกษตรกรรอบเมือง',
    themes: ['environment', 'urbanisation'],
    askBaht: 2_000_000,
    outcome: 'award',
    awardBaht: 1_900_000,
    reason: 'ลดขยะฝังกลบได้มาก เทศบาลรับภาระค่าดำเนินการต่อ',
    srl: [5, 7],
    months: 24,
    progress: 'midway',
  },
  {
    key: 'bkk-parking',
    call: 'CC',
    fy: 2568,
    orgTh: 'บริษัท จอดง่าย จำกัด (ตัวอย่าง)',
    orgEn: 'Jod Ngai Co., Ltd. (demo)',
    orgType: 'private_company',
    provinces: [10],
    titleTh: 'แอปพลิเคชันแบ่งปันที่จอดรถในชุมชนเมือง',
    titleEn: 'A parking-sharing app for city neighbourhoods',
    storyTh:
      'ชุมชนเมืองมีปัญหาจอดรถกีดขวางทางเข้าออก บริษัทเสนอแอปพลิเคชันให้เจ้าของบ้านให้เช่าที่จอดรถรายชั่วโมง ' +
      'และแบ่งรายได้บางส่วนเข้ากองทุนชุมชน',
    themes: ['urbanisation'],
    askBaht: 1_200_000,
    outcome: 'reject',
    reason: 'ประโยชน์ตกแก่ผู้มีรถเป็นหลัก ไม่ตอบโจทย์กลุ่มเปราะบางของเมือง',
    srl: [5, 7],
  },
  // ---- SV-2568 -------------------------------------------------------------------------------------------------
  {
    key: 'brm-seed',
    call: 'SV',
    fy: 2568,
    orgTh: 'องค์การบริหารส่วนตำบลหนองกี่ (ตัวอย่าง)',
    orgEn: 'Nong Ki Subdistrict Administration (demo)',
    orgType: 'local_government',
    provinces: [31],
    titleTh: 'ธนาคารเมล็ดพันธุ์ข้าวพื้นเมืองระดับตำบล',
    titleEn: 'A subdistrict bank of native rice seed',
    storyTh:
      'ชาวนาต้องซื้อเมล็ดพันธุ์ข้าวทุกปีในราคาสูง และพันธุ์ข้าวพื้นเมืองที่ทนแล้งกำลังสูญหาย ' +
      'อบต. นำต้นแบบธนาคารเมล็ดพันธุ์ชุมชนมาใช้ ให้ชาวนายืมเมล็ดพันธุ์และคืนเป็นเมล็ดพันธุ์หลังเก็บเกี่ยว',
    themes: ['sustainable_agriculture'],
    askBaht: 200_000,
    outcome: 'award',
    awardBaht: 180_000,
    reason: 'ต้นแบบพิสูจน์แล้ว ลดต้นทุนชาวนาโดยตรง',
    srl: [5, 7],
    months: 12,
    progress: 'closed',
    finalSrl: 6,
    summaryEn:
      'Farmers borrow native drought-tolerant rice seed from a subdistrict bank and repay it in seed after harvest.',
    lessonsTh: 'ต้องมีแปลงขยายพันธุ์ของธนาคารเอง จึงจะมีเมล็ดพันธุ์พอในปีที่แล้งจัด',
  },
  {
    key: 'trt-sluice',
    call: 'SV',
    fy: 2568,
    orgTh: 'วิสาหกิจชุมชนสวนผลไม้บ้านไม้รูด (ตัวอย่าง)',
    orgEn: 'Ban Mai Rut Orchard Community Enterprise (demo)',
    orgType: 'community_enterprise',
    provinces: [23],
    titleTh: 'ประตูน้ำชุมชนป้องกันน้ำเค็มรุกสวนผลไม้',
    titleEn: 'Community sluice gates against saltwater intrusion into orchards',
    storyTh:
      'น้ำเค็มรุกเข้าคลองในฤดูแล้งทำให้ทุเรียนและมังคุดยืนต้นตาย ' +
      'วิสาหกิจนำต้นแบบประตูน้ำชุมชนมาใช้ ติดตั้งเครื่องวัดความเค็มและกำหนดเวลาปิดเปิดประตูน้ำร่วมกัน',
    themes: ['food_water_energy', 'disaster_management'],
    askBaht: 250_000,
    outcome: 'award',
    awardBaht: 230_000,
    reason: 'ชุมชนพร้อมดูแลประตูน้ำและมีภาคีกรมชลประทานในพื้นที่',
    srl: [5, 7],
    months: 12,
    progress: 'final_submitted',
    finalSrl: 7,
    lessonsTh: 'ข้อมูลความเค็มรายวันทำให้การตัดสินใจปิดเปิดประตูน้ำไม่เป็นข้อขัดแย้ง',
  },
];

/** Adoptions of the closed projects' innovations in other provinces. */
interface PlannedAdoption {
  entry: string;
  provinceCode: number;
  adopterType: DemoAdopterType;
  village: string;
  status: AdoptionStatus;
  /** Days after the project closed that interest was recorded. */
  after: number;
  beneficiaries: BeneficiaryCount[];
  fundingBaht: number;
  fundingSource: string;
  adaptationTh: string;
}

const ADOPTIONS: PlannedAdoption[] = [
  {
    entry: 'mhs-coffee',
    provinceCode: 63,
    adopterType: 'community_enterprise',
    village: 'บ้านแม่ละมุ้ง',
    status: 'adopted',
    after: 40,
    beneficiaries: [
      { group: 'farmers', count: 62 },
      { group: 'ethnic_groups', count: 210 },
    ],
    fundingBaht: 120_000,
    fundingSource: 'กองทุนหมู่บ้านและเงินออมสมาชิก',
    adaptationTh: 'ปลูกกาแฟร่วมกับอะโวคาโดแทนไม้ป่าบางส่วน',
  },
  {
    entry: 'mhs-coffee',
    provinceCode: 67,
    adopterType: 'local_government',
    village: 'บ้านเข็กน้อย',
    status: 'implementing',
    after: 200,
    beneficiaries: [{ group: 'farmers', count: 45 }],
    fundingBaht: 150_000,
    fundingSource: 'ข้อบัญญัติงบประมาณ อบต.',
    adaptationTh: 'ชาวม้งในพื้นที่เป็นแกนนำ ใช้พันธุ์กาแฟที่ทนอากาศร้อนกว่า',
  },
  {
    entry: 'nrt-crab',
    provinceCode: 90,
    adopterType: 'village_committee',
    village: 'บ้านบ่ออิฐ',
    status: 'sustained',
    after: 30,
    beneficiaries: [
      { group: 'general', count: 340 },
      { group: 'poor_households', count: 85 },
    ],
    fundingBaht: 60_000,
    fundingSource: 'กองทุนหมู่บ้าน',
    adaptationTh: 'ใช้กระชังในทะเลสาบแทนถังเพาะฟักบนฝั่ง',
  },
  {
    entry: 'nrt-crab',
    provinceCode: 86,
    adopterType: 'community_enterprise',
    village: 'บ้านบางเบิด',
    status: 'adopted',
    after: 150,
    beneficiaries: [{ group: 'general', count: 180 }],
    fundingBaht: 45_000,
    fundingSource: 'เงินออมของสมาชิกกลุ่ม',
    adaptationTh: 'ร่วมกับโฮมสเตย์ให้นักท่องเที่ยวปล่อยลูกปู',
  },
  {
    entry: 'cbi-care',
    provinceCode: 36,
    adopterType: 'local_government',
    village: 'บ้านโนนสำราญ',
    status: 'adopted',
    after: 60,
    beneficiaries: [
      { group: 'elderly', count: 96 },
      { group: 'people_with_disabilities', count: 18 },
    ],
    fundingBaht: 240_000,
    fundingSource: 'กองทุนฟื้นฟูสมรรถภาพจังหวัดและกองทุนหลักประกันสุขภาพระดับท้องถิ่น',
    adaptationTh: 'จับคู่ผู้ดูแลผ่าน อสม. แทนแอปพลิเคชัน',
  },
  {
    entry: 'cbi-care',
    provinceCode: 30,
    adopterType: 'health_promoting_hospital',
    village: 'บ้านหนองบัว',
    status: 'planning',
    after: 300,
    beneficiaries: [{ group: 'elderly', count: 40 }],
    fundingBaht: 80_000,
    fundingSource: 'กองทุนหลักประกันสุขภาพระดับท้องถิ่น',
    adaptationTh: '',
  },
  {
    entry: 'nan-water',
    provinceCode: 57,
    adopterType: 'local_government',
    village: 'บ้านห้วยขม',
    status: 'sustained',
    after: 20,
    beneficiaries: [
      { group: 'poor_households', count: 140 },
      { group: 'ethnic_groups', count: 520 },
    ],
    fundingBaht: 260_000,
    fundingSource: 'งบพัฒนาจังหวัด',
    adaptationTh: 'เพิ่มถังพักน้ำสำรองสำหรับโรงเรียนในหมู่บ้าน',
  },
  {
    entry: 'nan-water',
    provinceCode: 58,
    adopterType: 'village_committee',
    village: 'บ้านห้วยปูลิง',
    status: 'adopted',
    after: 120,
    beneficiaries: [{ group: 'general', count: 230 }],
    fundingBaht: 90_000,
    fundingSource: 'ข้อบัญญัติงบประมาณ อบต.',
    adaptationTh: 'ใช้ท่อ HDPE ขนาดเล็กลงตามจำนวนครัวเรือน',
  },
  {
    entry: 'brm-seed',
    provinceCode: 32,
    adopterType: 'local_government',
    village: 'บ้านโคกกลาง',
    status: 'interested',
    after: 90,
    beneficiaries: [],
    fundingBaht: 0,
    fundingSource: '',
    adaptationTh: '',
  },
];

const STEPS: readonly AdoptionStatus[] = ['interested', 'planning', 'implementing', 'adopted', 'sustained'];

/** A minimal PDF, the evidence of a completed milestone (demo only). */
const EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

// ---- Building it -------------------------------------------------------------------------------------------------

interface Context {
  db: Database;
  now: Date;
  officer: Actor;
  grantee: Actor;
  officerMeta: RequestMeta;
  granteeMeta: RequestMeta;
  storage: FileStorage | undefined;
  publicUrl: string;
}

/** Moves a project along to `progress`, dated from `startsOn`; stops at the first step not yet due on `now`. */
async function runProject(
  c: Context,
  entry: Entry,
  projectId: string,
  startsOn: string,
): Promise<ProjectDetail> {
  const { db, officer, grantee, officerMeta, granteeMeta } = c;
  const months = entry.months ?? 12;
  const endsOn = addDays(addMonths(startsOn, months), -1);
  const midOn = addMonths(startsOn, Math.round(months / 2));
  const due = (iso: string) => at(iso) <= c.now;
  const project = await getProject(db, officer, projectId, at(addDays(startsOn, -14)));
  const award = project.awardSatang;
  const first = Math.round(award * 0.4);
  const second = Math.round(award * 0.4);
  const saved = await saveProjectSetup(
    db,
    officer,
    projectId,
    {
      version: project.version,
      startsOn,
      endsOn,
      drivingUnitId: project.drivingUnitId,
      reportSchedule: 'milestone',
      reallocationLimitPercent: 10,
      srlTarget: entry.srl[1],
      budgetLines: project.budgetLines.map((l) => ({
        category: l.category,
        description: l.description,
        amountSatang: l.approvedSatang,
      })),
      milestones: [
        {
          titleTh: 'ทดลองใช้ต้นแบบในพื้นที่นำร่อง',
          titleEn: 'Pilot in the first site',
          deliverable: 'ต้นแบบใช้งานได้จริงในพื้นที่นำร่อง พร้อมบันทึกผลการทดลอง',
          dueOn: midOn,
        },
        {
          titleTh: 'ขยายผลครบพื้นที่เป้าหมายและส่งมอบให้ชุมชนดูแลต่อ',
          titleEn: 'Rolled out to every target site and handed over to the community',
          deliverable: 'ชุมชนดำเนินการต่อเองได้ พร้อมรายงานบทเรียน',
          dueOn: endsOn,
        },
      ],
      instalments: [
        { amountSatang: first, releaseAfterReport: null },
        { amountSatang: second, releaseAfterReport: 1 },
        { amountSatang: award - first - second, releaseAfterReport: 2 },
      ],
    },
    officerMeta,
    at(addDays(startsOn, -14)),
  );
  const issued = await issueAgreement(
    db,
    officer,
    projectId,
    { version: saved.version },
    officerMeta,
    at(addDays(startsOn, -10)),
  );
  let current = await acceptAgreement(
    db,
    grantee,
    projectId,
    {
      version: issued.version,
      signedName: PORTFOLIO_GRANTEE.name,
      confirm: true,
      agreementSha256: issued.agreement.sha256 ?? '',
    },
    granteeMeta,
    at(addDays(startsOn, -7), 14),
  );
  const pay = async (sequence: number, paidOn: string, withheld?: [number, string]) => {
    const instalment = current.instalments.find((i) => i.sequence === sequence);
    if (!instalment || instalment.status !== 'ready' || !due(paidOn)) {
      return false;
    }
    const short = withheld ? withheld[0] * 100 : 0;
    await recordPayment(
      db,
      officer,
      instalment.id,
      {
        version: instalment.version,
        paidOn,
        paidSatang: instalment.amountSatang - short,
        reference: `KTB-${current.agreementNumber}-${sequence}`,
        note: withheld ? withheld[1] : '',
        carryForward: false,
      },
      officerMeta,
      at(paidOn, 15),
    );
    return true;
  };
  if (!(await pay(1, addDays(startsOn, 10)))) {
    return current;
  }
  const progress = entry.progress ?? 'signed';
  if (progress === 'signed') {
    return current;
  }
  // The progress report, then (for projects further on) the final one.
  const reports = [...current.reports].sort((a, b) => a.sequence - b.sequence);
  for (const [index, summaryOfReport] of reports.entries()) {
    const isFinal = summaryOfReport.kind === 'final';
    if (progress === 'midway' && isFinal) {
      break;
    }
    const submittedOn = addDays(summaryOfReport.periodEnd, 12);
    if (!due(submittedOn)) {
      break;
    }
    const submittedVersion = await fileReport(c, entry, summaryOfReport.id, index, isFinal, submittedOn);
    if (isFinal && progress === 'final_submitted') {
      break;
    }
    const approvedOn = addDays(submittedOn, 9);
    if (!due(approvedOn)) {
      break;
    }
    await approveReport(
      db,
      officer,
      summaryOfReport.id,
      {
        version: submittedVersion,
        comment: isFinal ? 'รายงานฉบับสุดท้ายครบถ้วน' : 'รายงานครบถ้วน ดำเนินงานตามแผน',
      },
      officerMeta,
      at(approvedOn, 11),
      c.publicUrl,
    );
    current = await getProject(db, officer, projectId, at(approvedOn, 12));
    await pay(index + 2, addDays(approvedOn, 6), isFinal ? entry.withheld : undefined);
  }
  if (progress !== 'closed') {
    return getProject(db, officer, projectId, c.now);
  }
  current = await getProject(db, officer, projectId, c.now);
  const closeOn = addDays(endsOn, 60);
  if (current.instalments.some((i) => i.status !== 'paid') || !due(closeOn)) {
    return current;
  }
  return closeProject(
    db,
    officer,
    projectId,
    { version: current.version, note: 'ส่งมอบผลงานครบถ้วน ปิดโครงการ' },
    officerMeta,
    at(closeOn),
  );
}

/** Fills, evidences and submits one report of the grantee; returns its version. */
async function fileReport(
  c: Context,
  entry: Entry,
  reportId: string,
  index: number,
  isFinal: boolean,
  submittedOn: string,
): Promise<number> {
  const { db, grantee, granteeMeta } = c;
  const when = at(submittedOn, 9);
  const draft = await getReport(db, grantee, reportId, when);
  const storage = c.storage;
  if (storage) {
    for (const m of draft.milestones) {
      await uploadEvidence(
        db,
        storage,
        grantee,
        reportId,
        { purpose: 'milestone', milestoneId: m.milestoneId },
        { fileName: `evidence-${index + 1}.pdf`, bytes: EVIDENCE_PDF, truncated: false },
        granteeMeta,
        when,
      );
    }
  }
  const srlLevel = isFinal ? (entry.finalSrl ?? entry.srl[1]) : Math.min(entry.srl[0] + 1, entry.srl[1]);
  const share = isFinal ? 0.55 : 0.4;
  const filled = await saveReport(
    db,
    grantee,
    reportId,
    {
      version: draft.version,
      narrative: isFinal
        ? `${entry.storyTh} ผลการดำเนินงานตลอดโครงการเป็นไปตามแผน ชุมชนดำเนินการต่อเองได้และมีพื้นที่อื่นมาศึกษาดูงาน`
        : 'ช่วงแรกตั้งคณะทำงานชุมชน สำรวจข้อมูลพื้นฐาน และทดลองใช้ต้นแบบในพื้นที่นำร่องครบตามแผน',
      problems: isFinal ? '' : 'ฝนตกต่อเนื่องทำให้กิจกรรมบางส่วนล่าช้าราวสองสัปดาห์',
      risks: '',
      srlLevel,
      srlEvidence: isFinal
        ? 'ชุมชนใช้งานจริงครบทุกพื้นที่เป้าหมาย มีบันทึกผลและคณะกรรมการดูแลต่อ'
        : 'ทดสอบต้นแบบกับกลุ่มเป้าหมายในพื้นที่นำร่อง มีบันทึกผลการทดสอบ',
      milestones: draft.milestones.map((m) => ({
        milestoneId: m.milestoneId,
        completionPercent: storage ? 100 : 90,
        note: storage ? '' : 'ส่งมอบแล้ว รอแนบหลักฐาน',
      })),
      expenditures: draft.expenditures.map((line) => ({
        budgetLineId: line.budgetLineId,
        spentSatang: Math.min(
          line.approvedSatang - line.spentBeforeSatang,
          Math.round(line.approvedSatang * share),
        ),
        note: '',
      })),
      indicators: [],
      lessonsLearned: isFinal ? (entry.lessonsTh ?? 'ชุมชนเป็นเจ้าของนวัตกรรมตั้งแต่เริ่มต้น') : '',
      scalingRecommendations: isFinal
        ? [
            {
              area: 'ชุมชนที่มีปัญหาคล้ายกันในภูมิภาคเดียวกัน',
              provinceCodes: [],
              recommendation: 'เริ่มจากพื้นที่นำร่องหนึ่งหมู่บ้าน โดยมีแกนนำจากพื้นที่ต้นแบบเป็นพี่เลี้ยง',
              conditions: 'แกนนำชุมชนที่พร้อม และงบสมทบจาก อปท.',
            },
          ]
        : [],
    },
    granteeMeta,
    when,
  );
  const submitted = await submitReport(
    db,
    grantee,
    reportId,
    { version: filled.version },
    granteeMeta,
    when,
    c.publicUrl,
  );
  return submitted.version;
}

/** Completes the closed project's catalogue entry (English, SRL now, adoption package) and publishes it. */
async function publishInnovation(
  c: Context,
  entry: Entry,
  innovationId: string,
  closedOn: string,
): Promise<void> {
  const { db, officer, officerMeta } = c;
  let detail = await getInnovation(db, officer, innovationId);
  detail = await updateInnovation(
    db,
    officer,
    innovationId,
    { version: detail.version, summaryEn: entry.summaryEn ?? '', titleEn: entry.titleEn },
    officerMeta,
  );
  detail = await moveInnovation(
    db,
    officer,
    innovationId,
    'publish',
    { version: detail.version },
    officerMeta,
    new Date(Math.min(at(addDays(closedOn, 14)).getTime(), c.now.getTime())),
  );
  if (entry.laterSrl) {
    const [srlNow, monthsAfter] = entry.laterSrl;
    const assessedOn = addMonths(closedOn, monthsAfter);
    if (at(assessedOn) <= c.now) {
      detail = await assessSrl(
        db,
        officer,
        innovationId,
        {
          version: detail.version,
          srl: srlNow,
          assessedOn,
          note: 'ประเมินจากการติดตามพื้นที่ที่นำไปใช้',
        },
        officerMeta,
        c.now,
      );
    }
  }
  if (entry.diffusionReady) {
    await setDiffusion(
      db,
      officer,
      innovationId,
      {
        version: detail.version,
        isDiffusionReady: true,
        adoptionPackage: {
          steps: [
            { titleTh: 'ศึกษาดูงานพื้นที่ต้นแบบ', titleEn: 'Visit the original site', weeks: 2 },
            { titleTh: 'ตั้งคณะทำงานและกติกาของชุมชน', titleEn: 'Form a working group and its rules', weeks: 4 },
            { titleTh: 'ทดลองใช้และปรับให้เข้ากับพื้นที่', titleEn: 'Pilot and adapt it locally', weeks: 12 },
          ],
          costs: [
            { itemTh: 'วัสดุและอุปกรณ์', itemEn: 'Materials and equipment', amountSatang: baht(80_000) },
            { itemTh: 'อบรมและพี่เลี้ยง', itemEn: 'Training and mentoring', amountSatang: baht(30_000) },
          ],
          resourcesTh: 'คู่มือชุมชนและแกนนำจากพื้นที่ต้นแบบ',
          resourcesEn: 'A community handbook and leaders from the original site',
          partnerIds: [],
        },
      },
      officerMeta,
    );
  }
}

/** Records one adoption and moves it along its timeline to its planned status. */
async function recordAdoption(
  c: Context,
  plan: PlannedAdoption,
  index: number,
  innovationId: string,
  closedOn: string,
): Promise<boolean> {
  const { db, officer, officerMeta } = c;
  const interestedOn = addDays(closedOn, plan.after);
  if (at(interestedOn) > c.now) {
    return false;
  }
  const area = await areaIn(db, plan.provinceCode, index);
  const villageNo = area.subdistrictCode === null ? null : (index % 9) + 1;
  let adoption = await createAdoption(
    db,
    officer,
    {
      innovationId,
      provinceCode: plan.provinceCode,
      districtCode: area.districtCode,
      subdistrictCode: area.subdistrictCode,
      villageNo,
      villageName: villageNo === null ? '' : plan.village,
      adopterOrganisationId: null,
      adopterName: adopterName(plan.adopterType, area, plan.village),
      adopterType: plan.adopterType,
      diffusionPartnerId: null,
      diffusionPartnerName: '',
      sourceAdoptionId: null,
      adaptationsTh: plan.adaptationTh,
      adaptationsEn: '',
      beneficiaries: plan.beneficiaries,
      localFundingSatang: baht(plan.fundingBaht),
      localFundingSource: plan.fundingSource,
      needId: null,
      problemStatementId: null,
      interestedOn,
      note: '',
    },
    officerMeta,
    at(interestedOn),
  );
  let on = interestedOn;
  for (const status of STEPS.slice(1, STEPS.indexOf(plan.status) + 1)) {
    const next = addDays(on, 75);
    on = at(next) > c.now ? on : next;
    adoption = await changeStatus(
      db,
      officer,
      adoption.id,
      { toStatus: status, occurredOn: on, reason: '', note: '', version: adoption.version },
      officerMeta,
      c.now,
    );
  }
  return true;
}

/**
 * The past portfolio: for FY2567 and FY2568, area-based, sectoral, village (and in FY2568 city) calls, each closed
 * with its proposals submitted, screened, decided (awards of differing amounts, rejections, a waitlist) and released;
 * the awards' projects set up, signed and paid, some with reports approved, a few closed with their innovations
 * published (current SRL, adoption package) and adopted in other provinces. Projects of the southern border provinces
 * fall to the Southern Border unit, of Nan to the Lower Northern unit, the rest to no unit. Returns a line for the log.
 */
export async function ensureDemoPortfolio(db: Database, options: DemoPortfolioOptions): Promise<string> {
  const c: Context = {
    db,
    now: options.now,
    officer: systemActor(options.officerUserId, ['programme_officer']),
    grantee: systemActor(options.granteeUserId),
    officerMeta: META(options.officerUserId),
    granteeMeta: META(options.granteeUserId),
    storage: options.fileStorage,
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
  };
  if ((await findCallIdByCode(db, 'AB', 2567)) !== null) {
    return 'calls of FY2567 already present';
  }
  const target = new Set(await getTargetGroupProvinceCodes(db));
  const groups = new Map<string, Entry[]>();
  for (const entry of ENTRIES) {
    // Without the target group (no poverty figures loaded) the area-based calls take no proposals.
    if (entry.call === 'AB' && !entry.provinces.every((p) => target.has(p))) {
      continue;
    }
    const key = `${entry.call}-${entry.fy}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const projectIds = new Map<string, { id: string; startsOn: string }>();
  const made = { calls: 0, proposals: 0, awards: 0 };
  for (const [key, entries] of groups) {
    const [code = 'AB', fyText = '2567'] = key.split('-');
    const fy = Number(fyText);
    const call = pastCall(code as CallKey, fy);
    const programme = await findProgramme(db, call.programmeSlug);
    if (!programme) {
      continue;
    }
    const callId = await db.transaction((tx) => insertDemoCall(tx, call, programme.id, fy));
    made.calls += 1;
    const y = fyStartYear(fy);
    const proposalIds: string[] = [];
    for (const [n, entry] of entries.entries()) {
      const submittedAt = at(addDays(`${y}-11-20`, n * 6), 16);
      const organisation = await createOrganisation(
        db,
        c.grantee,
        {
          nameTh: entry.orgTh,
          nameEn: entry.orgEn,
          type: entry.orgType,
          provinceCode: entry.provinces[0] ?? 10,
          themes: entry.themes,
        },
        c.granteeMeta,
      );
      const draft = await createProposal(
        db,
        c.grantee,
        { callId, organisationId: organisation.id, titleTh: entry.titleTh, problemStatementId: null },
        c.granteeMeta,
        submittedAt,
      );
      const askSatang = baht(entry.askBaht);
      const personnel = Math.round(askSatang * 0.3);
      const operating = Math.round(askSatang * 0.25);
      const saved = await saveProposal(
        db,
        c.grantee,
        draft.id,
        {
          version: draft.version,
          titleEn: entry.titleEn,
          answers: {
            summary:
              `${entry.storyTh} ` +
              'ชุมชนและภาคีในพื้นที่ร่วมออกแบบ ดำเนินงาน และติดตามผล โดยมีแผนให้ชุมชนดูแลต่อเองหลังจบโครงการ',
            area: entry.provinces.map((provinceCode) => ({ provinceCode })),
            themes: entry.themes,
            srl: { current: entry.srl[0], target: entry.srl[1] },
            budget: [
              { category: 'personnel', description: 'ค่าตอบแทนแกนนำและผู้ประสานงาน', amountSatang: personnel },
              { category: 'operating', description: 'อบรม ประชุม และศึกษาดูงาน', amountSatang: operating },
              {
                category: 'materials',
                description: 'วัสดุและอุปกรณ์สำหรับต้นแบบ',
                amountSatang: askSatang - personnel - operating,
              },
            ],
          },
        },
        submittedAt,
      );
      await submitProposal(db, c.grantee, draft.id, saved.version, c.granteeMeta, submittedAt);
      proposalIds.push(draft.id);
      made.proposals += 1;
    }
    const closedAt = at(`${y + 1}-02-01`, 9);
    await transitionCall(db, c.officer, callId, 'close', c.officerMeta, closedAt);
    const screened = await screenProposals(
      db,
      c.officer,
      callId,
      { ids: proposalIds, result: 'passed', reason: 'ตรวจเอกสารครบถ้วน ผ่านการตรวจคุณสมบัติ' },
      c.officerMeta,
      at(`${y + 1}-02-06`),
      'th',
    );
    if (screened.failed.length > 0) {
      throw new Error(`demo portfolio ${key}: ${screened.failed.map((f) => f.message).join('; ')}`);
    }
    const decidedAt = at(`${y + 1}-03-10`);
    for (const [n, entry] of entries.entries()) {
      await decideProposal(
        db,
        c.officer,
        proposalIds[n] ?? '',
        {
          outcome: entry.outcome,
          amountSatang: entry.awardBaht === undefined ? null : baht(entry.awardBaht),
          reason: entry.reason,
        },
        c.officerMeta,
        decidedAt,
      );
    }
    await releaseDecisions(db, c.officer, callId, {}, c.officerMeta, at(`${y + 1}-03-15`), 'th', c.publicUrl);
    const listed = await listProjects(db, c.officer, { callId, limit: 50 }, c.now);
    for (const project of listed.data) {
      const entry = entries.find((e) => e.titleTh === project.titleTh);
      if (entry) {
        projectIds.set(entry.key, { id: project.id, startsOn: `${y + 1}-04-01` });
        made.awards += 1;
      }
    }
  }

  const status = { active: 0, closed: 0, published: 0, paid: 0 };
  const closedOnOf = new Map<string, { innovationId: string; closedOn: string }>();
  for (const entry of ENTRIES) {
    const found = projectIds.get(entry.key);
    if (!found) {
      continue;
    }
    const detail = await runProject(c, entry, found.id, found.startsOn);
    status.paid += detail.instalments.filter((i) => i.status === 'paid').length;
    if (detail.status === 'closed' && detail.innovationId && detail.closedAt) {
      status.closed += 1;
      const closedOn = detail.closedAt.slice(0, 10);
      await publishInnovation(c, entry, detail.innovationId, closedOn);
      status.published += 1;
      closedOnOf.set(entry.key, { innovationId: detail.innovationId, closedOn });
    } else if (detail.status === 'active') {
      status.active += 1;
    }
  }
  let adoptions = 0;
  for (const [index, plan] of ADOPTIONS.entries()) {
    const closed = closedOnOf.get(plan.entry);
    if (closed && (await recordAdoption(c, plan, index, closed.innovationId, closed.closedOn))) {
      adoptions += 1;
    }
  }
  return (
    `${made.calls} past calls, ${made.proposals} proposals, ${made.awards} projects ` +
    `(${status.active} active, ${status.closed} closed; ${status.paid} instalments paid), ` +
    `${status.published} innovations published, ${adoptions} adoptions`
  );
}
