import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, Phone, PhoneOrMasked, Strict } from './common.js';
import { AssignmentMode, Presence } from './assignment.js';
import { Roles } from './roles.js';

const Code = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: 'stable code, letters, digits, - and _' });
const NameZh = Type.String({ minLength: 1, maxLength: 100 });
const NameEn = Type.String({ minLength: 1, maxLength: 100 });

export const UnitKinds = ['company', 'branch', 'centre', 'department', 'room'] as const;
export const UnitKind = Type.Union(UnitKinds.map((k) => Type.Literal(k)));

export const UnitRef = Type.Object({ id: Id, code: Type.String(), name: Type.String(), nameEn: Type.String() });
export type UnitRef = Static<typeof UnitRef>;

export const Unit = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  kind: UnitKind,
  parentCode: Type.Union([Type.String(), Type.Null()]),
  calendarCode: Type.Union([Type.String(), Type.Null()], { description: 'business hours the unit works; null: round the clock' }),
  assignmentMode: AssignmentMode,
  maxOpenPerPerson: Type.Union([Type.Integer(), Type.Null()]),
  takeTimeoutMinutes: Type.Integer({ description: 'an order pushed to someone and not taken by then goes to someone else' }),
  isActive: Type.Boolean(),
  version: Type.Integer(),
});
export type Unit = Static<typeof Unit>;

export const CreateUnitBody = Type.Object(
  {
    code: Code,
    name: NameZh,
    nameEn: NameEn,
    kind: UnitKind,
    parentCode: Type.Optional(Type.Union([Code, Type.Null()])),
    calendarCode: Type.Optional(Type.Union([Code, Type.Null()])),
    assignmentMode: Type.Optional(AssignmentMode),
    maxOpenPerPerson: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()])),
    takeTimeoutMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 * 24 * 60 })),
  },
  Strict,
);
export type CreateUnitBody = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  {
    name: Type.Optional(NameZh),
    nameEn: Type.Optional(NameEn),
    kind: Type.Optional(UnitKind),
    parentCode: Type.Optional(Type.Union([Code, Type.Null()])),
    calendarCode: Type.Optional(Type.Union([Code, Type.Null()])),
    assignmentMode: Type.Optional(AssignmentMode),
    maxOpenPerPerson: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()])),
    takeTimeoutMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 * 24 * 60 })),
    isActive: Type.Optional(Type.Boolean()),
  },
  Strict,
);
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

export const Role = Type.Union(Roles.map((r) => Type.Literal(r)));

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  unit: UnitRef,
  isSupervisor: Type.Boolean({ description: 'hears about breaches in this unit and the units below it' }),
  presence: Presence,
  skills: Type.Array(Type.String(), { description: 'category codes this person handles best; a first level covers its sub-categories' }),
  isActive: Type.Boolean(),
  version: Type.Integer(),
});
export type User = Static<typeof User>;

const CategoryCodeField = Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$' });
const Username = Type.String({ pattern: '^[a-z][a-z0-9_.-]{1,31}$', description: 'lower-case letters, digits, _ . -' });
const Password = Type.String({ minLength: 8, maxLength: 128 });

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: NameZh,
    role: Role,
    unitCode: Code,
    password: Password,
    isSupervisor: Type.Optional(Type.Boolean()),
    skills: Type.Optional(Type.Array(CategoryCodeField, { maxItems: 50 })),
  },
  Strict,
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(NameZh),
    role: Type.Optional(Role),
    unitCode: Type.Optional(Code),
    isSupervisor: Type.Optional(Type.Boolean()),
    skills: Type.Optional(Type.Array(CategoryCodeField, { maxItems: 50 })),
    isActive: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
  },
  Strict,
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

// The regulator publishes appeals in three classes; every first-level category maps to one (DOMAIN.md §11).
export const RegulatorClasses = ['network_quality', 'charges_dispute', 'customer_service'] as const;
export const RegulatorClass = Type.Union(RegulatorClasses.map((c) => Type.Literal(c)));
export type RegulatorClass = (typeof RegulatorClasses)[number];

// Operators' fixed-width codes: 2 digits for the first level, 4 for the second, each extending its parent.
export const CategoryCode = Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$', description: '2 or 4 digits' });

export const Category = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  level: Type.Integer({ minimum: 1, maximum: 2 }),
  nameZh: Type.String(),
  nameEn: Type.String(),
  regulatorClass: RegulatorClass,
  unit: Type.Union([UnitRef, Type.Null()]),
  isActive: Type.Boolean(),
  version: Type.Integer(),
});
export type Category = Static<typeof Category>;

export const CreateCategoryBody = Type.Object(
  {
    code: CategoryCode,
    nameZh: NameZh,
    nameEn: NameEn,
    regulatorClass: Type.Optional(RegulatorClass),
    unitCode: Type.Optional(Code),
  },
  Strict,
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = Type.Object(
  {
    nameZh: Type.Optional(NameZh),
    nameEn: Type.Optional(NameEn),
    regulatorClass: Type.Optional(RegulatorClass),
    isActive: Type.Optional(Type.Boolean()),
  },
  Strict,
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const Route = Type.Object({ categoryCode: Type.String(), unit: UnitRef, version: Type.Integer() });
export type Route = Static<typeof Route>;
export const PutRouteBody = Type.Object({ categoryCode: CategoryCode, unitCode: Code }, Strict);
export type PutRouteBody = Static<typeof PutRouteBody>;
export const UpdateRouteBody = Type.Object({ unitCode: Code }, Strict);

export const CustomerLevels = ['normal', 'silver', 'gold', 'diamond'] as const;
export const CustomerLevel = Type.Union(CustomerLevels.map((l) => Type.Literal(l)));
export type CustomerLevel = (typeof CustomerLevels)[number];

export const Customer = Type.Object({
  id: Id,
  phone: PhoneOrMasked,
  name: Type.Union([Type.String(), Type.Null()]),
  level: CustomerLevel,
  creditLevel: Type.Integer({ minimum: 1, maximum: 5 }),
  homeArea: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoInstant,
});
export type Customer = Static<typeof Customer>;

export const PhoneParams = Type.Object({ phone: Phone }, Strict);
