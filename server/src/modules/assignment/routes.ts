import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AssignBody, PresenceBody, Workload } from '../../../../contracts/assignment.js';
import { ErrorBody, IdParam, Strict } from '../../../../contracts/common.js';
import type { AssignmentService } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

export const assignmentRoutes: FastifyPluginAsyncTypebox<{ assignment: AssignmentService }> = async (app, { assignment }) => {
  const tags = ['assignment'];
  // online / away / off: pushed orders go only to people who are online; going away hands back what was not taken
  app.put(
    '/api/v1/me/presence',
    { schema: { tags, body: PresenceBody, response: { 200: PresenceBody, ...errors } }, onRequest: app.signedIn },
    async (req) => {
      await assignment.setPresence(req.actor, req.body.presence);
      return { presence: req.body.presence };
    },
  );
  app.get(
    '/api/v1/units/:code/workload',
    {
      schema: {
        tags,
        params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }) }, Strict),
        response: { 200: Workload, ...errors },
      },
      onRequest: app.can('sla:board'),
    },
    async (req) => assignment.workload(req.actor, req.params.code),
  );
  app.post(
    '/api/v1/tickets/:id/assign',
    {
      schema: { tags, params: Type.Object({ id: IdParam }, Strict), body: AssignBody, response: { 204: Type.Null(), ...errors } },
      onRequest: app.can('ticket:assign'),
    },
    async (req, reply) => {
      await assignment.reassign(req.actor, Number(req.params.id), req.body.userId);
      return reply.code(204).send(null);
    },
  );
};
