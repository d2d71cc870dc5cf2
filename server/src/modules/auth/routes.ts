import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DemoAccounts, LoginBody, Me } from '../../../../contracts/auth.js';
import { ErrorBody } from '../../../../contracts/common.js';
import { RolePermissions } from '../../../../contracts/permissions.js';
import type { Actor } from './actor.js';
import { SESSION_COOKIE } from './plugin.js';
import type { AuthService } from './service.js';

const meView = (a: Actor) => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  unit: a.unit,
  isSupervisor: a.isSupervisor,
  presence: a.presence,
  permissions: [...RolePermissions[a.role]],
  csrfToken: a.csrfToken,
});

export interface DemoListing {
  accounts: { username: string; role: Actor['role']; displayName: string; unit: string; unitName: string; unitNameEn: string }[];
  password: string;
}

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; demo: () => Promise<DemoListing | null> }> = async (
  app,
  { auth, demo },
) => {
  app.post(
    '/api/v1/auth/login',
    { schema: { tags: ['auth'], body: LoginBody, response: { 200: Me, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody } } },
    async (req, reply) => {
      const { token, actor } = await auth.login(req.body.username, req.body.password);
      void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: 'auto' });
      return meView(actor);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], response: { 204: { type: 'null' } } }, onRequest: app.signedIn },
    async (req, reply) => {
      await auth.logout(req.cookies[SESSION_COOKIE]!);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get('/api/v1/me', { schema: { tags: ['auth'], response: { 200: Me, 401: ErrorBody } }, onRequest: app.signedIn }, async (req) =>
    meView(req.actor),
  );

  // The login page lists the demo accounts only while the demo organisation is in place.
  app.get('/api/v1/auth/demo-accounts', { schema: { tags: ['auth'], response: { 200: DemoAccounts } } }, async () => {
    const listing = await demo();
    return listing ? { demo: true, ...listing } : { demo: false, accounts: [], password: null };
  });
};
