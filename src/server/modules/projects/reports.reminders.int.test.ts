import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@server/app';
import { parseEnv } from '@server/env';
import { emailOutbox, notifications } from '@server/db/schema/index';
import type { ReportDetail } from '@shared/contracts/projects';
import { createTestApp, TEST_NOW, type TestContext } from '@tests/setup/test-app';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { signedIn, type Person } from '@tests/factories/people';
import { activeProject, type ActiveProject } from '@tests/factories/projects';
import { submittedReport } from '@tests/factories/project-reports';
import { sendReportReminders } from './reports.reminders';

const TEMPLATES = ['project_report_reminder_before', 'project_report_reminder_after'];

let now = new Date(TEST_NOW);
let ctx: TestContext;
/** Another instance of the application on the same database, as in a deployment with two servers. */
let second: FastifyInstance;
let waiting: ActiveProject;
let approved: ActiveProject;
let submitted: ActiveProject;
let editor: Person;
let viewer: Person;

/** One more instance of the application on the test's database, with the same clock. */
async function anotherInstance(): Promise<FastifyInstance> {
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '.tmp/no-web',
    RATE_LIMIT_FACTOR: '1000',
    PUBLIC_URL: 'http://si.test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'si-test-data-')),
  });
  const app = await buildApp({ database: ctx.database, env, logger: false, clock: () => now });
  await app.ready();
  return app;
}

/** Every reminder email and in-app notification so far, by kind and recipient. */
async function reminders() {
  const emails = await ctx.database.db
    .select({ to: emailOutbox.toAddress, template: emailOutbox.template, subject: emailOutbox.subject })
    .from(emailOutbox)
    .where(inArray(emailOutbox.template, TEMPLATES));
  const inApp = await ctx.database.db
    .select({ userId: notifications.userId, kind: notifications.kind, link: notifications.link })
    .from(notifications)
    .where(inArray(notifications.kind, TEMPLATES));
  return { emails, inApp };
}

const count = (rows: Array<{ template?: string; kind?: string }>, kind: string) =>
  rows.filter((r) => (r.template ?? r.kind) === kind).length;

/** Two instances and a direct call, all at once: the reminders due now go out once between them. */
async function race() {
  const results = await Promise.all([
    ctx.app.reportReminders.run(),
    second.reportReminders.run(),
    sendReportReminders(ctx.database.db, now, 'http://si.test'),
  ]);
  return results.reduce((a, b) => ({ before: a.before + b.before, after: a.after + b.after }));
}

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: 'http://si.test' }, { clock: () => now });
  waiting = await activeProject(ctx, { titleTh: 'โครงการที่ยังไม่ส่งรายงาน' });
  editor = await signedIn(ctx, 'editor@reminders.test', null, 'en');
  viewer = await signedIn(ctx, 'viewer@reminders.test');
  await createOrganisationMembershipForTest(ctx.database.db, waiting.organisationId, editor.userId, 'editor');
  await createOrganisationMembershipForTest(ctx.database.db, waiting.organisationId, viewer.userId, 'viewer');

  // Two projects whose first report is in: one approved, one waiting for review.
  approved = await activeProject(ctx, { titleTh: 'โครงการที่รายงานอนุมัติแล้ว' });
  const report = await submittedReport(approved.owner.client, approved.project.reports[0]?.id ?? '', 60);
  const ok = await approved.officer.client.post(`/api/project-reports/${report.id}/approve`, {
    version: report.version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  expect(ok.json<{ data: ReportDetail }>().data.status).toBe('approved');
  submitted = await activeProject(ctx, { titleTh: 'โครงการที่ส่งรายงานแล้ว' });
  await submittedReport(submitted.owner.client, submitted.project.reports[0]?.id ?? '', 60);

  second = await anotherInstance();
});
afterAll(async () => {
  await second.close();
  await ctx.close();
});

describe('report reminders', () => {
  it('sends nothing while no report is near its due date', async () => {
    expect(waiting.project.reports[0]?.dueOn).toBe('2027-07-15');
    now = new Date('2027-07-07T16:59:00Z'); // 23:59 on 7 July in Bangkok: eight days before
    expect(await race()).toEqual({ before: 0, after: 0 });
    expect((await reminders()).emails).toHaveLength(0);
  });

  it('reminds the writers once before the due date, with two instances racing', async () => {
    now = new Date('2027-07-07T17:00:00Z'); // 00:00 on 8 July in Bangkok: seven days before
    expect(await race()).toEqual({ before: 1, after: 0 });
    const { emails, inApp } = await reminders();
    expect(emails.map((e) => e.to).sort()).toEqual([editor.email, waiting.owner.email].sort());
    expect(count(emails, 'project_report_reminder_before')).toBe(2);
    expect(inApp.map((n) => n.userId).sort()).toEqual([editor.userId, waiting.owner.userId].sort());
    expect(inApp[0]?.link).toBe(`/projects/${waiting.projectId}/reports/${waiting.project.reports[0]?.id}`);
    const toEditor = emails.find((e) => e.to === editor.email);
    expect(toEditor?.subject).toBe(
      `${waiting.project.agreementNumber}: progress report 1 due on 15 Jul 2027`,
    );
    const toOwner = emails.find((e) => e.to === waiting.owner.email);
    expect(toOwner?.subject).toContain('15 ก.ค. 2570');
    expect(inApp.some((n) => n.userId === viewer.userId)).toBe(false);

    // Later the same week, and after a restart of one instance: nothing more.
    now = new Date('2027-07-12T03:00:00Z');
    expect(await race()).toEqual({ before: 0, after: 0 });
    await second.close();
    second = await anotherInstance();
    expect(await second.reportReminders.run()).toEqual({ before: 0, after: 0 });
    const again = await reminders();
    expect(again.emails).toHaveLength(2);
    expect(again.inApp).toHaveLength(2);
  });

  it('reminds once after the due date while the report is still not in, and never for reports in', async () => {
    now = new Date('2027-07-17T03:00:00Z'); // two days late: not yet
    expect(await race()).toEqual({ before: 0, after: 0 });
    now = new Date('2027-07-18T03:00:00Z'); // three days late
    expect(await race()).toEqual({ before: 0, after: 1 });
    now = new Date('2027-07-25T03:00:00Z');
    expect(await race()).toEqual({ before: 0, after: 0 });
    await second.close();
    second = await anotherInstance();
    expect(await second.reportReminders.run()).toEqual({ before: 0, after: 0 });

    const { emails, inApp } = await reminders();
    expect(count(emails, 'project_report_reminder_before')).toBe(2);
    expect(count(emails, 'project_report_reminder_after')).toBe(2);
    expect(count(inApp, 'project_report_reminder_after')).toBe(2);
    const others = [approved.owner.email, submitted.owner.email];
    expect(emails.filter((e) => others.includes(e.to))).toEqual([]);
    const late = emails.find((e) => e.to === editor.email && e.template === 'project_report_reminder_after');
    expect(late?.subject).toBe(
      `${waiting.project.agreementNumber}: progress report 1 overdue (due 15 Jul 2027)`,
    );
  });

  it('reminds about each next report in its turn, in every project', async () => {
    const finalReport = waiting.project.reports[1];
    expect(finalReport?.dueOn).toBe('2028-01-14');
    now = new Date('2028-01-10T03:00:00Z');
    expect(await race()).toEqual({ before: 3, after: 0 });
    const rows = await ctx.database.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.kind, 'project_report_reminder_before'));
    // Before: the first report's two (owner and editor); now the final reports of the three projects, to the
    // waiting project's two writers and the other projects' owners.
    expect(rows).toHaveLength(2 + 4);
  });
});
