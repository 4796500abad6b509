import type { Database } from '@server/db/client';
import { systemActor, type RequestMeta } from '@server/lib/authz';
import { listProjects } from '@server/modules/projects/projects.service';
import { addDays, bangkokDate } from '@shared/projects/plan';
import type { PersonBody } from '@shared/contracts/mentoring';
import * as repo from './mentoring.repo';
import { assignMentor, createRequest, logSession, rateSession } from './mentoring.service';
import { addRecognition, createPerson } from './personnel.service';

export interface DemoMentoringOptions {
  now: Date;
  officerUserId: string;
  /** The demo unit's staff account: it assigns the mentor. */
  unitStaffUserId: string;
  applicantUserId: string;
  /** The demo mentor's account: the registry's first mentor is linked to it. */
  mentorUserId: string;
  mentorEmail: string;
  drivingUnitId: string;
}

const META = (userId: string): RequestMeta => ({ actorUserId: userId, ip: null, requestId: null });

/** Facilitators, coaches and mentors of the demo unit (the first is the demo mentor account), and two at large. */
function demoPeople(unitId: string, mentorEmail: string): PersonBody[] {
  return [
    {
      nameTh: 'ดร.อารีย์ สุขสวัสดิ์',
      nameEn: 'Dr Aree Suksawat',
      roles: ['mentor', 'coach'],
      expertise: ['innovation', 'management', 'community'],
      drivingUnitId: unitId,
      provinceCode: 94,
      bioTh:
        'อาจารย์ด้านการพัฒนาชุมชน มหาวิทยาลัยสงขลานครินทร์ วิทยาเขตปัตตานี ทำงานกับวิสาหกิจชุมชนชายแดนใต้กว่า 12 ปี เชี่ยวชาญการออกแบบนวัตกรรมร่วมกับชุมชน',
      bioEn:
        'Community development lecturer at Prince of Songkla University, Pattani; twelve years with community enterprises of the southern border.',
      isMentor: true,
      accountEmail: mentorEmail,
    },
    {
      nameTh: 'นายฮาซัน ดอเลาะ',
      nameEn: 'Hasan Doloh',
      roles: ['mentor'],
      expertise: ['marketing', 'finance'],
      drivingUnitId: unitId,
      provinceCode: 96,
      bioTh: 'ผู้ประกอบการสังคมด้านผลิตภัณฑ์ผ้าบาติก ให้คำปรึกษาการตลาดออนไลน์และบัญชีวิสาหกิจชุมชน',
      bioEn: 'Social entrepreneur in batik; advises on online marketing and community enterprise accounts.',
      isMentor: true,
    },
    {
      nameTh: 'นางสาวนูรีซัน มะแซ',
      nameEn: 'Nurisan Masae',
      roles: ['facilitator'],
      expertise: ['community', 'innovation'],
      drivingUnitId: unitId,
      provinceCode: 95,
      bioTh: 'วิทยากรกระบวนการ ออกแบบเวทีเรียนรู้และค่ายบ่มเพาะเยาวชนในพื้นที่ยะลาและนราธิวาส',
      bioEn: 'Facilitator of learning forums and youth bootcamps in Yala and Narathiwat.',
    },
    {
      nameTh: 'นายธนพล วงศ์ทอง',
      nameEn: 'Thanaphon Wongthong',
      roles: ['coach', 'mentor'],
      expertise: ['technology'],
      drivingUnitId: unitId,
      provinceCode: 90,
      bioTh: 'วิศวกรซอฟต์แวร์ ช่วยทีมชุมชนทำระบบข้อมูลและแอปพลิเคชันต้นแบบ',
      bioEn: 'Software engineer helping community teams build data systems and prototype apps.',
      isMentor: true,
    },
    {
      nameTh: 'ผศ.ดร.กมลวรรณ ศรีสุข',
      nameEn: 'Asst Prof Dr Kamonwan Srisuk',
      roles: ['mentor', 'facilitator'],
      expertise: ['management', 'finance'],
      drivingUnitId: null,
      provinceCode: 10,
      bioTh: 'ที่ปรึกษาด้านการบริหารกิจการเพื่อสังคมและการระดมทุน ให้คำปรึกษาทีมทั่วประเทศแบบออนไลน์',
      bioEn: 'Adviser on social enterprise management and fundraising; mentors teams nationwide online.',
      isMentor: true,
    },
    {
      nameTh: 'นายสมศักดิ์ แก้วมณี',
      nameEn: 'Somsak Kaewmanee',
      roles: ['facilitator'],
      expertise: ['community'],
      drivingUnitId: null,
      provinceCode: 50,
      bioTh: 'วิทยากรกระบวนการด้านการถอดบทเรียนและการวางแผนชุมชน',
      bioEn: 'Facilitator of lessons-learned sessions and community planning.',
    },
  ];
}

/**
 * The SI personnel registry and mentoring of the demo: six people (the first, a mentor of the demo unit, linked to the
 * demo mentor account), two recognitions, a request of the demo applicant's running project assigned to that mentor
 * with two logged sessions (the first rated, the second waiting for the applicant's rating), and an open request in
 * the unit's queue. Returns what it made, or why it made nothing.
 */
export async function ensureDemoMentoring(db: Database, options: DemoMentoringOptions): Promise<string> {
  const { now, officerUserId, unitStaffUserId, applicantUserId, mentorUserId, drivingUnitId } = options;
  if (await repo.findPersonByUser(db, mentorUserId)) {
    return 'demo mentor already in the registry';
  }
  const officer = systemActor(officerUserId, ['programme_officer']);
  const staff = { ...systemActor(unitStaffUserId, ['driving_unit_staff']), drivingUnitId };
  const applicant = systemActor(applicantUserId);
  const mentor = systemActor(mentorUserId);

  const people = [];
  for (const body of demoPeople(drivingUnitId, options.mentorEmail)) {
    const actor = body.drivingUnitId ? staff : officer;
    people.push(await createPerson(db, actor, body, META(actor.userId)));
  }
  const [aree, hasan] = people;
  if (!aree || !hasan) {
    return 'no people made';
  }
  const today = bangkokDate(now);
  await addRecognition(
    db,
    officer,
    aree.id,
    {
      titleTh: 'พี่เลี้ยงนวัตกรรมเพื่อสังคมดีเด่น ระดับภาค',
      titleEn: 'Outstanding social innovation mentor, regional',
      awardedOn: addDays(today, -200),
      note: 'มอบในงานสัมมนาเครือข่ายหน่วยขับเคลื่อน',
    },
    META(officerUserId),
    now,
  );
  await addRecognition(
    db,
    staff,
    hasan.id,
    { titleTh: 'เกียรติบัตรวิทยากรค่ายบ่มเพาะผู้ประกอบการรุ่นที่ 1', awardedOn: addDays(today, -90) },
    META(unitStaffUserId),
    now,
  );

  // The applicant's running project asks for help with its market; the unit supervises it.
  const listed = await listProjects(db, applicant, { limit: 10 }, now);
  const project = listed.data.find((p) => p.status === 'active') ?? listed.data[0];
  const organisationId = await repo.firstOrganisationOf(db, applicantUserId);
  const asked = await createRequest(
    db,
    applicant,
    {
      projectId: project?.id ?? null,
      organisationId,
      drivingUnitId,
      expertise: 'marketing',
      topic: 'วางแผนการตลาดและช่องทางจำหน่ายผลิตภัณฑ์ของชุมชน',
      details: 'ทีมผลิตสินค้าได้ตามแผนแล้ว แต่ยังขายได้เฉพาะในหมู่บ้าน ต้องการคำแนะนำเรื่องตราสินค้า ราคา และการขายออนไลน์',
    },
    META(applicantUserId),
  );
  const assigned = await assignMentor(
    db,
    staff,
    asked.id,
    { mentorId: aree.id, version: asked.version },
    META(unitStaffUserId),
  );
  await logSession(
    db,
    mentor,
    assigned.id,
    {
      heldOn: addDays(today, -21),
      topic: 'สำรวจต้นทุนและตั้งราคาขาย',
      hours: 3,
      notes: 'ทบทวนต้นทุนวัตถุดิบและค่าแรงร่วมกับกรรมการวิสาหกิจ พบว่าราคาขายเดิมต่ำกว่าต้นทุนจริงราวร้อยละ 15',
      followUps: 'ทีมจัดทำบัญชีต้นทุนต่อชิ้นให้ครบทุกผลิตภัณฑ์ภายใน 2 สัปดาห์',
    },
    META(mentorUserId),
    now,
  );
  const second = await logSession(
    db,
    mentor,
    assigned.id,
    {
      heldOn: addDays(today, -5),
      topic: 'ออกแบบตราสินค้าและเปิดร้านค้าออนไลน์',
      hours: 2.5,
      notes: 'ร่างตราสินค้า 2 แบบ และทดลองเปิดร้านบนแพลตฟอร์มตลาดออนไลน์ของจังหวัด',
      followUps: 'ถ่ายภาพสินค้าใหม่ทั้งหมด และเลือกตราสินค้าในที่ประชุมกลุ่มครั้งหน้า',
    },
    META(mentorUserId),
    now,
  );
  const first = second.sessions.find((s) => s.heldOn === addDays(today, -21));
  if (first) {
    await rateSession(
      db,
      applicant,
      first.id,
      { satisfaction: 5, comment: 'ได้เห็นต้นทุนจริงเป็นครั้งแรก ปรับราคาได้ทันที' },
      META(applicantUserId),
      now,
    );
  }

  // An open request in the unit's queue, for the staff to assign.
  await createRequest(
    db,
    applicant,
    {
      organisationId,
      drivingUnitId,
      expertise: 'technology',
      topic: 'ระบบบันทึกข้อมูลสมาชิกและยอดขายของกลุ่ม',
      details: 'อยากได้เครื่องมือง่าย ๆ ที่กรรมการใช้บนโทรศัพท์ได้',
    },
    META(applicantUserId),
  );
  return `${people.length} people, 2 recognitions, 2 requests (1 assigned with 2 sessions, 1 rated)`;
}
