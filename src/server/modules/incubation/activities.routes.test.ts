import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { emailOutbox, notifications } from '@server/db/schema/index';
import type {
  ActivityCertificateVerification,
  ActivityDetail,
  ActivitySummary,
  AttendanceCode,
  AttendResult,
  MyRegistration,
  Registration,
} from '@shared/contracts/activities';
import { createTestApp, TEST_NOW, type TestContext } from '@tests/setup/test-app';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { createDrivingUnit, signedInUnitStaff, uniqueSuffix } from '@tests/factories/projects';
import { createActivity, publishedActivity, registerFor, workshopBody } from '@tests/factories/activities';
import { sendActivityReminders } from './registrations.reminders';

const HOUR = 3_600_000;
let now = new Date(TEST_NOW);
let ctx: TestContext;
let unitA: string;
let unitB: string;
let staffA: Person;
let staffB: Person;
let officer: Person;

const people = async (n: number, tag: string) => {
  const out: Person[] = [];
  for (let i = 0; i < n; i += 1) {
    out.push(await signedIn(ctx, `${tag}-${i}-${uniqueSuffix()}@activities.test`));
  }
  return out;
};

async function emailsTo(email: string, template: string) {
  return ctx.database.db
    .select({ subject: emailOutbox.subject })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, template)));
}

async function inApp(userId: string, kind: string) {
  return ctx.database.db
    .select({ link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}

async function registrationsOf(activityId: string, staff = staffA) {
  const response = await staff.client.get(`/api/activities/${activityId}/registrations`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: Registration[] }>().data;
}

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: 'http://si.test' }, { clock: () => now });
  unitA = await createDrivingUnit(ctx);
  unitB = await createDrivingUnit(ctx);
  staffA = await signedInUnitStaff(ctx, unitA);
  staffB = await signedInUnitStaff(ctx, unitB);
  officer = await signedIn(ctx, `officer-${uniqueSuffix()}@activities.test`, 'programme_officer');
});

afterAll(async () => {
  await ctx.close();
});

describe('activities: editing, publishing and scoping', () => {
  it('needs a session to create, checks fields, and keeps units apart', async () => {
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/activities', payload: {} });
    expect(anonymous.statusCode).toBe(401);

    const applicant = await signedIn(ctx, `applicant-${uniqueSuffix()}@activities.test`);
    const notStaff = await applicant.client.post('/api/activities', workshopBody(now));
    expect(notStaff.statusCode).toBe(403);

    const bad = await staffA.client.post(
      '/api/activities',
      workshopBody(now, {
        endsAt: new Date(now.getTime() + HOUR).toISOString(),
        provinceCode: null,
        districtCode: 5001,
      }),
    );
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{
      error: { details: { issues: Array<{ field: string; message: string; messageEn?: string }> } };
    }>().error.details.issues;
    expect(fields.map((f) => f.field).sort()).toEqual(['districtCode', 'endsAt', 'provinceCode']);
    expect(fields.find((f) => f.field === 'endsAt')?.message).toContain('เวลาสิ้นสุด');

    const shape = await staffA.client.post('/api/activities', { ...workshopBody(now), capacity: 0 });
    expect(shape.statusCode).toBe(400);

    const noUnit = await officer.client.post('/api/activities', workshopBody(now));
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.body).toContain('drivingUnitId');
    const otherUnit = await staffA.client.post('/api/activities', {
      ...workshopBody(now),
      drivingUnitId: unitB,
    });
    expect(otherUnit.statusCode).toBe(400);

    const draft = await createActivity(staffA.client, workshopBody(now));
    expect(draft.status).toBe('draft');
    expect(draft.drivingUnitId).toBe(unitA);
    expect(draft.abilities.canPublish).toBe(true);

    // Another unit's staff and the public do not see a draft; another unit's staff cannot act on it.
    expect((await staffB.client.get(`/api/activities/${draft.id}`)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/activities/${draft.id}` })).statusCode).toBe(
      404,
    );
    const patch = await staffB.client.patch(`/api/activities/${draft.id}`, {
      ...workshopBody(now),
      version: draft.version,
    });
    expect(patch.statusCode).toBe(404);
    expect(
      (await staffB.client.post(`/api/activities/${draft.id}/publish`, { version: draft.version }))
        .statusCode,
    ).toBe(404);
    expect((await staffB.client.get(`/api/activities/${draft.id}/registrations`)).statusCode).toBe(404);
    const listB = await staffB.client.get('/api/activities/managed');
    expect(listB.json<{ data: ActivitySummary[] }>().data.map((a) => a.id)).not.toContain(draft.id);
    const listA = await staffA.client.get('/api/activities/managed');
    expect(listA.json<{ data: ActivitySummary[] }>().data.map((a) => a.id)).toContain(draft.id);

    // A stale version is a conflict; officers act on any unit's activity.
    const stale = await staffA.client.post(`/api/activities/${draft.id}/publish`, { version: 99 });
    expect(stale.statusCode).toBe(409);
    const published = await officer.client.post(`/api/activities/${draft.id}/publish`, {
      version: draft.version,
    });
    expect(published.statusCode, published.body).toBe(200);
    const again = await staffA.client.post(`/api/activities/${draft.id}/publish`, {
      version: published.json<{ data: ActivityDetail }>().data.version,
    });
    expect(again.statusCode).toBe(409);

    // Now the public sees it, without the managers' abilities.
    const open = await ctx.app.inject({ method: 'GET', url: `/api/activities/${draft.id}` });
    expect(open.statusCode).toBe(200);
    const detail = open.json<{ data: ActivityDetail }>().data;
    expect(detail.abilities.canManage).toBe(false);
    expect(detail.registrationOpen).toBe(true);
  });

  it('lists the public calendar by month, kind, unit and audience', async () => {
    const soon = await publishedActivity(
      staffB.client,
      workshopBody(now, { kind: 'bootcamp', audiences: ['youth'], titleTh: 'บูตแคมป์เยาวชน' }, 72),
    );
    await createActivity(staffB.client, workshopBody(now, { titleTh: 'ร่างที่ยังไม่เผยแพร่' }));
    const month = new Date(new Date(soon.startsAt).getTime() + 7 * HOUR).toISOString().slice(0, 7);
    const list = async (query: string) => {
      const response = await ctx.app.inject({ method: 'GET', url: `/api/activities?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ data: ActivitySummary[] }>().data;
    };
    const byUnit = await list(`drivingUnitId=${unitB}&month=${month}`);
    expect(byUnit.map((a) => a.titleTh)).toEqual(['บูตแคมป์เยาวชน']);
    expect((await list(`drivingUnitId=${unitB}&kind=clinic`)).length).toBe(0);
    expect((await list(`drivingUnitId=${unitB}&audience=youth&upcoming=true`)).length).toBe(1);
    expect((await list(`drivingUnitId=${unitB}&audience=community`)).length).toBe(0);
    expect((await list(`drivingUnitId=${unitB}&month=2020-01`)).length).toBe(0);
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/activities?month=2026-13' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('registration, waitlist and promotion', () => {
  it('gives exactly the capacity under concurrent registration and keeps the waitlist in order', async () => {
    const activity = await publishedActivity(staffA.client, workshopBody(now, { capacity: 3 }));
    const crowd = await people(10, 'crowd');
    const results = await Promise.all(
      crowd.map((p) => p.client.post(`/api/activities/${activity.id}/registrations`, {})),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const made = results.map((r) => r.json<{ data: Registration }>().data);
    expect(made.filter((r) => r.status === 'registered')).toHaveLength(3);
    expect(made.filter((r) => r.status === 'waitlisted')).toHaveLength(7);

    const listed = await registrationsOf(activity.id);
    expect(listed.filter((r) => r.status === 'registered')).toHaveLength(3);
    const waitlist = listed.filter((r) => r.status === 'waitlisted');
    expect(waitlist.map((r) => r.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/activities/${activity.id}` })).json<{
      data: ActivityDetail;
    }>().data;
    expect(detail.seatsTaken).toBe(3);
    expect(detail.waitlistCount).toBe(7);

    // Registering twice is a conflict.
    const twice = await crowd[0]?.client.post(`/api/activities/${activity.id}/registrations`, {});
    expect(twice?.statusCode).toBe(409);

    // A seat holder cancels: the first on the waitlist gets the seat and is told, in the app and by email.
    const holder = listed.find((r) => r.status === 'registered');
    const first = waitlist[0];
    const holderPerson = crowd.find((p) => p.userId === holder?.userId);
    const firstPerson = crowd.find((p) => p.userId === first?.userId);
    if (!holder || !first || !holderPerson || !firstPerson) {
      throw new Error('missing registrations');
    }
    // Someone else may not cancel it (not theirs, not a manager): not found.
    const stranger = crowd.find((p) => p.userId !== holder.userId);
    expect(
      (
        await stranger?.client.post(`/api/activity-registrations/${holder.id}/cancel`, {
          version: holder.version,
        })
      )?.statusCode,
    ).toBe(404);
    const cancel = await holderPerson.client.post(`/api/activity-registrations/${holder.id}/cancel`, {
      version: holder.version,
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json<{ data: Registration }>().data.status).toBe('cancelled');

    const after = await registrationsOf(activity.id);
    const promoted = after.find((r) => r.id === first.id);
    expect(promoted?.status).toBe('registered');
    expect(promoted?.promotedAt).not.toBeNull();
    expect(after.filter((r) => r.status === 'registered')).toHaveLength(3);
    expect(after.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(await emailsTo(firstPerson.email, 'activity_promoted')).toHaveLength(1);
    expect(await inApp(firstPerson.userId, 'activity_promoted')).toEqual([
      { link: `/events/${activity.id}` },
    ]);
    expect(await emailsTo(firstPerson.email, 'activity_waitlisted')).toHaveLength(1);

    // Cancelling twice is refused; registering again goes to the back of the queue.
    const twiceCancel = await holderPerson.client.post(`/api/activity-registrations/${holder.id}/cancel`, {
      version: holder.version + 1,
    });
    expect(twiceCancel.statusCode).toBe(409);
    const back = await registerFor(holderPerson.client, activity.id);
    expect(back.status).toBe('waitlisted');
    expect(back.waitlistPosition).toBe(7);

    // A larger capacity promotes from the waitlist in order.
    const current = (await staffA.client.get(`/api/activities/${activity.id}`)).json<{
      data: ActivityDetail;
    }>().data;
    const grow = await staffA.client.patch(`/api/activities/${activity.id}`, {
      ...workshopBody(now, { capacity: 5 }),
      startsAt: current.startsAt,
      endsAt: current.endsAt,
      version: current.version,
    });
    expect(grow.statusCode, grow.body).toBe(200);
    expect(grow.json<{ data: ActivityDetail }>().data.seatsTaken).toBe(5);
    const shrink = await staffA.client.patch(`/api/activities/${activity.id}`, {
      ...workshopBody(now, { capacity: 2 }),
      startsAt: current.startsAt,
      endsAt: current.endsAt,
      version: grow.json<{ data: ActivityDetail }>().data.version,
    });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.body).toContain('capacity');
  });

  it('registers for an organisation only its members, and not after registration closes', async () => {
    const activity = await publishedActivity(staffA.client, workshopBody(now, { capacity: 1 }, 24 * 10));
    const [member, outsider] = await people(2, 'org');
    if (!member || !outsider) {
      throw new Error('no people');
    }
    const organisationId = await createOrganisation(member.client, {
      nameTh: `วิสาหกิจชุมชนทดสอบกิจกรรม ${uniqueSuffix()}`,
    });
    const refused = await outsider.client.post(`/api/activities/${activity.id}/registrations`, {
      organisationId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('organisationId');
    const mine = await registerFor(member.client, activity.id, organisationId);
    expect(mine.organisationId).toBe(organisationId);
    expect(mine.organisationNameTh).toContain('วิสาหกิจชุมชนทดสอบกิจกรรม');
    const list = await member.client.get('/api/activity-registrations/mine');
    expect(list.json<{ data: MyRegistration[] }>().data[0]?.activity.id).toBe(activity.id);

    const saved = now;
    now = new Date(new Date(activity.startsAt).getTime() + HOUR);
    try {
      const late = await outsider.client.post(`/api/activities/${activity.id}/registrations`, {});
      expect(late.statusCode).toBe(422);
      const cancelLate = await member.client.post(`/api/activity-registrations/${mine.id}/cancel`, {
        version: mine.version,
      });
      expect(cancelLate.statusCode).toBe(409);
    } finally {
      now = saved;
    }
  });

  it('tells everyone registered or waitlisted when the activity is cancelled', async () => {
    const activity = await publishedActivity(staffA.client, workshopBody(now, { capacity: 1 }));
    const [a, b] = await people(2, 'cancel');
    if (!a || !b) {
      throw new Error('no people');
    }
    await registerFor(a.client, activity.id);
    expect((await registerFor(b.client, activity.id)).status).toBe('waitlisted');
    const noReason = await staffA.client.post(`/api/activities/${activity.id}/cancel`, {
      version: activity.version,
    });
    expect(noReason.statusCode).toBe(400);
    const cancel = await staffA.client.post(`/api/activities/${activity.id}/cancel`, {
      version: activity.version,
      reason: 'พื้นที่จัดงานน้ำท่วม',
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    for (const person of [a, b]) {
      const mails = await emailsTo(person.email, 'activity_cancelled');
      expect(mails).toHaveLength(1);
    }
    const closed = await signedIn(ctx, `late-${uniqueSuffix()}@activities.test`);
    expect((await closed.client.post(`/api/activities/${activity.id}/registrations`, {})).statusCode).toBe(
      409,
    );
  });
});

describe('attendance and certificates', () => {
  it('checks people in by code, refuses wrong and expired codes, and issues verifiable certificates', async () => {
    const activity = await publishedActivity(staffA.client, workshopBody(now, { capacity: 2 }));
    const [p1, p2, p3, p4] = await people(4, 'attend');
    if (!p1 || !p2 || !p3 || !p4) {
      throw new Error('no people');
    }
    const r1 = await registerFor(p1.client, activity.id);
    const r2 = await registerFor(p2.client, activity.id);
    const r3 = await registerFor(p3.client, activity.id);
    expect(r3.status).toBe('waitlisted');

    // Only the unit's staff (or officers) see and renew the code.
    expect((await staffB.client.post(`/api/activities/${activity.id}/attendance-code`, {})).statusCode).toBe(
      404,
    );
    expect((await p1.client.get(`/api/activities/${activity.id}/attendance-code`)).statusCode).toBe(404);
    const none = await staffA.client.get(`/api/activities/${activity.id}/attendance-code`);
    expect(none.json<{ data: AttendanceCode }>().data.code).toBeNull();
    const renewed = await staffA.client.post(`/api/activities/${activity.id}/attendance-code`, {
      validMinutes: 30,
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    const code = renewed.json<{ data: AttendanceCode }>().data;
    expect(code.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(code.url).toBe(`http://si.test/attend?code=${code.code}`);
    expect(code.qrSvg).toContain('<svg');

    const wrong = await p1.client.post('/api/attendance', { code: 'ZZZZZZ' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('"field":"code"');
    const waitlisted = await p3.client.post('/api/attendance', { code: code.code });
    expect(waitlisted.statusCode).toBe(409);
    const stranger = await p4.client.post('/api/attendance', { code: code.code });
    expect(stranger.statusCode).toBe(409);

    const typed = await p1.client.post('/api/attendance', {
      code: (code.code ?? '').toLowerCase(),
      method: 'qr',
    });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typed.json<{ data: AttendResult }>().data.alreadyAttended).toBe(false);
    const again = await p1.client.post('/api/attendance', { code: code.code });
    expect(again.json<{ data: AttendResult }>().data.alreadyAttended).toBe(true);

    // Past its time the code is refused.
    const saved = now;
    now = new Date(now.getTime() + 31 * 60_000);
    try {
      const expired = await p2.client.post('/api/attendance', { code: code.code });
      expect(expired.statusCode).toBe(400);
      expect(expired.body).toContain('หมดเวลา');
    } finally {
      now = saved;
    }

    // Staff mark p2; another unit's staff cannot.
    expect(
      (
        await staffB.client.post(`/api/activity-registrations/${r2.id}/attendance`, {
          version: r2.version,
          attended: true,
        })
      ).statusCode,
    ).toBe(404);
    const marked = await staffA.client.post(`/api/activity-registrations/${r2.id}/attendance`, {
      version: r2.version,
      attended: true,
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json<{ data: Registration }>().data.attendanceMethod).toBe('staff');

    // An attendee asks for their certificate; someone who did not attend cannot.
    expect((await p3.client.post(`/api/activity-registrations/${r3.id}/certificate`)).statusCode).toBe(409);
    const asked = await p1.client.post(`/api/activity-registrations/${r1.id}/certificate`);
    expect(asked.statusCode, asked.body).toBe(200);
    const certificate = asked.json<{ data: Registration }>().data.certificate;
    expect(certificate?.code).toMatch(/^[0-9A-Z]{10}$/);
    expect(await emailsTo(p1.email, 'activity_certificate_issued')).toHaveLength(1);

    const pdf = await p1.client.get(`/api/activity-registrations/${r1.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await p2.client.get(`/api/activity-registrations/${r1.id}/certificate.pdf`)).statusCode).toBe(
      404,
    );
    expect((await staffA.client.get(`/api/activity-registrations/${r1.id}/certificate.pdf`)).statusCode).toBe(
      200,
    );

    const verify = async (raw: string) => {
      const response = await ctx.app.inject({ method: 'GET', url: `/api/activity-certificates/${raw}` });
      expect(response.statusCode).toBe(200);
      return response.json<{ data: ActivityCertificateVerification }>().data;
    };
    const rawCode = certificate?.code ?? '';
    const valid = await verify(`${rawCode.slice(0, 5).toLowerCase()}-${rawCode.slice(5)}`);
    expect(valid.status).toBe('valid');
    expect(valid.recipientName).toBe(p1.email.split('@')[0]);
    expect(valid.activityTitleTh).toBe(activity.titleTh);
    expect((await verify('0000000000')).status).toBe('unknown');
    expect((await verify('not-a-code')).status).toBe('unknown');

    // Completing the activity issues certificates to the other attendees, once.
    now = new Date(new Date(activity.startsAt).getTime() + HOUR);
    try {
      const current = (await staffA.client.get(`/api/activities/${activity.id}`)).json<{
        data: ActivityDetail;
      }>().data;
      const done = await staffA.client.post(`/api/activities/${activity.id}/complete`, {
        version: current.version,
      });
      expect(done.statusCode, done.body).toBe(200);
      const list = await registrationsOf(activity.id);
      expect(list.find((r) => r.id === r2.id)?.certificate).not.toBeNull();
      expect(list.find((r) => r.id === r1.id)?.certificate?.code).toBe(rawCode);
      expect(list.find((r) => r.id === r3.id)?.certificate).toBeNull();
      const issued = await staffA.client.post(`/api/activities/${activity.id}/certificates`);
      expect(issued.json<{ data: { issued: number } }>().data.issued).toBe(0);
    } finally {
      now = new Date(TEST_NOW);
    }

    // Revoked: the public page says so and the PDF is no longer printed.
    expect(
      (await staffB.client.post(`/api/activity-registrations/${r1.id}/certificate/revoke`, { reason: 'x' }))
        .statusCode,
    ).toBe(404);
    const revoked = await staffA.client.post(`/api/activity-registrations/${r1.id}/certificate/revoke`, {
      reason: 'ลงชื่อแทนผู้อื่น',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const checked = await verify(rawCode);
    expect(checked.status).toBe('revoked');
    expect(checked.revokedAt).not.toBeNull();
    expect((await p1.client.get(`/api/activity-registrations/${r1.id}/certificate.pdf`)).statusCode).toBe(
      409,
    );
  });
});

describe('reminders', () => {
  it('reminds each seat holder once, about a day before, however many run at once', async () => {
    const activity = await publishedActivity(staffB.client, workshopBody(now, { capacity: 1 }, 30));
    const [seat, queue] = await people(2, 'remind');
    if (!seat || !queue) {
      throw new Error('no people');
    }
    await registerFor(seat.client, activity.id);
    await registerFor(queue.client, activity.id);
    // 30 hours before: not yet.
    await sendActivityReminders(ctx.database.db, now);
    expect(await emailsTo(seat.email, 'activity_reminder')).toHaveLength(0);

    now = new Date(now.getTime() + 8 * HOUR);
    try {
      const counts = await Promise.all([
        ctx.app.activityReminders.run(),
        sendActivityReminders(ctx.database.db, now),
        sendActivityReminders(ctx.database.db, now),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
      await sendActivityReminders(ctx.database.db, now);
      expect(await emailsTo(seat.email, 'activity_reminder')).toHaveLength(1);
      expect(await inApp(seat.userId, 'activity_reminder')).toHaveLength(1);
      expect(await emailsTo(queue.email, 'activity_reminder')).toHaveLength(0);
    } finally {
      now = new Date(TEST_NOW);
    }
  });
});
