import { Type, type Static } from '@sinclair/typebox';
import { Presence } from './assignment.js';
import { Id, Strict } from './common.js';
import { Role, UnitRef } from './org.js';
import { Permissions } from './permissions.js';

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) },
  Strict,
);
export type LoginBody = Static<typeof LoginBody>;

export const Me = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  unit: UnitRef,
  isSupervisor: Type.Boolean(),
  presence: Presence,
  permissions: Type.Array(Type.Union(Permissions.map((p) => Type.Literal(p)))),
  csrfToken: Type.String({ description: 'send back as X-CSRF-Token on every state-changing request' }),
});
export type Me = Static<typeof Me>;

export const DemoAccounts = Type.Object({
  demo: Type.Boolean(),
  accounts: Type.Array(
    Type.Object({
      username: Type.String(),
      role: Role,
      displayName: Type.String(),
      unit: Type.String({ description: 'unit code' }),
      unitName: Type.String(),
      unitNameEn: Type.String(),
    }),
  ),
  password: Type.Union([Type.String(), Type.Null()]),
});
export type DemoAccounts = Static<typeof DemoAccounts>;
