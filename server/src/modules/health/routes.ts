import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

const Health = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]), database: Type.Boolean() });

// For load balancers and monitors: 200 while the database answers, 503 when it does not.
export const healthRoutes: FastifyPluginAsyncTypebox<{ ping: () => Promise<boolean> }> = async (app, { ping }) => {
  app.get('/healthz', { schema: { tags: ['health'], response: { 200: Health, 503: Health } } }, async (_req, reply) => {
    const database = await ping();
    return reply.code(database ? 200 : 503).send({ status: database ? 'ok' : 'unavailable', database });
  });
};
