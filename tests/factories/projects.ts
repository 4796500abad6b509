import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import type { ProjectDetail, ProjectSetupBody } from '@shared/contracts/projects';
import { createOpenCall } from './calls';
import { decide, releaseDecisions, screenIn, submittedProposal } from './decisions';
import { createOrganisation, signedIn, TEST_PASSWORD, type Person } from './people';
import { TEST_FORM } from './proposals';

/** A suffix no other account or unit of the test run uses. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

/** An area-based driving unit covering `provinceCodes` (58, Mae Hong Son, where the test proposals work). */
export async function createDrivingUnit(
  ctx: TestContext,
  provinceCodes: number[] = [58],
  name = `Test unit ${uniqueSuffix()}`,
): Promise<string> {
  return ensureDrivingUnit(ctx.database.db, {
    nameTh: `หน่วยขับเคลื่อนทดสอบ ${name}`,
    nameEn: name,
    kind: 'area_based',
    regionCode: null,
    provinceCodes,
  });
}

/** A driving unit's staff member, signed in. */
export async function signedInUnitStaff(
  ctx: TestContext,
  drivingUnitId: string,
  email?: string,
): Promise<Person> {
  const address = email ?? `unit-${uniqueSuffix()}@projects.test`;
  const userId = await ensureAccount(ctx.database.db, {
    email: address,
    name: address.split('@')[0] ?? address,
    password: TEST_PASSWORD,
    role: 'driving_unit_staff',
    drivingUnitId,
  });
  const client = new TestClient(ctx.app);
  const response = await client.signIn(address, TEST_PASSWORD);
  expect(response.statusCode, response.body).toBe(200);
  return { client, userId, email: address };
}

export interface ProjectParties {
  /** A programme officer. */
  officer: Person;
  /** The owner of the grantee organisation. */
  owner: Person;
  organisationId: string;
}

/** A programme officer and an applicant who owns an organisation in province 58, all made through the API. */
export async function projectParties(
  ctx: TestContext,
  overrides: Partial<ProjectParties> = {},
): Promise<ProjectParties> {
  const suffix = uniqueSuffix();
  const officer =
    overrides.officer ?? (await signedIn(ctx, `officer-${suffix}@projects.test`, 'programme_officer'));
  const owner = overrides.owner ?? (await signedIn(ctx, `owner-${suffix}@projects.test`));
  const organisationId =
    overrides.organisationId ??
    (await createOrganisation(owner.client, {
      nameTh: `วิสาหกิจชุมชนทดสอบโครงการ ${suffix}`,
      provinceCode: 58,
    }));
  return { officer, owner, organisationId };
}

export interface AwardedProject extends ProjectParties {
  callId: string;
  proposalId: string;
  projectId: string;
  /** The project as its officer sees it, in setup. */
  project: ProjectDetail;
}

/**
 * A project made the way the platform makes one: a proposal (TEST_FORM, asking for `requestedSatang`, by default the
 * award) submitted by the
 * owner, screened in, awarded `awardSatang` and released by the officer — the release creates the project in setup.
 */
export async function awardedProject(
  ctx: TestContext,
  options: Partial<ProjectParties> & {
    awardSatang?: number;
    requestedSatang?: number;
    titleTh?: string;
  } = {},
): Promise<AwardedProject> {
  const parties = await projectParties(ctx, options);
  const award = options.awardSatang ?? 100_000_000;
  const call = await createOpenCall(parties.officer.client, {
    forms: { proposal: TEST_FORM },
    call: {
      totalBudgetSatang: 10_000_000_000,
      maxGrantSatang: Math.max(award, options.requestedSatang ?? 0, 100_000_000),
    },
  });
  const proposal = await submittedProposal(parties.owner.client, {
    callId: call.id,
    organisationId: parties.organisationId,
    titleTh: options.titleTh ?? 'โครงการนวัตกรรมการจัดการน้ำชุมชน',
    budgetSatang: options.requestedSatang ?? Math.max(award, 60_000_000),
  });
  await screenIn(parties.officer.client, proposal.id);
  await decide(parties.officer.client, proposal.id, { outcome: 'award', amountSatang: award });
  expect(await releaseDecisions(parties.officer.client, call.id)).toContain(proposal.id);
  const list = await parties.officer.client.get(`/api/projects?callId=${call.id}`);
  expect(list.statusCode, list.body).toBe(200);
  const projectId = list.json<{ data: Array<{ id: string }> }>().data[0]?.id;
  expect(projectId).toBeTruthy();
  const project = await getProject(parties.officer.client, projectId ?? '');
  return { ...parties, callId: call.id, proposalId: proposal.id, projectId: project.id, project };
}

/** Reads a project through the API, expecting 200. */
export async function getProject(client: TestClient, projectId: string): Promise<ProjectDetail> {
  const response = await client.get(`/api/projects/${projectId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ProjectDetail }>().data;
}

/**
 * A setup that splits the award into two lines (70/30) and three instalments (40 % on signature, 40 % after the
 * first report, 20 % after the final report), with two milestones: 30 June 2027 and the end, 15 December 2027.
 * The project starts on 15 December 2026 (the tests' today). Amounts sum exactly to the award.
 */
export function setupBody(
  project: ProjectDetail,
  overrides: Partial<ProjectSetupBody> = {},
): ProjectSetupBody {
  const award = project.awardSatang;
  const first = Math.round(award * 0.7);
  const a = Math.round(award * 0.4);
  const b = Math.round(award * 0.4);
  return {
    version: project.version,
    startsOn: '2026-12-15',
    endsOn: '2027-12-15',
    drivingUnitId: project.drivingUnitId,
    reportSchedule: 'milestone',
    reallocationLimitPercent: 10,
    srlTarget: 6,
    budgetLines: [
      { category: 'materials', description: 'วัสดุและอุปกรณ์', amountSatang: first },
      { category: 'personnel', description: 'ผู้ประสานงานชุมชน', amountSatang: award - first },
    ],
    milestones: [
      {
        titleTh: 'ติดตั้งระบบกรองน้ำ',
        titleEn: 'Water filter installed',
        deliverable: 'ระบบกรองน้ำ 1 ชุด',
        dueOn: '2027-06-30',
      },
      {
        titleTh: 'ชุมชนบริหารระบบเอง',
        titleEn: 'Community runs the system',
        deliverable: 'คณะกรรมการน้ำ',
        dueOn: '2027-12-15',
      },
    ],
    instalments: [
      { amountSatang: a, releaseAfterReport: null },
      { amountSatang: b, releaseAfterReport: 1 },
      { amountSatang: award - a - b, releaseAfterReport: 2 },
    ],
    ...overrides,
  };
}

export interface ActiveProject extends AwardedProject {
  /** The project as its officer sees it, active, with the first instalment ready for payment. */
  project: ProjectDetail;
}

/**
 * An ACTIVE project made through the API: award released (project in setup) → setup saved by the officer
 * (`setupBody`, with `setup` overrides; e.g. `{ drivingUnitId }`) → agreement issued → signed by the owner. The
 * project has two reports (the first due 15 July 2027, the final 14 January 2028) and three instalments, the first
 * ready for payment.
 */
export async function activeProject(
  ctx: TestContext,
  options: Partial<ProjectParties> & {
    awardSatang?: number;
    titleTh?: string;
    setup?: Partial<ProjectSetupBody>;
  } = {},
): Promise<ActiveProject> {
  const awarded = await awardedProject(ctx, options);
  const { officer, owner, projectId } = awarded;
  const saved = await officer.client.request(
    'PUT',
    `/api/projects/${projectId}/setup`,
    setupBody(awarded.project, options.setup),
  );
  expect(saved.statusCode, saved.body).toBe(200);
  const afterSetup = saved.json<{ data: ProjectDetail }>().data;
  const issued = await officer.client.post(`/api/projects/${projectId}/agreement/issue`, {
    version: afterSetup.version,
  });
  expect(issued.statusCode, issued.body).toBe(200);
  const waiting = issued.json<{ data: ProjectDetail }>().data;
  const accepted = await owner.client.post(`/api/projects/${projectId}/agreement/accept`, {
    version: waiting.version,
    signedName: 'สมหญิง ใจดี',
    confirm: true,
    agreementSha256: waiting.agreement.sha256,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const project = await getProject(officer.client, projectId);
  expect(project.status).toBe('active');
  return { ...awarded, project };
}
