import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, NullableInstant, Strict } from './common.js';

// Satisfaction surveys after close (DOMAIN.md §2 step 6, §10) and the revisits an unsatisfied answer opens.
export const SurveyChannels = ['sms', 'web'] as const;
export const SurveyStatuses = ['pending', 'answered', 'expired'] as const;
export const SurveyVias = ['sms', 'web', 'ivr', 'agent'] as const;
export type SurveyVia = (typeof SurveyVias)[number];
/** what answering a survey did; integrations (SMS replies, self-service, IVR) branch on these */
export const SurveyAnswerResults = ['recorded', 'already_answered', 'no_survey', 'expired'] as const;
export type SurveyAnswerResult = (typeof SurveyAnswerResults)[number];

const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const Score = Type.Integer({ minimum: 1, maximum: 5, description: '1 very unsatisfied … 5 very satisfied' });

export const Survey = Type.Object({
  id: Id,
  ticketId: Id,
  channel: lit(SurveyChannels),
  status: lit(SurveyStatuses),
  score: Type.Union([Score, Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  answeredVia: Type.Union([lit(SurveyVias), Type.Null()]),
  sentAt: IsoInstant,
  answeredAt: NullableInstant,
  expiresAt: IsoInstant,
});
export type Survey = Static<typeof Survey>;

export const TicketSurvey = Type.Object({ survey: Type.Union([Survey, Type.Null()]) });
export type TicketSurvey = Static<typeof TicketSurvey>;

// a survey done by phone: the agent types what the customer said
export const RecordSurveyBody = Type.Object(
  { score: Score, comment: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  Strict,
);
export type RecordSurveyBody = Static<typeof RecordSurveyBody>;
export const RecordSurveyResult = Type.Object({ result: lit(SurveyAnswerResults), survey: Type.Union([Survey, Type.Null()]) });
export type RecordSurveyResult = Static<typeof RecordSurveyResult>;

export const SurveySettings = Type.Object(
  {
    unsatisfiedAtMost: Type.Integer({ minimum: 1, maximum: 4, description: 'a score at or below this opens a revisit' }),
    expiresAfterDays: Type.Integer({ minimum: 1, maximum: 60 }),
    viaSms: Type.Boolean({ description: 'false: every survey is answered on the self-service page' }),
  },
  Strict,
);
export type SurveySettings = Static<typeof SurveySettings>;

export const RevisitOutcomes = ['resolved', 'still_unsatisfied', 'unreachable'] as const;
export type RevisitOutcome = (typeof RevisitOutcomes)[number];

export const Revisit = Type.Object({
  id: Id,
  ticket: Type.Object({ id: Id, number: Type.String(), status: Type.String(), categoryCode: Type.String() }),
  owner: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  score: Score,
  comment: Type.Union([Type.String(), Type.Null()]),
  status: lit(['open', 'done'] as const),
  outcome: Type.Union([lit(RevisitOutcomes), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  reopened: Type.Boolean(),
  createdAt: IsoInstant,
  doneAt: NullableInstant,
});
export type Revisit = Static<typeof Revisit>;
export const RevisitList = Type.Object({ items: Type.Array(Revisit) });
export type RevisitList = Static<typeof RevisitList>;

export const RevisitListQuery = Type.Object(
  {
    scope: Type.Optional(lit(['mine', 'all'] as const)),
    status: Type.Optional(lit(['open', 'done'] as const)),
  },
  Strict,
);
export type RevisitListQuery = Static<typeof RevisitListQuery>;

export const CompleteRevisitBody = Type.Object(
  {
    outcome: lit(RevisitOutcomes),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
    // reopen the complaint through the workflow's 'reopen' action, with the note as its reason
    reopen: Type.Optional(Type.Boolean()),
  },
  Strict,
);
export type CompleteRevisitBody = Static<typeof CompleteRevisitBody>;
