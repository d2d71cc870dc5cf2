import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../../contracts/common.js';
import { IvrCaller, IvrCallerParams, IvrInfoAdded, IvrInfoBody, IvrTransfer } from '../../../../contracts/ivr.js';
import { notFound } from '../../errors.js';
import type { IvrService } from './service.js';

const tags = ['ivr'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

// For IVR platforms, with an API token of scope `ivr`; a staff session does not open these.
export const ivrRoutes: FastifyPluginAsyncTypebox<{ ivr: IvrService }> = async (app, { ivr }) => {
  app.get(
    '/api/v1/ivr/callers/:phone',
    { schema: { tags, params: IvrCallerParams, response: { 200: IvrCaller, ...errors } }, onRequest: app.token('ivr') },
    (req) => ivr.caller(req.params.phone),
  );

  app.post(
    '/api/v1/ivr/callers/:phone/info',
    {
      schema: { tags, params: IvrCallerParams, body: IvrInfoBody, response: { 201: IvrInfoAdded, ...errors } },
      onRequest: app.token('ivr'),
    },
    async (req, reply) => {
      const added = await ivr.leaveRecording(req.params.phone, req.body.recordingRef, req.body.ticketNumber);
      if (!added) throw notFound('ticket.not_found', 'This caller has no open complaint to add to');
      return reply.code(201).send(added);
    },
  );

  app.post(
    '/api/v1/ivr/callers/:phone/transfer',
    { schema: { tags, params: IvrCallerParams, response: { 200: IvrTransfer, ...errors } }, onRequest: app.token('ivr') },
    (req) => ivr.transfer(req.params.phone),
  );
};
