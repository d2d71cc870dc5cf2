import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, LimitQuery, Phone, PhoneOrMasked, Strict, NullableInstant } from './common.js';
import { CategoryCode, Customer, CustomerLevel, UnitRef } from './org.js';

export const TicketStatuses = ['accepted', 'dispatched', 'processing', 'replied', 'answered', 'closed', 'returned', 'suspended'] as const;
export type TicketStatus = (typeof TicketStatuses)[number];
export const TicketStatus = Type.Union(TicketStatuses.map((s) => Type.Literal(s)));

export const TicketActions = [
  'resolve',
  'dispatch',
  'take',
  'reply',
  'return',
  'transfer',
  'answer',
  'close',
  'reopen',
  'suspend',
  'resume',
  'escalate',
  'note',
] as const;
export type TicketAction = (typeof TicketActions)[number];
export const TicketAction = Type.Union(TicketActions.map((a) => Type.Literal(a)));

// `regulator`: an appeal forwarded by the communications administration or the supervision line (DOMAIN.md §11).
export const Channels = ['hotline', 'hall', 'sms', 'ivr', 'web', 'api', 'regulator'] as const;
export type Channel = (typeof Channels)[number];
export const Channel = Type.Union(Channels.map((c) => Type.Literal(c)));

export const Priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof Priorities)[number];
export const Priority = Type.Union(Priorities.map((p) => Type.Literal(p)));

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Note = Type.String({ minLength: 1, maxLength: 2000 });

export const Location = Type.Object(
  {
    city: Type.Optional(Type.String({ maxLength: 50 })),
    district: Type.Optional(Type.String({ maxLength: 50 })),
    compound: Type.Optional(Type.String({ maxLength: 100 })),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    cellId: Type.Optional(Type.String({ maxLength: 50 })),
  },
  Strict,
);
export type Location = Static<typeof Location>;

export const Regulator = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 64 }),
    overLevel: Type.Optional(Type.Boolean({ default: true })),
    // the deadlines the appeal arrived with; by default accept within 5 working days, answer within 30 days
    acceptDueAt: Type.Optional(Type.String({ format: 'date-time' })),
    answerDueAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  Strict,
);

export const SlaStates = ['ok', 'warning', 'overdue', 'problem'] as const;
export type SlaState = (typeof SlaStates)[number];
export const SlaState = Type.Union(SlaStates.map((s) => Type.Literal(s)));
const Instant = NullableInstant;

// A ticket's clocks (DOMAIN.md §3, §11): reply (dispatch → the department's reply, 48 h / 72 h by default),
// answer (acceptance → the customer is answered) and legal (15 days, or the regulator's deadline).
export const TicketSla = Type.Object({
  state: SlaState,
  policy: Type.Object({
    id: Type.Union([Id, Type.Null()]),
    name: Type.String(),
    replyMinutes: Type.Integer(),
    problemMinutes: Type.Integer(),
    warnPercent: Type.Integer(),
    answerMinutes: Type.Integer(),
  }),
  replyState: Type.Union([Type.Literal('none'), SlaState]),
  outcome: Type.Union([Type.Literal('timely'), Type.Literal('overdue'), Type.Literal('problem'), Type.Null()]),
  warnAt: Instant,
  replyDueAt: Instant,
  problemAt: Instant,
  answerState: SlaState,
  answerWarnAt: Instant,
  answerDueAt: Instant,
  legalState: SlaState,
  legalDueAt: Instant,
  regulatorAcceptDueAt: Instant,
  acceptState: Type.Union([SlaState, Type.Null()], { description: "the regulator's accept deadline; null for other channels" }),
  pausedMs: Type.Integer({ description: 'open time spent suspended, added to the reply limit' }),
  paused: Type.Boolean(),
  dueAt: Type.Union([IsoInstant, Type.Null()], { description: 'the deadline the ticket is racing now: reply, else answer, else legal' }),
});
export type TicketSla = Static<typeof TicketSla>;

export const TicketSlaBrief = Type.Object({ state: SlaState, dueAt: Instant, paused: Type.Boolean() });

export const CreateTicketBody = Type.Object(
  {
    customerPhone: Phone,
    customerName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    categoryCode: CategoryCode,
    description: Text(4000),
    channel: Channel,
    priority: Type.Optional(Priority),
    location: Type.Optional(Location),
    regulator: Type.Optional(Regulator),
    resolveNow: Type.Optional(Type.Object({ resolution: Text(4000) }, Strict)),
  },
  Strict,
);
export type CreateTicketBody = Static<typeof CreateTicketBody>;

export const PersonRef = Type.Object({ id: Id, name: Type.String() });

export const TicketView = Type.Object({
  id: Id,
  number: Type.String({ description: 'readable over the phone: TS + local date + sequence' }),
  status: TicketStatus,
  suspendedFrom: Type.Union([TicketStatus, Type.Null()]),
  channel: Channel,
  categoryCode: Type.String(),
  category: Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String(), path: Type.String() }),
  description: Type.String(),
  location: Location,
  priority: Priority,
  escalationLevel: Type.Integer(),
  customer: Type.Object({ id: Id, phone: PhoneOrMasked, name: Type.Union([Type.String(), Type.Null()]), level: CustomerLevel }),
  owner: Type.Union([PersonRef, Type.Null()]),
  ownerUnit: Type.Union([UnitRef, Type.Null()]),
  handlingUnit: Type.Union([UnitRef, Type.Null()]),
  handlingUser: Type.Union([PersonRef, Type.Null()], { description: 'who took the order, or to whom it was pushed and not yet taken' }),
  assignedAt: NullableInstant,
  regulator: Type.Union([Type.Object({ reference: Type.String(), overLevel: Type.Boolean() }), Type.Null()]),
  intercepted: Type.Boolean({ description: 'closed at first contact without a work order travelling' }),
  resolution: Type.Union([Type.String(), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  dispatchedAt: NullableInstant,
  repliedAt: NullableInstant,
  answeredAt: NullableInstant,
  closedAt: NullableInstant,
  version: Type.Integer(),
  sla: TicketSla,
  actions: Type.Array(TicketAction, { description: 'what the signed-in user may do to this ticket now' }),
  repeat: Type.Object(
    { isRepeat: Type.Boolean(), of: Type.Array(Type.String()) },
    { description: 'a repeat complaint (DOMAIN.md §6) and the numbers of the earlier tickets it repeats' },
  ),
  incidentId: Type.Union([Id, Type.Null()], { description: 'the group-complaint incident this ticket waits on' }),
});
export type TicketView = Static<typeof TicketView>;

export const TicketEvent = Type.Object({
  id: Id,
  ticketId: Id,
  action: Type.String(),
  fromStatus: Type.Union([TicketStatus, Type.Null()]),
  toStatus: Type.Union([TicketStatus, Type.Null()]),
  actor: Type.Union([Type.Object({ id: Id, name: Type.String(), unit: Type.Union([UnitRef, Type.Null()]) }), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  at: IsoInstant,
});
export type TicketEvent = Static<typeof TicketEvent>;
export const TicketEventList = Type.Object({ items: Type.Array(TicketEvent) });

// Action bodies. Each is strict: a misspelt field is refused, not ignored.
export const EmptyActionBody = Type.Object({ note: Type.Optional(Note) }, Strict);
export const ResolveBody = Type.Object({ resolution: Text(4000), note: Type.Optional(Note) }, Strict);
export const DispatchBody = Type.Object(
  { unitCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' })), note: Type.Optional(Note) },
  Strict,
);
export const ReplyBody = Type.Object({ result: Text(4000), solved: Type.Optional(Type.Boolean()), note: Type.Optional(Note) }, Strict);
export const ReasonBody = Type.Object({ reason: Text(2000) }, Strict);
export const TransferBody = Type.Object({ unitCode: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), reason: Text(2000) }, Strict);
export const AnswerBody = Type.Object({ answer: Text(4000), note: Type.Optional(Note) }, Strict);
export const NoteBody = Type.Object({ note: Note }, Strict);

export const ActionBodies = {
  resolve: ResolveBody,
  dispatch: DispatchBody,
  take: EmptyActionBody,
  reply: ReplyBody,
  return: ReasonBody,
  transfer: TransferBody,
  answer: AnswerBody,
  close: EmptyActionBody,
  reopen: ReasonBody,
  suspend: ReasonBody,
  resume: EmptyActionBody,
  escalate: ReasonBody,
  note: NoteBody,
} as const;
export type ActionBody<A extends TicketAction> = Static<(typeof ActionBodies)[A]>;

export const TicketListQuery = Type.Object(
  {
    status: Type.Optional(TicketStatus),
    categoryCode: Type.Optional(CategoryCode),
    unit: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: "unit code, or 'mine'" })),
    owner: Type.Optional(Type.String({ pattern: '^(me|[1-9][0-9]{0,15})$', description: "user id, or 'me'" })),
    phone: Type.Optional(Phone),
    channel: Type.Optional(Channel),
    sla: Type.Optional(
      Type.Union([Type.Literal('warning'), Type.Literal('overdue'), Type.Literal('problem'), Type.Literal('breaching')], {
        description: "'breaching': warning, overdue or problem",
      }),
    ),
    sort: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('due')], { description: "'due': soonest deadline first" })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: LimitQuery,
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}(\\.[0-9]{1,15})?$' })),
  },
  Strict,
);
export type TicketListQuery = Static<typeof TicketListQuery>;

export const StatusCounts = Type.Object(
  Object.fromEntries(TicketStatuses.map((s) => [s, Type.Integer()])) as Record<TicketStatus, ReturnType<typeof Type.Integer>>,
);
export type StatusCounts = Record<TicketStatus, number>;

export const TicketSummary = Type.Object({
  id: Id,
  number: Type.String(),
  status: TicketStatus,
  channel: Channel,
  categoryCode: Type.String(),
  categoryName: Type.String(),
  categoryNameEn: Type.String(),
  description: Type.String(),
  priority: Priority,
  customerPhone: PhoneOrMasked,
  customerLevel: CustomerLevel,
  owner: Type.Union([PersonRef, Type.Null()]),
  handlingUnit: Type.Union([UnitRef, Type.Null()]),
  resolution: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  version: Type.Integer(),
  sla: TicketSlaBrief,
  isRepeat: Type.Boolean(),
  incidentId: Type.Union([Id, Type.Null()]),
});
export type TicketSummary = Static<typeof TicketSummary>;

export const TicketPage = Type.Object({
  items: Type.Array(TicketSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  counts: StatusCounts,
});
export type TicketPage = Static<typeof TicketPage>;

export const CustomerProfile = Type.Object({
  customer: Type.Union([Customer, Type.Null()]),
  phone: PhoneOrMasked,
  openTickets: Type.Array(TicketSummary),
  earlierTickets: Type.Array(TicketSummary),
  repeatCount: Type.Integer({ description: "the customer's repeat complaints among these" }),
  incidents: Type.Array(
    Type.Object({
      id: Id,
      status: Type.String(),
      areaLabel: Type.String(),
      categoryCode: Type.String(),
      count: Type.Integer(),
      openedAt: IsoInstant,
      result: Type.Union([Type.String(), Type.Null()]),
    }),
    { description: 'group-complaint incidents this customer is part of' },
  ),
  surveys: Type.Array(
    Type.Object({
      ticketId: Id,
      number: Type.String(),
      status: Type.String(),
      score: Type.Union([Type.Integer(), Type.Null()]),
      comment: Type.Union([Type.String(), Type.Null()]),
      sentAt: IsoInstant,
      answeredAt: NullableInstant,
    }),
  ),
  refunds: Type.Array(
    Type.Object({
      id: Id,
      ticketId: Id,
      number: Type.String(),
      amountFen: Type.Integer({ description: 'in fen (分)' }),
      status: Type.String({ description: 'pending_approval | granted | rejected' }),
      billingState: Type.String(),
      verification: Type.Union([Type.String(), Type.Null()]),
      requestedAt: IsoInstant,
    }),
    { description: "refunds granted or asked for on this customer's complaints" },
  ),
});
export type CustomerProfile = Static<typeof CustomerProfile>;

export const RoutingProposal = Type.Object({ categoryCode: Type.String(), unit: Type.Union([UnitRef, Type.Null()]) });
