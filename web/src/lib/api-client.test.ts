import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './api-client';

interface Sent {
  url: string;
  init: RequestInit & { headers: Record<string, string> };
}

let sent: Sent[] = [];
let answers: Response[] = [];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const me = {
  id: 1,
  username: 'agent',
  displayName: '话务员',
  role: 'agent',
  unit: { id: 1, code: 'HOTLINE', name: '话务室', nameEn: 'Hotline' },
  permissions: [],
  csrfToken: 'csrf-1',
};

beforeEach(() => {
  sent = [];
  answers = [];
  vi.stubGlobal('fetch', (url: string, init: Sent['init']) => {
    sent.push({ url, init });
    return Promise.resolve(answers.shift() ?? json(500, {}));
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('sends the CSRF token it got at sign-in on every change, and {} as an empty body', async () => {
    answers.push(json(200, me), new Response(null, { status: 204 }));
    await api.login({ username: 'agent', password: 'demo1234' });
    await api.logout();
    expect(sent[1]!.init.headers['x-csrf-token']).toBe('csrf-1');
    expect(sent[1]!.init.body).toBe('{}');
    expect(sent[1]!.init.credentials).toBe('same-origin');
  });

  it('sends the version it saw as If-Match on a ticket action', async () => {
    answers.push(json(200, { id: 7 }));
    await api.act(7, 'take', {}, 3);
    expect(sent[0]!.url).toBe('/api/v1/tickets/7/take');
    expect(sent[0]!.init.headers['if-match']).toBe('"3"');
  });

  it('sends the idempotency key of the form when filing a complaint', async () => {
    answers.push(json(201, { id: 1 }));
    await api.createTicket({ customerPhone: '13800138000', categoryCode: '0101', description: 'x', channel: 'hotline' }, 'key-1');
    expect(sent[0]!.init.headers['idempotency-key']).toBe('key-1');
  });

  it('leaves empty filters out of the query', async () => {
    answers.push(json(200, { items: [], nextCursor: null, counts: {} }));
    await api.listTickets({ owner: 'me', q: undefined, limit: '20' });
    expect(sent[0]!.url).toBe('/api/v1/tickets?owner=me&limit=20');
  });

  it('turns an error body into an ApiError with code and field', async () => {
    answers.push(
      json(400, {
        error: { code: 'validation.required', message: 'body.description is required', details: { field: 'body.description' } },
      }),
    );
    const error = await api.getTicket('TS1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation.required', field: 'body.description' });
  });

  it('reports a stale version as a conflict', async () => {
    answers.push(json(412, { error: { code: 'ticket.version_conflict', message: 'stale' } }));
    const error = (await api.act(7, 'close', {}, 1).catch((e: unknown) => e)) as ApiError;
    expect(error.isVersionConflict).toBe(true);
  });

  it('reports a lost connection as server.unavailable', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await api.me().catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 0, code: 'server.unavailable' });
  });
});
