import type { Database } from '@server/db/client';
import { systemActor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { PdfBuilder } from '@server/lib/pdf';
import type { CreateResourceBody } from '@shared/contracts/knowledge';
import {
  createResource,
  getResource,
  listResources,
  publishResource,
  uploadResourceFile,
} from './knowledge.service';

export interface DemoKnowledgeOptions {
  now: Date;
  officerUserId: string;
  /** The demo driving unit: two resources are its own, so its staff have something to manage. */
  drivingUnitId: string | null;
  /** Where the resources' files go; without it only the resources kept elsewhere (links) are made. */
  fileStorage?: FileStorage | undefined;
}

interface DemoResource {
  body: Omit<CreateResourceBody, 'drivingUnitId'>;
  byUnit: boolean;
  /** Headings and paragraphs of a small generated PDF; none for a link. */
  pages?: Array<{ heading: string; text: string }>;
  /** Staying a draft (for the manage page). */
  draft?: boolean;
}

const DEMO: DemoResource[] = [
  {
    body: {
      kind: 'toolkit',
      titleTh: 'ชุดเครื่องมือออกแบบนวัตกรรมเพื่อสังคมสำหรับชุมชน',
      titleEn: 'Social innovation design toolkit for communities',
      summaryTh:
        'แบบฝึกหกขั้นตอน ตั้งแต่สำรวจปัญหากับคนในชุมชน ออกแบบต้นแบบ ทดลองใช้ จนถึงวัดผลลัพธ์ทางสังคม พร้อมแบบฟอร์มพิมพ์ใช้ได้ทันที',
      summaryEn:
        'Six steps from exploring a problem with the community to prototyping, testing and measuring social outcomes, with printable worksheets.',
      themes: ['sustainable_agriculture', 'food_water_energy'],
      audiences: ['community', 'driving_unit'],
      language: 'th',
      externalUrl: null,
    },
    byUnit: false,
    pages: [
      { heading: 'ขั้นที่ 1 ทำความเข้าใจปัญหา', text: 'ชวนคนในชุมชนเล่าปัญหาที่เจอทุกวัน จดสิ่งที่ได้ยินโดยยังไม่ตัดสิน' },
      { heading: 'ขั้นที่ 2 ออกแบบต้นแบบ', text: 'เลือกแนวคิดที่ทำได้เร็วและถูก ลองทำต้นแบบอย่างง่ายภายในหนึ่งสัปดาห์' },
      { heading: 'ขั้นที่ 3 วัดผลลัพธ์', text: 'ตั้งตัวชี้วัดร่วมกับชุมชน บันทึกก่อนและหลังการใช้นวัตกรรม' },
    ],
  },
  {
    body: {
      kind: 'training_material',
      titleTh: 'สื่อการอบรมการตลาดออนไลน์สำหรับวิสาหกิจชุมชน',
      titleEn: 'Online marketing training for community enterprises',
      summaryTh: 'เนื้อหาอบรม 1 วัน การเล่าเรื่องสินค้า การถ่ายภาพด้วยโทรศัพท์ และการขายผ่านแพลตฟอร์มออนไลน์',
      summaryEn: 'A one-day course: product storytelling, phone photography and selling online.',
      themes: ['finance_employment_welfare'],
      audiences: ['social_enterprise', 'youth', 'community'],
      language: 'th',
      externalUrl: null,
    },
    byUnit: true,
    pages: [
      { heading: 'เล่าเรื่องสินค้า', text: 'สินค้าชุมชนขายได้เพราะเรื่องราวของคนทำ เริ่มจากเล่าว่าทำไมเราจึงทำสิ่งนี้' },
      { heading: 'ถ่ายภาพด้วยโทรศัพท์', text: 'ใช้แสงธรรมชาติ พื้นหลังเรียบ และถ่ายหลายมุม' },
    ],
  },
  {
    body: {
      kind: 'case_study',
      titleTh: 'กรณีศึกษา: ท่องเที่ยวโดยชุมชนบ้านทุ่งยาว จังหวัดปัตตานี',
      titleEn: 'Case study: community-based tourism in Ban Thung Yao, Pattani',
      summaryTh: 'ชุมชนประมงพื้นบ้านออกแบบเส้นทางท่องเที่ยวเชิงนิเวศร่วมกับมหาวิทยาลัยในพื้นที่ แบ่งรายได้เข้ากองทุนอนุรักษ์ป่าชายเลน',
      summaryEn:
        'A small-scale fishing community designed an eco-tourism route with a local university and shares income with a mangrove fund.',
      themes: ['tourism_culture', 'environment'],
      audiences: ['community', 'local_government', 'academic'],
      language: 'th',
      externalUrl: null,
    },
    byUnit: true,
    pages: [
      { heading: 'จุดเริ่มต้น', text: 'รายได้จากการประมงลดลง ชุมชนจึงมองหาทางเลือกที่ไม่ทำลายป่าชายเลน' },
      { heading: 'ผลลัพธ์', text: 'ครัวเรือนที่ร่วมโครงการมีรายได้เพิ่มขึ้น และพื้นที่ป่าชายเลนได้รับการดูแล' },
    ],
  },
  {
    body: {
      kind: 'report',
      titleTh: 'รายงานผลลัพธ์ทางสังคมของแผนงานนวัตกรรมเพื่อสังคม',
      titleEn: 'Social outcomes report of the social innovation programmes',
      summaryTh: 'สรุปผลลัพธ์ทางสังคมและผลตอบแทนทางสังคมจากการลงทุน (SROI) ของโครงการที่ได้รับทุน',
      summaryEn: 'Social outcomes and social return on investment (SROI) of funded projects.',
      themes: ['health', 'government_education'],
      audiences: ['academic', 'general_public', 'local_government'],
      language: 'both',
      externalUrl: 'https://www.nia.or.th',
    },
    byUnit: false,
  },
  {
    body: {
      kind: 'toolkit',
      titleTh: 'แบบประเมินความพร้อมทางสังคม (ฉบับร่าง)',
      titleEn: 'Social readiness assessment (draft)',
      summaryTh: 'แบบประเมินระดับความพร้อมทางสังคม 9 ระดับ สำหรับพี่เลี้ยงใช้ประเมินทีม',
      summaryEn: 'A nine-level social readiness assessment for mentors.',
      themes: [],
      audiences: ['driving_unit'],
      language: 'th',
      externalUrl: null,
    },
    byUnit: true,
    draft: true,
  },
];

async function demoPdf(title: string, pages: Array<{ heading: string; text: string }>): Promise<Buffer> {
  const pdf = new PdfBuilder({ title, lang: 'th' });
  pdf.paragraph(title, { bold: true, size: 15 });
  pdf.paragraph('เอกสารตัวอย่างสำหรับสาธิตคลังความรู้ SI Platform', { size: 10 });
  pdf.rule();
  for (const page of pages) {
    pdf.heading(page.heading, 2);
    pdf.paragraph(page.text);
  }
  return pdf.toBuffer();
}

/**
 * The demo knowledge library: a toolkit, training material and a case study with small generated Thai PDFs (when
 * there is file storage), a report kept elsewhere (a link), and a draft of the demo unit's. Skips when the library
 * already has resources.
 */
export async function ensureDemoKnowledge(db: Database, options: DemoKnowledgeOptions): Promise<string> {
  const officer = systemActor(options.officerUserId, ['programme_officer']);
  if ((await listResources(db, officer, { scope: 'manage', limit: 1 })).page.total > 0) {
    return 'resources already there';
  }
  const meta: RequestMeta = { actorUserId: options.officerUserId, ip: null, requestId: null };
  let published = 0;
  let drafts = 0;
  for (const demo of DEMO) {
    if (demo.pages && !options.fileStorage) {
      continue;
    }
    const created = await createResource(
      db,
      officer,
      { ...demo.body, drivingUnitId: demo.byUnit ? options.drivingUnitId : null },
      meta,
    );
    if (demo.pages && options.fileStorage) {
      const bytes = await demoPdf(demo.body.titleTh, demo.pages);
      await uploadResourceFile(
        db,
        options.fileStorage,
        officer,
        created.id,
        {
          fileName: `${demo.body.titleEn.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`,
          bytes,
          truncated: false,
        },
        meta,
      );
    }
    if (demo.draft) {
      drafts += 1;
      continue;
    }
    const current = await getResource(db, officer, created.id);
    await publishResource(db, officer, created.id, { version: current.version }, meta, options.now);
    published += 1;
  }
  return `${published} published resources, ${drafts} draft(s)`;
}
