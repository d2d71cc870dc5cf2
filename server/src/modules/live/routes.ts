import type { FastifyPluginAsync } from 'fastify';
import { can, type Actor } from '../auth/index.js';
import type { LiveBus, LiveEvent } from './bus.js';

// Only what the signed-in person may see: department staff hear about their unit's tickets; roles that read every
// ticket hear about all; a notification goes to the people it names. No phone number ever rides along.
function concerns(actor: Actor, e: LiveEvent): boolean {
  if (e.type === 'notification') return e.userIds.includes(actor.id);
  if (!can(actor, 'ticket:read')) return false;
  if (actor.role === 'handler') return e.unitIds.includes(actor.unit.id) || e.userIds.includes(actor.id);
  return true;
}

const HEARTBEAT_MS = 25_000;

export const liveRoutes: FastifyPluginAsync<{ bus: LiveBus }> = async (app, { bus }) => {
  app.get(
    '/api/v1/live',
    {
      schema: { tags: ['live'], description: 'Server-Sent Events: ticket changes, clock warnings and breaches, notifications' },
      onRequest: app.signedIn,
    },
    (req, reply) => {
      const actor = req.actor;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\n: connected\n\n`);
      const unsubscribe = bus.subscribe((e) => {
        if (!concerns(actor, e)) return;
        const { unitIds: _u, userIds: _p, ...visible } = e;
        res.write(`event: ${e.type}\ndata: ${JSON.stringify(visible)}\n\n`);
      });
      // proxies drop an idle stream; a comment line keeps it open
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
};
