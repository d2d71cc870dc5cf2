import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParam, Strict } from '../../../../contracts/common.js';
import {
  AppealBody,
  AppealDecisionBody,
  CreateFormBody,
  InspectBody,
  Inspection,
  InspectionForm,
  InspectionFormList,
  InspectionList,
  InspectionListQuery,
  SampleList,
  SampleQuery,
  SampleRunBody,
  SamplingRules,
  Scores,
  ScoresQuery,
  UpdateFormBody,
} from '../../../../contracts/quality.js';
import type { QualityService } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const Params = Type.Object({ id: IdParam }, Strict);

export const qualityRoutes: FastifyPluginAsyncTypebox<{ quality: QualityService }> = async (app, { quality }) => {
  const tags = ['quality'];
  // inspectors and managers see every result; everyone else their own
  app.get(
    '/api/v1/inspections',
    { schema: { tags, querystring: InspectionListQuery, response: { 200: InspectionList, ...errors } }, onRequest: app.signedIn },
    async (req) => quality.list(req.actor, req.query),
  );
  app.post(
    '/api/v1/inspections',
    { schema: { tags, body: InspectBody, response: { 201: Inspection, ...errors } }, onRequest: app.can('quality:inspect') },
    async (req, reply) => reply.code(201).send(await quality.inspect(req.actor, req.body)),
  );
  app.get(
    '/api/v1/inspections/scores',
    { schema: { tags, querystring: ScoresQuery, response: { 200: Scores, ...errors } }, onRequest: app.can('quality:scores') },
    async (req) => quality.scores(req.query),
  );
  app.get(
    '/api/v1/inspections/:id',
    { schema: { tags, params: Params, response: { 200: Inspection, ...errors } }, onRequest: app.signedIn },
    async (req) => quality.get(req.actor, Number(req.params.id)),
  );
  app.post(
    '/api/v1/inspections/:id/appeal',
    { schema: { tags, params: Params, body: AppealBody, response: { 200: Inspection, ...errors } }, onRequest: app.can('quality:appeal') },
    async (req) => quality.appeal(req.actor, Number(req.params.id), req.body),
  );
  app.post(
    '/api/v1/inspections/:id/decision',
    {
      schema: { tags, params: Params, body: AppealDecisionBody, response: { 200: Inspection, ...errors } },
      onRequest: app.can('quality:inspect'),
    },
    async (req) => quality.decide(req.actor, Number(req.params.id), req.body),
  );
  app.get(
    '/api/v1/inspection-samples',
    { schema: { tags, querystring: SampleQuery, response: { 200: SampleList, ...errors } }, onRequest: app.can('quality:inspect') },
    async (req) => quality.samples(req.query.week),
  );
  app.post(
    '/api/v1/inspection-samples',
    { schema: { tags, body: SampleRunBody, response: { 200: SampleList, ...errors } }, onRequest: app.can('quality:inspect') },
    async (req) => quality.drawSample(req.body),
  );
  app.get(
    '/api/v1/inspection-forms',
    { schema: { tags, response: { 200: InspectionFormList, ...errors } }, onRequest: app.signedIn },
    async () => quality.forms(),
  );
  app.post(
    '/api/v1/inspection-forms',
    { schema: { tags, body: CreateFormBody, response: { 201: InspectionForm, ...errors } }, onRequest: app.can('quality:admin') },
    async (req, reply) => reply.code(201).send(await quality.createForm(req.body)),
  );
  app.patch(
    '/api/v1/inspection-forms/:id',
    {
      schema: { tags, params: Params, body: UpdateFormBody, response: { 200: InspectionForm, ...errors } },
      onRequest: app.can('quality:admin'),
    },
    async (req) => quality.updateForm(Number(req.params.id), req.body),
  );
  app.get(
    '/api/v1/inspection-rules',
    { schema: { tags, response: { 200: SamplingRules, ...errors } }, onRequest: app.signedIn },
    async () => quality.rules(),
  );
  app.put(
    '/api/v1/inspection-rules',
    { schema: { tags, body: SamplingRules, response: { 200: SamplingRules, ...errors } }, onRequest: app.can('quality:admin') },
    async (req) => quality.saveRules(req.body),
  );
};
