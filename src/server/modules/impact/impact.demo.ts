import type { Database } from '@server/db/client';
import { addDays, bangkokDate } from '@shared/projects/plan';
import type { LogicNode } from '@shared/contracts/impact-project';
import { SroiAssessmentModelSchema, type SroiAssessmentModel } from '@shared/contracts/sroi-assessments';
import { evaluateAssessmentModel, headlineOf } from '@shared/impact/sroi-assessment';
import * as repo from './impact-reports.repo';

export interface DemoImpactOptions {
  now: Date;
  officerUserId: string;
  /** The grantee's account that entered the values. */
  applicantUserId?: string | null;
}

/** The impact pathway of the demo's running project: a community-run solar water supply. */
const LOGIC_NODES: LogicNode[] = [
  {
    id: 'in-grant',
    stage: 'input',
    textTh: 'ทุนโครงการและแรงงานอาสาของชุมชน',
    textEn: 'The grant and community volunteer labour',
    links: ['act-install', 'act-train'],
  },
  {
    id: 'in-college',
    stage: 'input',
    textTh: 'ความรู้ด้านพลังงานแสงอาทิตย์จากวิทยาลัยเทคนิคในจังหวัด',
    textEn: "The provincial technical college's solar know-how",
    links: ['act-install'],
  },
  {
    id: 'act-install',
    stage: 'activity',
    textTh: 'ติดตั้งระบบสูบน้ำพลังงานแสงอาทิตย์และถังพักน้ำ',
    textEn: 'Install solar pumps and storage tanks',
    links: ['out-systems'],
  },
  {
    id: 'act-train',
    stage: 'activity',
    textTh: 'อบรมคณะกรรมการประปาหมู่บ้านให้ดูแลระบบและเก็บค่าน้ำ',
    textEn: 'Train the village water committee to run the system and collect fees',
    links: ['out-committee'],
  },
  {
    id: 'out-systems',
    stage: 'output',
    textTh: 'ระบบประปาพลังงานแสงอาทิตย์ใช้งานได้ 3 หมู่บ้าน',
    textEn: 'Solar water systems working in 3 villages',
    links: ['user-households'],
  },
  {
    id: 'out-committee',
    stage: 'output',
    textTh: 'คณะกรรมการประปาที่ผ่านการอบรม 15 คน',
    textEn: '15 trained water committee members',
    links: ['user-households', 'user-operators'],
  },
  {
    id: 'user-households',
    stage: 'user',
    textTh: 'ครัวเรือนผู้ใช้น้ำ 420 ครัวเรือน',
    textEn: '420 households using the water',
    links: ['oc-costs', 'oc-time'],
  },
  {
    id: 'user-operators',
    stage: 'user',
    textTh: 'ผู้ดูแลระบบประจำหมู่บ้าน',
    textEn: 'Village system operators',
    links: ['oc-jobs'],
  },
  {
    id: 'oc-costs',
    stage: 'outcome',
    textTh: 'ค่าไฟฟ้าสูบน้ำและค่าซื้อน้ำของครัวเรือนลดลง',
    textEn: 'Households spend less on pumping power and bought water',
    links: ['im-living'],
  },
  {
    id: 'oc-time',
    stage: 'outcome',
    textTh: 'ผู้หญิงและผู้สูงอายุใช้เวลาขนน้ำน้อยลง',
    textEn: 'Women and older people spend less time carrying water',
    links: ['im-living'],
  },
  {
    id: 'oc-jobs',
    stage: 'outcome',
    textTh: 'มีงานดูแลระบบที่มีรายได้ประจำในหมู่บ้าน',
    textEn: 'Paid system-operator jobs in the villages',
    links: ['im-living'],
  },
  {
    id: 'im-living',
    stage: 'impact',
    textTh: 'ชุมชนมีน้ำใช้มั่นคงและค่าครองชีพลดลงอย่างยั่งยืน',
    textEn: 'Secure water and lower living costs for the community, lastingly',
    links: [],
  },
];

interface DemoIndicator {
  code: string;
  logicNodeId: string;
  baseline: number;
  target: number;
  /** Values: [period (0 = the first quarter, 1 = the current quarter so far), value, status]. */
  values: Array<[number, number, 'verified' | 'submitted']>;
}

const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'REA-01',
    logicNodeId: 'user-households',
    baseline: 0,
    target: 1500,
    values: [[0, 640, 'verified']],
  },
  { code: 'JOB-01', logicNodeId: 'oc-jobs', baseline: 0, target: 6, values: [[0, 4, 'verified']] },
  {
    code: 'INC-01',
    logicNodeId: 'oc-costs',
    baseline: 7800,
    target: 9000,
    values: [
      [0, 8350, 'verified'],
      [1, 8420, 'submitted'],
    ],
  },
];

/** The demo's impact map in satang: the award and volunteer time in; lower costs, time saved and jobs out. */
function demoModel(
  awardSatang: number,
  proxies: Map<
    string,
    { valueSatang: number; nameTh: string; sourceTitle: string; sourceUrl: string; id: string }
  >,
  scale: number,
): SroiAssessmentModel {
  const proxy = (code: string, fallback: number, label: string) => {
    const found = proxies.get(code);
    return found
      ? {
          proxyId: found.id,
          proxyLabel: found.nameTh,
          proxySatang: found.valueSatang,
          proxySource: found.sourceTitle,
          proxySourceUrl: found.sourceUrl,
        }
      : { proxyLabel: label, proxySatang: fallback, proxySource: 'ประมาณการของโครงการ', proxySourceUrl: '' };
  };
  return SroiAssessmentModelSchema.parse({
    convention: 'svi-2012',
    discountRate: 0.035,
    stakeholders: [
      { id: 'households', name: 'ครัวเรือนผู้ใช้น้ำ', size: 420 },
      { id: 'carriers', name: 'ผู้หญิงและผู้สูงอายุที่เคยขนน้ำ', size: 150 },
      { id: 'operators', name: 'ผู้ดูแลระบบประจำหมู่บ้าน', size: 4 },
      { id: 'community', name: 'อาสาสมัครในชุมชน', size: 60 },
    ],
    inputs: [
      { label: 'ทุนสนับสนุนโครงการ', valueSatang: awardSatang, year: 0 },
      {
        stakeholderId: 'community',
        label: 'แรงงานอาสาติดตั้งระบบ 120 วันคน',
        valueSatang: 120 * 350 * 100,
        year: 0,
        nonCash: true,
      },
    ],
    outcomes: [
      {
        id: 'costs',
        stakeholderId: 'households',
        description: 'ค่าไฟฟ้าสูบน้ำและค่าซื้อน้ำดื่มลดลง',
        indicator: 'ค่าใช้จ่ายด้านน้ำต่อครัวเรือนต่อปี (สำรวจก่อนและหลัง)',
        quantity: Math.round(420 * scale),
        proxyLabel: 'ค่าใช้จ่ายด้านน้ำที่ประหยัดได้ต่อครัวเรือนต่อปี',
        proxySatang: 1800 * 100,
        proxySource: 'สำรวจค่าใช้จ่ายครัวเรือนของโครงการ ก่อนและหลังติดตั้งระบบ',
        deadweight: 0.1,
        attribution: 0.2,
        dropoff: 0.1,
        duration: 5,
        durationEvidence: 'อายุการใช้งานแผงโซลาร์และปั๊มตามผู้ผลิต 10 ปีขึ้นไป',
      },
      {
        id: 'time',
        stakeholderId: 'carriers',
        description: 'เวลาขนน้ำที่ลดลง นำไปทำงานหรือพักผ่อน',
        indicator: 'ชั่วโมงต่อคนต่อปี (บันทึกเวลาของผู้ใช้น้ำ)',
        quantity: Math.round(150 * 60 * scale),
        ...proxy('FP-VOLUNTEER-HOUR', 4375, 'มูลค่าเวลาหนึ่งชั่วโมง'),
        deadweight: 0.15,
        attribution: 0.1,
        dropoff: 0.2,
        duration: 3,
      },
      {
        id: 'jobs',
        stakeholderId: 'operators',
        description: 'งานดูแลระบบที่มีรายได้ประจำ',
        indicator: 'ตำแหน่งงาน (ตัวชี้วัด JOB-01)',
        quantity: 4,
        ...proxy('FP-JOB-YEAR', 9_240_000, 'รายได้หนึ่งปีจากงานเต็มเวลา'),
        deadweight: 0.25,
        attribution: 0.1,
        dropoff: 0.2,
        duration: 3,
      },
    ],
  });
}

/**
 * The demo's impact records on its running project (the first active one): the logic model of a community solar
 * water supply, three library indicators with their first quarter's actuals (verified by the demo officer, one more
 * still submitted), and a final forecast and a final evaluative SROI assessment, so the impact report and the
 * portfolio show something on `npm start`. Returns what it made, or why it made nothing.
 */
export async function ensureDemoImpact(db: Database, options: DemoImpactOptions): Promise<string> {
  const project = await repo.findFirstActiveProject(db);
  if (!project) {
    return 'no active project';
  }
  if (await repo.findLogicModel(db, project.id)) {
    return `${project.agreementNumber} already has impact records`;
  }
  const library = new Map(
    (
      await repo.findLibraryIndicatorsByCode(
        db,
        DEMO_INDICATORS.map((i) => i.code),
      )
    ).map((row) => [row.code, row]),
  );
  const proxies = new Map(
    (await repo.findProxiesByCode(db, ['FP-VOLUNTEER-HOUR', 'FP-JOB-YEAR'])).map((row) => [row.code, row]),
  );
  const today = bangkokDate(options.now);
  const quarterEnd = addDays(project.startsOn ?? today, 90);
  const reviewedAt = options.now;

  await db.transaction(async (tx) => {
    await repo.insertLogicModel(tx, {
      projectId: project.id,
      nodes: LOGIC_NODES,
      updatedBy: options.applicantUserId ?? null,
    });
    let position = 0;
    for (const demo of DEMO_INDICATORS) {
      const lib = library.get(demo.code);
      const id = await repo.insertProjectIndicator(tx, {
        projectId: project.id,
        indicatorId: lib?.id ?? null,
        code: demo.code,
        nameTh: lib?.nameTh ?? demo.code,
        nameEn: lib?.nameEn ?? '',
        unitTh: lib?.unitTh ?? 'หน่วย',
        unitEn: lib?.unitEn ?? 'units',
        type: lib?.type ?? 'count',
        direction: lib?.direction ?? 'increase',
        aggregation: lib?.aggregation ?? 'sum',
        disaggregations: lib?.disaggregations ?? [],
        logicNodeId: demo.logicNodeId,
        baseline: demo.baseline,
        baselineOn: project.startsOn,
        target: demo.target,
        targetOn: addDays(project.startsOn ?? today, 364),
        position,
      });
      position += 1;
      for (const [period, value, status] of demo.values) {
        const periodEnd = period === 0 ? quarterEnd : today;
        await repo.insertIndicatorValue(tx, {
          projectIndicatorId: id,
          projectId: project.id,
          periodStart: period === 0 ? project.startsOn : addDays(quarterEnd, 1),
          periodEnd,
          value,
          source: 'entry',
          status,
          enteredBy: options.applicantUserId ?? null,
          ...(status === 'verified'
            ? { reviewedBy: options.officerUserId, reviewedAt, reviewComment: 'ตรวจกับหลักฐานแล้ว' }
            : {}),
        });
      }
    }
    const forecast = demoModel(project.awardSatang, proxies, 1);
    const evaluative = demoModel(project.awardSatang, proxies, 0.85);
    for (const [kind, model] of [
      ['forecast', forecast],
      ['evaluative', evaluative],
    ] as const) {
      const { result, issues } = evaluateAssessmentModel(model);
      await repo.insertAssessment(tx, {
        projectId: project.id,
        kind,
        versionNo: 1,
        status: result ? 'final' : 'draft',
        title: kind === 'forecast' ? 'ประเมินล่วงหน้าตอนเริ่มโครงการ' : 'ประเมินผลหลังไตรมาสแรก',
        notes: '',
        model,
        result,
        issues,
        convention: model.convention,
        ...(result ? headlineOf(result) : {}),
        createdBy: options.officerUserId,
        finalisedBy: result ? options.officerUserId : null,
        finalisedAt: result ? reviewedAt : null,
      });
    }
  });
  return `${project.agreementNumber}: logic model, ${DEMO_INDICATORS.length} indicators with actuals, final forecast and evaluative SROI`;
}
