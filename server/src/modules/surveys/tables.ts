import type { Generated } from 'kysely';

type Instant = string | Date;

// 回访 tasks (migration 0007): an unsatisfied survey answer gives the ticket's owner a call to make.
export interface RevisitTable {
  id: Generated<number>;
  ticket_id: number;
  survey_id: number;
  owner_id: number | null;
  score: number;
  /** open | done */
  status: Generated<string>;
  /** resolved | still_unsatisfied | unreachable */
  outcome: string | null;
  note: string | null;
  reopened: Generated<number>;
  created_at: Instant;
  done_at: Instant | null;
  done_by: number | null;
}

export interface SurveyTables {
  revisits: RevisitTable;
}
