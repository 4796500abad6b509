import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestClient } from '@tests/helpers/client';
import type { Answers, FormDefinitionInput } from '@shared/contracts/forms';
import type { ProposalDetail } from '@shared/contracts/proposals';

/**
 * A two-section proposal form with most kinds of question: text with limits, area, themes, a yes/no that shows a
 * follow-up, a budget table, a team table, milestones, a number and a PDF attachment of at most 4 KB.
 */
export const TEST_FORM: FormDefinitionInput = {
  sections: [
    {
      id: 'general',
      titleTh: 'ข้อมูลทั่วไป',
      titleEn: 'General',
      questions: [
        {
          id: 'summary',
          type: 'long_text',
          labelTh: 'บทสรุปโครงการ',
          labelEn: 'Project summary',
          required: true,
          maxLength: 2000,
        },
        {
          id: 'area',
          type: 'area',
          labelTh: 'พื้นที่ดำเนินงาน',
          labelEn: 'Where the project works',
          required: true,
          level: 'province',
        },
        { id: 'themes', type: 'themes', labelTh: 'ประเด็น', labelEn: 'Themes', required: true },
        { id: 'has_partner', type: 'yes_no', labelTh: 'มีภาคีร่วมหรือไม่', labelEn: 'Any partner?' },
        {
          id: 'partner_name',
          type: 'short_text',
          labelTh: 'ชื่อภาคี',
          labelEn: 'Partner name',
          required: true,
          showWhen: { questionId: 'has_partner', anyOf: ['yes'] },
        },
        {
          id: 'beneficiaries',
          type: 'number',
          labelTh: 'จำนวนผู้ได้รับประโยชน์',
          labelEn: 'People who benefit',
          min: 1,
          max: 100000,
          integer: true,
          unitTh: 'คน',
          unitEn: 'people',
        },
      ],
    },
    {
      id: 'plan',
      titleTh: 'แผนงานและงบประมาณ',
      titleEn: 'Plan and budget',
      questions: [
        { id: 'budget', type: 'budget_table', labelTh: 'งบประมาณ', labelEn: 'Budget', required: true },
        { id: 'team', type: 'team_table', labelTh: 'ทีมงาน', labelEn: 'Team' },
        { id: 'milestones', type: 'milestones_table', labelTh: 'แผนงาน', labelEn: 'Milestones' },
        {
          id: 'document',
          type: 'file',
          labelTh: 'เอกสารประกอบ',
          labelEn: 'Supporting document',
          accept: ['pdf'],
          maxFiles: 2,
          maxSizeBytes: 4096,
        },
      ],
    },
  ],
};

/** Answers that pass every check of `TEST_FORM` when submitted, asking for `budgetSatang` in one line. */
export function completeAnswers(budgetSatang = 150_000_000): Answers {
  return {
    summary: 'นวัตกรรมการจัดการน้ำของชุมชน เพื่อให้มีน้ำใช้ตลอดปี',
    area: [{ provinceCode: 58 }],
    themes: ['food_water_energy'],
    has_partner: true,
    partner_name: 'องค์การบริหารส่วนตำบลหนองบัว',
    beneficiaries: 320,
    budget: [
      { category: 'materials', description: 'ท่อและถังเก็บน้ำ', amountSatang: budgetSatang - 50_000_000 },
      { category: 'personnel', description: 'ผู้ประสานงานชุมชน', amountSatang: 50_000_000 },
    ],
    team: [{ name: 'สมหญิง ใจดี', role: 'หัวหน้าโครงการ' }],
    milestones: [{ title: 'ติดตั้งระบบกรองน้ำ', dueDate: '2027-06-30', deliverable: 'ระบบกรองน้ำ 1 ชุด' }],
  };
}

/** A small but well-formed PDF file. */
export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

/** A draft started through the API by `client` and, when `answers` are given, saved with them. */
export async function startDraft(
  client: TestClient,
  input: { callId: string; organisationId: string; titleTh: string },
  answers?: Answers,
): Promise<ProposalDetail> {
  const created = await client.post('/api/proposals', input);
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json<{ data: ProposalDetail }>().data;
  if (!answers) {
    return draft;
  }
  const saved = await client.patch(`/api/proposals/${draft.id}`, { version: draft.version, answers });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json<{ data: ProposalDetail }>().data;
}

/** A multipart/form-data body with text fields and at most one file, for `app.inject`. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Buffer; field?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----si-test-${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
