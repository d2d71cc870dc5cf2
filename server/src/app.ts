import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { pingDatabase } from './db/connection.js';
import type { Db } from './db/dialect.js';
import { isDemoSeeded, DEMO_PASSWORD, demoUsers } from './demo/seed.js';
import { registerErrorHandling } from './errors.js';
import { createReferenceCache } from './reference-cache.js';
import {
  authPlugin,
  authRoutes,
  createAuthRepository,
  createAuthService,
  guardOf,
  type Actor,
  type RouteGuard,
} from './modules/auth/index.js';
import { categoryRoutes, createCategoryRepository, createCategoryService } from './modules/categories/index.js';
import { createCustomerRepository } from './modules/customers/index.js';
import { healthRoutes } from './modules/health/index.js';
import { createOrgRepository, createOrgService, orgRoutes } from './modules/org/index.js';
import { createMemoryBus, liveRoutes, type LiveBus } from './modules/live/index.js';
import { createNotificationRepository, notificationRoutes } from './modules/notifications/index.js';
import {
  nextOpening,
  createClockPlanner,
  createSlaAdmin,
  createSlaFigures,
  createSlaRepository,
  createSlaScheduler,
  slaRoutes,
  type SlaScheduler,
} from './modules/sla/index.js';
import { apiTokenRoutes, createApiTokenRepository, createApiTokenService } from './modules/api-tokens/index.js';
import { createAgiServer, createIvrService, ivrRoutes, type IvrService } from './modules/ivr/index.js';
import {
  createCustomerAuth,
  createCustomerAuthRepository,
  createSelfService,
  createSelfServicePortal,
  createSelfServiceRepository,
  selfServiceRoutes,
  type SelfService,
} from './modules/selfservice/index.js';
import { createStatsModule, statsRoutes, type StatsRollups } from './modules/stats/index.js';
import { createSms, createSmsOutbox, smsRoutes, type Sms, type SmsOutbox } from './modules/sms/index.js';
import { createTicketRepository, createTicketService, ticketRoutes } from './modules/tickets/index.js';
import { createRepeatRepository, createRepeatService, repeatRoutes } from './modules/repeats/index.js';
import {
  createIncidentDetector,
  createIncidentRepository,
  createIncidentRules,
  createIncidentService,
  incidentRoutes,
} from './modules/incidents/index.js';
import { callbackRoutes, createCallbackRepository, createCallbackService, createSkillGroupAdmin } from './modules/callbacks/index.js';
import {
  createKnowledgeRepository,
  createKnowledgeSearch,
  createKnowledgeService,
  createTemplateService,
  knowledgeRoutes,
} from './modules/knowledge/index.js';
import {
  createBillingSender,
  createHttpBillingAdapter,
  createLedgerBillingAdapter,
  createRefundRepository,
  createRefundService,
  loadBillingConfig,
  refundRoutes,
  type BillingSender,
} from './modules/refunds/index.js';
import { createQualityRepository, createQualityService, qualityRoutes } from './modules/quality/index.js';
import {
  createSurveyObserver,
  createSurveyRepository,
  createSurveyService,
  surveyRoutes,
  type SurveyService,
} from './modules/surveys/index.js';
import { createExportService, exportRoutes } from './modules/exports/index.js';
import {
  assignmentRoutes,
  createAssignmentRepository,
  createAssignmentService,
  type AssignmentService,
} from './modules/assignment/index.js';

export interface AppOptions {
  config: Config;
  db: Db;
  clock: Clock;
  logger?: FastifyServerOptions['logger'];
  /** how live events reach browsers; one process by default, PostgreSQL NOTIFY across several */
  bus?: LiveBus;
}

// Full numbers are personal information: they never reach a log line, not even inside a URL.
const maskPhonesIn = (s: string) => s.replace(/(1[3-9][0-9])[0-9]{4}([0-9]{4})/g, '$1****$2');

const PAGE_HEADERS = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' };
const API_HEADERS = { ...PAGE_HEADERS, 'cache-control': 'no-store' };

// The composition root: services are wired by hand so the whole system reads in one place.
export async function buildApp({ config, db, clock, logger, bus = createMemoryBus() }: AppOptions) {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      serializers: { req: (req) => ({ method: req.method, url: maskPhonesIn(req.url), remoteAddress: req.ip }) },
    },
    bodyLimit: 64 * 1024,
    // unknown fields are refused and wrong types rejected, never silently dropped or coerced
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true, allErrors: false } },
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routeGuards: RouteGuard[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeGuards.push({ method, url: route.url, ...guardOf(route.onRequest) });
  });
  app.decorate('routeGuards', routeGuards);

  registerErrorHandling(app, { spaIndex: fs.existsSync(path.join(config.webRoot, 'index.html')) });
  // set as the request arrives, in a callback hook: every answer carries them (errors too), and the hottest reads
  // skip the promise an async onSend hook would cost
  app.addHook('onRequest', (req, reply, done) => {
    void reply.headers(req.url.startsWith('/api/') ? API_HEADERS : PAGE_HEADERS);
    done();
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Closeloop API', version: '1', description: 'Complaint work orders from first call to the customer’s answer' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'closeloop_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const cache = createReferenceCache(clock);
  const smsOutbox = createSmsOutbox({ clock, sender: config.smsSender });
  const sms = createSms({ db, clock, config, outbox: smsOutbox, log: app.log });
  app.addHook('onClose', () => sms.stop());
  const authRepo = createAuthRepository(db);
  const auth = createAuthService({ repo: authRepo, clock, sessionIdleHours: config.sessionIdleHours });
  const orgRepo = createOrgRepository(db);
  const org = createOrgService({
    repo: orgRepo,
    clock,
    onUserDisabled: (id) => auth.endSessionsOf(id),
    onUnitChanged: () => cache.invalidate(),
  });
  const findUnit = (code: string) => orgRepo.findUnitByCode(code);
  const categories = createCategoryService({ repo: createCategoryRepository(db), clock, findUnit, cache });
  const slaRepo = createSlaRepository(db);
  const clocks = createClockPlanner({ repo: slaRepo, timeZone: config.timeZone, cache });
  // the figures' rollups, kept in step inside every ticket change (the flow's observer, the sweep's hook)
  const stats = createStatsModule({ db, clock, timeZone: config.timeZone });
  await stats.rollups.ensureBuilt();
  const scheduler = createSlaScheduler({
    repo: slaRepo,
    clock,
    onRowChanged: stats.rollups.onClocksChanged,
    onAlerts: (alerts) =>
      bus.publish(
        alerts.flatMap((a) => [
          {
            type: 'ticket.sla' as const,
            ticketId: a.ticketId,
            number: a.number,
            state: a.state,
            kind: a.kind,
            unitIds: a.unitId ? [a.unitId] : [],
            userIds: a.userIds,
            at: clock.now().toISOString(),
          },
          {
            type: 'notification' as const,
            ticketId: a.ticketId,
            number: a.number,
            kind: a.kind,
            state: a.state,
            unitIds: [],
            userIds: a.userIds,
            at: clock.now().toISOString(),
          },
        ]),
      ),
  });
  const assignment = createAssignmentService({
    repo: createAssignmentRepository(db),
    clock,
    duty: {
      isOpen: async (unitId, at) => nextOpening(await clocks.calendarOfUnit(unitId), at).getTime() === at.getTime(),
      nextOpening: async (unitId, at) => nextOpening(await clocks.calendarOfUnit(unitId), at),
    },
    onChange: (change) => bus.publish([{ type: 'ticket.changed', ...change, at: clock.now().toISOString() }]),
  });
  const surveyRepo = createSurveyRepository(db);
  const repeats = createRepeatService({
    repo: createRepeatRepository(db),
    customers: createCustomerRepository(db),
    clock,
    timeZone: config.timeZone,
  });
  const incidentRepo = createIncidentRepository(db);
  const incidentDetector = createIncidentDetector({ repo: incidentRepo, clock });
  const incidents = createIncidentService({
    repo: incidentRepo,
    detector: incidentDetector,
    clock,
    smsOutbox,
    publish: (events) => bus.publish(events),
    proposeUnit: (code) => categories.proposeUnit(code),
    findUnit,
    // the ticket service is made below with this service's observer; it is only called once both exist
    tickets: () => tickets,
  });
  const tickets = createTicketService({
    repo: createTicketRepository(db),
    customers: createCustomerRepository(db),
    repeats: repeats.screener,
    categories,
    findUnit,
    clocks,
    assigner: assignment,
    observers: [
      createSurveyObserver({ repo: surveyRepo, smsOutbox, clock }),
      incidentDetector.observer,
      stats.rollups.observer,
      sms.notifier,
    ],
    onChange: (c) => {
      bus.publish([{ type: 'ticket.changed', ...c, at: clock.now().toISOString() }]);
      // an early warning raised or joined by this change goes out only now that it is committed
      void incidents.afterIntake(c.ticketId, c.number).catch((err: unknown) => app.log.warn({ err }, 'incident event not sent'));
    },
    clock,
    timeZone: config.timeZone,
  });
  const demoListing = async () => {
    if (config.demo === false || !(await isDemoSeeded(db))) return null;
    const accounts = [];
    for (const u of demoUsers) {
      const unit = await orgRepo.findUnitByCode(u.unit);
      accounts.push({
        username: u.username,
        role: u.role,
        displayName: u.displayName,
        unit: u.unit,
        unitName: unit?.name ?? u.unit,
        unitNameEn: unit?.nameEn ?? u.unit,
      });
    }
    return { password: DEMO_PASSWORD, accounts };
  };

  const customerAuth = createCustomerAuth({ repo: createCustomerAuthRepository(db), clock, smsOutbox });
  const apiTokens = createApiTokenService({ repo: createApiTokenRepository(db), clock });
  await app.register(authPlugin, { auth, customers: customerAuth, tokens: apiTokens });
  await app.register(healthRoutes, { ping: () => pingDatabase(db) });
  await app.register(authRoutes, { auth, demo: demoListing });
  await app.register(orgRoutes, { org });
  await app.register(categoryRoutes, { categories });
  await app.register(ticketRoutes, { tickets, clock });
  await app.register(repeatRoutes, { repeats, tickets });
  await app.register(incidentRoutes, {
    incidents,
    rules: createIncidentRules({
      repo: incidentRepo,
      clock,
      categoryExists: (code) =>
        categories.get(code).then(
          () => true,
          () => false,
        ),
      onChange: () => incidentDetector.forgetRules(),
    }),
  });
  const surveys = createSurveyService({ repo: surveyRepo, clock, tickets });
  await app.register(surveyRoutes, { surveys });
  await app.register(smsRoutes, { admin: sms.admin });
  const refundRepo = createRefundRepository(db);
  // BILLING_URL set: billing's HTTP endpoint; unset: the demo's built-in ledger
  const billingConfig = loadBillingConfig(process.env);
  const billing = createBillingSender({
    repo: refundRepo,
    clock,
    adapter: billingConfig.url
      ? createHttpBillingAdapter({ ...billingConfig, url: billingConfig.url })
      : createLedgerBillingAdapter(refundRepo, clock),
    retryBaseSeconds: billingConfig.retryBaseSeconds,
    retryMaxSeconds: billingConfig.retryMaxSeconds,
  });
  await app.register(refundRoutes, { refunds: createRefundService({ repo: refundRepo, clock, tickets, categories }) });
  const quality = createQualityService({
    repo: createQualityRepository(db),
    clock,
    timeZone: config.timeZone,
    unsatisfiedAtMost: async () => (await surveys.settings()).unsatisfiedAtMost,
  });
  await app.register(qualityRoutes, { quality });
  const selfServiceRepo = createSelfServiceRepository(db);
  const selfService = createSelfService({
    repo: selfServiceRepo,
    tickets,
    clock,
    timeZone: config.timeZone,
    log: app.log,
    onCustomerInfo: (n) =>
      bus.publish([
        { type: 'notification', ticketId: n.ticketId, number: n.number, kind: 'customer.info', unitIds: [], userIds: n.userIds, at: n.at },
      ]),
  });
  const portal = createSelfServicePortal({ repo: selfServiceRepo, clock, surveys });
  // SMS commands act through self-service (progress, add information, file) and surveys (a bare 1–5 reply)
  sms.useCommands({ selfService, surveys });
  await app.register(selfServiceRoutes, {
    auth: customerAuth,
    selfService,
    portal,
    visibleTicketId: async (actor, idOrNumber) => (await tickets.get(actor, idOrNumber)).id,
  });
  await app.register(apiTokenRoutes, { tokens: apiTokens });
  const ivr = createIvrService({ selfService, queues: config.ivrQueues });
  await app.register(ivrRoutes, { ivr });
  if (config.agiPort !== undefined) {
    const agi = createAgiServer({ ivr, log: app.log });
    const agiPort = config.agiPort;
    app.addHook('onReady', async () => void app.log.info({ port: await agi.listen(agiPort, config.host) }, 'Asterisk FastAGI listening'));
    app.addHook('onClose', () => agi.close());
  }
  app.addHook('onClose', () => selfService.settled());
  await app.register(slaRoutes, {
    admin: createSlaAdmin({ repo: slaRepo, clock, findUnit, unitById: (id) => orgRepo.findUnitById(id), cache }),
    figures: createSlaFigures(db),
    findUnit,
  });
  await app.register(statsRoutes, { summary: stats.summary, drilldown: stats.drilldown });
  await app.register(exportRoutes, {
    exports: createExportService({
      tickets,
      stats: { summary: stats.summary.summary, tickets: stats.drilldown.tickets },
      findUnit,
      clock,
      timeZone: config.timeZone,
    }),
  });
  await app.register(notificationRoutes, { repo: createNotificationRepository(db), clock });
  await app.register(liveRoutes, { bus });
  await app.register(assignmentRoutes, { assignment });
  const callbackRepo = createCallbackRepository(db);
  await app.register(callbackRoutes, {
    callbacks: createCallbackService({
      repo: callbackRepo,
      clock,
      smsOutbox,
      cache,
      timeZone: config.timeZone,
      onTicketEvent: (t) =>
        bus.publish([
          {
            type: 'ticket.changed',
            ticketId: t.id,
            number: t.number,
            status: t.status,
            unitIds: t.handlingUnitId !== null ? [t.handlingUnitId] : [],
            userIds: [],
            at: clock.now().toISOString(),
          },
        ]),
    }),
    groups: createSkillGroupAdmin({ repo: callbackRepo, clock, cache }),
  });
  // templates and cases read a ticket only where the reader may see it
  const seeTicket = async (actor: Actor, ticketId: number) => void (await tickets.get(actor, String(ticketId)));
  const knowledgeRepo = createKnowledgeRepository(db);
  await app.register(knowledgeRoutes, {
    templates: createTemplateService({ repo: knowledgeRepo, clock, timeZone: config.timeZone, seeTicket }),
    knowledge: createKnowledgeService({ repo: knowledgeRepo, search: createKnowledgeSearch(db), clock, seeTicket }),
  });
  app.decorate('sla', scheduler);
  app.decorate('stats', stats.rollups);
  app.decorate('smsOutbox', smsOutbox);
  app.decorate('sms', sms);
  app.decorate('assignment', assignment);
  app.decorate('surveys', surveys);
  app.decorate('billing', billing);
  app.decorate('selfService', selfService);
  app.decorate('ivr', ivr);

  if (fs.existsSync(path.join(config.webRoot, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart
    await app.register(fastifyStatic, { root: config.webRoot, wildcard: true, index: 'index.html' });
  }
  return app;
}
export type App = Awaited<ReturnType<typeof buildApp>>;

declare module 'fastify' {
  interface FastifyInstance {
    /** the figures' rollups: catchUp() counts new contacts and survey answers; rebuild() after a bulk load */
    stats: StatsRollups;
    /** every route with the sign-in and permission it demands */
    routeGuards: RouteGuard[];
    /** the sweep that fires clock warnings and breaches; main.ts runs it on a timer, tests call it */
    sla: SlaScheduler;
    /** every message to a customer is enqueued here, in the transaction that makes it due */
    smsOutbox: SmsOutbox;
    /** progress, adding information and filing without an agent (SMS commands, IVR, the /my page) */
    selfService: SelfService;
    /** the IVR flow shared by the HTTP API and the FastAGI server */
    ivr: IvrService;
    /** the SMS link: `dispatch()` sends what the outbox holds (main.ts on a timer, tests by hand), `start()` connects */
    sms: Sms;
    /** the sweep that takes back orders nobody took in time and assigns them again */
    assignment: AssignmentService;
    /** satisfaction surveys: SMS replies, self-service and IVR answer through `answer` / `answerByReply` */
    surveys: SurveyService;
    /** the sweep that sends granted refunds to billing from their outbox; main.ts runs it on a timer, tests call it */
    billing: BillingSender;
  }
}
