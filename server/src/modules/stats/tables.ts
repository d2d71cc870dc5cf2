// The statistics module's own tables (migration 0008); `Database` extends this.
type Instant = string | Date;
// bigint columns come back as strings from PostgreSQL
type Sum = number | string;

export interface StatsDailyTable {
  dim: string;
  value: string;
  day: string;
  volume: Sum;
  intercepted: Sum;
  repeat_complaints: Sum;
  repeat_calls: Sum;
  over_level: Sum;
  vol_network_quality: Sum;
  vol_charges_dispute: Sum;
  vol_customer_service: Sum;
  ol_network_quality: Sum;
  ol_charges_dispute: Sum;
  ol_customer_service: Sum;
  dispatched: Sum;
  overdue: Sum;
  problem: Sum;
  closed: Sum;
  resolved: Sum;
  answered: Sum;
  handling_ms: Sum;
  surveys: Sum;
  satisfied: Sum;
  self_service_queries: Sum;
  progress_queries: Sum;
}

export type StatsMonthlyTable = Omit<StatsDailyTable, 'day'> & { month: string };

/** What the figures need to know about a ticket beyond its row: facts fixed at acceptance, and others' records. */
export interface StatsTicketTable {
  ticket_id: number;
  category_code: string;
  customer_level: string;
  branch: string;
  regulator_class: string;
  has_repeat_call: number;
  survey_answered_at: Instant | null;
  survey_score: number | null;
}

export interface StatsTables {
  stats_daily: StatsDailyTable;
  stats_monthly: StatsMonthlyTable;
  stats_tickets: StatsTicketTable;
}
