import type { CustomerLevel } from '../../../../contracts/org.js';
import type {
  Channel,
  Priority,
  TicketAction,
  TicketEvent,
  TicketStatus,
  TicketSummary,
  TicketView,
} from '../../../../contracts/tickets.js';
import { isSet, toIso, toIsoOrNull } from '../../db/dialect.js';
import { maskPhone } from '../customers/index.js';
import type { TicketDetailRow, TicketEventRow, TicketSummaryRow } from './repository.js';
import { currentDue, slaView } from './sla-view.js';

// Rows to API shapes. A phone number leaves the server in full only for roles that may see it.

const unitRef = (id: number | null, code: string | null, name: string | null, nameEn: string | null) =>
  id !== null && code !== null ? { id, code, name: name ?? code, nameEn: nameEn ?? code } : null;

const SUMMARY_TEXT = 200;

// the earlier tickets a repeat complaint repeats, stored as a JSON array of numbers
const repeatOf = (raw: string | null): string[] => (raw ? (JSON.parse(raw) as string[]) : []);

export function ticketView(r: TicketDetailRow, opts: { showPhone: boolean; actions: TicketAction[] }): TicketView {
  const location: TicketView['location'] = {};
  if (r.location_city) location.city = r.location_city;
  if (r.location_district) location.district = r.location_district;
  if (r.location_compound) location.compound = r.location_compound;
  if (r.location_address) location.address = r.location_address;
  if (r.location_cell_id) location.cellId = r.location_cell_id;
  return {
    id: r.id,
    number: r.number,
    status: r.status as TicketStatus,
    suspendedFrom: (r.suspended_from as TicketStatus | null) ?? null,
    channel: r.channel as Channel,
    categoryCode: r.category_code,
    category: {
      code: r.category_code,
      nameZh: r.category_name_zh,
      nameEn: r.category_name_en,
      path: r.parent_category_name_zh ? `${r.parent_category_name_zh} / ${r.category_name_zh}` : r.category_name_zh,
    },
    description: r.description,
    location,
    priority: r.priority as Priority,
    escalationLevel: r.escalation_level,
    customer: {
      id: r.customer_id,
      phone: opts.showPhone ? r.customer_phone : maskPhone(r.customer_phone),
      name: r.customer_name,
      level: r.customer_level as CustomerLevel,
    },
    owner: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    ownerUnit: unitRef(r.owner_unit_id, r.owner_unit_code, r.owner_unit_name, r.owner_unit_name_en),
    handlingUnit: unitRef(r.handling_unit_id, r.handling_unit_code, r.handling_unit_name, r.handling_unit_name_en),
    handlingUser: r.handling_user_id !== null ? { id: r.handling_user_id, name: r.handling_user_name ?? '' } : null,
    assignedAt: toIsoOrNull(r.assigned_at),
    regulator: r.regulator_ref ? { reference: r.regulator_ref, overLevel: isSet(r.is_over_level) } : null,
    intercepted: isSet(r.is_intercepted),
    resolution: r.resolution,
    answer: r.answer,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    dispatchedAt: toIsoOrNull(r.dispatched_at),
    repliedAt: toIsoOrNull(r.replied_at),
    answeredAt: toIsoOrNull(r.answered_at),
    closedAt: toIsoOrNull(r.closed_at),
    version: r.version,
    sla: slaView(r),
    actions: opts.actions,
    repeat: { isRepeat: isSet(r.is_repeat), of: repeatOf(r.repeat_of) },
    incidentId: r.incident_id ?? null,
  };
}

export function ticketSummary(r: TicketSummaryRow, showPhone: boolean): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status as TicketStatus,
    channel: r.channel as Channel,
    categoryCode: r.category_code,
    categoryName: r.category_name_zh,
    categoryNameEn: r.category_name_en,
    description: r.description.length > SUMMARY_TEXT ? `${r.description.slice(0, SUMMARY_TEXT)}…` : r.description,
    priority: r.priority as Priority,
    customerPhone: showPhone ? r.customer_phone : maskPhone(r.customer_phone),
    customerLevel: r.customer_level as CustomerLevel,
    owner: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    handlingUnit: unitRef(r.handling_unit_id, r.handling_unit_code, r.handling_unit_name, r.handling_unit_name_en),
    resolution: r.resolution,
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
    version: r.version,
    sla: { state: r.sla_state as TicketSummary['sla']['state'], dueAt: currentDue(r), paused: r.sla_paused_at !== null },
    isRepeat: isSet(r.is_repeat),
    incidentId: r.incident_id ?? null,
  };
}

export function ticketEvent(r: TicketEventRow): TicketEvent {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    action: r.action,
    fromStatus: (r.from_status as TicketStatus | null) ?? null,
    toStatus: (r.to_status as TicketStatus | null) ?? null,
    actor:
      r.actor_id !== null
        ? {
            id: r.actor_id,
            name: r.actor_name ?? '',
            unit: unitRef(r.actor_unit_id, r.actor_unit_code, r.actor_unit_name, r.actor_unit_name_en),
          }
        : null,
    note: r.note,
    data: JSON.parse(r.data) as Record<string, unknown>,
    at: toIso(r.at),
  };
}
