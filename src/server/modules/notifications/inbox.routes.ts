import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import {
  InboxItemSchema,
  InboxQuerySchema,
  NotificationParamsSchema,
  UnreadCountSchema,
} from '@shared/contracts/inbox';
import { errorResponses } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './notifications.service';

const tags = ['notifications'];

/** The signed-in person's in-app notifications (the bell): only their own, titles in the request's language. */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/notifications',
    {
      config: session,
      schema: {
        tags,
        summary: 'My notifications, newest first (at most 50; unread=true for the unread ones only)',
        querystring: InboxQuerySchema,
        response: { 200: dataOf(z.array(InboxItemSchema)), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({
      data: await service.listInbox(
        db,
        requireActor(request.actor),
        request.lang,
        request.query.unread === 'true',
      ),
    }),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: session,
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: dataOf(UnreadCountSchema), ...errorResponses(401) },
      },
    },
    async (request) => ({
      data: { count: await service.countUnread(db, requireActor(request.actor)) },
    }),
  );

  app.post(
    '/notifications/read-all',
    {
      config: session,
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: dataOf(z.object({ marked: z.int() })), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      data: { marked: await service.markAllRead(db, requireActor(request.actor), app.clock()) },
    }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: session,
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationParamsSchema,
        response: { 200: dataOf(InboxItemSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.markRead(
        db,
        requireActor(request.actor),
        request.params.id,
        request.lang,
        app.clock(),
      ),
    }),
  );
};
