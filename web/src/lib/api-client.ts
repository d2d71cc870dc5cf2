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
  CreateSmsKeywordBody,
  PutSmsTemplateBody,
  SimulatedMessage,
  SimulatorSendBody,
  SmsKeyword,
  SmsLinkStatus,
  SmsOutboxEntry,
  SmsTemplate,
} from '../../../contracts/sms.js';
import type { StatsSummary, StatsSummaryQuery, StatsTicketPage, StatsTicketsQuery } from '../../../contracts/stats.js';
import type {
  AttachCallBody,
  CreateIncidentRuleBody,
  IncidentList,
  IncidentMatchQuery,
  IncidentRule,
  IncidentSettings,
  IncidentStatus,
  IncidentView,
  RepeatCheck,
  RepeatSettings,
  UpdateIncidentRuleBody,
  UpdateIncidentSettings,
  UpdateRepeatSettings,
} from '../../../contracts/incidents.js';
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

import type {
  AttemptBody,
  BookCallbackBody,
  Callback,
  CallbackQuery,
  CreateSkillGroupBody,
  SkillGroup,
  UpdateSkillGroupBody,
} from '../../../contracts/callbacks.js';
import type {
  CreateArticleBody,
  CreateTemplateBody,
  KnowledgeEntry,
  KnowledgeHit,
  KnowledgeListQuery,
  ProposeCaseBody,
  ReplyTemplate,
  ReviewCaseBody,
  TemplateQuery,
  UpdateArticleBody,
  UpdateTemplateBody,
} from '../../../contracts/knowledge.js';

import type {
  DecisionBody,
  Refund,
  RefundBody,
  RefundList,
  RefundListQuery,
  RefundPolicy,
  RejectBody,
  VerificationBody,
} from '../../../contracts/refunds.js';
import type {
  CompleteRevisitBody,
  RecordSurveyBody,
  RecordSurveyResult,
  Revisit,
  RevisitListQuery,
  SurveySettings,
  TicketSurvey,
} from '../../../contracts/surveys.js';
import type {
  AppealBody,
  AppealDecisionBody,
  CreateFormBody,
  InspectBody,
  Inspection,
  InspectionForm,
  InspectionListQuery,
  SampleList,
  SampleRunBody,
  SamplingRules,
  Scores,
  ScoresQuery,
  UpdateFormBody,
} from '../../../contracts/quality.js';

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
  // the manager's dashboard: figures, the tickets behind them, open incidents
  statsSummary: (query: StatsSummaryQuery) => request<StatsSummary>('GET', '/api/v1/stats/summary', { query: { ...query } }),
  statsTickets: (query: StatsTicketsQuery) => request<StatsTicketPage>('GET', '/api/v1/stats/tickets', { query: { ...query } }),
  openIncidents: () => request<IncidentList>('GET', '/api/v1/incidents', { query: { status: 'open' } }),

  // specialist seats: skill groups and callbacks
  skillGroups: () => request<{ items: SkillGroup[] }>('GET', '/api/v1/skill-groups'),
  createSkillGroup: (body: CreateSkillGroupBody) => request<SkillGroup>('POST', '/api/v1/skill-groups', { body }),
  updateSkillGroup: (id: number, body: UpdateSkillGroupBody) => request<SkillGroup>('PATCH', `/api/v1/skill-groups/${id}`, { body }),
  bookCallback: (body: BookCallbackBody) => request<Callback>('POST', '/api/v1/callbacks', { body }),
  callbacks: (query: CallbackQuery) => request<{ items: Callback[] }>('GET', '/api/v1/callbacks', { query: { ...query } }),
  takeCallback: (id: number) => request<Callback>('POST', `/api/v1/callbacks/${id}/take`),
  recordCallbackAttempt: (id: number, body: AttemptBody) => request<Callback>('POST', `/api/v1/callbacks/${id}/attempts`, { body }),
  // reply templates and the knowledge base
  templates: (query: TemplateQuery) => request<{ items: ReplyTemplate[] }>('GET', '/api/v1/templates', { query: { ...query } }),
  createTemplate: (body: CreateTemplateBody) => request<ReplyTemplate>('POST', '/api/v1/templates', { body }),
  updateTemplate: (id: number, body: UpdateTemplateBody) => request<ReplyTemplate>('PATCH', `/api/v1/templates/${id}`, { body }),
  deleteTemplate: (id: number) => request<void>('DELETE', `/api/v1/templates/${id}`),
  searchKnowledge: (q: string, kind?: string) =>
    request<{ items: KnowledgeHit[] }>('GET', '/api/v1/knowledge/search', { query: { q, kind } }),
  similarCases: (ticketId: number) => request<{ items: KnowledgeHit[] }>('GET', `/api/v1/tickets/${ticketId}/similar-cases`),
  knowledgeEntries: (query: KnowledgeListQuery) =>
    request<{ items: KnowledgeEntry[] }>('GET', '/api/v1/knowledge/entries', { query: { ...query } }),
  knowledgeEntry: (id: number) => request<KnowledgeEntry>('GET', `/api/v1/knowledge/entries/${id}`),
  proposeCase: (body: ProposeCaseBody) => request<KnowledgeEntry>('POST', '/api/v1/knowledge/cases', { body }),
  reviewCase: (id: number, body: ReviewCaseBody) => request<KnowledgeEntry>('POST', `/api/v1/knowledge/cases/${id}/review`, { body }),
  createArticle: (body: CreateArticleBody) => request<KnowledgeEntry>('POST', '/api/v1/knowledge/articles', { body }),
  updateArticle: (id: number, body: UpdateArticleBody) => request<KnowledgeEntry>('PATCH', `/api/v1/knowledge/articles/${id}`, { body }),

  // refund first, verify later
  refundPolicy: () => request<RefundPolicy>('GET', '/api/v1/refunds/policy'),
  saveRefundPolicy: (body: RefundPolicy) => request<RefundPolicy>('PUT', '/api/v1/refunds/policy', { body }),
  ticketRefunds: (ticketId: number) => request<{ items: Refund[] }>('GET', `/api/v1/tickets/${ticketId}/refunds`),
  requestRefund: (ticketId: number, body: RefundBody) => request<Refund>('POST', `/api/v1/tickets/${ticketId}/refunds`, { body }),
  refunds: (query: RefundListQuery) => request<RefundList>('GET', '/api/v1/refunds', { query: { ...query } }),
  refundsCsvUrl: (query: RefundListQuery) => buildUrl('/api/v1/refunds/export', { ...query }),
  approveRefund: (id: number, body: DecisionBody) => request<Refund>('POST', `/api/v1/refunds/${id}/approve`, { body }),
  rejectRefund: (id: number, body: RejectBody) => request<Refund>('POST', `/api/v1/refunds/${id}/reject`, { body }),
  verifyRefund: (id: number, body: VerificationBody) => request<Refund>('POST', `/api/v1/refunds/${id}/verification`, { body }),
  resendRefund: (id: number) => request<Refund>('POST', `/api/v1/refunds/${id}/resend`),
  // satisfaction surveys and revisits
  surveySettings: () => request<SurveySettings>('GET', '/api/v1/surveys/settings'),
  saveSurveySettings: (body: SurveySettings) => request<SurveySettings>('PUT', '/api/v1/surveys/settings', { body }),
  ticketSurvey: (ticketId: number) => request<TicketSurvey>('GET', `/api/v1/tickets/${ticketId}/survey`),
  recordSurvey: (ticketId: number, body: RecordSurveyBody) =>
    request<RecordSurveyResult>('POST', `/api/v1/tickets/${ticketId}/survey`, { body }),
  revisits: (query: RevisitListQuery) => request<{ items: Revisit[] }>('GET', '/api/v1/revisits', { query: { ...query } }),
  completeRevisit: (id: number, body: CompleteRevisitBody) => request<Revisit>('POST', `/api/v1/revisits/${id}/complete`, { body }),
  // quality inspection
  inspections: (query: InspectionListQuery) => request<{ items: Inspection[] }>('GET', '/api/v1/inspections', { query: { ...query } }),
  inspect: (body: InspectBody) => request<Inspection>('POST', '/api/v1/inspections', { body }),
  appealInspection: (id: number, body: AppealBody) => request<Inspection>('POST', `/api/v1/inspections/${id}/appeal`, { body }),
  decideAppeal: (id: number, body: AppealDecisionBody) => request<Inspection>('POST', `/api/v1/inspections/${id}/decision`, { body }),
  inspectionScores: (query: ScoresQuery) => request<Scores>('GET', '/api/v1/inspections/scores', { query: { ...query } }),
  inspectionSamples: (week: string) => request<SampleList>('GET', '/api/v1/inspection-samples', { query: { week } }),
  drawSample: (body: SampleRunBody) => request<SampleList>('POST', '/api/v1/inspection-samples', { body }),
  inspectionForms: () => request<{ items: InspectionForm[] }>('GET', '/api/v1/inspection-forms'),
  createInspectionForm: (body: CreateFormBody) => request<InspectionForm>('POST', '/api/v1/inspection-forms', { body }),
  updateInspectionForm: (id: number, body: UpdateFormBody) => request<InspectionForm>('PATCH', `/api/v1/inspection-forms/${id}`, { body }),
  samplingRules: () => request<SamplingRules>('GET', '/api/v1/inspection-rules'),
  saveSamplingRules: (body: SamplingRules) => request<SamplingRules>('PUT', '/api/v1/inspection-rules', { body }),

  // group complaints and repeat complaints
  incidents: (status?: IncidentStatus) => request<IncidentList>('GET', '/api/v1/incidents', { query: status ? { status } : {} }),
  incident: (id: number) => request<IncidentView>('GET', `/api/v1/incidents/${id}`),
  matchIncidents: (query: IncidentMatchQuery) => request<IncidentList>('GET', '/api/v1/incidents/match', { query: { ...query } }),
  incidentAction: (id: number, action: 'confirm' | 'dismiss' | 'dispatch' | 'resolve', body: Record<string, string>) =>
    request<IncidentView>('POST', `/api/v1/incidents/${id}/${action}`, { body }),
  incidentRules: () => request<{ items: IncidentRule[] }>('GET', '/api/v1/incident-rules'),
  createIncidentRule: (body: CreateIncidentRuleBody) => request<IncidentRule>('POST', '/api/v1/incident-rules', { body }),
  updateIncidentRule: (id: number, body: UpdateIncidentRuleBody, version: number) =>
    request<IncidentRule>('PATCH', `/api/v1/incident-rules/${id}`, { body, version }),
  incidentSettings: () => request<IncidentSettings>('GET', '/api/v1/incident-settings'),
  saveIncidentSettings: (body: UpdateIncidentSettings) => request<IncidentSettings>('PATCH', '/api/v1/incident-settings', { body }),
  repeatCheck: (phone: string, categoryCode?: string) =>
    request<RepeatCheck>('GET', '/api/v1/repeats/check', { query: categoryCode ? { phone, categoryCode } : { phone } }),
  attachCall: (body: AttachCallBody) => request<TicketView>('POST', '/api/v1/repeats/attach', { body }),
  repeatSettings: () => request<RepeatSettings>('GET', '/api/v1/repeats/settings'),
  saveRepeatSettings: (body: UpdateRepeatSettings) => request<RepeatSettings>('PATCH', '/api/v1/repeats/settings', { body }),

  // the SMS link: keywords, templates, outbox, the simulator's phone
  smsStatus: () => request<SmsLinkStatus>('GET', '/api/v1/sms/status'),
  smsKeywords: () => request<{ items: SmsKeyword[] }>('GET', '/api/v1/sms/keywords'),
  createSmsKeyword: (body: CreateSmsKeywordBody) => request<SmsKeyword>('POST', '/api/v1/sms/keywords', { body }),
  deleteSmsKeyword: (id: number) => request<void>('DELETE', `/api/v1/sms/keywords/${id}`),
  smsTemplates: () => request<{ items: SmsTemplate[] }>('GET', '/api/v1/sms/templates'),
  putSmsTemplate: (key: string, language: string, body: PutSmsTemplateBody) =>
    request<SmsTemplate>('PUT', `/api/v1/sms/templates/${enc(key)}/${enc(language)}`, { body }),
  smsOutbox: () => request<{ items: SmsOutboxEntry[] }>('GET', '/api/v1/sms/outbox', { query: { limit: '100' } }),
  simulatorMessages: (phone: string) =>
    request<{ items: SimulatedMessage[] }>('GET', '/api/v1/sms/simulator/messages', { query: { phone } }),
  simulatorSend: (body: SimulatorSendBody) => request<{ items: SimulatedMessage[] }>('POST', '/api/v1/sms/simulator/messages', { body }),

  notifications: () => request<NotificationList>('GET', '/api/v1/notifications'),
  markNotificationsRead: (body: Static<typeof MarkReadBody>) => request<NotificationList>('POST', '/api/v1/notifications/read', { body }),
};

export type Api = typeof api;
