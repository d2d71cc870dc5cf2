import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../../../contracts/permissions.js';
import { AppError } from '../../errors.js';
import { can, type Actor } from './actor.js';
import type { AuthService } from './service.js';

export const SESSION_COOKIE = 'closeloop_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    /** onRequest hook: a signed-in user whose role holds `permission`; runs before the body is read */
    can(permission: Permission): onRequestAsyncHookHandler;
    /** onRequest hook: any signed-in user */
    signedIn: onRequestAsyncHookHandler;
  }
}

// Authentication, CSRF and role checks in one place; routes name the permission they need.
export const authPlugin = fp<{ auth: AuthService }>(async (app, { auth }) => {
  app.decorateRequest('actor', null as unknown as Actor);

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
});

export interface RouteGuard {
  method: string;
  url: string;
  signedIn: boolean;
  permission: Permission | null;
}

// What each route demands, read from its onRequest hooks as routes are added.
export function guardOf(onRequest: unknown): Pick<RouteGuard, 'signedIn' | 'permission'> {
  const hooks = (Array.isArray(onRequest) ? onRequest : [onRequest]) as { permission?: Permission; signedIn?: boolean }[];
  const tagged = hooks.find((h) => h && (h.permission || h.signedIn));
  return { signedIn: !!tagged?.signedIn, permission: tagged?.permission ?? null };
}
