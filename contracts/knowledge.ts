import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, NullableInstant, Strict } from './common.js';
import { CategoryCode as Code } from './org.js';

// Reply templates per category and situation, and the knowledge base (DOMAIN.md §6): cases (a resolved ticket with
// personal data removed, reviewed by the desk) and articles (business operations), searched together.

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const PersonRef = Type.Object({ id: Id, displayName: Type.String() });

export const TemplateSituations = ['first_answer', 'progress', 'final_answer', 'sms'] as const;
export type TemplateSituation = (typeof TemplateSituations)[number];
/** what a template may say; anything else in braces is left as written */
export const TemplatePlaceholders = ['customerName', 'ticketNumber', 'dueAt', 'result', 'category', 'today'] as const;
export type TemplatePlaceholder = (typeof TemplatePlaceholders)[number];

export const ReplyTemplate = Type.Object({
  id: Id,
  categoryCode: Type.Union([Type.String(), Type.Null()]),
  situation: Lit(TemplateSituations),
  name: Type.String(),
  body: Type.String(),
  isActive: Type.Boolean(),
  /** how it matched the asked category: exact, its first level (parent), or general (no category) */
  match: Type.Union([Lit(['exact', 'parent', 'general'] as const), Type.Null()]),
  /** with `ticketId`: the text filled from that ticket; `missing` names what the ticket could not supply */
  rendered: Type.Optional(Type.Object({ text: Type.String(), missing: Type.Array(Type.String()) })),
  version: Type.Integer(),
});
export type ReplyTemplate = Static<typeof ReplyTemplate>;
export const ReplyTemplateList = Type.Object({ items: Type.Array(ReplyTemplate) });

export const TemplateQuery = Type.Object(
  {
    categoryCode: Type.Optional(Code),
    situation: Type.Optional(Lit(TemplateSituations)),
    /** fill each template from this ticket; its category is used when categoryCode is not given */
    ticketId: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}$' })),
    /** administrators' list: every template, inactive ones too */
    all: Type.Optional(Lit(['true'] as const)),
  },
  Strict,
);
export type TemplateQuery = Static<typeof TemplateQuery>;

export const CreateTemplateBody = Type.Object(
  {
    categoryCode: Type.Optional(Type.Union([Code, Type.Null()])),
    situation: Lit(TemplateSituations),
    name: Text(100),
    body: Text(4000),
    isActive: Type.Optional(Type.Boolean()),
  },
  Strict,
);
export type CreateTemplateBody = Static<typeof CreateTemplateBody>;
export const UpdateTemplateBody = Type.Object(
  {
    categoryCode: Type.Optional(Type.Union([Code, Type.Null()])),
    situation: Type.Optional(Lit(TemplateSituations)),
    name: Type.Optional(Text(100)),
    body: Type.Optional(Text(4000)),
    isActive: Type.Optional(Type.Boolean()),
    version: Type.Integer({ minimum: 1 }),
  },
  Strict,
);
export type UpdateTemplateBody = Static<typeof UpdateTemplateBody>;

export const KnowledgeKinds = ['case', 'article'] as const;
export type KnowledgeKind = (typeof KnowledgeKinds)[number];
export const KnowledgeStatuses = ['draft', 'proposed', 'published', 'rejected', 'archived'] as const;
export type KnowledgeStatus = (typeof KnowledgeStatuses)[number];

export const KnowledgeEntry = Type.Object({
  id: Id,
  kind: Lit(KnowledgeKinds),
  status: Lit(KnowledgeStatuses),
  title: Type.String(),
  body: Type.String(),
  categoryCode: Type.Union([Type.String(), Type.Null()]),
  sourceTicketNumber: Type.Union([Type.String(), Type.Null()]),
  author: PersonRef,
  reviewer: Type.Union([PersonRef, Type.Null()]),
  reviewNote: Type.Union([Type.String(), Type.Null()]),
  publishedAt: NullableInstant,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  version: Type.Integer(),
});
export type KnowledgeEntry = Static<typeof KnowledgeEntry>;

export const KnowledgeListQuery = Type.Object(
  {
    kind: Type.Optional(Lit(KnowledgeKinds)),
    status: Type.Optional(Lit(KnowledgeStatuses)),
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$' })),
  },
  Strict,
);
export type KnowledgeListQuery = Static<typeof KnowledgeListQuery>;
export const KnowledgeEntryList = Type.Object({ items: Type.Array(KnowledgeEntry) });

/** propose a resolved or closed ticket as a case; the text is drafted from the ticket unless given, and scrubbed either way */
export const ProposeCaseBody = Type.Object({ ticketId: Id, title: Type.Optional(Text(200)), body: Type.Optional(Text(8000)) }, Strict);
export type ProposeCaseBody = Static<typeof ProposeCaseBody>;

export const ReviewCaseBody = Type.Object(
  {
    decision: Lit(['publish', 'reject'] as const),
    note: Type.Optional(Text(2000)),
    /** the reviewer's corrections, scrubbed again */
    title: Type.Optional(Text(200)),
    body: Type.Optional(Text(8000)),
    version: Type.Integer({ minimum: 1 }),
  },
  Strict,
);
export type ReviewCaseBody = Static<typeof ReviewCaseBody>;

export const CreateArticleBody = Type.Object(
  {
    title: Text(200),
    body: Text(20000),
    categoryCode: Type.Optional(Type.Union([Code, Type.Null()])),
    publish: Type.Optional(Type.Boolean()),
  },
  Strict,
);
export type CreateArticleBody = Static<typeof CreateArticleBody>;
export const UpdateArticleBody = Type.Object(
  {
    title: Type.Optional(Text(200)),
    body: Type.Optional(Text(20000)),
    categoryCode: Type.Optional(Type.Union([Code, Type.Null()])),
    status: Type.Optional(Lit(['draft', 'published', 'archived'] as const)),
    version: Type.Integer({ minimum: 1 }),
  },
  Strict,
);
export type UpdateArticleBody = Static<typeof UpdateArticleBody>;

export const KnowledgeSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Optional(Lit(KnowledgeKinds)),
    limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-4][0-9]|50)$' })),
  },
  Strict,
);
export type KnowledgeSearchQuery = Static<typeof KnowledgeSearchQuery>;

export const KnowledgeHit = Type.Object({
  id: Id,
  kind: Lit(KnowledgeKinds),
  title: Type.String(),
  /** a stretch of the text around the first match */
  snippet: Type.String(),
  categoryCode: Type.Union([Type.String(), Type.Null()]),
  publishedAt: NullableInstant,
});
export type KnowledgeHit = Static<typeof KnowledgeHit>;
export const KnowledgeHitList = Type.Object({ items: Type.Array(KnowledgeHit) });
