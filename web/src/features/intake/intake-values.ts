import type { CreateTicketBody, Location } from '../../../../contracts/tickets.js';
import type { Channel, Priority } from '../../lib/vocabulary';

export interface IntakeValues {
  customerPhone: string;
  customerName?: string;
  categoryCode?: string;
  channel: Channel;
  priority: Priority;
  description: string;
  location?: Location;
  resolution?: string;
  unitCode?: string;
}

export type IntakeMode = 'resolve' | 'dispatch';

export const initialValues: Partial<IntakeValues> = { channel: 'hotline', priority: 'normal' };

const trimmed = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

function cleanLocation(location: Location | undefined): Location | undefined {
  const entries = Object.entries(location ?? {}).flatMap(([k, v]) => (trimmed(v) ? [[k, trimmed(v)]] : []));
  return entries.length ? (Object.fromEntries(entries) as Location) : undefined;
}

/** The create request as the contract wants it: no empty strings, no unknown fields. */
export function toCreateBody(values: IntakeValues, mode: IntakeMode): CreateTicketBody {
  const body: CreateTicketBody = {
    customerPhone: values.customerPhone,
    categoryCode: values.categoryCode ?? '',
    description: values.description.trim(),
    channel: values.channel,
    priority: values.priority,
  };
  const name = trimmed(values.customerName);
  if (name) body.customerName = name;
  const location = cleanLocation(values.location);
  if (location) body.location = location;
  const resolution = trimmed(values.resolution);
  if (mode === 'resolve' && resolution) body.resolveNow = { resolution };
  return body;
}
