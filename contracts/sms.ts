import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, NullableInstant, Strict } from './common.js';

// The SMS link's administration: keywords of inbound commands, templates of replies and notifications, the
// outbox as it stands, and the built-in simulator's phone.
export const SmsCommands = ['progress', 'add_info', 'file'] as const;
export const SmsCommand = Type.Union(SmsCommands.map((c) => Type.Literal(c)));
export const SmsLanguages = ['zh-CN', 'en'] as const;
export const SmsLanguage = Type.Union(SmsLanguages.map((c) => Type.Literal(c)));

export const SmsKeyword = Type.Object({ id: Id, command: SmsCommand, keyword: Type.String() });
export type SmsKeyword = Static<typeof SmsKeyword>;
export const CreateSmsKeywordBody = Type.Object(
  { command: SmsCommand, keyword: Type.String({ minLength: 1, maxLength: 16, pattern: '^\\S+$', description: 'one word, no spaces' }) },
  Strict,
);
export type CreateSmsKeywordBody = Static<typeof CreateSmsKeywordBody>;

export const SmsTemplate = Type.Object({ key: Type.String(), language: SmsLanguage, text: Type.String(), updatedAt: IsoInstant });
export type SmsTemplate = Static<typeof SmsTemplate>;
export const PutSmsTemplateBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 500 }) }, Strict);
export type PutSmsTemplateBody = Static<typeof PutSmsTemplateBody>;

export const SmsOutboxEntry = Type.Object({
  id: Id,
  phone: Type.String({ description: 'masked unless the user may see full numbers' }),
  sender: Type.String(),
  text: Type.String(),
  purpose: Type.String(),
  state: Type.String({ description: 'queued | sending | sent | delivered | failed' }),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  ticketId: Type.Union([Id, Type.Null()]),
  createdAt: IsoInstant,
  sentAt: NullableInstant,
  deliveredAt: NullableInstant,
  nextAttemptAt: NullableInstant,
});
export type SmsOutboxEntry = Static<typeof SmsOutboxEntry>;

export const SmsLinkStatus = Type.Object({
  gateway: Type.Union([Type.Literal('smpp'), Type.Literal('cmpp'), Type.Literal('simulator'), Type.Null()]),
  state: Type.Union([Type.Literal('down'), Type.Literal('connecting'), Type.Literal('up')]),
  serviceNumber: Type.String(),
});
export type SmsLinkStatus = Static<typeof SmsLinkStatus>;

export const SimulatedMessage = Type.Object({
  direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  from: Type.String(),
  to: Type.String(),
  text: Type.String(),
  at: IsoInstant,
});
export type SimulatedMessage = Static<typeof SimulatedMessage>;
export const SimulatorPhoneQuery = Type.Object({ phone: Type.String({ pattern: '^1[3-9][0-9]{9}$' }) }, Strict);
export const SimulatorSendBody = Type.Object(
  {
    from: Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'the customer’s number' }),
    /** the extension after the service number, e.g. a survey's reply code */
    extension: Type.Optional(Type.String({ pattern: '^[0-9]{1,8}$' })),
    text: Type.String({ minLength: 1, maxLength: 500 }),
  },
  Strict,
);
export type SimulatorSendBody = Static<typeof SimulatorSendBody>;
