import type { Presence, Workload } from '../../../contracts/assignment.js';
import type { DemoAccounts, LoginBody, Me } from '../../../contracts/auth.js';
import type {
  Category,
  CreateCategoryBody,
  CreateUnitBody,
  CreateUserBody,
  PutRouteBody,
  Route,
  Unit,
  UpdateCategoryBody,
  UpdateUnitBody,
  UpdateUserBody,
  User,
} from '../../../contracts/org.js';
import type { MarkReadBody, NotificationList } from '../../../contracts/notifications.js';
import type {
  BusinessCalendar,
  CreateCalendarBody,
  CreateEscalationRuleBody,
  CreateSlaPolicyBody,
  EscalationRule,
  Holiday,
  PutHolidayBody,
  SlaBoard,
  SlaPolicy,
  Timeliness,
  TimelinessQuery,
  UpdateCalendarBody,
  UpdateEscalationRuleBody,
  UpdateSlaPolicyBody,
} from '../../../contracts/sla.js';
import type { Static } from '@sinclair/typebox';
import type {
  ActionBody,
  CreateTicketBody,
  CustomerProfile,
  TicketAction,
  TicketEvent,
  TicketListQuery,
  TicketPage,
  TicketView,
} from '../../../contracts/tickets.js';

// The one way the browser talks to the server: session cookie, CSRF header, versions and error codes.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }

  get isVersionConflict(): boolean {
    return this.status === 412;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  version?: number;
  headers?: Record<string, string>;
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session context listens here so an expired session anywhere leads back to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function errorFrom(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    const details = error.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : {};
    return new ApiError(res.status, error.code, typeof error.message === 'string' ? error.message : error.code, details);
  }
  return new ApiError(res.status, res.status >= 500 ? 'server.internal' : 'request.malformed_json', res.statusText || `HTTP ${res.status}`);
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: string | undefined;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    // the server refuses an empty JSON body, so a body-less action still sends {}
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'server.unavailable', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!res.ok) {
    const error = await errorFrom(res);
    if (res.status === 401 && !path.startsWith('/api/v1/auth/')) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

const remember = (me: Me): Me => {
  csrfToken = me.csrfToken;
  return me;
};

const enc = encodeURIComponent;

export const api = {
  login: async (body: LoginBody) => remember(await request<Me>('POST', '/api/v1/auth/login', { body })),
  me: async () => remember(await request<Me>('GET', '/api/v1/me')),
  logout: async () => {
    await request<void>('POST', '/api/v1/auth/logout');
    csrfToken = null;
  },
  demoAccounts: () => request<DemoAccounts>('GET', '/api/v1/auth/demo-accounts'),
  /** the answer is what the server now holds; /me may serve a cached session for a while */
  setPresence: (presence: Presence) => request<{ presence: Presence }>('PUT', '/api/v1/me/presence', { body: { presence } }),

  listTickets: (query: TicketListQuery) => request<TicketPage>('GET', '/api/v1/tickets', { query: { ...query } }),
  getTicket: (idOrNumber: string | number) => request<TicketView>('GET', `/api/v1/tickets/${enc(String(idOrNumber))}`),
  ticketEvents: (id: number) => request<{ items: TicketEvent[] }>('GET', `/api/v1/tickets/${id}/events`),
  /** The same key on a retry lets the server recognise a form it already accepted. */
  createTicket: (body: CreateTicketBody, idempotencyKey: string) =>
    request<TicketView>('POST', '/api/v1/tickets', { body, headers: { 'idempotency-key': idempotencyKey } }),
  act: <A extends TicketAction>(id: number, action: A, body: ActionBody<A>, version: number) =>
    request<TicketView>('POST', `/api/v1/tickets/${id}/${action}`, { body, version }),
  /** to a named member of the unit holding the order */
  assignTicket: (id: number, userId: number) => request<void>('POST', `/api/v1/tickets/${id}/assign`, { body: { userId } }),
  customerProfile: (phone: string) => request<CustomerProfile>('GET', `/api/v1/customers/${enc(phone)}`),

  units: () => request<{ items: Unit[] }>('GET', '/api/v1/units'),
  createUnit: (body: CreateUnitBody) => request<Unit>('POST', '/api/v1/units', { body }),
  updateUnit: (code: string, body: UpdateUnitBody, version: number) =>
    request<Unit>('PATCH', `/api/v1/units/${enc(code)}`, { body, version }),
  deleteUnit: (code: string) => request<void>('DELETE', `/api/v1/units/${enc(code)}`),
  workload: (code: string) => request<Workload>('GET', `/api/v1/units/${enc(code)}/workload`),

  users: () => request<{ items: User[] }>('GET', '/api/v1/users'),
  createUser: (body: CreateUserBody) => request<User>('POST', '/api/v1/users', { body }),
  updateUser: (id: number, body: UpdateUserBody, version: number) => request<User>('PATCH', `/api/v1/users/${id}`, { body, version }),
  deleteUser: (id: number) => request<void>('DELETE', `/api/v1/users/${id}`),

  categories: () => request<{ items: Category[] }>('GET', '/api/v1/categories'),
  createCategory: (body: CreateCategoryBody) => request<Category>('POST', '/api/v1/categories', { body }),
  updateCategory: (code: string, body: UpdateCategoryBody, version: number) =>
    request<Category>('PATCH', `/api/v1/categories/${enc(code)}`, { body, version }),
  deleteCategory: (code: string) => request<void>('DELETE', `/api/v1/categories/${enc(code)}`),

  routing: () => request<{ items: Route[] }>('GET', '/api/v1/routing'),
  putRoute: (body: PutRouteBody) => request<Route>('POST', '/api/v1/routing', { body }),
  updateRoute: (categoryCode: string, unitCode: string, version: number) =>
    request<Route>('PATCH', `/api/v1/routing/${enc(categoryCode)}`, { body: { unitCode }, version }),
  deleteRoute: (categoryCode: string) => request<void>('DELETE', `/api/v1/routing/${enc(categoryCode)}`),

  slaPolicies: () => request<{ items: SlaPolicy[] }>('GET', '/api/v1/sla/policies'),
  createSlaPolicy: (body: CreateSlaPolicyBody) => request<SlaPolicy>('POST', '/api/v1/sla/policies', { body }),
  updateSlaPolicy: (id: number, body: UpdateSlaPolicyBody, version: number) =>
    request<SlaPolicy>('PATCH', `/api/v1/sla/policies/${id}`, { body, version }),
  deleteSlaPolicy: (id: number) => request<void>('DELETE', `/api/v1/sla/policies/${id}`),

  calendars: () => request<{ items: BusinessCalendar[] }>('GET', '/api/v1/calendars'),
  createCalendar: (body: CreateCalendarBody) => request<BusinessCalendar>('POST', '/api/v1/calendars', { body }),
  updateCalendar: (code: string, body: UpdateCalendarBody, version: number) =>
    request<BusinessCalendar>('PATCH', `/api/v1/calendars/${enc(code)}`, { body, version }),
  deleteCalendar: (code: string) => request<void>('DELETE', `/api/v1/calendars/${enc(code)}`),

  holidays: () => request<{ items: Holiday[] }>('GET', '/api/v1/holidays'),
  putHoliday: (date: string, body: Static<typeof PutHolidayBody>) => request<Holiday>('PUT', `/api/v1/holidays/${enc(date)}`, { body }),
  deleteHoliday: (date: string) => request<void>('DELETE', `/api/v1/holidays/${enc(date)}`),

  escalationRules: () => request<{ items: EscalationRule[] }>('GET', '/api/v1/escalation-rules'),
  createEscalationRule: (body: CreateEscalationRuleBody) => request<EscalationRule>('POST', '/api/v1/escalation-rules', { body }),
  updateEscalationRule: (id: number, body: UpdateEscalationRuleBody, version: number) =>
    request<EscalationRule>('PATCH', `/api/v1/escalation-rules/${id}`, { body, version }),
  deleteEscalationRule: (id: number) => request<void>('DELETE', `/api/v1/escalation-rules/${id}`),

  timeliness: (query: Static<typeof TimelinessQuery>) => request<Timeliness>('GET', '/api/v1/stats/timeliness', { query: { ...query } }),
  slaBoard: () => request<SlaBoard>('GET', '/api/v1/sla/board'),

  notifications: () => request<NotificationList>('GET', '/api/v1/notifications'),
  markNotificationsRead: (body: Static<typeof MarkReadBody>) => request<NotificationList>('POST', '/api/v1/notifications/read', { body }),
};

export type Api = typeof api;
