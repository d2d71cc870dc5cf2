import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../contracts/common.js';
import { MarkReadBody, NotificationList, NotificationQuery } from '../../../../contracts/notifications.js';
import type { Clock } from '../../clock.js';
import type { NotificationRepository } from './repository.js';

// Everyone's own in-app notifications: warnings and breaches of the clocks they answer for.
export const notificationRoutes: FastifyPluginAsyncTypebox<{ repo: NotificationRepository; clock: Clock }> = async (
  app,
  { repo, clock },
) => {
  const tags = ['notifications'];
  app.get(
    '/api/v1/notifications',
    { schema: { tags, querystring: NotificationQuery, response: { 200: NotificationList, 401: ErrorBody } }, onRequest: app.signedIn },
    async (req) => ({
      items: await repo.list(req.actor.id, req.query.unread === '1'),
      unread: await repo.unreadCount(req.actor.id),
    }),
  );
  app.post(
    '/api/v1/notifications/read',
    { schema: { tags, body: MarkReadBody, response: { 200: NotificationList, 400: ErrorBody, 401: ErrorBody } }, onRequest: app.signedIn },
    async (req) => {
      await repo.markRead(req.actor.id, req.body.all ? 'all' : (req.body.ids ?? []), clock.now().toISOString());
      return { items: await repo.list(req.actor.id, true), unread: await repo.unreadCount(req.actor.id) };
    },
  );
};
