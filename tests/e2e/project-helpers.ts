import { expect, inject } from 'vitest';
import type { FormDefinitionInput } from '@shared/contracts/forms';
import type {
  ProjectDetail,
  ProjectList,
  ReportDetail,
  ScalingRecommendation,
} from '@shared/contracts/projects';
import { addDays, bangkokDate } from '@shared/projects/plan';
import { registerVerified } from './accounts-helpers';
import { api, apiLogin, apiResponse, bangkokEndOfDay, type ApiSession } from './api-client';

export const BAHT = 100;

const FORM: FormDefinitionInput = {
  sections: [
    {
      id: 'project',
      titleTh: 'ข้อมูลโครงการ',
      titleEn: 'The project',
      questions: [
        { id: 'summary', type: 'long_text', labelTh: 'สรุปโครงการ', labelEn: 'Summary', required: true },
        { id: 'budget', type: 'budget_table', labelTh: 'รายการงบประมาณ', labelEn: 'Budget', required: true },
        { id: 'plan', type: 'milestones_table', labelTh: 'งวดงาน', labelEn: 'Milestones', required: true },
      ],
    },
  ],
};

/** A small but real PDF: file checks look at the content, not the name. */
export const EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

export interface AwardedProject {
  projectId: string;
  organisationId: string;
  owner: ApiSession;
}

export interface AwardOptions {
  stamp: number;
  /** Three upper-case letters, unique per test file. */
  callCode: string;
  title: string;
  summary: string;
  applicant: { name: string; email: string; password: string };
  organisationName: string;
  provinceCode: number;
  awardBaht: number;
}

/**
 * Through the API of the running server: a published Sectoral call, a new verified applicant with an organisation,
 * a submitted proposal with two milestones, screened, awarded and released — which makes the grant project.
 */
export async function awardProjectViaApi(
  officer: ApiSession,
  options: AwardOptions,
): Promise<AwardedProject> {
  const call = await api<{ id: string }>(officer, 'POST', '/api/calls', {
    programmeSlug: 'sectoral',
    code: options.callCode,
    titleTh: `รอบทดสอบ ${options.title}`,
    titleEn: 'Test call',
    descriptionTh: 'รอบสำหรับการทดสอบ',
    descriptionEn: 'A call for tests',
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: bangkokEndOfDay(30),
    fiscalYear: 2570,
    totalBudgetSatang: 1_000_000 * BAHT,
    minGrantSatang: 100_000 * BAHT,
    maxGrantSatang: 500_000 * BAHT,
    eligibility: { maxProposalsPerOrganisation: 5 },
  });
  await api(officer, 'PUT', `/api/calls/${call.id}/forms/proposal`, { definition: FORM });
  await api(officer, 'POST', `/api/calls/${call.id}/publish`);

  await registerVerified(options.applicant);
  const owner = await apiLogin(options.applicant.email, options.applicant.password);
  const organisation = await api<{ id: string }>(owner, 'POST', '/api/organisations', {
    nameTh: options.organisationName,
    type: 'community_enterprise',
    provinceCode: options.provinceCode,
  });
  const today = bangkokDate(new Date());
  const award = options.awardBaht * BAHT;
  const draft = await api<{ id: string; version: number }>(owner, 'POST', '/api/proposals', {
    callId: call.id,
    organisationId: organisation.id,
    titleTh: options.title,
  });
  const saved = await api<{ version: number }>(owner, 'PATCH', `/api/proposals/${draft.id}`, {
    version: draft.version,
    answers: {
      summary: options.summary,
      budget: [
        { category: 'materials', description: 'วัสดุและอุปกรณ์', amountSatang: Math.round(award * 0.8) },
        {
          category: 'operating',
          description: 'เวทีประชาคมและอบรม',
          amountSatang: award - Math.round(award * 0.8),
        },
      ],
      plan: [
        { title: 'สำรวจพื้นที่และออกแบบร่วมกับชุมชน', dueDate: addDays(today, 60) },
        { title: 'ดำเนินงานและถอดบทเรียน', dueDate: addDays(today, 180) },
      ],
    },
  });
  await api(owner, 'POST', `/api/proposals/${draft.id}/submit`, { version: saved.version });
  await api(officer, 'POST', `/api/calls/${call.id}/screening`, { ids: [draft.id], result: 'passed' });
  await api(officer, 'POST', `/api/proposals/${draft.id}/decision`, {
    outcome: 'award',
    amountSatang: award,
    reason: '',
  });
  await api(officer, 'POST', `/api/calls/${call.id}/decisions/notify`, {});
  const list = await apiResponse(officer, 'GET', `/api/projects?callId=${call.id}`);
  const projects = (await list.json()) as ProjectList;
  expect(projects.data).toHaveLength(1);
  return { projectId: projects.data[0]?.id ?? '', organisationId: organisation.id, owner };
}

async function uploadEvidence(session: ApiSession, reportId: string, milestoneId: string): Promise<void> {
  const baseUrl = inject('baseUrl');
  const form = new FormData();
  form.append('file', new Blob([EVIDENCE_PDF], { type: 'application/pdf' }), 'หลักฐานการดำเนินงาน.pdf');
  const response = await fetch(
    `${baseUrl}/api/project-reports/${reportId}/files?purpose=milestone&milestoneId=${milestoneId}`,
    {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: baseUrl },
      body: form,
    },
  );
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

export interface FinalReport {
  narrative: string;
  srlLevel: number;
  lessonsLearned: string;
  scalingRecommendations: ScalingRecommendation[];
}

/**
 * Takes an awarded project to its close through the API: the agreement issued and signed, every report completed,
 * submitted and approved, every instalment paid, and the project closed by the officer.
 */
export async function closeProjectViaApi(
  officer: ApiSession,
  project: AwardedProject,
  signer: string,
  final: FinalReport,
): Promise<ProjectDetail> {
  const path = `/api/projects/${project.projectId}`;
  let detail = await api<ProjectDetail>(officer, 'GET', path);
  detail = await api<ProjectDetail>(officer, 'POST', `${path}/agreement/issue`, { version: detail.version });
  detail = await api<ProjectDetail>(project.owner, 'POST', `${path}/agreement/accept`, {
    version: detail.version,
    signedName: signer,
    confirm: true,
    agreementSha256: detail.agreement.sha256,
  });
  for (const planned of [...detail.reports].sort((a, b) => a.sequence - b.sequence)) {
    const report = await api<ReportDetail>(officer, 'GET', `/api/project-reports/${planned.id}`);
    for (const milestone of report.milestones) {
      await uploadEvidence(project.owner, report.id, milestone.milestoneId);
    }
    const isFinal = report.kind === 'final';
    const saved = await api<ReportDetail>(project.owner, 'PUT', `/api/project-reports/${report.id}`, {
      version: report.version,
      narrative: final.narrative,
      srlLevel: final.srlLevel,
      srlEvidence: 'ผลการดำเนินงานจริงในพื้นที่ มีบันทึกเวทีและภาพถ่ายประกอบ',
      milestones: report.milestones.map((m) => ({ milestoneId: m.milestoneId, completionPercent: 100 })),
      ...(isFinal
        ? { lessonsLearned: final.lessonsLearned, scalingRecommendations: final.scalingRecommendations }
        : {}),
    });
    await api(project.owner, 'POST', `/api/project-reports/${report.id}/submit`, { version: saved.version });
    const submitted = await api<ReportDetail>(officer, 'GET', `/api/project-reports/${report.id}`);
    await api(officer, 'POST', `/api/project-reports/${report.id}/approve`, {
      version: submitted.version,
      comment: '',
    });
  }
  for (;;) {
    const current = await api<ProjectDetail>(officer, 'GET', path);
    const ready = current.instalments.find((i) => i.status === 'ready');
    if (!ready) {
      break;
    }
    await api(officer, 'POST', `/api/instalments/${ready.id}/payment`, {
      version: ready.version,
      paidOn: bangkokDate(new Date()),
      paidSatang: ready.amountSatang,
      reference: `KTB-${ready.sequence}-${Date.now()}`,
    });
  }
  const paid = await api<ProjectDetail>(officer, 'GET', path);
  expect(paid.instalments.every((i) => i.status === 'paid')).toBe(true);
  return api<ProjectDetail>(officer, 'POST', `${path}/close`, { version: paid.version, note: '' });
}
