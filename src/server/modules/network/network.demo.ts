import type { Database } from '@server/db/client';
import { systemActor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { PdfBuilder } from '@server/lib/pdf';
import type {
  ContributionBody,
  CreatePartnerBody,
  LinkBody,
  MouBody,
  PartnerRole,
} from '@shared/contracts/network';
import { fiscalYearOf, bangkokDate, addDays } from '@shared/projects/plan';
import {
  addContribution,
  addLink,
  createMou,
  createPartner,
  listLinkTargets,
  listPartners,
  uploadMouDocument,
} from './network.service';

export interface DemoNetworkOptions {
  now: Date;
  officerUserId: string;
  /** The demo driving unit: it signs two of the MOUs and works with three partners. */
  drivingUnitId: string | null;
  /** Where the MOUs' signed copies go (none are made without it). */
  fileStorage?: FileStorage | undefined;
}

interface DemoPartner {
  partner: CreatePartnerBody;
  mou?: Omit<MouBody, 'drivingUnitId' | 'signedOn' | 'startsOn' | 'endsOn'> & {
    byUnit: boolean;
    /** Days before today it was signed; it runs for `years`. */
    signedDaysAgo: number;
    years: number;
  };
  /** Contributions: fiscal years back from the current one (0 = this year). */
  contributions: Array<
    Omit<ContributionBody, 'fiscalYear' | 'mouId' | 'programmeId' | 'projectId'> & {
      yearsBack: number;
      underMou?: boolean;
    }
  >;
  /** Links: to the demo unit, to the programme at this index of the list, or to the demo project. */
  links: Array<{ to: 'unit' | 'programme' | 'project'; index?: number; role: PartnerRole }>;
}

const DEMO: DemoPartner[] = [
  {
    partner: {
      nameTh: 'มหาวิทยาลัยสงขลานครินทร์ (ตัวอย่าง)',
      nameEn: 'Prince of Songkla University (demo)',
      sector: 'academic',
      roles: ['academic_partner', 'mentor_provider'],
      descriptionTh:
        'ส่งนักวิจัยและอาจารย์เป็นพี่เลี้ยงให้วิสาหกิจชุมชนในจังหวัดชายแดนภาคใต้ ร่วมพัฒนาหลักสูตรบ่มเพาะนวัตกรรมเพื่อสังคม และเปิดห้องปฏิบัติการให้ชุมชนทดลองต้นแบบ',
      descriptionEn:
        'Researchers and lecturers mentor community enterprises in the southern border provinces; co-develops the incubation curriculum and opens its labs for prototypes.',
      provinceCode: 94,
      website: 'https://www.psu.ac.th',
      contactEmail: null,
      organisationId: null,
    },
    mou: {
      titleTh: 'บันทึกความเข้าใจความร่วมมือด้านการบ่มเพาะนวัตกรรมเพื่อสังคมในพื้นที่ชายแดนใต้',
      titleEn: 'MOU on social innovation incubation in the southern border area',
      scopeTh: 'ร่วมจัดค่ายบ่มเพาะปีละ 2 รุ่น จัดหาพี่เลี้ยงด้านเทคโนโลยีและการจัดการ และให้ใช้ห้องปฏิบัติการต้นแบบโดยไม่คิดค่าใช้จ่าย',
      scopeEn:
        'Two incubation camps a year, technology and management mentors, free use of the prototyping lab.',
      byUnit: true,
      signedDaysAgo: 420,
      years: 3,
    },
    contributions: [
      {
        kind: 'in_kind',
        amountSatang: 48_000_000,
        descriptionTh: 'ค่าตอบแทนพี่เลี้ยง 12 คน และห้องปฏิบัติการต้นแบบ',
        receivedOn: null,
        yearsBack: 1,
        underMou: true,
      },
      {
        kind: 'in_kind',
        amountSatang: 52_500_000,
        descriptionTh: 'พี่เลี้ยงค่ายบ่มเพาะ 2 รุ่น และสถานที่จัดอบรม',
        receivedOn: null,
        yearsBack: 0,
        underMou: true,
      },
    ],
    links: [
      { to: 'unit', role: 'academic_partner' },
      { to: 'unit', role: 'mentor_provider' },
      { to: 'project', role: 'mentor_provider' },
    ],
  },
  {
    partner: {
      nameTh: 'องค์การบริหารส่วนจังหวัดปัตตานี (ตัวอย่าง)',
      nameEn: 'Pattani Provincial Administrative Organisation (demo)',
      sector: 'local_government',
      roles: ['local_government', 'diffusion_partner', 'co_funder'],
      descriptionTh:
        'นำนวัตกรรมจัดการน้ำและขยะชุมชนที่ผ่านการทดลองแล้วไปขยายผลในเทศบาลและ อบต. ทั่วจังหวัด และสมทบงบประมาณให้ชุมชนที่พร้อมขยายผล',
      descriptionEn:
        'Spreads tested community water and waste innovations to municipalities across the province and co-funds communities ready to scale.',
      provinceCode: 94,
      website: null,
      contactEmail: null,
      organisationId: null,
    },
    mou: {
      titleTh: 'บันทึกความเข้าใจการขยายผลนวัตกรรมเพื่อสังคมสู่องค์กรปกครองส่วนท้องถิ่น',
      titleEn: 'MOU on spreading social innovations to local governments',
      scopeTh: 'คัดเลือกนวัตกรรมที่พร้อมขยายผลปีละไม่น้อยกว่า 5 เรื่อง และบรรจุในแผนพัฒนาท้องถิ่น',
      scopeEn: 'At least five ready innovations a year, written into the local development plan.',
      byUnit: true,
      signedDaysAgo: 200,
      years: 2,
    },
    contributions: [
      {
        kind: 'cash',
        amountSatang: 150_000_000,
        descriptionTh: 'งบสมทบขยายผลนวัตกรรมจัดการขยะใน 12 ตำบล',
        receivedOn: null,
        yearsBack: 0,
        underMou: true,
      },
    ],
    links: [
      { to: 'unit', role: 'diffusion_partner' },
      { to: 'programme', index: 0, role: 'local_government' },
    ],
  },
  {
    partner: {
      nameTh: 'โครงการพัฒนาแห่งสหประชาชาติ ประจำประเทศไทย (ตัวอย่าง)',
      nameEn: 'United Nations Development Programme Thailand (demo)',
      sector: 'international',
      roles: ['international_agency', 'co_funder'],
      descriptionTh:
        'ร่วมสนับสนุนทุนและเครื่องมือวัดผลลัพธ์ทางสังคมตามเป้าหมายการพัฒนาที่ยั่งยืน และเชื่อมโยงนวัตกรรมไทยกับเครือข่ายต่างประเทศ',
      descriptionEn:
        'Co-funds and brings SDG-aligned social impact measurement tools; connects Thai innovators with international networks.',
      provinceCode: 10,
      website: 'https://www.undp.org/thailand',
      contactEmail: null,
      organisationId: null,
    },
    mou: {
      titleTh: 'บันทึกความเข้าใจว่าด้วยนวัตกรรมเพื่อเป้าหมายการพัฒนาที่ยั่งยืน',
      titleEn: 'MOU on innovation for the Sustainable Development Goals',
      scopeTh: 'ร่วมออกแบบกรอบการวัดผลลัพธ์ทางสังคม และสมทบทุนแผนงานนวัตกรรมเพื่อสังคม',
      scopeEn: 'A shared social impact framework and co-funding of social innovation programmes.',
      byUnit: false,
      signedDaysAgo: 600,
      years: 4,
    },
    contributions: [
      {
        kind: 'cash',
        amountSatang: 350_000_000,
        descriptionTh: 'ทุนสมทบแผนงานนวัตกรรมเพื่อสังคม',
        receivedOn: null,
        yearsBack: 1,
        underMou: true,
      },
      {
        kind: 'in_kind',
        amountSatang: 80_000_000,
        descriptionTh: 'ผู้เชี่ยวชาญการวัดผลลัพธ์ทางสังคม 3 เดือน',
        receivedOn: null,
        yearsBack: 0,
        underMou: true,
      },
    ],
    links: [
      { to: 'programme', index: 0, role: 'co_funder' },
      { to: 'programme', index: 1, role: 'international_agency' },
    ],
  },
  {
    partner: {
      nameTh: 'มูลนิธิรักษ์ไทย (ตัวอย่าง)',
      nameEn: 'Raks Thai Foundation (demo)',
      sector: 'civil_society',
      roles: ['diffusion_partner', 'mentor_provider'],
      descriptionTh:
        'ทำงานกับชุมชนเปราะบางมากว่า 40 ปี ช่วยนำนวัตกรรมด้านอาหาร น้ำ และการรับมือภัยพิบัติไปใช้จริงในชุมชน พร้อมทีมพี่เลี้ยงภาคสนาม',
      descriptionEn:
        'Has worked with vulnerable communities for over 40 years; takes food, water and disaster-resilience innovations into communities with field mentors.',
      provinceCode: 10,
      website: null,
      contactEmail: null,
      organisationId: null,
    },
    contributions: [],
    links: [
      { to: 'programme', index: 1, role: 'diffusion_partner' },
      { to: 'project', role: 'diffusion_partner' },
    ],
  },
  {
    partner: {
      nameTh: 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร (ตัวอย่าง)',
      nameEn: 'Bank for Agriculture and Agricultural Cooperatives (demo)',
      sector: 'government',
      roles: ['co_funder', 'diffusion_partner'],
      descriptionTh:
        'สนับสนุนสินเชื่อดอกเบี้ยต่ำและทุนตั้งต้นให้วิสาหกิจชุมชนที่ผ่านการบ่มเพาะ และช่วยขยายผลผ่านเครือข่ายสาขาทั่วประเทศ',
      descriptionEn:
        'Low-interest loans and seed money for incubated community enterprises; spreads innovations through its branch network.',
      provinceCode: 10,
      website: 'https://www.baac.or.th',
      contactEmail: null,
      organisationId: null,
    },
    mou: {
      titleTh: 'บันทึกความเข้าใจการสนับสนุนทางการเงินแก่วิสาหกิจเพื่อสังคม',
      titleEn: 'MOU on financing social enterprises',
      scopeTh: 'สินเชื่อและทุนตั้งต้นสำหรับทีมที่ผ่านการบ่มเพาะ และการอบรมความรู้ทางการเงินแก่ชุมชน',
      scopeEn: 'Loans and seed money for incubated teams; financial literacy training for communities.',
      byUnit: false,
      signedDaysAgo: 900,
      years: 2,
    },
    contributions: [
      {
        kind: 'cash',
        amountSatang: 200_000_000,
        descriptionTh: 'ทุนตั้งต้นวิสาหกิจชุมชน 20 ราย',
        receivedOn: null,
        yearsBack: 2,
        underMou: true,
      },
      {
        kind: 'cash',
        amountSatang: 120_000_000,
        descriptionTh: 'ทุนตั้งต้นวิสาหกิจชุมชน 12 ราย',
        receivedOn: null,
        yearsBack: 1,
      },
    ],
    links: [{ to: 'programme', index: 0, role: 'co_funder' }],
  },
];

/** A one-page signed copy of an MOU (demo), in Thai. */
async function demoMouPdf(partnerName: string, title: string, signedOn: string): Promise<Buffer> {
  const pdf = new PdfBuilder({ title, lang: 'th' });
  pdf.paragraph('บันทึกความเข้าใจ (ฉบับตัวอย่าง)', { bold: true, size: 14, align: 'center' });
  pdf.rule();
  pdf.field('เรื่อง', title);
  pdf.field('ระหว่าง', `สำนักงานนวัตกรรมแห่งชาติ (องค์การมหาชน) กับ ${partnerName}`);
  pdf.field('ลงนามวันที่', signedOn);
  pdf.paragraph('เอกสารนี้สร้างขึ้นเพื่อสาธิตระบบเท่านั้น ไม่ใช่เอกสารลงนามจริง');
  return pdf.toBuffer();
}

/**
 * The demo SI Network: a university, a provincial administrative organisation, an international agency, a
 * foundation and a bank, with MOUs (two signed by the demo unit; signed copies as small PDFs when there is file
 * storage), contributions cash and in kind over three fiscal years, and links to the demo unit, programmes and the
 * demo project. Skips when the network already has partners.
 */
export async function ensureDemoNetwork(db: Database, options: DemoNetworkOptions): Promise<string> {
  const existing = await listPartners(db, { limit: 1 }, options.now);
  if (existing.page.total > 0) {
    return 'partners already there';
  }
  const actor = systemActor(options.officerUserId, ['programme_officer']);
  const meta: RequestMeta = { actorUserId: options.officerUserId, ip: null, requestId: null };
  const today = bangkokDate(options.now);
  const fiscalYear = fiscalYearOf(today);
  const targets = await listLinkTargets(db, actor);
  const programmes = targets.filter((t) => t.target === 'programme');
  const project = targets.find((t) => t.target === 'project');
  let mous = 0;
  let documents = 0;
  let contributions = 0;
  let links = 0;
  for (const demo of DEMO) {
    const partner = await createPartner(db, actor, demo.partner, meta, options.now);
    let mouId: string | null = null;
    if (demo.mou) {
      const { byUnit, signedDaysAgo, years, ...mouText } = demo.mou;
      const signedOn = addDays(today, -signedDaysAgo);
      const mou = await createMou(
        db,
        actor,
        partner.id,
        {
          ...mouText,
          signedOn,
          startsOn: signedOn,
          endsOn: addDays(signedOn, years * 365),
          drivingUnitId: byUnit ? options.drivingUnitId : null,
        },
        meta,
        options.now,
      );
      mouId = mou.id;
      mous += 1;
      if (options.fileStorage) {
        const bytes = await demoMouPdf(demo.partner.nameTh, mouText.titleTh, signedOn);
        await uploadMouDocument(
          db,
          options.fileStorage,
          actor,
          mou.id,
          { fileName: `MOU-${signedOn}.pdf`, bytes, truncated: false },
          meta,
          options.now,
        );
        documents += 1;
      }
    }
    for (const { yearsBack, underMou, ...contribution } of demo.contributions) {
      await addContribution(
        db,
        actor,
        partner.id,
        {
          ...contribution,
          fiscalYear: fiscalYear - yearsBack,
          mouId: underMou ? mouId : null,
          programmeId: null,
          projectId: null,
        },
        meta,
      );
      contributions += 1;
    }
    for (const link of demo.links) {
      let body: LinkBody | null = null;
      if (link.to === 'unit' && options.drivingUnitId) {
        body = { target: 'driving_unit', targetId: options.drivingUnitId, role: link.role };
      } else if (link.to === 'programme') {
        const programme = programmes[link.index ?? 0];
        body = programme ? { target: 'programme', targetId: programme.id, role: link.role } : null;
      } else if (link.to === 'project' && project) {
        body = { target: 'project', targetId: project.id, role: link.role };
      }
      if (body) {
        await addLink(db, actor, partner.id, body, meta);
        links += 1;
      }
    }
  }
  return `${DEMO.length} partners, ${mous} MOUs (${documents} documents), ${contributions} contributions, ${links} links`;
}
