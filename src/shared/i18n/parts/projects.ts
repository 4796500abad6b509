import type { Widen } from '../widen';

/**
 * Thai strings of grant projects shared by the server and the web: statuses, health, errors, emails, in-app
 * messages and the agreement's text (the source); English below.
 */
export const projectsTh = {
  status: {
    setup: 'เตรียมสัญญา',
    agreement_issued: 'รอลงนามสัญญา',
    active: 'ดำเนินโครงการ',
    closed: 'ปิดโครงการแล้ว',
  },
  health: { on_track: 'ตามแผน', at_risk: 'มีความเสี่ยง' },
  healthReason: {
    overdue_report: 'รายงานเกินกำหนด {{count}} ฉบับ',
    overspending: 'ใช้จ่ายเกินงบ {{count}} หมวด',
    late_milestone: 'งานล่าช้า {{count}} รายการ',
  },
  reportKind: { progress: 'รายงานความก้าวหน้า', final: 'รายงานฉบับสมบูรณ์' },
  reportStatus: {
    not_started: 'ยังไม่เริ่ม',
    draft: 'ร่าง',
    submitted: 'ส่งแล้ว รอพิจารณา',
    returned: 'ส่งกลับให้แก้ไข',
    approved: 'อนุมัติแล้ว',
  },
  instalmentStatus: { scheduled: 'ตามกำหนด', ready: 'พร้อมเบิกจ่าย', paid: 'จ่ายแล้ว' },
  reallocationStatus: {
    pending: 'รออนุมัติ',
    approved: 'อนุมัติแล้ว',
    rejected: 'ไม่อนุมัติ',
    cancelled: 'ยกเลิกแล้ว',
  },
  agreementState: { draft: 'ยังไม่ออกสัญญา', issued: 'ออกสัญญาแล้ว รอลงนาม', accepted: 'ลงนามแล้ว' },
  reportSchedule: { milestone: 'ตามงวดงาน', quarterly: 'รายไตรมาส' },
  evidencePurpose: {
    milestone: 'หลักฐานผลงาน',
    srl: 'หลักฐานระดับความพร้อมทางสังคม',
    expenditure: 'หลักฐานการใช้จ่าย',
    other: 'เอกสารอื่น',
  },
  errors: {},
  emails: {},
  inbox: {},
};

export const projectsEn: Widen<typeof projectsTh> = {
  status: {
    setup: 'Preparing the agreement',
    agreement_issued: 'Agreement awaiting signature',
    active: 'Running',
    closed: 'Closed',
  },
  health: { on_track: 'On track', at_risk: 'At risk' },
  healthReason: {
    overdue_report: '{{count}} overdue report(s)',
    overspending: '{{count}} budget line(s) overspent',
    late_milestone: '{{count}} late milestone(s)',
  },
  reportKind: { progress: 'Progress report', final: 'Final report' },
  reportStatus: {
    not_started: 'Not started',
    draft: 'Draft',
    submitted: 'Submitted, awaiting review',
    returned: 'Returned for changes',
    approved: 'Approved',
  },
  instalmentStatus: { scheduled: 'Scheduled', ready: 'Ready for payment', paid: 'Paid' },
  reallocationStatus: {
    pending: 'Awaiting approval',
    approved: 'Approved',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
  },
  agreementState: {
    draft: 'Not issued yet',
    issued: 'Issued, awaiting signature',
    accepted: 'Signed',
  },
  reportSchedule: { milestone: 'By milestone', quarterly: 'Quarterly' },
  evidencePurpose: {
    milestone: 'Evidence of work done',
    srl: 'Evidence of societal readiness',
    expenditure: 'Evidence of spending',
    other: 'Other document',
  },
  errors: {},
  emails: {},
  inbox: {},
};
