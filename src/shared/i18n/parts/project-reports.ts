import type { Widen } from '../widen';

/** Thai strings of progress reports shared by the server and the web: errors, emails, in-app messages; English below. */
export const projectReportsTh = {
  /** A report's name in messages. */
  label: {
    progress: 'รายงานความก้าวหน้าฉบับที่ {{sequence}}',
    final: 'รายงานฉบับสมบูรณ์',
  },
  /** One instalment made ready for payment by an approval, in the approval's messages. */
  instalmentReady: 'งวดที่ {{sequence}} จำนวน {{amount}} พร้อมเบิกจ่ายแล้ว',
  noInstalmentReady: 'ไม่มีงวดเงินที่ผูกกับรายงานฉบับนี้',
  noComment: 'ไม่มีความเห็นเพิ่มเติม',
  errors: {
    NOT_EDITABLE: 'รายงานฉบับนี้ส่งแล้วหรืออนุมัติแล้ว จึงแก้ไขไม่ได้',
    NOT_SUBMITTED: 'รายงานฉบับนี้ไม่ได้อยู่ในสถานะรอพิจารณา',
    INCOMPLETE: 'รายงานยังไม่ครบ {{count}} รายการ กรุณาแก้ไขตามที่ระบุแล้วส่งอีกครั้ง',
    NARRATIVE_REQUIRED: 'กรุณาสรุปผลการดำเนินงานในช่วงเวลาของรายงาน',
    MILESTONE_COMPLETION_REQUIRED: 'กรุณาระบุความก้าวหน้าของงานที่ {{number}} “{{title}}”',
    MILESTONE_EVIDENCE_REQUIRED:
      'งานที่ {{number}} “{{title}}” ระบุว่าเสร็จ 100% ต้องแนบหลักฐานผลงานของงานนี้อย่างน้อย 1 ไฟล์',
    MILESTONE_NOT_IN_REPORT: 'งานนี้ไม่อยู่ในช่วงของรายงานฉบับนี้',
    DUPLICATE_MILESTONE: 'งานนี้อยู่ในรายการซ้ำ',
    BUDGET_LINE_UNKNOWN: 'ไม่พบหมวดงบประมาณนี้ในโครงการ',
    DUPLICATE_BUDGET_LINE: 'หมวดงบประมาณนี้อยู่ในรายการซ้ำ',
    SRL_REQUIRED: 'รายงานฉบับสมบูรณ์ต้องประเมินระดับความพร้อมทางสังคม (SRL)',
    SRL_EVIDENCE_REQUIRED:
      'ระดับความพร้อมทางสังคม (SRL) ที่ประเมินต้องมีคำอธิบายหลักฐาน หรือไฟล์หลักฐาน SRL อย่างน้อย 1 ไฟล์',
    LESSONS_REQUIRED: 'รายงานฉบับสมบูรณ์ต้องสรุปบทเรียนที่ได้รับ',
    SCALING_REQUIRED: 'รายงานฉบับสมบูรณ์ต้องมีข้อเสนอการขยายผลไปยังพื้นที่อื่นอย่างน้อย 1 ข้อ',
    FINAL_ONLY: 'บทเรียนที่ได้รับและข้อเสนอการขยายผลใส่ได้เฉพาะในรายงานฉบับสมบูรณ์',
    COMMENT_REQUIRED: 'กรุณาระบุสิ่งที่ต้องแก้ไข เพื่อให้ผู้รับทุนแก้ไขรายงานได้ตรงประเด็น',
    EVIDENCE_MILESTONE_REQUIRED: 'หลักฐานผลงานต้องระบุงานที่อยู่ในช่วงของรายงานฉบับนี้',
    EVIDENCE_MILESTONE_NOT_ALLOWED: 'ระบุงานได้เฉพาะไฟล์หลักฐานผลงาน',
    FILE_TOO_LARGE: 'ไฟล์มีขนาดใหญ่เกินกำหนด (ไม่เกิน {{max}}) รายงานของคุณยังอยู่ครบ',
    FILE_TYPE_NOT_ALLOWED: 'รับเฉพาะไฟล์ {{kinds}} ระบบตรวจจากเนื้อหาของไฟล์ ไม่ใช่จากชื่อไฟล์ รายงานของคุณยังอยู่ครบ',
    TOO_MANY_FILES: 'แนบหลักฐานได้ไม่เกิน {{max}} ไฟล์ต่อรายงาน กรุณาลบไฟล์เดิมก่อน',
  },
  emails: {
    project_report_submitted: {
      subject: '{{agreement}}: ส่ง{{report}} แล้ว รอพิจารณา',
      intro:
        '{{organisation}} ส่ง{{report}} ของโครงการ “{{title}}” ({{agreement}}) แล้ว กรุณาพิจารณาอนุมัติ หรือส่งกลับพร้อมความเห็น',
      action: 'พิจารณารายงาน',
      outro: 'การอนุมัติรายงานจะทำให้งวดเงินที่ผูกกับรายงานนี้พร้อมเบิกจ่าย',
    },
    project_report_returned: {
      subject: '{{agreement}}: {{report}} ถูกส่งกลับให้แก้ไข',
      intro: 'ผู้พิจารณาส่ง{{report}} ของโครงการ “{{title}}” กลับให้แก้ไข ความเห็น: {{comment}}',
      action: 'แก้ไขรายงาน',
      outro: 'กรุณาแก้ไขตามความเห็นแล้วส่งรายงานอีกครั้ง',
    },
    project_report_approved: {
      subject: '{{agreement}}: {{report}} ได้รับอนุมัติแล้ว',
      intro: '{{report}} ของโครงการ “{{title}}” ได้รับอนุมัติแล้ว {{instalments}} ความเห็น: {{comment}}',
      action: 'ดูรายงาน',
      outro: 'ขอบคุณที่รายงานความก้าวหน้าของโครงการ',
    },
    project_report_reminder_before: {
      subject: '{{agreement}}: {{report}} ครบกำหนดส่ง {{dueOn}}',
      intro: '{{report}} ของโครงการ “{{title}}” ครบกำหนดส่งวันที่ {{dueOn}} กรุณาส่งรายงานภายในกำหนด',
      action: 'เขียนรายงาน',
      outro: 'หากส่งรายงานแล้ว ไม่ต้องดำเนินการใด ๆ',
    },
    project_report_reminder_after: {
      subject: '{{agreement}}: {{report}} เลยกำหนดส่งแล้ว ({{dueOn}})',
      intro:
        '{{report}} ของโครงการ “{{title}}” ครบกำหนดส่งเมื่อวันที่ {{dueOn}} และยังไม่ได้ส่ง กรุณาส่งรายงานโดยเร็ว งวดเงินที่ผูกกับรายงานนี้จะเบิกจ่ายได้เมื่อรายงานได้รับอนุมัติ',
      action: 'เขียนรายงาน',
      outro: 'หากมีเหตุขัดข้อง กรุณาติดต่อผู้ประสานงานโครงการ',
    },
  },
  inbox: {
    project_report_submitted: {
      title: 'รายงานรอพิจารณา: {{agreement}}',
      body: '{{organisation}} ส่ง{{report}} ของโครงการ “{{title}}” แล้ว',
    },
    project_report_returned: {
      title: 'รายงานถูกส่งกลับให้แก้ไข: {{agreement}}',
      body: '{{report}} ของโครงการ “{{title}}”: {{comment}}',
    },
    project_report_approved: {
      title: 'รายงานได้รับอนุมัติ: {{agreement}}',
      body: '{{report}} ของโครงการ “{{title}}” ได้รับอนุมัติแล้ว {{instalments}}',
    },
    project_report_reminder_before: {
      title: 'ใกล้ครบกำหนดส่งรายงาน: {{agreement}}',
      body: '{{report}} ของโครงการ “{{title}}” ครบกำหนดส่งวันที่ {{dueOn}}',
    },
    project_report_reminder_after: {
      title: 'รายงานเลยกำหนดส่ง: {{agreement}}',
      body: '{{report}} ของโครงการ “{{title}}” ครบกำหนดส่งเมื่อวันที่ {{dueOn}} และยังไม่ได้ส่ง',
    },
  },
};

export const projectReportsEn: Widen<typeof projectReportsTh> = {
  label: {
    progress: 'progress report {{sequence}}',
    final: 'final report',
  },
  instalmentReady: 'Instalment {{sequence}} of {{amount}} is ready for payment.',
  noInstalmentReady: 'No instalment is tied to this report.',
  noComment: 'No further comment',
  errors: {
    NOT_EDITABLE: 'This report has been submitted or approved and cannot be changed',
    NOT_SUBMITTED: 'This report is not awaiting review',
    INCOMPLETE: 'The report is incomplete: {{count}} item(s) to fix before it can be submitted',
    NARRATIVE_REQUIRED: 'Please summarise the work done in the report’s period',
    MILESTONE_COMPLETION_REQUIRED: 'Please give the progress of milestone {{number}} “{{title}}”',
    MILESTONE_EVIDENCE_REQUIRED:
      'Milestone {{number}} “{{title}}” is claimed 100 % complete: attach at least one evidence file for it',
    MILESTONE_NOT_IN_REPORT: 'This milestone is not covered by this report',
    DUPLICATE_MILESTONE: 'This milestone is listed twice',
    BUDGET_LINE_UNKNOWN: 'This budget line is not one of the project’s',
    DUPLICATE_BUDGET_LINE: 'This budget line is listed twice',
    SRL_REQUIRED: 'The final report needs a Societal Readiness Level (SRL) self-assessment',
    SRL_EVIDENCE_REQUIRED:
      'The Societal Readiness Level (SRL) claimed needs evidence: a description or at least one SRL evidence file',
    LESSONS_REQUIRED: 'The final report needs the lessons learned',
    SCALING_REQUIRED: 'The final report needs at least one recommendation for scaling to other areas',
    FINAL_ONLY: 'Lessons learned and scaling recommendations belong to the final report only',
    COMMENT_REQUIRED: 'Please say what needs to change, so that the grantee can revise the report',
    EVIDENCE_MILESTONE_REQUIRED: 'Milestone evidence must name a milestone covered by this report',
    EVIDENCE_MILESTONE_NOT_ALLOWED: 'Only milestone evidence names a milestone',
    FILE_TOO_LARGE: 'The file is too large (at most {{max}}). Your report is unchanged',
    FILE_TYPE_NOT_ALLOWED:
      'Only {{kinds}} files are accepted; the content is checked, not the name. Your report is unchanged',
    TOO_MANY_FILES: 'At most {{max}} evidence files per report; please remove one first',
  },
  emails: {
    project_report_submitted: {
      subject: '{{agreement}}: {{report}} submitted for review',
      intro:
        '{{organisation}} has submitted the {{report}} of the project “{{title}}” ({{agreement}}). Please approve it, or return it with comments.',
      action: 'Review the report',
      outro: 'Approving the report makes the instalment tied to it ready for payment.',
    },
    project_report_returned: {
      subject: '{{agreement}}: {{report}} returned for changes',
      intro:
        'The reviewer has returned the {{report}} of the project “{{title}}” for changes. Comment: {{comment}}',
      action: 'Revise the report',
      outro: 'Please make the changes and submit the report again.',
    },
    project_report_approved: {
      subject: '{{agreement}}: {{report}} approved',
      intro:
        'The {{report}} of the project “{{title}}” has been approved. {{instalments}} Comment: {{comment}}',
      action: 'See the report',
      outro: 'Thank you for reporting on your project.',
    },
    project_report_reminder_before: {
      subject: '{{agreement}}: {{report}} due on {{dueOn}}',
      intro: 'The {{report}} of the project “{{title}}” is due on {{dueOn}}. Please submit it on time.',
      action: 'Write the report',
      outro: 'If you have submitted it already, there is nothing more to do.',
    },
    project_report_reminder_after: {
      subject: '{{agreement}}: {{report}} overdue (due {{dueOn}})',
      intro:
        'The {{report}} of the project “{{title}}” was due on {{dueOn}} and has not been submitted. Please submit it soon: the instalment tied to it can be paid once the report is approved.',
      action: 'Write the report',
      outro: 'If something stands in the way, please contact the project’s coordinator.',
    },
  },
  inbox: {
    project_report_submitted: {
      title: 'Report awaiting review: {{agreement}}',
      body: '{{organisation}} has submitted the {{report}} of “{{title}}”',
    },
    project_report_returned: {
      title: 'Report returned for changes: {{agreement}}',
      body: 'The {{report}} of “{{title}}”: {{comment}}',
    },
    project_report_approved: {
      title: 'Report approved: {{agreement}}',
      body: 'The {{report}} of “{{title}}” has been approved. {{instalments}}',
    },
    project_report_reminder_before: {
      title: 'Report due soon: {{agreement}}',
      body: 'The {{report}} of “{{title}}” is due on {{dueOn}}',
    },
    project_report_reminder_after: {
      title: 'Report overdue: {{agreement}}',
      body: 'The {{report}} of “{{title}}” was due on {{dueOn}} and has not been submitted',
    },
  },
};
