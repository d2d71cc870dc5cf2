import { Type, type Static, type TSchema } from '@sinclair/typebox';

// Every object in the API refuses unknown fields instead of silently dropping them.
export const Strict = { additionalProperties: false } as const;

export const IsoInstant = Type.String({ format: 'date-time', description: 'ISO-8601 instant in UTC' });
// An instant or null as one JSON type list rather than anyOf: the response serialiser then writes it directly
// instead of trying each branch with a validator (a ticket carries a dozen of these).
export const NullableInstant = Type.Unsafe<string | null>({
  type: ['string', 'null'],
  format: 'date-time',
  description: 'ISO-8601 instant in UTC, or null',
});
export const Id = Type.Integer({ minimum: 1 });
export const IdParam = Type.String({ pattern: '^[1-9][0-9]{0,15}$', description: 'numeric id' });

// Chinese mobile numbers: 11 digits starting 13–19. Masked form 138****5678 in responses.
export const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: '11-digit mobile number' });
export const PhoneOrMasked = Type.String({ pattern: '^1[3-9][0-9]([0-9]{4}|\\*{4})[0-9]{4}$' });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const Page = <T extends TSchema, C extends TSchema>(item: T, counts: C) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    counts,
  });

export const LimitQuery = Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: '1–200' }));
