import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParam, Strict } from '../../../../contracts/common.js';
import {
  BusinessCalendar,
  CreateCalendarBody,
  CreateEscalationRuleBody,
  CreateSlaPolicyBody,
  EscalationRule,
  Holiday,
  PutHolidayBody,
  SlaBoard,
  SlaPolicy,
  Timeliness,
  TimelinessQuery,
  UpdateCalendarBody,
  UpdateEscalationRuleBody,
  UpdateSlaPolicyBody,
} from '../../../../contracts/sla.js';
import type { UnitRef } from '../../../../contracts/org.js';
import { notFound } from '../../errors.js';
import { IfMatchHeaders, ifMatch, withETag } from '../../http.js';
import type { SlaAdmin } from './admin.js';
import type { SlaFigures } from './figures.js';

const IdParams = Type.Object({ id: IdParam }, Strict);
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }) }, Strict);
const DateParams = Type.Object({ date: Type.String({ format: 'date' }) }, Strict);
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };
const list = <T extends Parameters<typeof Type.Array>[0]>(t: T) => Type.Object({ items: Type.Array(t) });

export const slaRoutes: FastifyPluginAsyncTypebox<{
  admin: SlaAdmin;
  figures: SlaFigures;
  findUnit: (code: string) => Promise<UnitRef | undefined>;
}> = async (app, { admin, figures, findUnit }) => {
  const tags = ['time limits'];
  const read = app.can('org:read');
  const write = app.can('sla:admin');

  app.get('/api/v1/sla/policies', { schema: { tags, response: { 200: list(SlaPolicy), ...errors } }, onRequest: read }, async () => ({
    items: await admin.listPolicies(),
  }));
  app.post(
    '/api/v1/sla/policies',
    { schema: { tags, body: CreateSlaPolicyBody, response: { 201: SlaPolicy, ...errors } }, onRequest: write },
    async (req, reply) => withETag(reply.code(201), await admin.createPolicy(req.body)),
  );
  app.patch(
    '/api/v1/sla/policies/:id',
    {
      schema: { tags, params: IdParams, headers: IfMatchHeaders, body: UpdateSlaPolicyBody, response: { 200: SlaPolicy, ...errors } },
      onRequest: write,
    },
    async (req, reply) => withETag(reply, await admin.updatePolicy(Number(req.params.id), req.body, ifMatch(req))),
  );
  app.delete(
    '/api/v1/sla/policies/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } }, onRequest: write },
    async (req, reply) => {
      await admin.deletePolicy(Number(req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get('/api/v1/calendars', { schema: { tags, response: { 200: list(BusinessCalendar), ...errors } }, onRequest: read }, async () => ({
    items: await admin.listCalendars(),
  }));
  app.post(
    '/api/v1/calendars',
    { schema: { tags, body: CreateCalendarBody, response: { 201: BusinessCalendar, ...errors } }, onRequest: write },
    async (req, reply) => withETag(reply.code(201), await admin.createCalendar(req.body)),
  );
  app.patch(
    '/api/v1/calendars/:code',
    {
      schema: {
        tags,
        params: CodeParams,
        headers: IfMatchHeaders,
        body: UpdateCalendarBody,
        response: { 200: BusinessCalendar, ...errors },
      },
      onRequest: write,
    },
    async (req, reply) => withETag(reply, await admin.updateCalendar(req.params.code, req.body, ifMatch(req))),
  );
  app.delete(
    '/api/v1/calendars/:code',
    { schema: { tags, params: CodeParams, response: { 204: Type.Null(), ...errors } }, onRequest: write },
    async (req, reply) => {
      await admin.deleteCalendar(req.params.code);
      return reply.code(204).send(null);
    },
  );

  app.get('/api/v1/holidays', { schema: { tags, response: { 200: list(Holiday), ...errors } }, onRequest: read }, async () => ({
    items: await admin.listHolidays(),
  }));
  app.put(
    '/api/v1/holidays/:date',
    { schema: { tags, params: DateParams, body: PutHolidayBody, response: { 200: Holiday, ...errors } }, onRequest: write },
    async (req) => admin.putHoliday(req.params.date, req.body),
  );
  app.delete(
    '/api/v1/holidays/:date',
    { schema: { tags, params: DateParams, response: { 204: Type.Null(), ...errors } }, onRequest: write },
    async (req, reply) => {
      await admin.deleteHoliday(req.params.date);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/escalation-rules',
    { schema: { tags, response: { 200: list(EscalationRule), ...errors } }, onRequest: read },
    async () => ({ items: await admin.listRules() }),
  );
  app.post(
    '/api/v1/escalation-rules',
    { schema: { tags, body: CreateEscalationRuleBody, response: { 201: EscalationRule, ...errors } }, onRequest: write },
    async (req, reply) => withETag(reply.code(201), await admin.createRule(req.body)),
  );
  app.patch(
    '/api/v1/escalation-rules/:id',
    {
      schema: {
        tags,
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateEscalationRuleBody,
        response: { 200: EscalationRule, ...errors },
      },
      onRequest: write,
    },
    async (req, reply) => withETag(reply, await admin.updateRule(Number(req.params.id), req.body, ifMatch(req))),
  );
  app.delete(
    '/api/v1/escalation-rules/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } }, onRequest: write },
    async (req, reply) => {
      await admin.deleteRule(Number(req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/stats/timeliness',
    {
      schema: { tags: ['statistics'], querystring: TimelinessQuery, response: { 200: Timeliness, ...errors } },
      onRequest: app.can('stats:read'),
    },
    async (req) => {
      const unit = req.query.unit ? await findUnit(req.query.unit) : undefined;
      if (req.query.unit && !unit) throw notFound('unit.not_found', `No unit with code ${req.query.unit}`, { field: 'querystring.unit' });
      const result = await figures.timeliness({
        from: req.query.from,
        to: req.query.to,
        unitId: unit?.id,
        categoryCode: req.query.categoryCode,
      });
      return { from: req.query.from ?? null, to: req.query.to ?? null, ...result };
    },
  );

  // department staff see their own unit's row; the desk and managers see every unit
  app.get('/api/v1/sla/board', { schema: { tags, response: { 200: SlaBoard, ...errors } }, onRequest: app.can('sla:board') }, async (req) =>
    figures.board(req.actor.role === 'handler' ? req.actor.unit.id : undefined),
  );
};
