import type { Database } from '@server/db/client';
import { systemActor, type RequestMeta } from '@server/lib/authz';
import { demoClosedCall } from '@server/modules/calls/calls.demo';
import { findCallIdByCode } from '@server/modules/calls/calls.service';
import { addDays, bangkokDate } from '@shared/projects/plan';
import type { ProjectDetail, ProjectSetupBody } from '@shared/contracts/projects';
import { acceptAgreement, issueAgreement } from './agreements.service';
import { recordPayment } from './money.service';
import { getProject, listProjects, saveProjectSetup } from './projects.service';
import { approveReport, getReport, saveReport, submitReport } from './reports.service';

export interface DemoProjectsOptions {
  now: Date;
  officerUserId: string;
  applicantUserId: string;
  /** The demo driving unit: it supervises the running project, so its staff have a portfolio to look at. */
  drivingUnitId: string | null;
  publicUrl?: string;
}

const META = (userId: string): RequestMeta => ({ actorUserId: userId, ip: null, requestId: null });
const DAY = 86_400_000;

/** `isoDate` moved by whole calendar months (the day kept where the month has it, else its last day). */
export function addMonths(isoDate: string, months: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A year of work from `startsOn` in quarters: a pilot, the roll-out, and handing over to the community. */
function demoSetup(project: ProjectDetail, startsOn: string, drivingUnitId: string | null): ProjectSetupBody {
  const award = project.awardSatang;
  const endsOn = addDays(addMonths(startsOn, 12), -1);
  const lines = project.budgetLines;
  const a = Math.round(award * 0.4);
  const b = Math.round(award * 0.4);
  return {
    version: project.version,
    startsOn,
    endsOn,
    drivingUnitId: drivingUnitId ?? project.drivingUnitId,
    reportSchedule: 'quarterly',
    reallocationLimitPercent: 10,
    srlTarget: 7,
    budgetLines: lines.map((l) => ({
      category: l.category,
      description: l.description,
      amountSatang: l.approvedSatang,
    })),
    milestones: [
      {
        titleTh: 'ทดลองใช้ต้นแบบในหมู่บ้านนำร่อง',
        titleEn: 'Pilot in the first village',
        deliverable: 'ต้นแบบใช้งานได้จริง 1 หมู่บ้าน พร้อมบันทึกผลการทดลอง',
        dueOn: addMonths(startsOn, 6),
      },
      {
        titleTh: 'ขยายผลครบทุกหมู่บ้านเป้าหมาย',
        titleEn: 'Rolled out to every target village',
        deliverable: 'ระบบใช้งานครบทุกหมู่บ้าน และคณะกรรมการชุมชนดูแลต่อเอง',
        dueOn: endsOn,
      },
    ],
    instalments: [
      { amountSatang: a, releaseAfterReport: null },
      { amountSatang: b, releaseAfterReport: 1 },
      { amountSatang: award - a - b, releaseAfterReport: 4 },
    ],
  };
}

/**
 * The grant projects of the demo review round's two awards: the first is set up (a year in quarters, supervised by
 * the demo driving unit), its agreement issued and signed by the demo applicant, its first instalment paid and its
 * first quarterly report submitted and approved (so the second instalment waits for payment); the second stays in
 * setup for an officer to prepare. Dated so the running project is on track on the day of seeding. Returns what it
 * made, or why it made nothing.
 */
export async function ensureDemoProjects(db: Database, options: DemoProjectsOptions): Promise<string> {
  const { now, officerUserId, applicantUserId } = options;
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const { code, fiscalYear } = demoClosedCall(now);
  const callId = await findCallIdByCode(db, code, fiscalYear);
  if (callId === null) {
    return `no call ${code}-${fiscalYear}`;
  }
  const officer = systemActor(officerUserId, ['programme_officer']);
  const applicant = systemActor(applicantUserId);
  const listed = await listProjects(db, officer, { callId, limit: 10 }, now);
  const [running, waiting] = [...listed.data].sort((x, y) =>
    x.agreementNumber.localeCompare(y.agreementNumber),
  );
  if (!running) {
    return `no projects in ${code}-${fiscalYear}`;
  }
  if (running.status !== 'setup') {
    return `${running.agreementNumber} already set up`;
  }

  // The project started 100 days ago: its first quarter ended ten days ago.
  const today = bangkokDate(now);
  const startsOn = addDays(today, -100);
  const at = (isoDate: string, hour = 10) =>
    new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00+07:00`);
  const setupAt = at(addDays(startsOn, -7));
  const project = await getProject(db, officer, running.id, setupAt);
  const saved = await saveProjectSetup(
    db,
    officer,
    running.id,
    demoSetup(project, startsOn, options.drivingUnitId),
    META(officerUserId),
    setupAt,
  );
  const issued = await issueAgreement(
    db,
    officer,
    running.id,
    { version: saved.version },
    META(officerUserId),
    at(addDays(startsOn, -5)),
  );
  const active = await acceptAgreement(
    db,
    applicant,
    running.id,
    {
      version: issued.version,
      signedName: 'ผู้ยื่นข้อเสนอ ตัวอย่าง',
      confirm: true,
      agreementSha256: issued.agreement.sha256 ?? '',
    },
    META(applicantUserId),
    at(addDays(startsOn, -3), 14),
  );
  const first = active.instalments[0];
  if (first) {
    await recordPayment(
      db,
      officer,
      first.id,
      {
        version: first.version,
        paidOn: addDays(startsOn, 7),
        paidSatang: first.amountSatang,
        reference: `KTB-${active.agreementNumber}-1`,
        note: '',
        carryForward: false,
      },
      META(officerUserId),
      at(addDays(startsOn, 7), 15),
    );
  }

  const firstReport = active.reports[0];
  let reportNote = 'no first report';
  if (firstReport) {
    const submittedAt = new Date(now.getTime() - 5 * DAY);
    const draft = await getReport(db, applicant, firstReport.id, submittedAt);
    const [line] = draft.expenditures;
    const filled = await saveReport(
      db,
      applicant,
      firstReport.id,
      {
        version: draft.version,
        narrative:
          'ไตรมาสแรกตั้งคณะกรรมการชุมชน 12 คน สำรวจความต้องการ 186 ครัวเรือน และจัดซื้อวัสดุสำหรับหมู่บ้านนำร่องครบแล้ว ' +
          'ชุมชนร่วมออกแบบจุดติดตั้งและกติกาการใช้ร่วมกัน',
        problems: 'ฝนตกต่อเนื่องทำให้การขนส่งวัสดุล่าช้าหนึ่งสัปดาห์',
        risks: 'ราคาวัสดุบางรายการสูงขึ้น อาจต้องขอปรับงบระหว่างหมวด',
        srlLevel: 4,
        srlEvidence: 'ทดสอบต้นแบบกับครัวเรือนอาสา 20 ครัวเรือน และมีบันทึกผลการทดสอบของคณะกรรมการ',
        milestones: [],
        expenditures: line
          ? [
              {
                budgetLineId: line.budgetLineId,
                spentSatang: Math.min(line.approvedSatang, Math.round(active.awardSatang * 0.25)),
                note: 'ค่าวัสดุหมู่บ้านนำร่อง',
              },
            ]
          : [],
        indicators: [
          {
            indicatorCode: null,
            name: 'ครัวเรือนที่ร่วมทดสอบต้นแบบ',
            unit: 'ครัวเรือน',
            value: 20,
            target: 186,
            note: '',
          },
        ],
        lessonsLearned: '',
        scalingRecommendations: [],
      },
      META(applicantUserId),
      submittedAt,
    );
    const submitted = await submitReport(
      db,
      applicant,
      firstReport.id,
      { version: filled.version },
      META(applicantUserId),
      submittedAt,
      publicUrl,
    );
    await approveReport(
      db,
      officer,
      firstReport.id,
      { version: submitted.version, comment: 'รายงานครบถ้วน ดำเนินงานตามแผน' },
      META(officerUserId),
      new Date(now.getTime() - 2 * DAY),
      publicUrl,
    );
    reportNote = 'first report approved';
  }
  return `${active.agreementNumber} active (first instalment paid, ${reportNote})${
    waiting ? `, ${waiting.agreementNumber} in setup` : ''
  }`;
}
