import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, NullableInstant, PhoneOrMasked, Strict } from './common.js';

// Refund first, verify later (先退费后查证, DOMAIN.md §2). Money is always an integer number of fen (1/100 yuan).
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const RefundStatuses = ['pending_approval', 'granted', 'rejected'] as const;
export type RefundStatus = (typeof RefundStatuses)[number];
export const BillingStates = ['waiting', 'queued', 'sent', 'failed'] as const;
export type BillingState = (typeof BillingStates)[number];
export const Verifications = ['confirmed', 'not_confirmed'] as const;
export type Verification = (typeof Verifications)[number];

export const Fen = Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'integer fen (1/100 yuan), never a float' });

export const RefundBody = Type.Object({ amount: Fen, reason: Type.String({ minLength: 1, maxLength: 1000 }) }, Strict);
export type RefundBody = Static<typeof RefundBody>;

const Person = Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]);

export const Refund = Type.Object({
  id: Id,
  ticket: Type.Object({ id: Id, number: Type.String(), categoryCode: Type.String() }),
  customer: Type.Object({ id: Id, phone: PhoneOrMasked }),
  amount: Type.Integer({ description: 'fen' }),
  reason: Type.String(),
  status: lit(RefundStatuses),
  /** why it waits for a supervisor: over the role's limit, credit below the threshold */
  approvalReasons: Type.Array(lit(['over_limit', 'low_credit'] as const)),
  billingState: lit(BillingStates),
  billingRef: Type.Union([Type.String(), Type.Null()]),
  billingError: Type.Union([Type.String(), Type.Null()]),
  verification: Type.Union([lit(Verifications), Type.Null()]),
  verificationNote: Type.Union([Type.String(), Type.Null()]),
  requestedBy: Person,
  requestedRole: Type.String(),
  creditLevel: Type.Integer(),
  limit: Type.Integer({ description: "the requester's limit in fen when asked" }),
  decidedBy: Person,
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoInstant,
  decidedAt: NullableInstant,
  sentAt: NullableInstant,
  verifiedAt: NullableInstant,
  version: Type.Integer(),
});
export type Refund = Static<typeof Refund>;

export const RefundList = Type.Object({
  items: Type.Array(Refund),
  total: Type.Integer({ description: 'refunds matching the filters' }),
  sum: Type.Integer({ description: 'their amount in fen' }),
});
export type RefundList = Static<typeof RefundList>;

export const RefundListQuery = Type.Object(
  {
    status: Type.Optional(lit(RefundStatuses)),
    billingState: Type.Optional(lit(BillingStates)),
    verification: Type.Optional(lit([...Verifications, 'none'] as const)),
    ticket: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'ticket number' })),
    requestedBy: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  Strict,
);
export type RefundListQuery = Static<typeof RefundListQuery>;

export const DecisionBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) }, Strict);
export type DecisionBody = Static<typeof DecisionBody>;
export const RejectBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 1000 }) }, Strict);
export type RejectBody = Static<typeof RejectBody>;
export const VerificationBody = Type.Object(
  { result: lit(Verifications), note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  Strict,
);
export type VerificationBody = Static<typeof VerificationBody>;

const Limit = Type.Integer({ minimum: 0, maximum: 100_000_000 });
export const RefundPolicy = Type.Object(
  {
    // per role, in fen: within it a refund is granted at once; above it a supervisor approves
    roleLimits: Type.Object(
      { agent: Limit, specialist: Limit, desk: Limit, handler: Limit, qa: Limit, manager: Limit, admin: Limit },
      Strict,
    ),
    minCreditLevel: Type.Integer({ minimum: 1, maximum: 5, description: 'customers below it always need approval' }),
  },
  Strict,
);
export type RefundPolicy = Static<typeof RefundPolicy>;
