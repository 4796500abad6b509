import { expect } from 'vitest';
import type { TestClient } from '@tests/helpers/client';
import type { EvidenceFile, EvidencePurpose, ReportBody, ReportDetail } from '@shared/contracts/projects';
import { multipartBody, samplePdf } from './proposals';

/** A report as its reader sees it, through the API. */
export async function getReport(client: TestClient, reportId: string): Promise<ReportDetail> {
  const response = await client.get(`/api/project-reports/${reportId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ReportDetail }>().data;
}

/** The body that saves `report` as it is, with `changes` on top. */
export function reportBody(report: ReportDetail, changes: Partial<ReportBody> = {}): ReportBody {
  return {
    version: report.version,
    narrative: report.narrative,
    problems: report.problems,
    risks: report.risks,
    srlLevel: report.srlLevel,
    srlEvidence: report.srlEvidence,
    milestones: report.milestones.map((m) => ({
      milestoneId: m.milestoneId,
      completionPercent: m.completionPercent,
      note: m.note,
    })),
    expenditures: report.expenditures
      .filter((e) => e.spentSatang > 0)
      .map((e) => ({ budgetLineId: e.budgetLineId, spentSatang: e.spentSatang, note: e.note })),
    indicators: report.indicators,
    lessonsLearned: report.lessonsLearned,
    scalingRecommendations: report.scalingRecommendations,
    ...changes,
  };
}

/**
 * A complete report's body: a narrative, every covered milestone at `percent` (evidence still to upload when 100),
 * some spending on the first budget line, an indicator, SRL 4 with its evidence, and for the final report lessons
 * learned and a scaling recommendation.
 */
export function completeReportBody(report: ReportDetail, percent = 60): ReportBody {
  const [firstLine] = report.expenditures;
  const isFinal = report.kind === 'final';
  return reportBody(report, {
    narrative: 'ติดตั้งระบบกรองน้ำครบ 3 หมู่บ้าน ชาวบ้านใช้น้ำสะอาดได้ทุกครัวเรือน',
    problems: 'ฝนตกหนักทำให้การติดตั้งล่าช้าสองสัปดาห์',
    risks: 'ค่าบำรุงรักษาระบบในระยะยาว',
    milestones: report.milestones.map((m) => ({
      milestoneId: m.milestoneId,
      completionPercent: percent,
      note: 'ดำเนินการตามแผน',
    })),
    expenditures: firstLine
      ? [{ budgetLineId: firstLine.budgetLineId, spentSatang: 10_000_00, note: 'ค่าวัสดุ' }]
      : [],
    indicators: [
      {
        indicatorCode: null,
        name: 'ครัวเรือนที่เข้าถึงน้ำสะอาด',
        unit: 'ครัวเรือน',
        value: 120,
        target: 150,
        note: '',
      },
    ],
    srlLevel: 4,
    srlEvidence: 'ทดลองใช้จริงในพื้นที่ 3 หมู่บ้าน มีคณะกรรมการน้ำชุมชนดูแล',
    lessonsLearned: isFinal ? 'การมีส่วนร่วมของชุมชนตั้งแต่ต้นทำให้ระบบได้รับการดูแลต่อเนื่อง' : '',
    scalingRecommendations: isFinal
      ? [
          {
            area: 'หมู่บ้านที่ใช้น้ำบาดาลในภาคอีสาน',
            provinceCodes: [40, 45],
            recommendation: 'ตั้งคณะกรรมการน้ำชุมชนก่อนติดตั้งระบบ',
            conditions: 'งบประมาณจาก อบต. และช่างประจำตำบล',
          },
        ]
      : [],
  });
}

/** Saves a report's draft through the API, expecting it to be accepted. */
export async function saveReport(
  client: TestClient,
  reportId: string,
  body: ReportBody,
): Promise<ReportDetail> {
  const response = await client.request('PUT', `/api/project-reports/${reportId}`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ReportDetail }>().data;
}

/** Uploads an evidence file (a small PDF unless given) through the API; the raw response. */
export function uploadEvidence(
  client: TestClient,
  reportId: string,
  query: { purpose: EvidencePurpose; milestoneId?: string },
  file: { name: string; type: string; bytes: Buffer } = {
    name: 'หลักฐาน.pdf',
    type: 'application/pdf',
    bytes: samplePdf(),
  },
) {
  const body = multipartBody({}, file);
  const search = new URLSearchParams({
    purpose: query.purpose,
    ...(query.milestoneId ? { milestoneId: query.milestoneId } : {}),
  });
  return client.request('POST', `/api/project-reports/${reportId}/files?${search.toString()}`, body.payload, {
    ...body.headers,
  });
}

/** Uploads an evidence file, expecting it to be stored. */
export async function addEvidence(
  client: TestClient,
  reportId: string,
  query: { purpose: EvidencePurpose; milestoneId?: string },
): Promise<EvidenceFile> {
  const response = await uploadEvidence(client, reportId, query);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: EvidenceFile }>().data;
}

/**
 * A report filled in completely (every covered milestone at `percent`, with evidence when 100) and submitted through
 * the API by a writer of the grantee.
 */
export async function submittedReport(
  client: TestClient,
  reportId: string,
  percent = 100,
): Promise<ReportDetail> {
  const saved = await saveReport(
    client,
    reportId,
    completeReportBody(await getReport(client, reportId), percent),
  );
  if (percent === 100) {
    for (const milestone of saved.milestones) {
      await addEvidence(client, reportId, { purpose: 'milestone', milestoneId: milestone.milestoneId });
    }
  }
  const response = await client.post(`/api/project-reports/${reportId}/submit`, { version: saved.version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ReportDetail }>().data;
}
