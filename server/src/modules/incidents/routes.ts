import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../../contracts/common.js';
import {
  ConfirmIncidentBody,
  CreateIncidentRuleBody,
  DismissIncidentBody,
  DispatchIncidentBody,
  IncidentList,
  IncidentListQuery,
  IncidentMatchQuery,
  IncidentParams,
  IncidentRule,
  IncidentRuleList,
  IncidentSettings,
  IncidentView,
  ResolveIncidentBody,
  UpdateIncidentRuleBody,
  UpdateIncidentSettings,
} from '../../../../contracts/incidents.js';
import { IfMatchHeaders, ifMatch, withETag } from '../../http.js';
import type { IncidentRules } from './rules.js';
import type { IncidentService } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody };
const RuleParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,15}$' }) }, { additionalProperties: false });

export const incidentRoutes: FastifyPluginAsyncTypebox<{ incidents: IncidentService; rules: IncidentRules }> = async (
  app,
  { incidents, rules },
) => {
  const tags = ['incidents'];
  const empty = async (req: { body: unknown }) => {
    req.body ??= {};
  };

  app.get(
    '/api/v1/incidents',
    { schema: { tags, querystring: IncidentListQuery, response: { 200: IncidentList, ...errors } }, onRequest: app.can('incident:read') },
    async (req) => incidents.list(req.query.status),
  );
  app.get(
    '/api/v1/incidents/match',
    { schema: { tags, querystring: IncidentMatchQuery, response: { 200: IncidentList, ...errors } }, onRequest: app.can('incident:read') },
    async (req) => incidents.match(req.query),
  );
  app.get(
    '/api/v1/incidents/:id',
    { schema: { tags, params: IncidentParams, response: { 200: IncidentView, ...errors } }, onRequest: app.can('incident:read') },
    async (req) => incidents.get(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/incidents/:id/confirm',
    {
      schema: { tags, params: IncidentParams, body: ConfirmIncidentBody, response: { 200: IncidentView, ...errors } },
      preValidation: empty,
      onRequest: app.can('incident:handle'),
    },
    async (req) => incidents.confirm(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/incidents/:id/dismiss',
    {
      schema: { tags, params: IncidentParams, body: DismissIncidentBody, response: { 200: IncidentView, ...errors } },
      onRequest: app.can('incident:handle'),
    },
    async (req) => incidents.dismiss(req.actor, req.params.id, req.body.reason),
  );
  app.post(
    '/api/v1/incidents/:id/dispatch',
    {
      schema: { tags, params: IncidentParams, body: DispatchIncidentBody, response: { 200: IncidentView, ...errors } },
      preValidation: empty,
      onRequest: app.can('incident:handle'),
    },
    async (req) => incidents.dispatch(req.actor, req.params.id, req.body.unitCode),
  );
  app.post(
    '/api/v1/incidents/:id/resolve',
    {
      schema: { tags, params: IncidentParams, body: ResolveIncidentBody, response: { 200: IncidentView, ...errors } },
      onRequest: app.can('incident:handle'),
    },
    async (req) => incidents.resolve(req.actor, req.params.id, req.body.result),
  );

  app.get(
    '/api/v1/incident-rules',
    { schema: { tags, response: { 200: IncidentRuleList, ...errors } }, onRequest: app.can('incident:admin') },
    async () => rules.list(),
  );
  app.post(
    '/api/v1/incident-rules',
    { schema: { tags, body: CreateIncidentRuleBody, response: { 201: IncidentRule, ...errors } }, onRequest: app.can('incident:admin') },
    async (req, reply) => withETag(reply.code(201), await rules.create(req.body)),
  );
  app.patch(
    '/api/v1/incident-rules/:id',
    {
      schema: {
        tags,
        params: RuleParams,
        headers: IfMatchHeaders,
        body: UpdateIncidentRuleBody,
        response: { 200: IncidentRule, ...errors },
      },
      onRequest: app.can('incident:admin'),
    },
    async (req, reply) => withETag(reply, await rules.update(Number(req.params.id), req.body, ifMatch(req))),
  );
  app.get(
    '/api/v1/incident-settings',
    { schema: { tags, response: { 200: IncidentSettings, ...errors } }, onRequest: app.can('incident:admin') },
    async () => incidents.settings(),
  );
  app.patch(
    '/api/v1/incident-settings',
    {
      schema: { tags, body: UpdateIncidentSettings, response: { 200: IncidentSettings, ...errors } },
      onRequest: app.can('incident:admin'),
    },
    async (req) => incidents.saveSettings(req.body),
  );
};
