import type { CustomerMe, MyInfoBody, MyNewTicketBody, MyTicketList, ProgressItem } from '../../../contracts/selfservice.js';
import { ApiError } from '../lib/api-client';

// The customer's own client: a session and CSRF token of its own (never the staff one), same error shape.
let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

export function setSignedOutHandler(handler: (() => void) | null) {
  onSignedOut = handler;
}

async function request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, 'server.unavailable', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!res.ok) {
    const payload = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string; details?: Record<string, unknown> };
    } | null;
    const e = payload?.error;
    if (res.status === 401 && path !== '/api/v1/my/session') onSignedOut?.();
    throw new ApiError(res.status, e?.code ?? 'server.internal', e?.message ?? res.statusText, e?.details ?? {});
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const remember = (me: CustomerMe) => {
  csrfToken = me.csrfToken;
  return me;
};
const enc = encodeURIComponent;

export const myApi = {
  requestCode: (phone: string) => request<{ sent: true; expiresInSeconds: number }>('POST', '/api/v1/my/otp', { phone }),
  signIn: async (phone: string, code: string) => remember(await request<CustomerMe>('POST', '/api/v1/my/session', { phone, code })),
  session: async () => remember(await request<CustomerMe>('GET', '/api/v1/my/session')),
  signOut: async () => {
    await request<void>('DELETE', '/api/v1/my/session');
    csrfToken = null;
  },
  tickets: () => request<MyTicketList>('GET', '/api/v1/my/tickets'),
  file: (body: MyNewTicketBody) => request<ProgressItem>('POST', '/api/v1/my/tickets', body),
  addInfo: (number: string, body: MyInfoBody) => request<{ ticketNumber: string }>('POST', `/api/v1/my/tickets/${enc(number)}/info`, body),
  rate: (number: string, score: number, comment?: string) =>
    request<void>('POST', `/api/v1/my/tickets/${enc(number)}/rating`, comment ? { score, comment } : { score }),
  imageUrl: (number: string, id: number) => `/api/v1/my/tickets/${enc(number)}/images/${id}`,
};
