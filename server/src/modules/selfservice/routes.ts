import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../../contracts/common.js';
import {
  CustomerMe,
  CustomerSessionBody,
  MY_INFO_BODY_LIMIT,
  MyImageParams,
  MyInfoBody,
  MyNewTicketBody,
  MyRatingBody,
  MyTicketList,
  MyTicketParams,
  OtpBody,
  OtpSent,
  ProgressItem,
} from '../../../../contracts/selfservice.js';
import { badRequest, notFound } from '../../errors.js';
import { CUSTOMER_COOKIE, type Actor } from '../auth/index.js';
import type { CustomerAuth } from './customer-auth.js';
import { checkImage } from './image-check.js';
import type { SelfServicePortal } from './portal.js';
import type { SelfService } from './service.js';

const tags = ['self-service'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody };
const cookiePath = '/api/v1/my';
const Added = Type.Object({ ticketNumber: Type.String(), eventId: Type.Integer() });

// The customer's own API behind the /my page. Sign-in is open to anyone (the same answer for every number);
// everything else needs the customer session cookie, which only this prefix ever receives.
export const selfServiceRoutes: FastifyPluginAsyncTypebox<{
  auth: CustomerAuth;
  selfService: SelfService;
  portal: SelfServicePortal;
  /** the staff member's own view of the ticket: throws "not found" when they may not see it */
  visibleTicketId: (actor: Actor, idOrNumber: string) => Promise<number>;
}> = async (app, { auth, selfService, portal, visibleTicketId }) => {
  // staff see the images customers attached, on tickets they may see
  app.get(
    '/api/v1/tickets/:idOrNumber/images/:id',
    {
      schema: {
        tags,
        params: Type.Object({ idOrNumber: Type.String({ maxLength: 40 }), id: Type.String({ pattern: '^[1-9][0-9]{0,15}$' }) }),
        response: { ...errors },
      },
      onRequest: app.can('ticket:read'),
    },
    async (req, reply) => {
      const image = await portal.imageOfTicket(await visibleTicketId(req.actor, req.params.idOrNumber), Number(req.params.id));
      void reply.header('content-type', image.mime).header('content-disposition', 'inline');
      return reply.send(image.content as never);
    },
  );

  app.post('/api/v1/my/otp', { schema: { tags, body: OtpBody, response: { 202: OtpSent, ...errors } } }, async (req, reply) => {
    const { expiresInSeconds } = await auth.requestCode(req.body.phone, req.ip);
    return reply.code(202).send({ sent: true, expiresInSeconds });
  });

  app.post(
    '/api/v1/my/session',
    { schema: { tags, body: CustomerSessionBody, response: { 200: CustomerMe, ...errors } } },
    async (req, reply) => {
      const { token, me } = await auth.signIn(req.body.phone, req.body.code, req.ip);
      void reply.setCookie(CUSTOMER_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: cookiePath, secure: 'auto' });
      return me;
    },
  );

  app.get(
    '/api/v1/my/session',
    { schema: { tags, response: { 200: CustomerMe, ...errors } }, onRequest: app.customer },
    async (req) => req.customer,
  );

  app.delete(
    '/api/v1/my/session',
    { schema: { tags, response: { 204: { type: 'null' }, ...errors } }, onRequest: app.customer },
    async (req, reply) => {
      await auth.signOut(req.cookies[CUSTOMER_COOKIE]!);
      void reply.clearCookie(CUSTOMER_COOKIE, { path: cookiePath });
      return reply.code(204).send(null);
    },
  );

  app.get('/api/v1/my/tickets', { schema: { tags, response: { 200: MyTicketList, ...errors } }, onRequest: app.customer }, async (req) => ({
    items: await portal.tickets(req.customer.phone),
  }));

  app.post(
    '/api/v1/my/tickets',
    { schema: { tags, body: MyNewTicketBody, response: { 201: ProgressItem, ...errors } }, onRequest: app.customer },
    async (req, reply) => {
      const { description, ...extra } = req.body;
      return reply.code(201).send(await selfService.file(req.customer.phone, description, 'web', extra));
    },
  );

  app.post(
    '/api/v1/my/tickets/:number/info',
    {
      schema: { tags, params: MyTicketParams, body: MyInfoBody, response: { 201: Added, ...errors } },
      onRequest: app.customer,
      bodyLimit: MY_INFO_BODY_LIMIT,
    },
    async (req, reply) => {
      const images = (req.body.images ?? []).map((b64, i) => checkImage(b64, i));
      if (!req.body.text && images.length === 0)
        throw badRequest('validation.required', 'Write something or attach an image', { field: 'body.text' });
      const added = await selfService.addInformation(req.customer.phone, req.body.text ?? '', 'web', req.params.number, { images });
      if (!added) throw notFound('ticket.not_found', `No ticket ${req.params.number}`);
      return reply.code(201).send(added);
    },
  );

  app.get(
    '/api/v1/my/tickets/:number/images/:id',
    { schema: { tags, params: MyImageParams, response: { ...errors } }, onRequest: app.customer },
    async (req, reply) => {
      const image = await portal.image(req.customer.phone, req.params.number, Number(req.params.id));
      // served as the type its bytes proved, never sniffed, never inline HTML
      void reply.header('content-type', image.mime).header('content-disposition', 'inline');
      return reply.send(image.content as never);
    },
  );

  app.post(
    '/api/v1/my/tickets/:number/rating',
    {
      schema: { tags, params: MyTicketParams, body: MyRatingBody, response: { 204: { type: 'null' }, ...errors } },
      onRequest: app.customer,
    },
    async (req, reply) => {
      await portal.rate(req.customer.phone, req.params.number, req.body.score, req.body.comment);
      return reply.code(204).send(null);
    },
  );
};
