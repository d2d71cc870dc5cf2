import type { Generated } from 'kysely';
import type { SurveyTables } from '../modules/surveys/tables.js';
import type { RefundTables } from '../modules/refunds/tables.js';
import type { QualityTables } from '../modules/quality/tables.js';
import type { SmsTables } from '../modules/sms/tables.js';
import type { ApiTokenTables } from '../modules/api-tokens/tables.js';
import type { SelfServiceTables } from '../modules/selfservice/tables.js';
import type { CallbackTables } from '../modules/callbacks/tables.js';
import type { KnowledgeTables } from '../modules/knowledge/tables.js';
import type { IncidentTables } from '../modules/incidents/tables.js';
import type { StatsTables } from '../modules/stats/tables.js';

// Row shapes as stored. Booleans are 0/1 integers and instants ISO-8601 UTC text on SQLite,
// timestamptz on PostgreSQL (read back as Date): repositories convert with `dialect.ts`.
type Instant = string | Date;
type Flag = number;

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  kind: string;
  parent_id: number | null;
  calendar_id: Generated<number | null>;
  assignment_mode: Generated<string>;
  max_open_per_person: Generated<number | null>;
  take_timeout_minutes: Generated<number>;
  is_active: Flag;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  unit_id: number;
  password_hash: string;
  is_supervisor: Generated<Flag>;
  presence: Generated<string>;
  last_assigned_at: Generated<Instant | null>;
  is_active: Flag;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
}

export interface CustomerTable {
  id: Generated<number>;
  phone: string;
  name: string | null;
  level: string;
  credit_level: number;
  home_area: string | null;
  /** zh-CN | en: the language of messages to this customer (migration 0009) */
  language: Generated<string>;
  created_at: Instant;
  updated_at: Instant;
}

export interface CategoryTable {
  code: string;
  parent_code: string | null;
  level: number;
  name_zh: string;
  name_en: string;
  regulator_class: string;
  is_active: Flag;
  sort_order: number;
  version: number;
}

export interface RoutingRuleTable {
  category_code: string;
  unit_id: number;
  version: number;
  updated_at: Instant;
}

export interface TicketTable {
  id: Generated<number>;
  number: string;
  channel: string;
  customer_id: number;
  category_code: string;
  description: string;
  location_city: string | null;
  location_district: string | null;
  location_compound: string | null;
  location_address: string | null;
  location_cell_id: string | null;
  priority: string;
  escalation_level: number;
  status: string;
  suspended_from: string | null;
  owner_id: number | null;
  owner_unit_id: number | null;
  handling_unit_id: number | null;
  handling_user_id: number | null;
  regulator_ref: string | null;
  is_over_level: Flag;
  is_intercepted: Flag;
  is_solved: Flag | null;
  resolution: string | null;
  answer: string | null;
  created_at: Instant;
  updated_at: Instant;
  dispatched_at: Instant | null;
  replied_at: Instant | null;
  answered_at: Instant | null;
  closed_at: Instant | null;
  version: number;
  // the clocks (migration 0002)
  sla_state: Generated<string>;
  reply_state: Generated<string>;
  sla_policy_id: number | null;
  sla_limits: string | null;
  sla_started_at: Instant | null;
  sla_warn_at: Instant | null;
  sla_reply_due_at: Instant | null;
  sla_problem_at: Instant | null;
  sla_paused_ms: Generated<number>;
  sla_paused_at: Instant | null;
  sla_outcome: string | null;
  answer_started_at: Instant | null;
  answer_due_at: Instant | null;
  answer_warn_at: Instant | null;
  answer_state: Generated<string>;
  answer_paused_ms: Generated<number>;
  legal_due_at: Instant | null;
  legal_warn_at: Instant | null;
  legal_state: Generated<string>;
  regulator_accept_due_at: Instant | null;
  accept_warn_at: Instant | null;
  accept_state: Generated<string>;
  sla_next_at: Instant | null;
  // assignment (migration 0003)
  assigned_at: Generated<Instant | null>;
  assign_check_at: Generated<Instant | null>;
  // repeat complaints and incidents (migration 0004)
  is_repeat: Generated<Flag>;
  repeat_of: Generated<string | null>;
  incident_id: Generated<number | null>;
  // counted by the database on every UPDATE (migration 0011)
  row_rev: Generated<number>;
}

export interface TicketEventTable {
  id: Generated<number>;
  ticket_id: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: number | null;
  // the unit an order was sent to, so a department keeps seeing what passed through it
  unit_id: number | null;
  note: string | null;
  data: string;
  at: Instant;
}

export interface TicketNumberSeqTable {
  day: string;
  last: number;
}

export interface IdempotencyKeyTable {
  user_id: number;
  key: string;
  request_hash: string;
  ticket_id: number;
  created_at: Instant;
}

export interface CalendarTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  weekly: string | null;
  observes_holidays: Flag;
  version: number;
  updated_at: Instant;
}

export interface HolidayTable {
  date: string;
  kind: string;
  name: string;
  updated_at: Instant;
}

export interface SlaPolicyTable {
  id: Generated<number>;
  name: string;
  category_code: string | null;
  customer_level: string | null;
  priority: string | null;
  reply_minutes: number;
  problem_minutes: number;
  warn_percent: number;
  answer_minutes: number;
  is_active: Flag;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface EscalationRuleTable {
  id: Generated<number>;
  name: string;
  on_state: string;
  category_code: string | null;
  raise_priority: Flag;
  reassign_unit_id: number | null;
  is_active: Flag;
  version: number;
  updated_at: Instant;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  ticket_id: number | null;
  kind: string;
  data: string;
  created_at: Instant;
  read_at: Instant | null;
}

export interface UserSkillTable {
  user_id: number;
  category_code: string;
}

export interface SystemSettingTable {
  key: string;
  value: string;
  updated_at: Instant;
}

export interface SmsOutboxTable {
  id: Generated<number>;
  phone: string;
  sender: string;
  text: string;
  /** otp | notification | reply | survey | callback | incident | command */
  purpose: string;
  ticket_id: number | null;
  dedupe_key: string | null;
  /** queued | sending | sent | delivered | failed */
  state: Generated<string>;
  attempts: Generated<number>;
  not_before: Instant;
  next_attempt_at: Instant | null;
  last_error: string | null;
  gateway_ids: string | null;
  created_at: Instant;
  sent_at: Instant | null;
  delivered_at: Instant | null;
}

export interface SurveyTable {
  id: Generated<number>;
  ticket_id: number;
  customer_id: number;
  reply_code: string | null;
  /** sms | web */
  channel: string;
  /** pending | answered | expired */
  status: Generated<string>;
  score: number | null;
  comment: string | null;
  /** sms | web | ivr | agent */
  answered_via: string | null;
  sent_at: Instant;
  answered_at: Instant | null;
  expires_at: Instant;
}

export interface CustomerContactTable {
  id: Generated<number>;
  customer_id: number | null;
  phone: string;
  channel: string;
  kind: string;
  ticket_id: number | null;
  at: Instant;
}

// Later modules declare their own tables in their module (tables.ts) and extend this interface.
export interface Database
  extends
    StatsTables,
    IncidentTables,
    CallbackTables,
    KnowledgeTables,
    SelfServiceTables,
    ApiTokenTables,
    SmsTables,
    SurveyTables,
    RefundTables,
    QualityTables {
  sms_outbox: SmsOutboxTable;
  surveys: SurveyTable;
  customer_contacts: CustomerContactTable;
  system_settings: SystemSettingTable;
  calendars: CalendarTable;
  holidays: HolidayTable;
  sla_policies: SlaPolicyTable;
  escalation_rules: EscalationRuleTable;
  notifications: NotificationTable;
  user_skills: UserSkillTable;
  org_units: OrgUnitTable;
  users: UserTable;
  sessions: SessionTable;
  customers: CustomerTable;
  categories: CategoryTable;
  routing_rules: RoutingRuleTable;
  tickets: TicketTable;
  ticket_events: TicketEventTable;
  ticket_number_seq: TicketNumberSeqTable;
  idempotency_keys: IdempotencyKeyTable;
}
