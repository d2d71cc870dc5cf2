import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../../../contracts/permissions.js';
import { AppError } from '../../errors.js';
import { can, type Actor } from './actor.js';
import type { AuthService } from './service.js';

export const SESSION_COOKIE = 'closeloop_session';
/** the customer's session on the self-service page: its own cookie, sent only to /api/v1/my */
export const CUSTOMER_COOKIE = 'closeloop_customer';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A customer signed in on the self-service page with a one-time code. */
export interface CustomerCaller {
  phone: string;
  csrfToken: string;
  expiresAt: string;
}
/** A system (an IVR platform…) calling with an API token. */
export interface TokenCaller {
  id: number;
  name: string;
  scopes: string[];
}
export interface CallerAuthenticators {
  customers?: { authenticate(token: string): Promise<CustomerCaller | undefined> };
  tokens?: { authenticate(token: string): Promise<TokenCaller | undefined> };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    customer: CustomerCaller;
    apiClient: TokenCaller;
  }
  interface FastifyInstance {
    /** onRequest hook: a signed-in user whose role holds `permission`; runs before the body is read */
    can(permission: Permission): onRequestAsyncHookHandler;
    /** onRequest hook: any signed-in user */
    signedIn: onRequestAsyncHookHandler;
    /** onRequest hook: a customer signed in on the self-service page; staff sessions do not count */
    customer: onRequestAsyncHookHandler;
    /** onRequest hook: an API token holding `scope`, sent as `Authorization: Bearer …`; staff sessions do not count */
    token(scope: string): onRequestAsyncHookHandler;
  }
}

// Authentication, CSRF and role checks in one place; routes name the permission they need.
export const authPlugin = fp<{ auth: AuthService } & CallerAuthenticators>(async (app, { auth, customers, tokens }) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('customer', null as unknown as CustomerCaller);
  app.decorateRequest('apiClient', null as unknown as TokenCaller);

  async function authenticate(req: FastifyRequest, _reply: FastifyReply) {
    const token = req.cookies[SESSION_COOKIE];
    const actor = token ? await auth.authenticate(token) : undefined;
    if (!actor) throw new AppError(401, 'auth.unauthenticated', 'Sign in first');
    // A cookie rides along on cross-site requests; the token in a header cannot be forged by another site.
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError(403, 'auth.csrf_failed', 'Missing or wrong X-CSRF-Token header');
    }
    req.actor = actor;
  }

  app.decorate('signedIn', Object.assign(authenticate, { signedIn: true }));
  app.decorate('can', (permission: Permission) =>
    // tagged with its permission so the route table (and the test that checks every route) can read it
    Object.assign(
      async (req: FastifyRequest, reply: FastifyReply) => {
        await authenticate(req, reply);
        if (!can(req.actor, permission)) {
          throw new AppError(403, 'auth.forbidden', `Your role (${req.actor.role}) may not do this`, { permission });
        }
      },
      { permission, signedIn: true },
    ),
  );

  // Customers and systems are separate callers: a staff cookie never opens their routes, theirs never open staff ones
  // (staff routes read only the staff cookie, which a customer or a token does not have).
  app.decorate(
    'customer',
    Object.assign(
      async (req: FastifyRequest) => {
        const token = req.cookies[CUSTOMER_COOKIE];
        const customer = token && customers ? await customers.authenticate(token) : undefined;
        if (!customer) throw new AppError(401, 'auth.unauthenticated', 'Sign in with the code sent to your phone first');
        if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== customer.csrfToken) {
          throw new AppError(403, 'auth.csrf_failed', 'Missing or wrong X-CSRF-Token header');
        }
        req.customer = customer;
      },
      { customer: true },
    ),
  );
  app.decorate('token', (scope: string) =>
    Object.assign(
      async (req: FastifyRequest) => {
        const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.headers.authorization ?? '');
        const client = m && tokens ? await tokens.authenticate(m[1]!) : undefined;
        if (!client) throw new AppError(401, 'auth.unauthenticated', 'Send a valid API token as Authorization: Bearer …');
        if (!client.scopes.includes(scope)) {
          throw new AppError(403, 'auth.forbidden', `This token lacks the scope ${scope}`, { scope });
        }
        req.apiClient = client;
      },
      { tokenScope: scope },
    ),
  );
});

export interface RouteGuard {
  method: string;
  url: string;
  signedIn: boolean;
  permission: Permission | null;
  /** a route of the self-service page, for a signed-in customer */
  customer: boolean;
  /** a route for systems holding an API token with this scope */
  tokenScope: string | null;
}

// What each route demands, read from its onRequest hooks as routes are added.
export function guardOf(onRequest: unknown): Pick<RouteGuard, 'signedIn' | 'permission' | 'customer' | 'tokenScope'> {
  const hooks = (Array.isArray(onRequest) ? onRequest : [onRequest]) as {
    permission?: Permission;
    signedIn?: boolean;
    customer?: boolean;
    tokenScope?: string;
  }[];
  const tagged = hooks.find((h) => h && (h.permission || h.signedIn));
  return {
    signedIn: !!tagged?.signedIn,
    permission: tagged?.permission ?? null,
    customer: hooks.some((h) => h?.customer),
    tokenScope: hooks.find((h) => h?.tokenScope)?.tokenScope ?? null,
  };
}
