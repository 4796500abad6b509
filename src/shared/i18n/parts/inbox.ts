import type { Widen } from '../widen';
import { contestsEn, contestsTh } from './contests';
import { reviewersEn, reviewersTh } from './reviewers';
import { decisionsEn, decisionsTh } from './decisions';

/** Thai strings of the in-app notifications (the source); English below must have the same keys. */
export const inboxTh = {
  bell: {
    label: 'การแจ้งเตือน',
    labelUnread: 'การแจ้งเตือน ยังไม่อ่าน {{count}} รายการ',
    labelNone: 'การแจ้งเตือน ไม่มีรายการที่ยังไม่อ่าน',
  },
  panel: {
    title: 'การแจ้งเตือน',
    empty: 'ยังไม่มีการแจ้งเตือน',
    markAllRead: 'อ่านทั้งหมดแล้ว',
    markRead: 'ทำเครื่องหมายว่าอ่านแล้ว',
    markReadOf: 'ทำเครื่องหมายว่าอ่านแล้ว: {{title}}',
    unread: 'ยังไม่อ่าน',
    viewAll: 'ดูการแจ้งเตือนทั้งหมด',
  },
  page: {
    title: 'การแจ้งเตือน',
    intro: 'ความเคลื่อนไหวของข้อเสนอและงานที่เกี่ยวกับคุณ แสดง 50 รายการล่าสุด',
    filterLabel: 'แสดงการแจ้งเตือน',
    all: 'ทั้งหมด',
    unreadOnly: 'ยังไม่อ่าน',
    emptyUnread: 'อ่านการแจ้งเตือนครบทุกรายการแล้ว',
    unreadCount: 'ยังไม่อ่าน {{count}} รายการ',
  },
  time: {
    justNow: 'เมื่อสักครู่',
  },
  messages: {
    proposal_submitted: {
      title: 'ยื่นข้อเสนอแล้ว: {{receipt}}',
      body: 'ข้อเสนอ "{{title}}" ในรอบ {{call}} ได้รับแล้ว เลขที่รับ {{receipt}}',
    },
    proposal_returned: {
      title: 'ข้อเสนอถูกส่งกลับให้แก้ไข: {{receipt}}',
      body: 'เจ้าหน้าที่ขอให้แก้ไขข้อเสนอ "{{title}}" ภายใน {{dueAt}}: {{comment}}',
    },
    proposal_withdrawn: {
      title: 'ถอนข้อเสนอแล้ว',
      body: 'ข้อเสนอ "{{title}}" ในรอบ {{call}} ถูกถอนแล้ว',
    },
    proposal_eligibility: {
      title: 'ผลการตรวจคุณสมบัติ: {{result}}',
      body: 'ข้อเสนอ "{{title}}": {{reason}}',
    },
    decision_released: decisionsTh.inboxMessage,
    contest_winner: contestsTh.inboxWinner,
    contest_judge: contestsTh.inboxJudge,
    review_invitation: reviewersTh.inboxInvitation,
    review_assigned: reviewersTh.inboxAssigned,
    proposal_invited_full: {
      title: 'ได้รับเชิญให้ส่งข้อเสนอฉบับสมบูรณ์',
      body: 'แนวคิด "{{title}}" ผ่านการคัดเลือก กรุณาส่งข้อเสนอฉบับสมบูรณ์ภายใน {{dueAt}}',
    },
    problem_statement_pending: {
      title: 'มีโจทย์ปัญหารอการอนุมัติ',
      body: '"{{title}}" ในรอบ {{call}} เสนอโดย {{organisation}}',
    },
    review_reopened: {
      title: 'เจ้าหน้าที่เปิดผลการพิจารณาให้แก้ไข',
      body: 'ผลการพิจารณาข้อเสนอ "{{title}}" เปิดให้แก้ไขอีกครั้ง เหตุผล: {{reason}}',
    },
  },
} as const;

export const inboxEn: Widen<typeof inboxTh> = {
  bell: {
    label: 'Notifications',
    labelUnread: 'Notifications, {{count}} unread',
    labelNone: 'Notifications, none unread',
  },
  panel: {
    title: 'Notifications',
    empty: 'No notifications yet',
    markAllRead: 'Mark all read',
    markRead: 'Mark as read',
    markReadOf: 'Mark as read: {{title}}',
    unread: 'Unread',
    viewAll: 'See all notifications',
  },
  page: {
    title: 'Notifications',
    intro: 'What happened to your proposals and the work you take part in; the latest 50 are shown.',
    filterLabel: 'Show notifications',
    all: 'All',
    unreadOnly: 'Unread',
    emptyUnread: 'You have read every notification',
    unreadCount: '{{count}} unread',
  },
  time: {
    justNow: 'just now',
  },
  messages: {
    proposal_submitted: {
      title: 'Proposal submitted: {{receipt}}',
      body: 'Your proposal “{{title}}” to {{call}} was received with receipt number {{receipt}}',
    },
    proposal_returned: {
      title: 'Proposal returned for revision: {{receipt}}',
      body: 'An officer asks for changes to “{{title}}” by {{dueAt}}: {{comment}}',
    },
    proposal_withdrawn: {
      title: 'Proposal withdrawn',
      body: 'The proposal “{{title}}” to {{call}} was withdrawn',
    },
    proposal_eligibility: {
      title: 'Eligibility result: {{result}}',
      body: 'Proposal “{{title}}”: {{reason}}',
    },
    decision_released: decisionsEn.inboxMessage,
    contest_winner: contestsEn.inboxWinner,
    contest_judge: contestsEn.inboxJudge,
    review_invitation: reviewersEn.inboxInvitation,
    review_assigned: reviewersEn.inboxAssigned,
    proposal_invited_full: {
      title: 'Invited to submit a full proposal',
      body: 'Your concept note “{{title}}” was selected; please submit the full proposal by {{dueAt}}',
    },
    problem_statement_pending: {
      title: 'A problem statement awaits approval',
      body: '“{{title}}” in {{call}}, posted by {{organisation}}',
    },
    review_reopened: {
      title: 'An officer reopened your review',
      body: 'Your review of “{{title}}” is open for changes again. Reason: {{reason}}',
    },
  },
};
