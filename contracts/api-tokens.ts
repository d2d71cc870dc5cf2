import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, NullableInstant, Strict } from './common.js';

// API tokens for systems (IVR platforms…): issued by an administrator, shown once, stored hashed, sent as
// `Authorization: Bearer …`, and accepted only by routes that name one of the token's scopes.
// A new scope is added here together with the routes that accept it.
export const ApiTokenScopes = ['ivr'] as const;
export type ApiTokenScope = (typeof ApiTokenScopes)[number];
export const ApiTokenScope = Type.Union(ApiTokenScopes.map((s) => Type.Literal(s)));

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(ApiTokenScope, { minItems: 1, maxItems: 10, uniqueItems: true }),
  },
  Strict,
);
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;

export const ApiToken = Type.Object({
  id: Id,
  name: Type.String(),
  /** the first characters of the token, to tell them apart */
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: IsoInstant,
  lastUsedAt: NullableInstant,
  revokedAt: NullableInstant,
});
export type ApiToken = Static<typeof ApiToken>;
export const ApiTokenList = Type.Object({ items: Type.Array(ApiToken) });
/** the token itself appears in this answer only */
export const IssuedApiToken = Type.Object({ id: Id, token: Type.String(), name: Type.String(), scopes: Type.Array(Type.String()) });
export type IssuedApiToken = Static<typeof IssuedApiToken>;
