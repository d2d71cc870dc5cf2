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
import { authPlugin, authRoutes, createAuthRepository, createAuthService, guardOf, type RouteGuard } from './modules/auth/index.js';
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
import { createSmsOutbox, type SmsOutbox } from './modules/sms/index.js';
import { createTicketRepository, createTicketService, ticketRoutes } from './modules/tickets/index.js';
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
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'same-origin');
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
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
  const scheduler = createSlaScheduler({
    repo: slaRepo,
    clock,
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
  const tickets = createTicketService({
    repo: createTicketRepository(db),
    customers: createCustomerRepository(db),
    categories,
    findUnit,
    clocks,
    assigner: assignment,
    observers: [],
    onChange: (c) => bus.publish([{ type: 'ticket.changed', ...c, at: clock.now().toISOString() }]),
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

  await app.register(authPlugin, { auth });
  await app.register(healthRoutes, { ping: () => pingDatabase(db) });
  await app.register(authRoutes, { auth, demo: demoListing });
  await app.register(orgRoutes, { org });
  await app.register(categoryRoutes, { categories });
  await app.register(ticketRoutes, { tickets });
  await app.register(slaRoutes, {
    admin: createSlaAdmin({ repo: slaRepo, clock, findUnit, unitById: (id) => orgRepo.findUnitById(id), cache }),
    figures: createSlaFigures(db),
    findUnit,
  });
  await app.register(notificationRoutes, { repo: createNotificationRepository(db), clock });
  await app.register(liveRoutes, { bus });
  await app.register(assignmentRoutes, { assignment });
  app.decorate('sla', scheduler);
  app.decorate('smsOutbox', smsOutbox);
  app.decorate('assignment', assignment);

  if (fs.existsSync(path.join(config.webRoot, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart
    await app.register(fastifyStatic, { root: config.webRoot, wildcard: true, index: 'index.html' });
  }
  return app;
}
export type App = Awaited<ReturnType<typeof buildApp>>;

declare module 'fastify' {
  interface FastifyInstance {
    /** every route with the sign-in and permission it demands */
    routeGuards: RouteGuard[];
    /** the sweep that fires clock warnings and breaches; main.ts runs it on a timer, tests call it */
    sla: SlaScheduler;
    /** every message to a customer is enqueued here, in the transaction that makes it due */
    smsOutbox: SmsOutbox;
    /** the sweep that takes back orders nobody took in time and assigns them again */
    assignment: AssignmentService;
  }
}
