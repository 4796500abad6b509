import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '@shared/contracts/forms';
import type { ReviewerProposal } from '@shared/contracts/reviewers';
import { REDACTED, blindProposal, makeScrubber, neutralFileName } from './reviewers.blind';

describe('makeScrubber', () => {
  const scrub = makeScrubber([
    'วิสาหกิจชุมชนบ้านโคกสว่าง',
    'Khok Sawang Enterprise',
    'สมศรี ทองประเสริฐ',
    null,
    'ab',
  ]);

  it('blanks out names (whole and long parts), case-insensitively', () => {
    expect(scrub('โครงการของวิสาหกิจชุมชนบ้านโคกสว่าง')).toBe(`โครงการของ${REDACTED}`);
    expect(scrub('by KHOK SAWANG enterprise')).toBe(`by ${REDACTED}`);
    expect(scrub('ติดต่อคุณทองประเสริฐ')).toBe(`ติดต่อคุณ${REDACTED}`);
  });

  it('blanks out any e-mail address and long numbers, but not dates or short numbers', () => {
    expect(scrub('mail me: someone@example.org now')).toBe(`mail me: ${REDACTED} now`);
    expect(scrub('โทร 081-234-5678 หรือ 0105536092641')).toBe(`โทร ${REDACTED} หรือ ${REDACTED}`);
    expect(scrub('ภายใน 2027-06-30 จำนวน 320 คน')).toBe('ภายใน 2027-06-30 จำนวน 320 คน');
  });

  it('ignores very short terms', () => {
    expect(scrub('ab cd')).toBe('ab cd');
  });
});

describe('neutralFileName', () => {
  it('keeps only the position and the extension', () => {
    expect(neutralFileName(0, 'แผนงาน-บ้านโคกสว่าง.PDF')).toBe('attachment-1.pdf');
    expect(neutralFileName(2, 'no extension')).toBe('attachment-3');
  });
});

describe('blindProposal', () => {
  const definition = {
    sections: [
      {
        id: 's',
        titleTh: 'ส่วน',
        titleEn: 'Section',
        questions: [
          { id: 'summary', type: 'long_text', labelTh: 'สรุป', labelEn: 'Summary', required: false },
          { id: 'team', type: 'team_table', labelTh: 'ทีม', labelEn: 'Team', required: false },
        ],
      },
    ],
  } as unknown as FormDefinition;
  const view: ReviewerProposal = {
    assignmentId: '00000000-0000-4000-8000-000000000001',
    proposalId: '00000000-0000-4000-8000-000000000002',
    callId: '00000000-0000-4000-8000-000000000003',
    callCode: 'CC',
    callTitleTh: 'รอบ',
    callTitleEn: 'Call',
    stage: 'proposal',
    titleTh: 'น้ำสะอาดบ้านโคกสว่าง',
    titleEn: '',
    isBlind: false,
    organisationNameTh: 'บ้านโคกสว่าง',
    organisationNameEn: null,
    coApplicants: [{ nameTh: 'ภาคี', nameEn: null }],
    requestedSatang: 100,
    provinceCodes: [40],
    themes: [],
    submittedAt: null,
    definition,
    answers: { summary: ['บ้านโคกสว่าง ทำงานกับชุมชน'], team: [{ name: 'x' }] },
    redactedQuestionIds: [],
    attachments: [
      {
        id: '00000000-0000-4000-8000-000000000004',
        questionId: 'doc',
        fileName: 'บ้านโคกสว่าง.pdf',
        contentType: 'application/pdf',
        sizeBytes: 1,
      },
    ],
  };

  it('drops the organisation and co-applicants, withholds team tables and scrubs the rest', () => {
    const blind = blindProposal(view, definition, ['บ้านโคกสว่าง']);
    expect(blind).toMatchObject({
      isBlind: true,
      organisationNameTh: null,
      coApplicants: [],
      titleTh: `น้ำสะอาด${REDACTED}`,
      redactedQuestionIds: ['team'],
      answers: { summary: [`${REDACTED} ทำงานกับชุมชน`] },
    });
    expect(blind.answers.team).toBeUndefined();
    expect(blind.attachments[0]?.fileName).toBe('attachment-1.pdf');
  });
});
