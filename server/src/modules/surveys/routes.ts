import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParam, Strict } from '../../../../contracts/common.js';
import {
  CompleteRevisitBody,
  RecordSurveyBody,
  RecordSurveyResult,
  Revisit,
  RevisitList,
  RevisitListQuery,
  SurveySettings,
  TicketSurvey,
} from '../../../../contracts/surveys.js';
import type { SurveyService } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const TicketParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 32, description: 'ticket id or number' }) }, Strict);

export const surveyRoutes: FastifyPluginAsyncTypebox<{ surveys: SurveyService }> = async (app, { surveys }) => {
  const tags = ['surveys'];
  app.get(
    '/api/v1/tickets/:id/survey',
    { schema: { tags, params: TicketParams, response: { 200: TicketSurvey, ...errors } }, onRequest: app.can('ticket:read') },
    async (req) => surveys.forTicket(req.actor, req.params.id),
  );
  // a survey done by phone
  app.post(
    '/api/v1/tickets/:id/survey',
    {
      schema: { tags, params: TicketParams, body: RecordSurveyBody, response: { 200: RecordSurveyResult, ...errors } },
      onRequest: app.can('survey:record'),
    },
    async (req) => surveys.recordByAgent(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/v1/surveys/settings',
    { schema: { tags, response: { 200: SurveySettings, ...errors } }, onRequest: app.can('quality:admin') },
    async () => surveys.settings(),
  );
  app.put(
    '/api/v1/surveys/settings',
    { schema: { tags, body: SurveySettings, response: { 200: SurveySettings, ...errors } }, onRequest: app.can('quality:admin') },
    async (req) => surveys.saveSettings(req.body),
  );
  app.get(
    '/api/v1/revisits',
    { schema: { tags, querystring: RevisitListQuery, response: { 200: RevisitList, ...errors } }, onRequest: app.can('revisit:work') },
    async (req) => surveys.revisits(req.actor, req.query),
  );
  app.post(
    '/api/v1/revisits/:id/complete',
    {
      schema: { tags, params: Type.Object({ id: IdParam }, Strict), body: CompleteRevisitBody, response: { 200: Revisit, ...errors } },
      onRequest: app.can('revisit:work'),
    },
    async (req) => surveys.completeRevisit(req.actor, Number(req.params.id), req.body),
  );
};
