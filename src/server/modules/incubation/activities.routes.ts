import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  ActivityCertificateCodeParamsSchema,
  ActivityCertificateVerificationSchema,
  ActivityDetailSchema,
  ActivityListQuerySchema,
  ActivityListSchema,
  ActivityVersionBodySchema,
  AttendanceCodeBodySchema,
  AttendanceCodeSchema,
  AttendBodySchema,
  AttendResultSchema,
  CancelActivityBodySchema,
  CertificateLangQuerySchema,
  CreateActivityBodySchema,
  FacilitatorOptionSchema,
  IssueCertificatesResultSchema,
  ManagedActivityListQuerySchema,
  MarkAttendanceBodySchema,
  MyRegistrationSchema,
  RegisterBodySchema,
  RegistrationListSchema,
  RegistrationSchema,
  RegistrationVersionBodySchema,
  RevokeActivityCertificateBodySchema,
  UpdateActivityBodySchema,
} from '@shared/contracts/activities';
import { errorResponses, rateLimit, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as activities from './activities.service';
import * as registrations from './registrations.service';
import * as attendance from './attendance.service';
import * as certificates from './certificates.service';
import { renderActivityCertificatePdf } from './certificates.pdf';

const tags = ['activities'];

/**
 * Incubation activities: the public calendar and event page, the units' editor and status commands, registration with
 * a waitlist, attendance (staff, code, QR), and completion certificates with public verification.
 */
export const activityRoutes: FastifyPluginAsyncZod<{ publicUrl: string; onMailQueued: () => void }> = async (
  app,
  opts,
) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  activities.setActivityLinkBase(opts.publicUrl);
  const mailed = <T>(value: T): T => {
    opts.onMailQueued();
    return value;
  };
  const detail = (actor: Parameters<typeof registrations.getActivity>[1], id: string) =>
    registrations.getActivity(db, actor, id, app.clock());

  // ---- Public calendar and event page ----

  app.get(
    '/activities',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'The public events calendar: published activities by month or dates, kind, province, unit, audience',
        querystring: ActivityListQuerySchema,
        response: { 200: ActivityListSchema, ...errorResponses(400) },
      },
    },
    async (request) => ({
      data: await activities.listPublicActivities(db, request.query, app.clock()),
    }),
  );

  app.get(
    '/activities/managed',
    {
      config: session,
      schema: {
        tags,
        summary: "Activities to manage: a unit's staff their unit's, officers any unit's (drafts included)",
        querystring: ManagedActivityListQuerySchema,
        response: { 200: ActivityListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await activities.listManagedActivities(
        db,
        requireActor(request.actor),
        request.query,
        app.clock(),
      ),
    }),
  );

  app.get(
    '/activities/facilitator-options',
    {
      config: session,
      schema: {
        tags,
        summary: 'SI personnel who may facilitate the unit’s activities (unit staff, officers)',
        querystring: z.object({ drivingUnitId: z.uuid().optional() }).strict(),
        response: { 200: dataOf(z.array(FacilitatorOptionSchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await activities.listFacilitatorOptions(
        db,
        requireActor(request.actor),
        request.query.drivingUnitId,
      ),
    }),
  );

  app.get(
    '/activities/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'An activity (public once published; drafts for its managers), with the signed-in person’s registration',
        params: IdParamsSchema,
        response: { 200: dataOf(ActivityDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await detail(request.actor, request.params.id) }),
  );

  // ---- Editing and status ----

  app.post(
    '/activities',
    {
      config: session,
      schema: {
        tags,
        summary: 'Create a draft activity (unit staff for their unit; officers for a unit they name)',
        body: CreateActivityBodySchema,
        response: { 201: dataOf(ActivityDetailSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const id = await activities.createActivity(db, actor, request.body, request.meta());
      return reply.code(201).send({ data: await detail(actor, id) });
    },
  );

  app.patch(
    '/activities/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Change a draft or published activity (its managers); a larger capacity promotes the waitlist',
        params: IdParamsSchema,
        body: UpdateActivityBodySchema,
        response: { 200: dataOf(ActivityDetailSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await activities.updateActivity(
        db,
        actor,
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
        registrations.fillSeats,
      );
      return mailed({ data: await detail(actor, request.params.id) });
    },
  );

  app.post(
    '/activities/:id/publish',
    {
      config: session,
      schema: {
        tags,
        summary: 'Publish a draft activity to the calendar (its managers; not once started)',
        params: IdParamsSchema,
        body: ActivityVersionBodySchema,
        response: { 200: dataOf(ActivityDetailSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await activities.transitionActivity(
        db,
        actor,
        request.params.id,
        'publish',
        request.body.version,
        request.meta(),
        app.clock(),
      );
      return { data: await detail(actor, request.params.id) };
    },
  );

  app.post(
    '/activities/:id/cancel',
    {
      config: session,
      schema: {
        tags,
        summary: 'Cancel an activity with a reason; everyone registered or waitlisted is told (its managers)',
        params: IdParamsSchema,
        body: CancelActivityBodySchema,
        response: { 200: dataOf(ActivityDetailSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await activities.transitionActivity(
        db,
        actor,
        request.params.id,
        'cancel',
        request.body.version,
        request.meta(),
        app.clock(),
        (tx, before) => registrations.tellCancelled(tx, before, request.body.reason),
      );
      return mailed({ data: await detail(actor, request.params.id) });
    },
  );

  app.post(
    '/activities/:id/complete',
    {
      config: session,
      schema: {
        tags,
        summary: 'Mark a started activity completed; attendees receive their certificates (its managers)',
        params: IdParamsSchema,
        body: ActivityVersionBodySchema,
        response: { 200: dataOf(ActivityDetailSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const meta = request.meta();
      await activities.transitionActivity(
        db,
        actor,
        request.params.id,
        'complete',
        request.body.version,
        meta,
        app.clock(),
        async (tx, before, now) => {
          await certificates.issueToAttendees(tx, { ...before, status: 'completed' }, meta, now);
        },
      );
      return mailed({ data: await detail(actor, request.params.id) });
    },
  );

  // ---- Registrations ----

  app.get(
    '/activities/:id/registrations',
    {
      config: session,
      schema: {
        tags,
        summary: 'Registrations of an activity: seats, waitlist in order, cancelled (its managers)',
        params: IdParamsSchema,
        response: { 200: RegistrationListSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await registrations.listActivityRegistrations(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/activities/:id/registrations',
    {
      config: { ...session, rateLimit: rateLimit(30, '1 minute') },
      schema: {
        tags,
        summary: 'Register yourself (optionally for an organisation you belong to): a seat, or the waitlist',
        params: IdParamsSchema,
        body: RegisterBodySchema,
        response: { 201: dataOf(RegistrationSchema), ...errorResponses(400, 401, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const registration = await registrations.register(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      opts.onMailQueued();
      return reply.code(201).send({ data: registration });
    },
  );

  app.get(
    '/activity-registrations/mine',
    {
      config: session,
      schema: {
        tags,
        summary: 'The signed-in person’s registrations with their activities and certificates',
        response: { 200: dataOf(z.array(MyRegistrationSchema)), ...errorResponses(401) },
      },
    },
    async (request) => ({
      data: await registrations.listMyRegistrations(db, requireActor(request.actor), app.clock()),
    }),
  );

  app.post(
    '/activity-registrations/:id/cancel',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Cancel a registration (the person, or the activity’s managers); the first waitlisted is promoted',
        params: IdParamsSchema,
        body: RegistrationVersionBodySchema,
        response: { 200: dataOf(RegistrationSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      mailed({
        data: await registrations.cancelRegistration(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body.version,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  // ---- Attendance ----

  app.post(
    '/activity-registrations/:id/attendance',
    {
      config: session,
      schema: {
        tags,
        summary: 'Mark or unmark a registered person’s attendance (the activity’s managers)',
        params: IdParamsSchema,
        body: MarkAttendanceBodySchema,
        response: { 200: dataOf(RegistrationSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => ({
      data: await attendance.markAttendance(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.get(
    '/activities/:id/attendance-code',
    {
      config: session,
      schema: {
        tags,
        summary: 'The current attendance code and its QR code (the activity’s managers)',
        params: IdParamsSchema,
        response: { 200: dataOf(AttendanceCodeSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await attendance.getAttendanceCode(
        db,
        requireActor(request.actor),
        request.params.id,
        app.clock(),
      ),
    }),
  );

  app.post(
    '/activities/:id/attendance-code',
    {
      config: session,
      schema: {
        tags,
        summary: 'A fresh attendance code valid for some minutes; the old one stops working (its managers)',
        params: IdParamsSchema,
        body: AttendanceCodeBodySchema,
        response: { 200: dataOf(AttendanceCodeSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => ({
      data: await attendance.renewAttendanceCode(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body.validMinutes,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.post(
    '/attendance',
    {
      config: { ...session, rateLimit: rateLimit(20, '1 minute') },
      schema: {
        tags,
        summary: 'Check in with the code shown in the room (typed or scanned); registered people only',
        body: AttendBodySchema,
        response: { 200: dataOf(AttendResultSchema), ...errorResponses(400, 401, 409, 429) },
      },
    },
    async (request) => ({
      data: await attendance.attendByCode(
        db,
        requireActor(request.actor),
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  // ---- Certificates ----

  app.post(
    '/activities/:id/certificates',
    {
      config: session,
      schema: {
        tags,
        summary: 'Issue certificates to every attendee without one (the activity’s managers)',
        params: IdParamsSchema,
        response: { 200: dataOf(IssueCertificatesResultSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      mailed({
        data: {
          issued: await certificates.issueCertificates(
            db,
            requireActor(request.actor),
            request.params.id,
            request.meta(),
            app.clock(),
          ),
        },
      }),
  );

  app.post(
    '/activity-registrations/:id/certificate',
    {
      config: session,
      schema: {
        tags,
        summary: 'An attendee asks for their completion certificate (once attended)',
        params: IdParamsSchema,
        response: { 200: dataOf(RegistrationSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      mailed({
        data: await certificates.requestCertificate(
          db,
          requireActor(request.actor),
          request.params.id,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.get(
    '/activity-registrations/:id/certificate.pdf',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary: 'The completion certificate as a PDF (its holder, the activity’s managers)',
        params: IdParamsSchema,
        querystring: CertificateLangQuerySchema,
        response: {
          200: z.unknown().describe('application/pdf'),
          ...errorResponses(400, 401, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const certificate = await certificates.getCertificateForPrint(
        db,
        requireActor(request.actor),
        request.params.id,
      );
      const lang = request.query.lang ?? request.lang;
      const url = activities.publicLink(certificates.certificatePath(certificate.rawCode));
      const pdf = await renderActivityCertificatePdf(certificate, lang, url);
      return sendPrivateFile(
        reply,
        'application/pdf',
        `attachment; filename="certificate-${certificate.rawCode}.pdf"`,
        pdf,
      );
    },
  );

  app.post(
    '/activity-registrations/:id/certificate/revoke',
    {
      config: session,
      schema: {
        tags,
        summary: 'Revoke a completion certificate with a reason (the activity’s managers)',
        params: IdParamsSchema,
        body: RevokeActivityCertificateBodySchema,
        response: { 200: dataOf(RegistrationSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => ({
      data: await certificates.revokeCertificate(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body.reason,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.get(
    '/activity-certificates/:code',
    {
      config: { public: true, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary: 'Check a completion certificate’s verification code: valid, revoked or unknown',
        params: ActivityCertificateCodeParamsSchema,
        response: { 200: dataOf(ActivityCertificateVerificationSchema), ...errorResponses(400, 429) },
      },
    },
    async (request) => ({ data: await certificates.verifyCertificate(db, request.params.code) }),
  );
};
