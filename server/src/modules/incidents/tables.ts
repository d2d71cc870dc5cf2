import type { Generated } from 'kysely';

type Instant = string | Date;

// Row shapes of the group-complaint tables (migration 0005).
export interface IncidentRuleTable {
  id: Generated<number>;
  name: string;
  category_code: string;
  area_level: string;
  threshold: number;
  window_minutes: number;
  is_active: number;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface IncidentTable {
  id: Generated<number>;
  rule_id: number;
  area_key: string;
  area_label: string;
  area_level: string;
  category_code: string;
  status: string;
  live_key: string | null;
  child_count: number;
  unit_id: number | null;
  opened_at: Instant;
  confirmed_at: Instant | null;
  confirmed_by: number | null;
  dispatched_at: Instant | null;
  dispatched_by: number | null;
  resolved_at: Instant | null;
  resolved_by: number | null;
  result: string | null;
  dismissed_at: Instant | null;
  dismissed_by: number | null;
  reason: string | null;
  version: number;
  updated_at: Instant;
}

export interface IncidentWindowTable {
  rule_id: number;
  area_key: string;
  incident_id: number | null;
  counted_from: Instant | null;
  hits: number;
  updated_at: Instant;
}

export interface IncidentHitTable {
  id: Generated<number>;
  rule_id: number;
  area_key: string;
  ticket_id: number;
  at: Instant;
}

export interface IncidentTables {
  incident_rules: IncidentRuleTable;
  incidents: IncidentTable;
  incident_windows: IncidentWindowTable;
  incident_hits: IncidentHitTable;
}
