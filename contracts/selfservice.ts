import { Type, type Static } from '@sinclair/typebox';
import { IsoInstant, NullableInstant, Phone, Strict } from './common.js';
import { Location } from './tickets.js';

// The self-service page (/my) and its API: a customer signed in with a one-time SMS code sees only their own
// complaints, in plain words, and never an internal note.

export const SelfServiceChannels = ['sms', 'ivr', 'web'] as const;
export type SelfServiceChannel = (typeof SelfServiceChannels)[number];

export const OtpBody = Type.Object({ phone: Phone }, Strict);
export const OtpSent = Type.Object({ sent: Type.Literal(true), expiresInSeconds: Type.Integer() });
export const CustomerSessionBody = Type.Object({ phone: Phone, code: Type.String({ pattern: '^[0-9]{6}$' }) }, Strict);
export const CustomerMe = Type.Object({ phone: Phone, csrfToken: Type.String(), expiresAt: IsoInstant });
export type CustomerMe = Static<typeof CustomerMe>;

export const PlainText = Type.Object({ zh: Type.String(), en: Type.String() });
export type PlainText = Static<typeof PlainText>;
const UnitName = Type.Union([Type.Object({ name: Type.String(), nameEn: Type.String() }), Type.Null()]);

/** One entry of the timeline meant for the customer: what happened, in plain words, and their own words. */
export const MyTimelineEntry = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  text: PlainText,
  /** the customer's own text, or the answer given to them */
  detail: Type.Union([Type.String(), Type.Null()]),
  images: Type.Array(Type.Integer()),
  at: IsoInstant,
});
export type MyTimelineEntry = Static<typeof MyTimelineEntry>;

export const MyTicket = Type.Object({
  number: Type.String(),
  status: Type.String(),
  statusText: PlainText,
  isOpen: Type.Boolean(),
  category: PlainText,
  description: Type.String(),
  handlingUnit: UnitName,
  answerDueAt: NullableInstant,
  acceptedAt: IsoInstant,
  answer: Type.Union([Type.String(), Type.Null()]),
  /** a closed complaint the customer has not rated yet */
  mayRate: Type.Boolean(),
  rating: Type.Union([Type.Object({ score: Type.Integer(), comment: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  timeline: Type.Array(MyTimelineEntry),
});
export type MyTicket = Static<typeof MyTicket>;
export const MyTicketList = Type.Object({ items: Type.Array(MyTicket) });
export type MyTicketList = Static<typeof MyTicketList>;

export const MyNewTicketBody = Type.Object(
  {
    categoryCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,8}$' })),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    location: Type.Optional(Location),
  },
  Strict,
);
export type MyNewTicketBody = Static<typeof MyNewTicketBody>;

export const MAX_IMAGES = 3;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
// base64 of MAX_IMAGES images of MAX_IMAGE_BYTES, with room for the text
export const MY_INFO_BODY_LIMIT = Math.ceil((MAX_IMAGES * MAX_IMAGE_BYTES * 4) / 3) + 16 * 1024;
export const MyInfoBody = Type.Object(
  {
    text: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    /** JPEG, PNG or WebP, base64, checked by their first bytes, not by any name or declared type */
    images: Type.Optional(
      Type.Array(Type.String({ minLength: 4, maxLength: Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 4 }), { maxItems: MAX_IMAGES }),
    ),
  },
  Strict,
);
export type MyInfoBody = Static<typeof MyInfoBody>;
export const MyRatingBody = Type.Object(
  { score: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  Strict,
);
export type MyRatingBody = Static<typeof MyRatingBody>;
export const MyTicketParams = Type.Object({ number: Type.String({ pattern: '^[Tt][Ss][0-9]{14,}$' }) }, Strict);
export const MyImageParams = Type.Object(
  { number: Type.String({ pattern: '^[Tt][Ss][0-9]{14,}$' }), id: Type.String({ pattern: '^[1-9][0-9]{0,15}$' }) },
  Strict,
);

// What the self-service service answers the SMS commands and the IVR with.
export const ProgressItem = Type.Object({
  number: Type.String(),
  status: Type.String(),
  statusText: PlainText,
  handlingUnit: UnitName,
  answerDueAt: NullableInstant,
  acceptedAt: IsoInstant,
});
export type ProgressItem = Static<typeof ProgressItem>;
