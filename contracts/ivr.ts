import { Type, type Static } from '@sinclair/typebox';
import { Phone, Strict } from './common.js';
import { PlainText, ProgressItem } from './selfservice.js';

// For IVR platforms (API token with scope `ivr`): who is calling, what to say, where to route them (DOMAIN.md §5).
export const IvrCallerParams = Type.Object({ phone: Phone }, Strict);

export const IvrMenuItem = Type.Object({
  key: Type.String(),
  action: Type.Union([Type.Literal('progress'), Type.Literal('leave_information'), Type.Literal('transfer')]),
  speech: PlainText,
});
export type IvrMenuItem = Static<typeof IvrMenuItem>;

export const IvrCaller = Type.Object({
  openTickets: Type.Array(ProgressItem),
  speech: PlainText,
  menu: Type.Array(IvrMenuItem),
});
export type IvrCaller = Static<typeof IvrCaller>;

export const IvrInfoBody = Type.Object(
  {
    /** the platform's reference of the caller's recording (file name, URL or id) */
    recordingRef: Type.String({ minLength: 1, maxLength: 500 }),
    ticketNumber: Type.Optional(Type.String({ pattern: '^[Tt][Ss][0-9]{14,}$' })),
  },
  Strict,
);
export const IvrInfoAdded = Type.Object({ ticketNumber: Type.String(), eventId: Type.Integer() });

export const IvrTransfer = Type.Object({
  /** the queue or skill to route the call to */
  queue: Type.String(),
  /** a caller with an open complaint goes to the complaint desk, skipping the general queue */
  reason: Type.Union([Type.Literal('open_complaint'), Type.Literal('no_open_complaint')]),
  ticketNumber: Type.Union([Type.String(), Type.Null()]),
});
export type IvrTransfer = Static<typeof IvrTransfer>;
