import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, NullableInstant, Phone, PhoneOrMasked, Strict } from './common.js';

// Specialist seats (DOMAIN.md §8): skill groups with a business calendar, and the callbacks a hotline agent books
// when no specialist is free, returned within 1 hour of open time.

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Code = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' });
const Lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const CallbackStates = ['open', 'taken', 'solved', 'ticketed', 'unreached'] as const;
export type CallbackState = (typeof CallbackStates)[number];
export const CallbackOutcomes = ['reached_solved', 'reached_ticket', 'no_answer'] as const;
export type CallbackOutcome = (typeof CallbackOutcomes)[number];
export const CallbackDueStates = ['ok', 'warning', 'overdue'] as const;
export const CallbackLanguages = ['zh-CN', 'en'] as const;

const PersonRef = Type.Object({ id: Id, displayName: Type.String() });

export const SkillGroup = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  /** null: every day 9:00–22:00, closed on public holidays */
  calendarCode: Type.Union([Type.String(), Type.Null()]),
  retryAttempts: Type.Integer(),
  retryMinutes: Type.Integer(),
  isActive: Type.Boolean(),
  members: Type.Array(PersonRef),
  version: Type.Integer(),
});
export type SkillGroup = Static<typeof SkillGroup>;
export const SkillGroupList = Type.Object({ items: Type.Array(SkillGroup) });

const groupFields = {
  name: Text(100),
  nameEn: Text(100),
  calendarCode: Type.Union([Code, Type.Null()]),
  retryAttempts: Type.Integer({ minimum: 1, maximum: 10 }),
  retryMinutes: Type.Integer({ minimum: 5, maximum: 24 * 60 }),
  memberIds: Type.Array(Id, { maxItems: 500, uniqueItems: true }),
};
export const CreateSkillGroupBody = Type.Object(
  {
    code: Code,
    name: groupFields.name,
    nameEn: groupFields.nameEn,
    calendarCode: Type.Optional(groupFields.calendarCode),
    retryAttempts: Type.Optional(groupFields.retryAttempts),
    retryMinutes: Type.Optional(groupFields.retryMinutes),
    memberIds: Type.Optional(groupFields.memberIds),
  },
  Strict,
);
export type CreateSkillGroupBody = Static<typeof CreateSkillGroupBody>;
export const UpdateSkillGroupBody = Type.Object(
  {
    name: Type.Optional(groupFields.name),
    nameEn: Type.Optional(groupFields.nameEn),
    calendarCode: Type.Optional(groupFields.calendarCode),
    retryAttempts: Type.Optional(groupFields.retryAttempts),
    retryMinutes: Type.Optional(groupFields.retryMinutes),
    memberIds: Type.Optional(groupFields.memberIds),
    isActive: Type.Optional(Type.Boolean()),
    version: Type.Integer({ minimum: 1 }),
  },
  Strict,
);
export type UpdateSkillGroupBody = Static<typeof UpdateSkillGroupBody>;

export const BookCallbackBody = Type.Object(
  {
    customerPhone: Phone,
    /** the skill group's code, e.g. DATA */
    skillGroup: Code,
    topic: Text(200),
    ticketNumber: Type.Optional(Type.String({ pattern: '^TS[0-9]{14,20}$' })),
    notes: Type.Optional(Text(2000)),
    /** the language of the SMS the customer gets when every call went unanswered; zh-CN by default */
    language: Type.Optional(Lit(CallbackLanguages)),
  },
  Strict,
);
export type BookCallbackBody = Static<typeof BookCallbackBody>;

export const CallbackAttempt = Type.Object({
  attempt: Type.Integer(),
  outcome: Lit(CallbackOutcomes),
  note: Type.Union([Type.String(), Type.Null()]),
  actor: PersonRef,
  at: IsoInstant,
});

export const Callback = Type.Object({
  id: Id,
  skillGroup: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() }),
  /** masked unless the reader may see full numbers */
  customerPhone: PhoneOrMasked,
  customerName: Type.Union([Type.String(), Type.Null()]),
  ticketId: Type.Union([Id, Type.Null()]),
  ticketNumber: Type.Union([Type.String(), Type.Null()]),
  topic: Type.String(),
  notes: Type.Union([Type.String(), Type.Null()]),
  language: Lit(CallbackLanguages),
  state: Lit(CallbackStates),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  dueAt: IsoInstant,
  /** the queue's colouring: ok, warning (due within 15 minutes), overdue; ok once closed */
  dueState: Lit(CallbackDueStates),
  bookedBy: PersonRef,
  takenBy: Type.Union([PersonRef, Type.Null()]),
  history: Type.Array(CallbackAttempt),
  createdAt: IsoInstant,
  closedAt: NullableInstant,
  version: Type.Integer(),
});
export type Callback = Static<typeof Callback>;

export const CallbackQuery = Type.Object(
  {
    skillGroup: Type.Optional(Code),
    /** one state, or `active` (open and taken, the default) */
    state: Type.Optional(Lit([...CallbackStates, 'active'] as const)),
    ticketNumber: Type.Optional(Type.String({ pattern: '^TS[0-9]{14,20}$' })),
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$' })),
  },
  Strict,
);
export type CallbackQuery = Static<typeof CallbackQuery>;
export const CallbackList = Type.Object({ items: Type.Array(Callback) });

export const AttemptBody = Type.Object(
  {
    outcome: Lit(CallbackOutcomes),
    note: Type.Optional(Text(2000)),
    /** reached_ticket: the ticket created or updated during the call, linked to the callback when it had none */
    ticketNumber: Type.Optional(Type.String({ pattern: '^TS[0-9]{14,20}$' })),
  },
  Strict,
);
export type AttemptBody = Static<typeof AttemptBody>;
