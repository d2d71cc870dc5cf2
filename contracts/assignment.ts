import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from './common.js';

export const AssignmentModes = ['pull', 'round_robin', 'least_open', 'skill'] as const;
export const AssignmentMode = Type.Union(
  AssignmentModes.map((m) => Type.Literal(m)),
  {
    description: 'pull: people take from the unit queue; otherwise orders are pushed to a member on duty and online',
  },
);
export const Presences = ['online', 'away', 'off'] as const;
export const Presence = Type.Union(Presences.map((p) => Type.Literal(p)));
export type Presence = (typeof Presences)[number];

export const PresenceBody = Type.Object({ presence: Presence }, Strict);
export const AssignBody = Type.Object({ userId: Id }, Strict);

// org.ts imports this file's modes, so the unit is spelled out here rather than imported back
export const Workload = Type.Object({
  unit: Type.Object({ id: Id, code: Type.String(), name: Type.String(), nameEn: Type.String() }),
  mode: AssignmentMode,
  maxOpenPerPerson: Type.Union([Type.Integer(), Type.Null()]),
  takeTimeoutMinutes: Type.Integer(),
  onDuty: Type.Boolean({ description: 'the unit’s calendar is open now' }),
  members: Type.Array(
    Type.Object({
      user: Type.Object({ id: Id, name: Type.String() }),
      presence: Presence,
      open: Type.Integer({ description: 'orders with this person not yet replied' }),
      waiting: Type.Integer({ description: 'assigned to this person, not yet taken' }),
      skills: Type.Array(Type.String()),
    }),
  ),
});
export type Workload = Static<typeof Workload>;
