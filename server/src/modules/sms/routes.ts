import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParam, LimitQuery, Strict } from '../../../../contracts/common.js';
import {
  CreateSmsKeywordBody,
  PutSmsTemplateBody,
  SimulatedMessage,
  SimulatorPhoneQuery,
  SimulatorSendBody,
  SmsKeyword,
  SmsLanguage,
  SmsLinkStatus,
  SmsOutboxEntry,
  SmsTemplate,
} from '../../../../contracts/sms.js';
import type { SmsAdmin } from './admin.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const list = <T extends Parameters<typeof Type.Array>[0]>(t: T) => Type.Object({ items: Type.Array(t) });
const IdParams = Type.Object({ id: IdParam }, Strict);
const TemplateParams = Type.Object({ key: Type.String({ pattern: '^[a-z_]{1,32}$' }), language: SmsLanguage }, Strict);
const OutboxQuery = Type.Object({ limit: LimitQuery }, Strict);

export const smsRoutes: FastifyPluginAsyncTypebox<{ admin: SmsAdmin }> = async (app, { admin }) => {
  const tags = ['sms'];
  const guard = app.can('sms:admin');

  app.get('/api/v1/sms/status', { schema: { tags, response: { 200: SmsLinkStatus, ...errors } }, onRequest: guard }, async () =>
    admin.status(),
  );

  app.get('/api/v1/sms/keywords', { schema: { tags, response: { 200: list(SmsKeyword), ...errors } }, onRequest: guard }, async () => ({
    items: await admin.keywords(),
  }));
  app.post(
    '/api/v1/sms/keywords',
    { schema: { tags, body: CreateSmsKeywordBody, response: { 201: SmsKeyword, ...errors } }, onRequest: guard },
    async (req, reply) => reply.code(201).send(await admin.addKeyword(req.body.command, req.body.keyword)),
  );
  app.delete(
    '/api/v1/sms/keywords/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } }, onRequest: guard },
    async (req, reply) => {
      await admin.deleteKeyword(Number(req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get('/api/v1/sms/templates', { schema: { tags, response: { 200: list(SmsTemplate), ...errors } }, onRequest: guard }, async () => ({
    items: await admin.templates(),
  }));
  app.put(
    '/api/v1/sms/templates/:key/:language',
    { schema: { tags, params: TemplateParams, body: PutSmsTemplateBody, response: { 200: SmsTemplate, ...errors } }, onRequest: guard },
    async (req) => admin.putTemplate(req.params.key, req.params.language, req.body.text),
  );

  app.get(
    '/api/v1/sms/outbox',
    { schema: { tags, querystring: OutboxQuery, response: { 200: list(SmsOutboxEntry), ...errors } }, onRequest: guard },
    async (req) => ({ items: await admin.outbox(req.actor, Number(req.query.limit ?? 50)) }),
  );

  app.get(
    '/api/v1/sms/simulator/messages',
    { schema: { tags, querystring: SimulatorPhoneQuery, response: { 200: list(SimulatedMessage), ...errors } }, onRequest: guard },
    async (req) => ({ items: await admin.inbox(req.query.phone) }),
  );
  app.post(
    '/api/v1/sms/simulator/messages',
    { schema: { tags, body: SimulatorSendBody, response: { 200: list(SimulatedMessage), ...errors } }, onRequest: guard },
    async (req) => ({ items: await admin.simulate(req.body.from, req.body.extension, req.body.text) }),
  );
};
