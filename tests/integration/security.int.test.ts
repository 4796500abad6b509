import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, TEST_NOW, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { makeTempDir } from '@tests/helpers/temp';
import {
  activeProject,
  createDrivingUnit,
  setupBody,
  signedInUnitStaff,
  uniqueSuffix,
} from '@tests/factories/projects';
import { signedIn, TEST_PASSWORD, type Person } from '@tests/factories/people';
import { buildApp } from '@server/app';
import { parseEnv } from '@server/env';
import { SESSION_COOKIE } from '@server/plugins/auth';
import { completeAnswers, multipartBody, samplePdf, startDraft } from '@tests/factories/proposals';
import { addEvidence } from '@tests/factories/project-reports';
import { publishedActivity, registerFor, workshopBody } from '@tests/factories/activities';
import { assessment, indicatorValue, projectIndicator, simpleModel } from '@tests/factories/impact-report';
import { projectIndicatorValues } from '@server/db/schema/index';
import type { ProjectSetupBody } from '@shared/contracts/projects';

let ctx: TestContext;
const web = makeTempDir('si-web-');

/** One side of the sweep: an organisation and a driving unit, each owning one resource of every kind. */
interface Side {
  owner: Person;
  staff: Person;
  unitId: string;
  ids: Record<string, string>;
  /** Text only this side's records contain, which must never reach the other side. */
  marker: string;
  /** A valid setup of this side's project, and a valid reallocation between its budget lines. */
  setup: ProjectSetupBody;
  reallocationBody: { fromLineId: string; toLineId: string; amountSatang: number; reason: string };
}

const COHORT = {
  nameTh: 'กลุ่มบ่มเพาะนวัตกรชุมชน',
  nameEn: 'Community innovators',
  fiscalYear: 2570,
  startsOn: '2026-11-01',
  endsOn: '2027-03-31',
  audiences: ['community'],
};

const ABSENT_ID = '00000000-0000-4000-8000-00000000dead';
let officer: Person;
let sideA: Side;
let sideB: Side;

async function buildSide(label: string): Promise<Side> {
  const marker = `${label}-${uniqueSuffix()}`;
  const unitId = await createDrivingUnit(ctx, [58], `Unit ${marker}`);
  const staff = await signedInUnitStaff(ctx, unitId);
  const project = await activeProject(ctx, {
    officer,
    titleTh: `โครงการ ${marker}`,
    setup: { drivingUnitId: unitId },
  });
  const { owner } = project;
  const ids: Record<string, string> = {
    organisation: project.organisationId,
    unit: unitId,
    call: project.callId,
    proposal: project.proposalId,
    project: project.projectId,
    report: project.project.reports[0]?.id ?? '',
    instalment: project.project.instalments[0]?.id ?? '',
    ownerUser: owner.userId,
    staffUser: staff.userId,
  };

  const draft = await startDraft(
    owner.client,
    { callId: project.callId, organisationId: project.organisationId, titleTh: `ร่าง ${marker}` },
    completeAnswers(),
  );
  ids.draft = draft.id;
  const file = multipartBody(
    { questionId: 'document' },
    { name: 'a.pdf', type: 'application/pdf', bytes: samplePdf() },
  );
  const attached = await owner.client.request(
    'POST',
    `/api/proposals/${draft.id}/attachments`,
    file.payload,
    file.headers,
  );
  expect(attached.statusCode, attached.body).toBe(201);
  ids.attachment = attached.json<{ data: { id: string } }>().data.id;

  ids.evidence = (await addEvidence(owner.client, ids.report ?? '', { purpose: 'other' })).id;

  const cohort = await staff.client.post('/api/cohorts', { ...COHORT, nameTh: `รุ่น ${marker}` });
  expect(cohort.statusCode, cohort.body).toBe(201);
  ids.cohort = cohort.json<{ data: { id: string } }>().data.id;

  const activity = await publishedActivity(
    staff.client,
    workshopBody(new Date(TEST_NOW), { titleEn: `Workshop ${marker}` }),
  );
  ids.activity = activity.id;
  ids.registration = (await registerFor(owner.client, activity.id, project.organisationId)).id;

  const innovation = await officer.client.post('/api/innovations', {
    titleTh: `นวัตกรรม ${marker}`,
    summaryTh: 'ร่างนวัตกรรมของชุมชน',
    themes: ['tourism_culture'],
    originProvinceCode: 58,
    ownerOrganisationIds: [project.organisationId],
  });
  expect(innovation.statusCode, innovation.body).toBe(201);
  ids.innovation = innovation.json<{ data: { id: string } }>().data.id;

  const mentoring = await owner.client.post('/api/mentoring/requests', {
    organisationId: project.organisationId,
    drivingUnitId: unitId,
    expertise: 'marketing',
    topic: `การตลาด ${marker}`,
    details: 'ต้องการคำแนะนำ',
  });
  expect(mentoring.statusCode, mentoring.body).toBe(201);
  ids.mentoring = mentoring.json<{ data: { id: string } }>().data.id;

  ids.projectIndicator = await projectIndicator(ctx, project.projectId, { code: `I-${marker}` });
  await indicatorValue(ctx, project.projectId, ids.projectIndicator, '2027-03-31', 10, 'submitted');
  const [value] = await ctx.database.db
    .select({ id: projectIndicatorValues.id })
    .from(projectIndicatorValues)
    .where(eq(projectIndicatorValues.projectIndicatorId, ids.projectIndicator));
  ids.indicatorValue = value?.id ?? '';
  const valueFile = multipartBody({}, { name: 'a.pdf', type: 'application/pdf', bytes: samplePdf() });
  const uploaded = await owner.client.request(
    'POST',
    `/api/indicator-values/${ids.indicatorValue}/files`,
    valueFile.payload,
    valueFile.headers,
  );
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  ids.indicatorFile = uploaded.json<{ data: { id: string } }>().data.id;
  ids.sroi = (
    await assessment(ctx, project.projectId, 'forecast', 1, 'draft', simpleModel(1000, 10, 500))
  ).id;

  const exported = await staff.client.post(`/api/cohorts/${ids.cohort}/results/exports`, {
    format: 'csv',
    lang: 'th',
  });
  expect(exported.statusCode, exported.body).toBeLessThan(300);
  ids.job = exported.json<{ data: { jobId: string } }>().data.jobId;

  const [fromLine, toLine] = project.project.budgetLines;
  const reallocationBody = {
    fromLineId: fromLine?.id ?? '',
    toLineId: toLine?.id ?? '',
    amountSatang: 100,
    reason: `ย้ายงบ ${marker}`,
  };
  const reallocation = await owner.client.post(
    `/api/projects/${project.projectId}/reallocations`,
    reallocationBody,
  );
  expect(reallocation.statusCode, reallocation.body).toBe(201);
  ids.reallocation = reallocation.json<{ data: { id: string } }>().data.id;

  const person = await staff.client.post('/api/personnel', {
    nameTh: `พี่เลี้ยง ${marker}`,
    nameEn: `Mentor ${marker}`,
    roles: ['mentor'],
    expertise: ['innovation'],
    drivingUnitId: unitId,
    provinceCode: 58,
  });
  expect(person.statusCode, person.body).toBe(201);
  ids.personnel = person.json<{ data: { id: string } }>().data.id;

  const inbox = await owner.client.get('/api/notifications');
  ids.notification = inbox.json<{ data: Array<{ id: string }> }>().data[0]?.id ?? '';
  const sessions = await owner.client.get('/api/auth/sessions');
  ids.session = sessions.json<{ data: Array<{ id: string }> }>().data[0]?.id ?? '';

  for (const [kind, id] of Object.entries(ids)) {
    expect(typeof id === 'string' && id !== '', kind).toBe(true);
  }
  return { owner, staff, unitId, ids, marker, setup: setupBody(project.project), reallocationBody };
}

beforeAll(async () => {
  mkdirSync(path.join(web.dir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(web.dir, 'index.html'),
    '<!doctype html><html lang="th"><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(web.dir, 'assets', 'app-abc123.js'), 'console.log("app")');
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0', WEB_DIST_DIR: web.dir });
  officer = await signedIn(ctx, `officer-${uniqueSuffix()}@security.test`, 'programme_officer');
  sideA = await buildSide('A');
  sideB = await buildSide('B');
});
afterAll(async () => {
  await ctx.close();
  web.cleanup();
});

// ---- The id sweep --------------------------------------------------------------------------------------------------

/** Every route with an id of a record that belongs to an organisation or a driving unit, and the kind of that record. */
const SWEEP: Record<string, string> = {
  'DELETE /api/auth/sessions/:id': 'session',
  'POST /api/admin/users/:id/roles': 'ownerUser',
  'DELETE /api/admin/users/:id/roles/:role': 'ownerUser',
  'GET /api/driving-units/:id/dashboard': 'unit',
  'PUT /api/driving-units/:id/targets': 'unit',
  'PUT /api/driving-units/:id/profile': 'unit',
  'GET /api/organisations/:id': 'organisation',
  'PATCH /api/organisations/:id': 'organisation',
  'GET /api/organisations/:id/members': 'organisation',
  'POST /api/organisations/:id/invitations': 'organisation',
  'GET /api/organisations/:id/invitations': 'organisation',
  'PATCH /api/organisations/:id/members/:userId': 'organisation',
  'DELETE /api/organisations/:id/members/:userId': 'organisation',
  'POST /api/organisations/:id/transfer-ownership': 'organisation',
  'GET /api/proposals/:id': 'proposal',
  'PATCH /api/proposals/:id': 'proposal',
  'POST /api/proposals/:id/attachments': 'proposal',
  'GET /api/proposals/:id/attachments/:attachmentId': 'attachment',
  'DELETE /api/proposals/:id/attachments/:attachmentId': 'attachment',
  'POST /api/proposals/:id/submit': 'proposal',
  'POST /api/proposals/:id/withdraw': 'proposal',
  'POST /api/proposals/:id/return': 'proposal',
  'POST /api/proposals/:id/eligibility': 'proposal',
  'POST /api/proposals/:id/invite-full': 'proposal',
  'GET /api/proposals/:id/pdf': 'proposal',
  'POST /api/notifications/:id/read': 'notification',
  'DELETE /api/reviewer-profile/conflicts/:organisationId': 'organisation',
  'GET /api/reviewers/:userId': 'ownerUser',
  'PATCH /api/reviewers/:userId': 'ownerUser',
  'GET /api/proposals/:id/assignments': 'proposal',
  'GET /api/proposals/:id/reviews': 'proposal',
  'POST /api/proposals/:id/screening': 'proposal',
  'POST /api/proposals/:id/phase': 'proposal',
  'POST /api/proposals/:id/shortlist': 'proposal',
  'GET /api/proposals/:id/selection': 'proposal',
  'POST /api/proposals/:id/decision': 'proposal',
  'GET /api/proposals/:id/decision': 'proposal',
  'GET /api/proposals/:id/decision-letter.pdf': 'proposal',
  'GET /api/projects/:id': 'project',
  'PUT /api/projects/:id/setup': 'project',
  'PATCH /api/projects/:id/unit': 'project',
  'POST /api/projects/:id/agreement/issue': 'project',
  'POST /api/projects/:id/agreement/withdraw': 'project',
  'GET /api/projects/:id/agreement.pdf': 'project',
  'POST /api/projects/:id/agreement/accept': 'project',
  'POST /api/instalments/:id/payment': 'instalment',
  'POST /api/projects/:id/reallocations': 'project',
  'POST /api/projects/:id/close': 'project',
  'GET /api/project-reports/:id': 'report',
  'PUT /api/project-reports/:id': 'report',
  'POST /api/project-reports/:id/files': 'report',
  'GET /api/project-reports/:id/files/:fileId': 'evidence',
  'DELETE /api/project-reports/:id/files/:fileId': 'evidence',
  'POST /api/project-reports/:id/submit': 'report',
  'POST /api/project-reports/:id/return': 'report',
  'POST /api/project-reports/:id/approve': 'report',
  'GET /api/mentoring/requests/:id': 'mentoring',
  'POST /api/mentoring/requests/:id/assign': 'mentoring',
  'POST /api/mentoring/requests/:id/status': 'mentoring',
  'POST /api/mentoring/requests/:id/sessions': 'mentoring',
  'PATCH /api/activities/:id': 'activity',
  'POST /api/activities/:id/publish': 'activity',
  'POST /api/activities/:id/cancel': 'activity',
  'POST /api/activities/:id/complete': 'activity',
  'GET /api/activities/:id/registrations': 'activity',
  'POST /api/activity-registrations/:id/cancel': 'registration',
  'POST /api/activity-registrations/:id/attendance': 'registration',
  'GET /api/activities/:id/attendance-code': 'activity',
  'POST /api/activities/:id/attendance-code': 'activity',
  'POST /api/activities/:id/certificates': 'activity',
  'POST /api/activity-registrations/:id/certificate': 'registration',
  'GET /api/activity-registrations/:id/certificate.pdf': 'registration',
  'POST /api/activity-registrations/:id/certificate/revoke': 'registration',
  'GET /api/innovations/:id': 'innovation',
  'PATCH /api/innovations/:id': 'innovation',
  'POST /api/innovations/:id/publish': 'innovation',
  'POST /api/innovations/:id/unpublish': 'innovation',
  'POST /api/innovations/:id/feature': 'innovation',
  'PUT /api/innovations/:id/adoption-package': 'innovation',
  'POST /api/innovations/:id/srl': 'innovation',
  'POST /api/innovations/:id/media': 'innovation',
  'PATCH /api/innovations/:id/media/:mediaId': 'innovation',
  'DELETE /api/innovations/:id/media/:mediaId': 'innovation',
  'PUT /api/innovations/:id/cover': 'innovation',
  'GET /api/innovations/:id/media/:mediaId': 'innovation',
  'GET /api/innovations/:id/media/:mediaId/thumbnail': 'innovation',
  'GET /api/innovations/:id/diffusion': 'innovation',
  'GET /api/innovations/:id/interest-options': 'innovation',
  'POST /api/innovations/:id/interest': 'innovation',
  'GET /api/cohorts/:id': 'cohort',
  'PATCH /api/cohorts/:id': 'cohort',
  'GET /api/cohorts/:id/member-lookup': 'cohort',
  'POST /api/cohorts/:id/members': 'cohort',
  'DELETE /api/cohorts/:id/members/:userId': 'cohort',
  'GET /api/cohorts/:id/questionnaire': 'cohort',
  'PUT /api/cohorts/:id/questionnaire': 'cohort',
  'GET /api/cohorts/:id/assessment': 'cohort',
  'POST /api/cohorts/:id/assessment/responses': 'cohort',
  'GET /api/cohorts/:id/results': 'cohort',
  'POST /api/cohorts/:id/results/exports': 'cohort',
  'GET /api/projects/:id/logic-model': 'project',
  'PUT /api/projects/:id/logic-model': 'project',
  'GET /api/projects/:id/indicators': 'project',
  'POST /api/projects/:id/indicators': 'project',
  'PATCH /api/project-indicators/:id': 'projectIndicator',
  'DELETE /api/project-indicators/:id': 'projectIndicator',
  'POST /api/project-indicators/:id/values': 'projectIndicator',
  'PATCH /api/indicator-values/:id': 'indicatorValue',
  'DELETE /api/indicator-values/:id': 'indicatorValue',
  'POST /api/indicator-values/:id/review': 'indicatorValue',
  'GET /api/indicator-values/:id/files': 'indicatorValue',
  'POST /api/indicator-values/:id/files': 'indicatorValue',
  'GET /api/projects/:id/sroi-assessments': 'project',
  'POST /api/projects/:id/sroi-assessments': 'project',
  'GET /api/sroi-assessments/:id': 'sroi',
  'PUT /api/sroi-assessments/:id': 'sroi',
  'POST /api/sroi-assessments/:id/finalise': 'sroi',
  'POST /api/sroi-assessments/:id/new-version': 'sroi',
  'DELETE /api/sroi-assessments/:id': 'sroi',
  'GET /api/projects/:id/impact-report': 'project',
  'GET /api/projects/:id/impact-report.pdf': 'project',
  'GET /api/jobs/:id': 'job',
  'GET /api/jobs/:id/download': 'job',
  'POST /api/reallocations/:id/approve': 'reallocation',
  'POST /api/reallocations/:id/reject': 'reallocation',
  'POST /api/reallocations/:id/cancel': 'reallocation',
  'GET /api/indicator-files/:id': 'indicatorFile',
  'DELETE /api/indicator-files/:id': 'indicatorFile',
};

const REFERENCE =
  'reference data keyed by a code or slug, the same for every reader; changes are administrator-only';
const CALL =
  'calls belong to a programme, not to an organisation or unit: a published call is public, its officer-only actions answer 403 to everyone else';
const REVIEWER =
  "a reviewer's own invitations, assignments and reviews: scoped to the reviewer, refused by role to others";
const CONTEST = 'contests and their entries are run by programme officers for the whole platform';
const CERTIFICATE = 'public verification of a certificate by its unguessable code';
const NETWORK = 'the SI Network partner directory is national: public profiles, officer-only changes';
const KNOWLEDGE = 'the knowledge library is national: published items are public, changes are officer-only';
const DIFFUSION =
  'adoptions, villages and community needs are scoped by province, not by organisation or unit';
const LIBRARY =
  'the national impact-indicator and financial-proxy library: read by staff, changed by officers';
const IMPORT_KIND = 'the parameter is an import kind, not a record';
const MENTORING_SESSION =
  "rated by the requesting organisation's members only; covered by the mentoring tests";
const UNIT_PROFILE = "a driving unit's profile page is public";
const PUBLISHED_ACTIVITY = 'a published activity is a public event: anyone may read it and register';
const PERSONNEL_PROFILE =
  "the facilitator and mentor registry's profiles are public: another unit's staff see the entry and are refused changes with 403";

/** Routes with an id that the sweep leaves out on purpose, each with its reason. */
const NOT_SWEPT: Record<string, string> = {
  'GET /api/geo/provinces/:code': REFERENCE,
  'GET /api/geo/provinces/:code/districts': REFERENCE,
  'GET /api/geo/districts/:code/subdistricts': REFERENCE,
  'GET /api/geo/provinces/:code/indicators': REFERENCE,
  'GET /api/indicators/:code/values': REFERENCE,
  'GET /api/reference/province-groups/:code': REFERENCE,
  'PUT /api/reference/province-groups/:code': REFERENCE,
  'GET /api/programmes/:slug': REFERENCE,
  'PATCH /api/programmes/:slug': REFERENCE,
  'GET /api/calls/:id/proposals': CALL,
  'POST /api/calls/:id/proposals/exports': CALL,
  'POST /api/calls/:id/proposals/bulk': CALL,
  'GET /api/calls/:id/review-settings': CALL,
  'PATCH /api/calls/:id/review-settings': CALL,
  'GET /api/calls/:id/reviewers': CALL,
  'POST /api/calls/:id/reviewers': CALL,
  'GET /api/calls/:id/assignments': CALL,
  'POST /api/calls/:id/assignments/auto': CALL,
  'POST /api/calls/:id/assignments': CALL,
  'GET /api/calls/:id/rubrics/:stage': CALL,
  'PUT /api/calls/:id/rubrics/:stage': CALL,
  'GET /api/calls/:id/ranking': CALL,
  'POST /api/calls/:id/screening': CALL,
  'GET /api/calls/:id/decisions': CALL,
  'POST /api/calls/:id/decisions/notify': CALL,
  'GET /api/calls/:id/results': CALL,
  'GET /api/calls/:id/peoples-choice': CALL,
  'POST /api/calls/:id/peoples-choice/votes': CALL,
  'GET /api/calls/:id': CALL,
  'PATCH /api/calls/:id': CALL,
  'POST /api/calls/:id/publish': CALL,
  'POST /api/calls/:id/close': CALL,
  'POST /api/calls/:id/archive': CALL,
  'POST /api/calls/:id/reopen': CALL,
  'GET /api/calls/:id/forms': CALL,
  'PUT /api/calls/:id/forms/:stage': CALL,
  'GET /api/calls/:id/eligibility': CALL,
  'POST /api/calls/:id/problem-statements': CALL,
  'POST /api/review-invitations/:id/accept': REVIEWER,
  'POST /api/review-invitations/:id/decline': REVIEWER,
  'POST /api/review-assignments/:id/remove': REVIEWER,
  'POST /api/review-assignments/:id/conflict': REVIEWER,
  'POST /api/review-assignments/:id/decline': REVIEWER,
  'GET /api/review-assignments/:id/proposal': REVIEWER,
  'GET /api/review-assignments/:id/attachments/:attachmentId': REVIEWER,
  'GET /api/review-assignments/:id/review': REVIEWER,
  'PUT /api/review-assignments/:id/review': REVIEWER,
  'POST /api/review-assignments/:id/review/submit': REVIEWER,
  'POST /api/reviews/:id/reopen': REVIEWER,
  'GET /api/contests/:id': CONTEST,
  'PATCH /api/contests/:id': CONTEST,
  'POST /api/contests/:id/open': CONTEST,
  'POST /api/contests/:id/start-judging': CONTEST,
  'POST /api/contests/:id/announce': CONTEST,
  'POST /api/contests/:id/archive': CONTEST,
  'GET /api/contests/:id/entries': CONTEST,
  'POST /api/contests/:id/entries': CONTEST,
  'GET /api/contests/:id/judges': CONTEST,
  'GET /api/contests/:id/judge-candidates': CONTEST,
  'POST /api/contests/:id/judges': CONTEST,
  'DELETE /api/contests/:id/judges/:userId': CONTEST,
  'GET /api/contests/:id/judging': CONTEST,
  'GET /api/contests/:id/ranking': CONTEST,
  'PUT /api/contests/:id/categories/:categoryId/winners': CONTEST,
  'GET /api/contests/:id/winners': CONTEST,
  'POST /api/contest-entries/:id/decision': CONTEST,
  'PUT /api/contest-entries/:id/score': CONTEST,
  'POST /api/contest-entries/:id/score/submit': CONTEST,
  'POST /api/contest-entries/:id/conflict': CONTEST,
  'GET /api/contest-entries/:id/certificate.pdf': CONTEST,
  'POST /api/contest-entries/:id/certificate/revoke': CONTEST,
  'GET /api/contest-certificates/:code': CERTIFICATE,
  'POST /api/mentoring/sessions/:id/rating': MENTORING_SESSION,
  'GET /api/activity-certificates/:code': CERTIFICATE,
  'GET /api/partners/:id': NETWORK,
  'PATCH /api/partners/:id': NETWORK,
  'DELETE /api/partners/:id': NETWORK,
  'POST /api/partners/:id/mous': NETWORK,
  'POST /api/partners/:id/contributions': NETWORK,
  'POST /api/partners/:id/links': NETWORK,
  'PATCH /api/partner-mous/:id': NETWORK,
  'DELETE /api/partner-mous/:id': NETWORK,
  'POST /api/partner-mous/:id/documents': NETWORK,
  'GET /api/partner-mous/:id/documents/:documentId': NETWORK,
  'DELETE /api/partner-mous/:id/documents/:documentId': NETWORK,
  'DELETE /api/partner-contributions/:id': NETWORK,
  'DELETE /api/partner-links/:id': NETWORK,
  'GET /api/knowledge/:id': KNOWLEDGE,
  'GET /api/knowledge/:id/download': KNOWLEDGE,
  'GET /api/knowledge/:id/open': KNOWLEDGE,
  'PATCH /api/knowledge/:id': KNOWLEDGE,
  'DELETE /api/knowledge/:id': KNOWLEDGE,
  'POST /api/knowledge/:id/file': KNOWLEDGE,
  'POST /api/knowledge/:id/publish': KNOWLEDGE,
  'POST /api/knowledge/:id/unpublish': KNOWLEDGE,
  'GET /api/adoptions/:id': DIFFUSION,
  'PATCH /api/adoptions/:id': DIFFUSION,
  'POST /api/adoptions/:id/status': DIFFUSION,
  'POST /api/adoptions/:id/updates': DIFFUSION,
  'POST /api/adoptions/:id/photo-updates': DIFFUSION,
  'GET /api/adoption-updates/:id/photo': DIFFUSION,
  'GET /api/villages/:id': DIFFUSION,
  'PATCH /api/villages/:id': DIFFUSION,
  'GET /api/needs/:id': DIFFUSION,
  'PATCH /api/needs/:id': DIFFUSION,
  'POST /api/needs/:id/actions': DIFFUSION,
  'GET /api/needs/:id/matches': DIFFUSION,
  'GET /api/problem-statements/:id/matches': DIFFUSION,
  'PATCH /api/problem-statements/:id': DIFFUSION,
  'POST /api/problem-statements/:id/publish': DIFFUSION,
  'POST /api/problem-statements/:id/withdraw': DIFFUSION,
  'GET /api/impact-indicators/:id': LIBRARY,
  'PATCH /api/impact-indicators/:id': LIBRARY,
  'GET /api/financial-proxies/:id': LIBRARY,
  'PATCH /api/financial-proxies/:id': LIBRARY,
  'GET /api/coverage/provinces/:code': REFERENCE,
  'POST /api/admin/data-imports/:kind': IMPORT_KIND,
  'GET /api/driving-units/:id': UNIT_PROFILE,
  'GET /api/activities/:id': PUBLISHED_ACTIVITY,
  'POST /api/activities/:id/registrations': PUBLISHED_ACTIVITY,
  'GET /api/personnel/:id': PERSONNEL_PROFILE,
  'PATCH /api/personnel/:id': PERSONNEL_PROFILE,
  'POST /api/personnel/:id/recognitions': PERSONNEL_PROFILE,
};

/** A request body (or multipart upload, or query) that passes each write route's validation, so the sweep reaches the service. */
type Spec = {
  body?: unknown;
  query?: string;
  multipart?: { fields: Record<string, string>; name: string; type: string };
};
const pdfUpload = (fields: Record<string, string> = {}): Spec => ({
  multipart: { fields, name: 'evidence.pdf', type: 'application/pdf' },
});
const SPECS: Record<string, (a: Side, b: Side) => Spec> = {
  'POST /api/admin/users/:id/roles': () => ({ body: { role: 'reviewer' } }),
  'PUT /api/driving-units/:id/targets': () => ({ body: { fiscalYear: 2570, targets: [] } }),
  'PUT /api/driving-units/:id/profile': () => ({
    body: {
      hostNameTh: 'x',
      hostNameEn: 'x',
      descriptionTh: 'x',
      descriptionEn: 'x',
      contactEmail: null,
      contactPhone: null,
      website: null,
      version: 1,
    },
  }),
  'POST /api/organisations/:id/invitations': () => ({
    body: { email: 'guest@security.test', role: 'viewer' },
  }),
  'PATCH /api/organisations/:id/members/:userId': () => ({ body: { role: 'viewer' } }),
  'POST /api/organisations/:id/transfer-ownership': (_a, b) => ({ body: { userId: b.ids.ownerUser } }),
  'POST /api/proposals/:id/attachments': () => pdfUpload({ questionId: 'document' }),
  'POST /api/proposals/:id/return': () => ({ body: { comment: 'x', dueAt: '2027-01-10T03:00:00.000Z' } }),
  'POST /api/proposals/:id/eligibility': () => ({ body: { eligible: true, reason: 'x' } }),
  'POST /api/proposals/:id/screening': () => ({ body: { result: 'passed' } }),
  'POST /api/proposals/:id/phase': () => ({ body: { phase: 'panel' } }),
  'POST /api/proposals/:id/shortlist': () => ({ body: { shortlisted: true } }),
  'POST /api/proposals/:id/decision': () => ({ body: { outcome: 'reject', reason: 'x' } }),
  'PUT /api/projects/:id/setup': (a, b) => ({ body: { ...b.setup, drivingUnitId: a.unitId } }),
  'PATCH /api/projects/:id/unit': (a) => ({ body: { drivingUnitId: a.unitId, version: 1 } }),
  'POST /api/projects/:id/agreement/accept': () => ({
    body: { version: 1, signedName: 'สมหญิง ใจดี', confirm: true, agreementSha256: 'a'.repeat(64) },
  }),
  'POST /api/instalments/:id/payment': () => ({
    body: { version: 1, paidOn: '2026-12-15', paidSatang: 100, reference: 'x' },
  }),
  'POST /api/projects/:id/reallocations': (_a, b) => ({ body: b.reallocationBody }),
  'POST /api/project-reports/:id/files': () => ({ ...pdfUpload(), query: 'purpose=other' }),
  'POST /api/mentoring/requests/:id/assign': (_a, b) => ({ body: { mentorId: b.ids.personnel, version: 1 } }),
  'POST /api/mentoring/requests/:id/status': () => ({ body: { status: 'closed', version: 1 } }),
  'POST /api/mentoring/requests/:id/sessions': () => ({
    body: { heldOn: '2026-12-10', topic: 'วางแผนการตลาดออนไลน์', hours: 1 },
  }),
  'PATCH /api/activities/:id': () => ({ body: { ...workshopBody(new Date(TEST_NOW)), version: 1 } }),
  'POST /api/activities/:id/cancel': () => ({ body: { reason: 'x', version: 1 } }),
  'POST /api/activity-registrations/:id/attendance': () => ({ body: { attended: true, version: 1 } }),
  'POST /api/activity-registrations/:id/certificate/revoke': () => ({ body: { reason: 'x' } }),
  'POST /api/innovations/:id/feature': () => ({ body: { isFeatured: true, version: 1 } }),
  'PUT /api/innovations/:id/adoption-package': () => ({
    body: { isDiffusionReady: false, adoptionPackage: {}, version: 1 },
  }),
  'POST /api/innovations/:id/srl': () => ({ body: { srl: 5, assessedOn: '2026-12-01', version: 1 } }),
  'POST /api/innovations/:id/media': () => pdfUpload(),
  'PUT /api/innovations/:id/cover': () => ({ body: { mediaId: ABSENT_ID, version: 1 } }),
  'POST /api/innovations/:id/interest': (a) => ({
    body: { organisationId: a.ids.organisation, provinceCode: 58 },
  }),
  'PATCH /api/cohorts/:id': () => ({ body: { ...COHORT, version: 1 } }),
  'GET /api/cohorts/:id/member-lookup': () => ({ query: 'email=guest%40security.test' }),
  'POST /api/cohorts/:id/members': () => ({ body: { email: 'guest@security.test' } }),
  'PUT /api/cohorts/:id/questionnaire': () => ({
    body: { version: null, titleTh: 'x', scalePoints: 5, items: [{ textTh: 'x' }] },
  }),
  'POST /api/cohorts/:id/assessment/responses': () => ({ body: { phase: 'pre', answers: {} } }),
  'POST /api/cohorts/:id/results/exports': () => ({ body: { format: 'csv', lang: 'th' } }),
  'PUT /api/projects/:id/logic-model': () => ({ body: { nodes: [], version: 1 } }),
  'DELETE /api/project-indicators/:id': () => ({ query: 'version=1' }),
  'POST /api/project-indicators/:id/values': () => ({ body: { periodEnd: '2027-03-31', value: 1 } }),
  'DELETE /api/indicator-values/:id': () => ({ query: 'version=1' }),
  'POST /api/indicator-values/:id/review': () => ({ body: { decision: 'verified', version: 1 } }),
  'POST /api/indicator-values/:id/files': () => pdfUpload(),
  'POST /api/projects/:id/sroi-assessments': () => ({ body: { kind: 'forecast' } }),
  'PUT /api/sroi-assessments/:id': () => ({
    body: { title: 'x', notes: '', model: simpleModel(1000, 10, 500), version: 1 },
  }),
  'DELETE /api/sroi-assessments/:id': () => ({ query: 'version=1' }),
};

function concreteUrl(url: string, kind: string, ids: Record<string, string>): string {
  return url.replace(/:([a-zA-Z]+)/g, (_param, name: string) => {
    if (name === 'id') {
      const idKind = kind === 'attachment' ? 'draft' : kind === 'evidence' ? 'report' : kind;
      return ids[idKind] ?? ABSENT_ID;
    }
    const byName: Record<string, string | undefined> = {
      attachmentId: ids.attachment,
      fileId: ids.evidence,
      userId: ids.ownerUser,
      organisationId: ids.organisation,
      stage: 'proposal',
      role: 'reviewer',
    };
    return byName[name] ?? ABSENT_ID;
  });
}

async function callRoute(client: TestClient, key: string, kind: string, ids: Record<string, string>) {
  const [method = 'GET', url = ''] = key.split(' ');
  const spec = SPECS[key]?.(sideA, sideB) ?? {};
  const target = concreteUrl(url, kind, ids) + (spec.query ? `?${spec.query}` : '');
  const verb = method as 'GET' | 'POST';
  if (spec.multipart) {
    const upload = multipartBody(spec.multipart.fields, {
      name: spec.multipart.name,
      type: spec.multipart.type,
      bytes: samplePdf(),
    });
    return client.request(verb, target, upload.payload, upload.headers);
  }
  if (method === 'GET' || method === 'DELETE') {
    return client.request(verb, target);
  }
  if (spec.body !== undefined) {
    return client.request(verb, target, spec.body);
  }
  // Most commands carry only the record's version; the rest take an empty body.
  const versioned = await client.request(verb, target, { version: 1 });
  return versioned.statusCode === 400 ? client.request(verb, target, {}) : versioned;
}

function idRoutes(): string[] {
  return [
    ...new Set(
      ctx.app.routeCatalogue
        .filter((r) => r.url.startsWith('/api/') && r.url.includes('/:') && r.method !== 'HEAD')
        .map((r) => `${r.method} ${r.url}`),
    ),
  ];
}

describe("another organisation's or unit's id", () => {
  it('every route with an id is swept or left out with a reason', () => {
    const routes = idRoutes();
    expect(routes.length).toBeGreaterThan(200);
    const unmapped = routes.filter((key) => !(key in SWEEP) && !(key in NOT_SWEPT));
    expect(unmapped).toEqual([]);
    const both = Object.keys(SWEEP).filter((key) => key in NOT_SWEPT);
    expect(both).toEqual([]);
    const stale = [...Object.keys(SWEEP), ...Object.keys(NOT_SWEPT)].filter((key) => !routes.includes(key));
    expect(stale).toEqual([]);
  });

  it('answers 404 to a member of organisation A and to the staff of unit A for every record of B', async () => {
    const failures: string[] = [];
    let roleRefusals = 0;
    for (const [key, kind] of Object.entries(SWEEP)) {
      for (const actor of [sideA.owner, sideA.staff]) {
        const response = await callRoute(actor.client, key, kind, sideB.ids);
        const url = concreteUrl(key.split(' ')[1] ?? '', kind, sideB.ids);
        const leaked = [sideB.marker, ...Object.values(sideB.ids)].filter(
          (value) => !url.includes(value) && response.body.includes(value),
        );
        if (leaked.length > 0) {
          failures.push(`${key} as ${actor.email}: ${response.statusCode} shows ${JSON.stringify(leaked)}`);
          continue;
        }
        if (response.statusCode === 404) {
          continue;
        }
        // A route the actor's role may never use answers 403 whatever the id: the same as for an id that exists nowhere.
        const absent = await callRoute(actor.client, key, kind, {});
        if (response.statusCode === 403 && absent.statusCode === 403) {
          roleRefusals += 1;
          continue;
        }
        failures.push(`${key} as ${actor.email}: ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(roleRefusals).toBeLessThan(Object.keys(SWEEP).length);
  });
});

// ---- Headers, cookies, cross-site requests, uploads, rate limits ---------------------------------------------------

function expectSecurityHeaders(label: string, headers: Record<string, unknown>): void {
  const csp = String(headers['content-security-policy']);
  expect(csp, label).toContain("default-src 'self'");
  expect(csp, label).toContain("script-src 'self'");
  expect(csp, label).toContain("object-src 'none'");
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['x-frame-options'], label).toBe('SAMEORIGIN');
  expect(headers['referrer-policy'], label).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], label).toContain('camera=()');
}

describe('security headers', () => {
  it('are on API answers, errors, pages, assets and file downloads', async () => {
    const anonymous = new TestClient(ctx.app);
    const answers: Array<[string, { statusCode: number; headers: Record<string, unknown> }, number]> = [
      ['API JSON', await anonymous.get('/api/health'), 200],
      ['400', await anonymous.post('/api/auth/login', { email: 'not-an-email' }), 400],
      ['401', await anonymous.get('/api/auth/me'), 401],
      ['404 API', await anonymous.get('/api/no-such-route'), 404],
      ['404 record', await sideA.owner.client.get(`/api/projects/${ABSENT_ID}`), 404],
      ['page', await anonymous.get('/'), 200],
      ['deep link', await anonymous.get('/projects/x'), 200],
      ['static asset', await anonymous.get('/assets/app-abc123.js'), 200],
      [
        'file download',
        await sideA.owner.client.get(`/api/proposals/${sideA.ids.draft}/attachments/${sideA.ids.attachment}`),
        200,
      ],
    ];
    for (const [label, response, status] of answers) {
      expect([label, response.statusCode]).toEqual([label, status]);
      expectSecurityHeaders(label, response.headers);
    }
    const download = answers[answers.length - 1]?.[1];
    expect(String(download?.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(download?.headers['cache-control']).toBe('private, no-store');
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax and for the whole site; Secure when secure cookies are on', async () => {
    const plain = await new TestClient(ctx.app).post('/api/auth/login', {
      email: sideA.owner.email,
      password: TEST_PASSWORD,
    });
    const cookie = plain.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();

    const secureApp = await buildApp({
      database: ctx.database,
      env: parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '.tmp/no-web', TRUST_PROXY: '1' }),
      logger: false,
    });
    try {
      const secure = await new TestClient(secureApp).post('/api/auth/login', {
        email: sideA.owner.email,
        password: TEST_PASSWORD,
      });
      const secureCookie = secure.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(secureCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
      expect(String(secure.headers['strict-transport-security'])).toContain('max-age=');
      const signedOut = await new TestClient(secureApp).request(
        'POST',
        '/api/auth/logout',
        {},
        {
          cookie: `${SESSION_COOKIE}=${secureCookie?.value ?? ''}`,
        },
      );
      expect(signedOut.statusCode).toBeLessThan(500);
    } finally {
      await secureApp.close();
    }
  });
});

describe('cross-site request forgery', () => {
  const forgeries: Array<[string, Record<string, string>, boolean]> = [
    ['another origin', { origin: 'https://evil.example' }, true],
    ['an opaque origin', { origin: 'null' }, true],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, true],
    ['no CSRF token', {}, false],
  ];
  const writes: Array<['POST' | 'PUT' | 'PATCH' | 'DELETE', () => string, unknown]> = [
    ['PATCH', () => '/api/auth/me', { name: 'Mallory' }],
    ['POST', () => `/api/notifications/${sideA.ids.notification}/read`, {}],
    ['PUT', () => `/api/projects/${sideA.ids.project}/logic-model`, { nodes: [], version: 1 }],
    ['DELETE', () => `/api/auth/sessions/${sideA.ids.session}`, undefined],
  ];

  it('rejects a write of every method sent from another site or without the session token', async () => {
    const client = sideA.owner.client;
    const token = client.csrfToken;
    for (const [method, url, body] of writes) {
      for (const [label, headers, keepToken] of forgeries) {
        client.csrfToken = keepToken ? token : null;
        const response = await client.request(method, url(), body, headers);
        expect([method, label, response.statusCode]).toEqual([method, label, 403]);
        expect(response.json<{ error: { code: string } }>().error.code).toBe('CSRF_REJECTED');
      }
      client.csrfToken = token;
    }
  });

  it('accepts the same write from the same site', async () => {
    const client = sideA.owner.client;
    const sameSite = await client.request(
      'PATCH',
      '/api/auth/me',
      { name: 'สมชาย' },
      { host: 'si.example.test', origin: 'https://si.example.test', 'sec-fetch-site': 'same-origin' },
    );
    expect(sameSite.statusCode, sameSite.body).toBe(200);
    expect(sameSite.json<{ data: { name: string } }>().data.name).toBe('สมชาย');
  });
});

describe('uploads', () => {
  it.each([
    [
      'an HTML page named .pdf',
      'page.pdf',
      'application/pdf',
      Buffer.from('<!doctype html><script>alert(1)</script>'),
    ],
    [
      'an executable named .png',
      'photo.png',
      'image/png',
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'),
    ],
  ])('refuses %s with 415 naming body.file in Thai and English', async (_label, name, type, bytes) => {
    const upload = multipartBody({ questionId: 'document' }, { name, type, bytes });
    const response = await sideA.owner.client.request(
      'POST',
      `/api/proposals/${sideA.ids.draft}/attachments`,
      upload.payload,
      upload.headers,
    );
    expect(response.statusCode, response.body).toBe(415);
    const error = response.json<{
      error: {
        code: string;
        details: { issues: Array<{ field: string; message: string; messageEn: string }> };
      };
    }>().error;
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const issue = error.details.issues.find((i) => i.field === 'body.file');
    expect(issue?.message).toMatch(/[\u0E00-\u0E7F]/);
    expect(issue?.messageEn).toMatch(/[A-Za-z]/);
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After and a Thai or English message on sign-in, reset, search and open data', async () => {
    const app = await buildApp({
      database: ctx.database,
      env: parseEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        WEB_DIST_DIR: '.tmp/no-web',
        RATE_LIMIT_FACTOR: '0.02',
      }),
      logger: false,
    });
    try {
      const limited: Array<[string, 'GET' | 'POST', string, unknown]> = [
        [
          'sign-in',
          'POST',
          '/api/auth/login',
          { email: 'nobody@security.test', password: 'wrong password here' },
        ],
        ['password reset', 'POST', '/api/auth/password/forgot', { email: 'nobody@security.test' }],
        ['catalogue search', 'GET', '/api/innovations?q=%E0%B8%99%E0%B9%89%E0%B8%B3', undefined],
        ['open data', 'GET', '/api/open/v1/datasets', undefined],
      ];
      for (const [label, method, url, payload] of limited) {
        const remoteAddress = `198.51.100.${limited.findIndex((l) => l[0] === label) + 20}`;
        let response = await app.inject({ method, url, remoteAddress, ...(payload ? { payload } : {}) });
        for (let i = 0; i < 20 && response.statusCode !== 429; i += 1) {
          expect([label, response.statusCode < 500]).toEqual([label, true]);
          response = await app.inject({ method, url, remoteAddress, ...(payload ? { payload } : {}) });
        }
        expect([label, response.statusCode]).toEqual([label, 429]);
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        const thai = response.json<{ error: { code: string; message: string } }>().error;
        expect(thai.code).toBe('RATE_LIMITED');
        expect(thai.message).toMatch(/[\u0E00-\u0E7F]/);
        const english = await app.inject({
          method,
          url,
          remoteAddress,
          headers: { 'accept-language': 'en' },
          ...(payload ? { payload } : {}),
        });
        expect(english.statusCode).toBe(429);
        expect(english.json<{ error: { message: string } }>().error.message).toMatch(/^[\x20-\x7E]+$/);
      }
    } finally {
      await app.close();
    }
  });
});
