import { SlaAlertKinds, type SlaAlertKind } from '../../../contracts/alerts.js';
import type { Presence } from '../../../contracts/assignment.js';
import type { ErrorCode } from '../../../contracts/errors.js';
import type { CustomerLevel, RegulatorClass, Unit } from '../../../contracts/org.js';
import type { Role } from '../../../contracts/roles.js';
import type { EscalationRule, Holiday } from '../../../contracts/sla.js';
import type { Channel, Priority, SlaState, TicketAction, TicketListQuery, TicketSla, TicketStatus } from '../../../contracts/tickets.js';

// The contracts' value lists, repeated here as typed records so the bundle does not carry the schema
// builder; a value added to a contract fails the typecheck here until it is listed.
const keysOf = <K extends string>(record: Record<K, true>) => Object.keys(record) as K[];

export const ticketStatuses = keysOf<TicketStatus>({
  accepted: true,
  dispatched: true,
  processing: true,
  replied: true,
  answered: true,
  closed: true,
  returned: true,
  suspended: true,
});

export const ticketActions = keysOf<TicketAction>({
  resolve: true,
  dispatch: true,
  take: true,
  reply: true,
  return: true,
  transfer: true,
  answer: true,
  close: true,
  reopen: true,
  suspend: true,
  resume: true,
  escalate: true,
  note: true,
});

export const channels = keysOf<Channel>({ hotline: true, hall: true, sms: true, ivr: true, web: true, api: true, regulator: true });
export const priorities = keysOf<Priority>({ low: true, normal: true, high: true, urgent: true });
export const customerLevels = keysOf<CustomerLevel>({ normal: true, silver: true, gold: true, diamond: true });
export const roles = keysOf<Role>({ agent: true, desk: true, handler: true, specialist: true, qa: true, manager: true, admin: true });
export const regulatorClasses = keysOf<RegulatorClass>({ network_quality: true, charges_dispute: true, customer_service: true });
export type UnitKind = Unit['kind'];
export const unitKinds = keysOf<UnitKind>({ company: true, branch: true, centre: true, department: true, room: true });

// Time limits: a clock's state, what the queue filters by, what a fired clock is called (an event's action and a
// notification's kind, the same names), a reply's outcome, the holiday list's kinds and when a rule escalates.
export const slaStates = keysOf<SlaState>({ ok: true, warning: true, overdue: true, problem: true });
export type SlaFilter = NonNullable<TicketListQuery['sla']>;
export const slaFilters = keysOf<SlaFilter>({ warning: true, overdue: true, problem: true, breaching: true });
export const slaAlertKinds = SlaAlertKinds;
export type { SlaAlertKind };
export const isSlaAlertKind = (kind: string): kind is SlaAlertKind => (slaAlertKinds as readonly string[]).includes(kind);
export type SlaOutcome = NonNullable<TicketSla['outcome']>;
export const slaOutcomes = keysOf<SlaOutcome>({ timely: true, overdue: true, problem: true });
export type HolidayKind = Holiday['kind'];
export const holidayKinds = keysOf<HolidayKind>({ holiday: true, workday: true });
export type EscalationState = EscalationRule['onState'];
export const escalationStates = keysOf<EscalationState>({ overdue: true, problem: true });

// Who works an order inside a unit: how orders reach people, whether a person is there, and why the system took an
// order back from someone (recorded on the 'unassign' event; the server's words, not yet a contract).
export type AssignmentMode = Unit['assignmentMode'];
export const assignmentModes = keysOf<AssignmentMode>({ pull: true, round_robin: true, least_open: true, skill: true });
export const presences = keysOf<Presence>({ online: true, away: true, off: true });
export type UnassignReason = 'not_taken' | 'away' | 'off' | 'off_duty' | 'left_unit';
export const unassignReasons = keysOf<UnassignReason>({ not_taken: true, away: true, off: true, off_duty: true, left_unit: true });
export const isUnassignReason = (reason: unknown): reason is UnassignReason => unassignReasons.includes(reason as UnassignReason);

export type { Channel, CustomerLevel, Presence, ErrorCode, Priority, RegulatorClass, Role, SlaState, TicketAction, TicketStatus };
