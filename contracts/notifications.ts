import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, Strict, NullableInstant } from './common.js';

export const Notification = Type.Object({
  id: Id,
  kind: Type.String({
    description:
      'sla.warning | sla.overdue | sla.problem | sla.answer_warning | sla.answer_overdue | sla.legal_warning | sla.legal_overdue',
  }),
  ticketId: Type.Union([Id, Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: IsoInstant,
  readAt: NullableInstant,
});
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;

export const NotificationQuery = Type.Object({ unread: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])) }, Strict);
export const MarkReadBody = Type.Object(
  { ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500 })), all: Type.Optional(Type.Literal(true)) },
  Strict,
);
