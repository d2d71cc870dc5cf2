import type { Generated } from 'kysely';

type Instant = string | Date;

// Quality inspection (migration 0007): forms, sampled tickets, inspections and their one appeal.
export interface InspectionFormTable {
  id: Generated<number>;
  name: string;
  /** JSON [{key, labelZh, labelEn, weight}] */
  items: string;
  is_active: Generated<number>;
  version: Generated<number>;
  updated_at: Instant;
}

export interface InspectionSampleTable {
  id: Generated<number>;
  ticket_id: number;
  agent_id: number | null;
  unit_id: number | null;
  week: string;
  /** share | repeat | unsatisfied */
  reason: string;
  seed: string;
  created_at: Instant;
}

export interface InspectionTable {
  id: Generated<number>;
  ticket_id: number;
  form_id: number;
  inspector_id: number;
  agent_id: number | null;
  unit_id: number | null;
  month: string;
  /** JSON [{key, score}] */
  items: string;
  /** weighted total in hundredths of a point, 0–10000 */
  score: number;
  comment: string | null;
  /** scored | appealed | decided */
  status: string;
  appeal_reason: string | null;
  appealed_at: Instant | null;
  decider_id: number | null;
  /** upheld | revised */
  decision: string | null;
  decision_note: string | null;
  decided_items: string | null;
  final_score: number;
  created_at: Instant;
  decided_at: Instant | null;
  version: Generated<number>;
}

export interface QualityTables {
  inspection_forms: InspectionFormTable;
  inspection_samples: InspectionSampleTable;
  inspections: InspectionTable;
}
